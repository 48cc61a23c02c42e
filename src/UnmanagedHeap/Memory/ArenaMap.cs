using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// "Which pymalloc arena, if any, covers this address?" answered without reading the
/// address: a two-level radix table over address bits 20..47, in native memory.
/// </summary>
/// <remarks>
/// <para>Arenas are 1 MiB and 1 MiB-aligned, so bits 20..47 of any address name at most one
/// arena. The root has 2^14 slots (bits 34..47), each pointing to a lazily created leaf of
/// 2^14 slots (bits 20..33) that holds the arena's descriptor or null. A lookup is two
/// dependent loads of our own memory, whatever the 64-bit value asked about; this is what
/// lets Free tell a pool block from a raw large block, and Lookup classify a random value,
/// without a hash of every block and without touching memory that might not be mapped.
/// (CPython 3.10+ keeps a similar radix tree, "arena_map", for the same reason.)</para>
/// <para>x86-64 and AArch64 Linux hand user space addresses below 2^47 unless a mapping hint
/// asks for more; an address with any of bits 48..63 set is therefore never ours, and an
/// arena that would land there is refused by the allocator.</para>
/// </remarks>
internal unsafe struct ArenaMap
{
    private const int LowBits = 20;    // arena size 1 MiB
    private const int LeafBits = 14;   // bits 20..33
    private const int RootBits = 14;   // bits 34..47
    public const int AddressBits = LowBits + LeafBits + RootBits;  // 48
    private const nuint LeafMask = (1u << LeafBits) - 1;
    private const nuint RootMask = (1u << RootBits) - 1;

    // Root: RootBits-indexed array of leaves; a leaf is a LeafBits-indexed array of ArenaObject*.
    private ArenaObject*** _root;

    public bool TryInitialize()
    {
        try
        {
            _root = (ArenaObject***)NativeMemory.AllocZeroed((nuint)(1 << RootBits), (nuint)sizeof(nint));
            return true;
        }
        catch (OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>True when the address can be mapped at all (bits 48..63 clear).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsMappable(nuint address) => (address >> AddressBits) == 0;

    /// <summary>The arena covering <paramref name="address"/>, or null. Safe for any value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ArenaObject* Find(nuint address)
    {
        if ((address >> AddressBits) != 0) return null;
        ArenaObject** leaf = _root[(address >> (LowBits + LeafBits)) & RootMask];
        if (leaf == null) return null;
        return leaf[(address >> LowBits) & LeafMask];
    }

    /// <summary>Records <paramref name="arena"/> for its 1 MiB window; false when a leaf could not be allocated.</summary>
    public bool TrySet(nuint arenaBase, ArenaObject* arena)
    {
        ref ArenaObject** leaf = ref _root[(arenaBase >> (LowBits + LeafBits)) & RootMask];
        if (leaf == null)
        {
            try
            {
                leaf = (ArenaObject**)NativeMemory.AllocZeroed((nuint)(1 << LeafBits), (nuint)sizeof(nint));
            }
            catch (OutOfMemoryException)
            {
                return false;
            }
        }
        leaf[(arenaBase >> LowBits) & LeafMask] = arena;
        return true;
    }

    public readonly void Clear(nuint arenaBase)
    {
        ArenaObject** leaf = _root[(arenaBase >> (LowBits + LeafBits)) & RootMask];
        if (leaf != null)
            leaf[(arenaBase >> LowBits) & LeafMask] = null;
    }

    /// <summary>Frees the root and every leaf (leaves are kept until then: they are few and small).</summary>
    public void Dispose()
    {
        if (_root == null) return;
        for (nuint i = 0; i <= RootMask; i++)
            NativeMemory.Free(_root[i]);
        NativeMemory.Free(_root);
        _root = null;
    }
}
