using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// The hot-path entry points of an allocator as plain function pointers over a native
/// context, in the spirit of CPython's <c>PyMemAllocatorEx</c>. The object layer copies
/// this record into the heap's native state, so a type's dealloc slot (a static function
/// that only has the object pointer) can free memory without a managed lookup.
/// </summary>
public unsafe struct AllocatorFunctions
{
    /// <summary>Allocator-owned native state passed back as the first argument.</summary>
    public void* Context;

    /// <summary>Returns a block of at least <c>size</c> bytes, 16-byte aligned, or null when exhausted.</summary>
    public delegate*<void*, nuint, void*> Malloc;

    /// <summary>Returns a block obtained from <see cref="Malloc"/> to the allocator.</summary>
    public delegate*<void*, void*, void> Free;

    /// <summary>
    /// Calls <see cref="Malloc"/>; when it is pymalloc's (the default allocator), calls it
    /// directly instead, a call the JIT binds once rather than an indirect jump through a
    /// pointer. (The comparison is exact: pymalloc publishes the very value compared with.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void* Allocate(nuint size) =>
        (nint)Malloc == (nint)PyMallocAllocator.MallocFunction ? PyMallocAllocator.Malloc(Context, size) : Malloc(Context, size);

    /// <summary>Calls <see cref="Free"/>, directly when it is pymalloc's (see <see cref="Allocate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Release(void* block)
    {
        if ((nint)Free == (nint)PyMallocAllocator.FreeFunction)
            PyMallocAllocator.Free(Context, block);
        else
            Free(Context, block);
    }
}

/// <summary>What an allocator can say about an arbitrary address without reading unverified memory.</summary>
public enum BlockState
{
    /// <summary>The address is not in memory this allocator manages (or manages any more).</summary>
    NotOwned,
    /// <summary>The address is the start of a live block.</summary>
    LiveStart,
    /// <summary>The address is inside a live block, past its start.</summary>
    LiveInterior,
    /// <summary>The address is the start of a block that was freed and is not yet reused.</summary>
    FreedStart,
    /// <summary>The address is inside a freed block, past its start.</summary>
    FreedInterior,
    /// <summary>The address is in memory the allocator owns but hands out to nobody (headers, guards, slack).</summary>
    Metadata,
}

/// <summary>
/// The answer to "what is at this address?": the state and, when the address falls in a
/// block (live or freed), where that block starts and how many bytes it holds.
/// </summary>
public readonly record struct BlockLookup(BlockState State, nint BlockStart, nuint BlockSize, long Serial = 0)
{
    public static BlockLookup NotOwned => new(BlockState.NotOwned, 0, 0);
    public bool IsLive => State is BlockState.LiveStart or BlockState.LiveInterior;
    public bool IsFreed => State is BlockState.FreedStart or BlockState.FreedInterior;
    public nint Offset(nint address) => address - BlockStart;
}

/// <summary>Counters every allocator keeps; cheap to read at any time.</summary>
public readonly record struct AllocatorStats(long LiveBlocks, long LiveBytes, long TotalAllocations, long TotalFrees, long ReservedBytes);

/// <summary>
/// One allocator, chosen per heap: pymalloc-style arenas (default), native mimalloc, or
/// system malloc, optionally wrapped in debug hooks. Besides allocating it answers the
/// questions a checked cast and a census need: "is this address the start of a live
/// block?" and "which blocks are live?".
/// </summary>
public abstract unsafe class Allocator : IDisposable
{
    /// <summary>Short name: "pymalloc", "mimalloc", "system", or "debug(inner)".</summary>
    public abstract string Name { get; }

    /// <summary>The function-pointer record the object layer calls on its hot paths.</summary>
    public abstract AllocatorFunctions Functions { get; }

    /// <summary>Allocates at least <paramref name="size"/> bytes; returns null when exhausted.</summary>
    public void* Allocate(nuint size) => Functions.Allocate(size);

    /// <summary>Frees a block obtained from this allocator.</summary>
    public void Free(void* block) => Functions.Release(block);

    /// <summary>Classifies any 64-bit value as an address; never dereferences memory it has not verified.</summary>
    public abstract BlockLookup Lookup(nint address);

    /// <summary>True when <paramref name="address"/> is the start of a live block.</summary>
    public bool IsLiveBlockStart(nint address) => Lookup(address).State == BlockState.LiveStart;

    /// <summary>
    /// Calls <paramref name="visit"/> with (start, usable size) of every live block. The
    /// visitor must not allocate or free through this allocator.
    /// </summary>
    public abstract void WalkLiveBlocks(Action<nint, nuint> visit);

    /// <summary>Counters since creation.</summary>
    public abstract AllocatorStats Stats { get; }

    /// <summary>Releases every block and all memory the allocator holds.</summary>
    public abstract void Dispose();
}
