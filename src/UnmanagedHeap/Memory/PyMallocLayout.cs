using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// Sizes of the pymalloc-style allocator. The figures are CPython 3.12's on 64-bit builds
/// (<c>Objects/obmalloc.c</c>): 1 MiB arenas, 16 KiB pools, 16-byte size-class steps,
/// small requests up to 512 bytes.
/// </summary>
internal static class PyMallocLayout
{
    public const int ArenaShift = 20;
    public const nuint ArenaSize = 1u << ArenaShift;          // 1 MiB
    public const int PoolShift = 14;
    public const nuint PoolSize = 1u << PoolShift;            // 16 KiB
    public const nuint PoolMask = PoolSize - 1;
    public const int PoolsPerArena = 1 << (ArenaShift - PoolShift);  // 64: arenas are aligned, so none is lost to alignment

    public const int AlignmentShift = 4;
    public const nuint Alignment = 1u << AlignmentShift;      // 16 bytes, every block
    public const nuint SmallRequestThreshold = 512;
    public const int SizeClassCount = (int)(SmallRequestThreshold >> AlignmentShift);  // 32

    /// <summary>One bit per 16-byte unit of a pool.</summary>
    public const int LiveWords = (int)(PoolSize >> AlignmentShift) / 64;  // 16 × 64 bits

    /// <summary>Offset of the first block in a pool: the header, rounded up to the alignment.</summary>
    public static readonly uint PoolHeaderSize = (uint)((Unsafe.SizeOf<PoolHeader>() + (int)Alignment - 1) & ~((int)Alignment - 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BlockSize(uint sizeIndex) => (sizeIndex + 1) << AlignmentShift;

    /// <summary>
    /// ceil(2^16 / (block size in 16-byte units)): lets the free-list check divide by the
    /// block size with a multiply. Exact for every offset in a pool, since the unit
    /// index n &lt; 1024 and the rounding error e &lt; 32 keep n·e below 2^16.
    /// </summary>
    public static uint Reciprocal(uint sizeIndex) => ((1u << 16) + sizeIndex) / (sizeIndex + 1);

    /// <summary>
    /// True when <paramref name="offsetFromFirstBlock"/> (already known to be a multiple of 16
    /// and inside the pool) is a multiple of the class's block size, i.e. a block start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBlockBoundary(uint offsetFromFirstBlock, uint sizeIndex, uint reciprocal)
    {
        uint units = offsetFromFirstBlock >> AlignmentShift;
        return ((units * reciprocal) >> 16) * (sizeIndex + 1) == units;
    }
}

/// <summary>
/// The header at the start of every 16 KiB pool. A pool serves one size class at a time.
/// </summary>
/// <remarks>
/// <para>Free blocks form a LIFO list threaded through their first 8 bytes, so the block
/// freed last is the next one handed out for its size class (CPython reuses ids the same
/// way). Blocks never handed out are not threaded in advance: <see cref="NextOffset"/>
/// moves forward as they are carved lazily, which keeps untouched pages uncommitted.</para>
/// <para><see cref="Live"/> has one bit per 16-byte unit of the pool, set at the unit where
/// a live block starts. Indexing by unit rather than by block needs no division on the
/// hot paths, and it lets Free reject a pointer that is not a live block start (double
/// free, interior pointer) before it corrupts the free list.</para>
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PoolHeader
{
    /// <summary>Number of live blocks.</summary>
    public uint Ref;
    /// <summary>Size class; block size is (SizeIndex + 1) × 16.</summary>
    public uint SizeIndex;
    /// <summary>Offset of the next never-used block; blocks below it have been handed out at least once.</summary>
    public uint NextOffset;
    /// <summary>Largest offset at which a whole block still fits in the pool.</summary>
    public uint MaxNextOffset;
    /// <summary><see cref="PyMallocLayout.Reciprocal"/> of the size class, for the free-list check.</summary>
    public uint Reciprocal;
    private readonly uint _padding;
    /// <summary>Head of the LIFO free list, or null.</summary>
    public byte* FreeBlock;
    /// <summary>Next pool in the size class's used list, or in the arena's free-pool list.</summary>
    public PoolHeader* Next;
    /// <summary>Previous pool in the size class's used list (unused in the free-pool list).</summary>
    public PoolHeader* Prev;
    /// <summary>The arena this pool belongs to.</summary>
    public ArenaObject* Arena;
    /// <summary>Live-block-start bitmap, one bit per 16-byte unit.</summary>
    public fixed ulong Live[PyMallocLayout.LiveWords];

    /// <summary>True when no block can be handed out without a free: off every used list.</summary>
    public readonly bool IsFull => FreeBlock == null && NextOffset > MaxNextOffset;
}

/// <summary>
/// The descriptor of one 1 MiB arena, kept outside the arena (like CPython's
/// <c>arena_object</c>) so the radix map can point at it and it survives no longer than needed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ArenaObject
{
    /// <summary>1 MiB-aligned start; pool i is at Base + i × 16 KiB.</summary>
    public byte* Base;
    /// <summary>Pools [0, NextFreshPool) have a valid header; pools above were never used.</summary>
    public uint NextFreshPool;
    /// <summary>Pools holding no live block: empty formatted ones plus never-used ones.</summary>
    public uint FreePoolCount;
    /// <summary>Empty formatted pools, linked through <see cref="PoolHeader.Next"/>.</summary>
    public PoolHeader* FreePools;
    /// <summary>Neighbours in the bucket of arenas with the same <see cref="FreePoolCount"/>.</summary>
    public ArenaObject* BucketNext;
    public ArenaObject* BucketPrev;
    /// <summary>Neighbours in the list of all arenas (walks and disposal).</summary>
    public ArenaObject* AllNext;
    public ArenaObject* AllPrev;
}

/// <summary>All pymalloc state, in one native block whose address is the allocator context.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMallocState
{
    /// <summary>Per size class: head of the doubly linked list of pools with room (PoolHeader*).</summary>
    public fixed ulong UsedPools[PyMallocLayout.SizeClassCount];

    /// <summary>
    /// Arenas with free pools, bucketed by free-pool count (index 1..64; ArenaObject*).
    /// New pools come from the fullest arena (lowest non-empty bucket), as CPython prefers,
    /// so lightly used arenas drain and can be given back.
    /// </summary>
    public fixed ulong ArenaBuckets[PyMallocLayout.PoolsPerArena + 1];
    /// <summary>Bit n-1 set when bucket n is non-empty: the lowest set bit finds the fullest arena.</summary>
    public ulong NonEmptyBuckets;

    public ArenaObject* AllArenas;
    public ArenaMap Arenas;
    public RawBlockTable Large;

    /// <summary>
    /// Per size class: an emptied pool kept with its class instead of going back to its
    /// arena (PoolHeader*, or 0). Only meaningful while that pool's Ref is 0; an entry whose
    /// pool has been reused since is cleared at the next slow-path look. A pool going back
    /// to its arena always clears its entry, so no entry ever points into a released arena.
    /// </summary>
    public fixed ulong KeptPools[PyMallocLayout.SizeClassCount];

    public long ArenaCount;
    /// <summary>Arenas whose 64 pools are all back (kept pools count as in use).</summary>
    public long EmptyArenaCount;
    /// <summary>Bytes of the live large blocks (live small-block bytes are counted from the pools on demand).</summary>
    public long LargeBytes;
    /// <summary>Most bytes of arenas plus large blocks to take from the system (0 = no limit).</summary>
    public long ReserveLimit;

    /// <summary>Blocks handed out since creation (frees are this minus the live blocks, counted on demand).</summary>
    public long TotalAllocations;
}
