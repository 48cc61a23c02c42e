using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static UnmanagedHeap.Memory.PyMallocLayout;

namespace UnmanagedHeap.Memory;

/// <summary>
/// The default allocator, modelled on CPython's obmalloc: 1 MiB arenas cut into 16 KiB
/// pools, each pool serving one of 32 size classes (16, 32, … 512 bytes); larger requests
/// go to the system allocator and are tracked in a table.
/// </summary>
/// <remarks>
/// <para>Layout: arenas come from <see cref="NativeMemory.AlignedAlloc"/> aligned to their own
/// size, so an address's arena is <c>addr &amp; ~(1 MiB − 1)</c> and its pool header is at
/// <c>addr &amp; ~(16 KiB − 1)</c>. All 64 pools of an arena are usable (CPython loses one
/// to alignment; we ask for aligned memory instead). Blocks are 16-byte aligned because
/// pool headers are a multiple of 16 bytes and every class size is too.</para>
/// <para>All state lives in one native <see cref="PyMallocState"/> whose address is the
/// <see cref="AllocatorFunctions.Context"/>. Malloc and Free are static functions that
/// allocate no managed memory and take no locks: a heap belongs to one thread.</para>
/// <para>This file holds the hot paths; pool and arena management is in
/// <c>PyMallocAllocator.Pools.cs</c>, and Lookup and the walk in <c>PyMallocAllocator.Inspect.cs</c>.</para>
/// </remarks>
public sealed unsafe partial class PyMallocAllocator : Allocator
{
    /// <summary>Requests above this many bytes bypass the pools.</summary>
    public const int SmallRequestLimit = (int)SmallRequestThreshold;
    /// <summary>Bytes per arena (also its alignment).</summary>
    public const int ArenaBytes = (int)PyMallocLayout.ArenaSize;
    /// <summary>Bytes per pool (also its alignment).</summary>
    public const int PoolBytes = (int)PyMallocLayout.PoolSize;

    private PyMallocState* _state;

    /// <param name="reserveLimitBytes">
    /// Most bytes of arenas and large blocks to take from the system, 0 for no limit: past
    /// it Malloc returns null (MemoryError), before the machine runs out. Checked only when an
    /// arena or a large block is taken, so the hot paths do not see it.
    /// </param>
    public PyMallocAllocator(long reserveLimitBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reserveLimitBytes);
        // Whole cache lines of its own: the used-pool heads are written on every alloc and
        // free, and another heap's allocator state on the same line would false-share.
        nuint bytes = ((nuint)sizeof(PyMallocState) + 63) & ~(nuint)63;
        _state = (PyMallocState*)NativeMemory.AlignedAlloc(bytes, 64);
        NativeMemory.Clear(_state, bytes);
        _state->ReserveLimit = reserveLimitBytes;
        if (!_state->Arenas.TryInitialize())
        {
            NativeMemory.AlignedFree(_state);
            _state = null;
            throw new OutOfMemoryException("pymalloc: could not allocate the arena map");
        }
    }

    public override string Name => "pymalloc";

    public override AllocatorFunctions Functions => new()
    {
        Context = State,
        Malloc = MallocFunction,
        Free = FreeFunction,
    };

    /// <summary>The hot-path entry points, which <see cref="AllocatorFunctions"/> recognises to call them directly.</summary>
    internal static readonly delegate*<void*, nuint, void*> MallocFunction = &Malloc;
    internal static readonly delegate*<void*, void*, void> FreeFunction = &Free;

    public override AllocatorStats Stats
    {
        get
        {
            PyMallocState* s = State;
            (long smallBlocks, long smallBytes) = CountLiveSmallBlocks(s);
            long liveBlocks = smallBlocks + (long)s->Large.Count;
            return new AllocatorStats(
                LiveBlocks: liveBlocks,
                LiveBytes: smallBytes + s->LargeBytes,
                TotalAllocations: s->TotalAllocations,
                TotalFrees: s->TotalAllocations - liveBlocks,
                ReservedBytes: s->ArenaCount * ArenaBytes + s->LargeBytes);
        }
    }

    /// <summary>
    /// Live small blocks and their bytes, counted on demand from the pools' live counts.
    /// The hot paths keep <see cref="PoolHeader.Ref"/> anyway; running totals of live bytes
    /// or of frees (which is allocations minus live blocks) would cost every Malloc or Free
    /// a read-modify-write for figures that are read rarely.
    /// </summary>
    private static (long Blocks, long Bytes) CountLiveSmallBlocks(PyMallocState* s)
    {
        long blocks = 0, bytes = 0;
        for (ArenaObject* arena = s->AllArenas; arena != null; arena = arena->AllNext)
            for (uint i = 0; i < arena->NextFreshPool; i++)
            {
                var pool = (PoolHeader*)(arena->Base + i * PoolSize);
                blocks += pool->Ref;
                bytes += (long)pool->Ref * BlockSize(pool->SizeIndex);
            }
        return (blocks, bytes);
    }

    /// <summary>Arenas currently held (including at most one empty spare).</summary>
    public int ArenaCount => (int)State->ArenaCount;

    /// <summary>Pools currently holding at least one live block (counted on demand).</summary>
    public int PoolsInUse
    {
        get
        {
            int count = 0;
            for (ArenaObject* arena = State->AllArenas; arena != null; arena = arena->AllNext)
                for (uint i = 0; i < arena->NextFreshPool; i++)
                    if (((PoolHeader*)(arena->Base + i * PoolSize))->Ref != 0)
                        count++;
            return count;
        }
    }

    /// <summary>Emptied pools currently kept with their size class (see the release policy in PyMallocAllocator.Pools.cs).</summary>
    public int KeptPoolCount
    {
        get
        {
            PyMallocState* s = State;
            int count = 0;
            for (int c = 0; c < SizeClassCount; c++)
                if (s->KeptPools[c] != 0 && ((PoolHeader*)s->KeptPools[c])->Ref == 0)
                    count++;
            return count;
        }
    }

    /// <summary>Live blocks above <see cref="SmallRequestLimit"/>, served by the system allocator.</summary>
    public int LargeBlockCount => (int)State->Large.Count;

    private PyMallocState* State => _state != null ? _state : throw new ObjectDisposedException(nameof(PyMallocAllocator));

    // ----------------------------------------------------------------------------------
    // Hot paths
    // ----------------------------------------------------------------------------------

    // Both functions keep only the common case inline; everything else (new pools, pools
    // filling up or emptying, large blocks, errors) is a call to a NoInlining helper, so
    // the fast path needs few registers and no stack frame work beyond the minimum.

    internal static void* Malloc(void* context, nuint size)
    {
        var s = (PyMallocState*)context;
        if (size - 1 >= SmallRequestThreshold)   // 0 wraps around to a huge value
            return MallocOddSize(s, size);

        uint index = (uint)((size - 1) >> AlignmentShift);
        var pool = (PoolHeader*)s->UsedPools[index];
        if (pool == null)
            return MallocFromFreshPool(s, index);

        byte* block = pool->FreeBlock;
        if (block != null)
        {
            // The link lives in freed memory, which a use-after-free write can clobber:
            // accept it only if it points at a block start this pool has carved, i.e. at an
            // offset from the first block that is below NextOffset, 16-aligned, and a
            // multiple of the block size.
            byte* next = *(byte**)block;
            nuint relative = (nuint)next - (nuint)pool - PoolHeaderSize;   // wraps when below the first block
            if (next != null &&
                (relative >= pool->NextOffset - PoolHeaderSize ||
                 (relative & (Alignment - 1)) != 0 ||
                 !IsBlockBoundary((uint)relative, index, pool->Reciprocal)))
            {
                return ThrowCorruptFreeList(s, pool, block,
                    "the free-list link stored in this freed block was overwritten after it was freed");
            }
            pool->FreeBlock = next;
        }
        else
        {
            block = (byte*)pool + pool->NextOffset;   // the used list only holds pools with room
            pool->NextOffset += BlockSize(index);
        }

        nuint unit = ((nuint)block & PoolMask) >> AlignmentShift;
        ulong* word = pool->Live + (unit >> 6);
        ulong bit = 1UL << (int)unit;
        if ((*word & bit) != 0)
            return ThrowCorruptFreeList(s, pool, block,      // a clobbered link pointed at a live block
                "a freed block's free-list link was overwritten to point at this live block");
        *word |= bit;
        pool->Ref++;
        s->TotalAllocations++;

        if (pool->FreeBlock == null && pool->NextOffset > pool->MaxNextOffset)
            PoolFilledUp(s, pool);
        return block;
    }

    internal static void Free(void* context, void* p)
    {
        var s = (PyMallocState*)context;
        ArenaObject* arena = s->Arenas.Find((nuint)p);
        if (arena == null)
        {
            FreeOutsideArenas(s, p);
            return;
        }

        // Validate before touching anything: the pool must be formatted, and p must be
        // an aligned unit whose live bit is set (only block starts ever get one).
        var pool = (PoolHeader*)((nuint)p & ~PoolMask);
        uint poolIndex = (uint)(((nuint)p >> PoolShift) & (PoolsPerArena - 1));
        // (The throwing calls are followed by a return so they compile as jumps and keep
        // nothing alive across them: fewer saved registers on the common path.)
        if (poolIndex >= arena->NextFreshPool || ((nuint)p & (Alignment - 1)) != 0)
        {
            ThrowBadFree(s, p);
            return;
        }
        nuint unit = ((nuint)p & PoolMask) >> AlignmentShift;
        ulong* word = pool->Live + (unit >> 6);
        ulong bit = 1UL << (int)unit;
        if ((*word & bit) == 0)
        {
            ThrowBadFree(s, p);
            return;
        }

        *word &= ~bit;
        byte* head = pool->FreeBlock;
        *(byte**)p = head;
        pool->FreeBlock = (byte*)p;

        // A pool that was full (no free block, nothing left to carve) is off its used list
        // and must rejoin it; Ref reaching 0 means it is empty now. Both are rare: out of
        // line. An empty free list alone is common (one object allocated and freed over and
        // over empties it every time) and needs nothing, so it is not a reason to leave.
        bool wasFull = head == null && pool->NextOffset > pool->MaxNextOffset;
        if (--pool->Ref == 0 || wasFull)
            PoolChangedState(s, pool, wasFull);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void* MallocOddSize(PyMallocState* s, nuint size) =>
        size == 0
            ? Malloc(s, 1)                 // malloc(0) gets a unique smallest block
            : MallocLarge(s, size);

    /// <summary>The last room in a pool was handed out: it leaves its class's used list.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PoolFilledUp(PyMallocState* s, PoolHeader* pool) => UnlinkUsed(s, pool);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PoolChangedState(PyMallocState* s, PoolHeader* pool, bool wasFull)
    {
        if (pool->Ref == 0)
            PoolBecameEmpty(s, pool, wasFull);
        else if (wasFull)
            PoolHasRoomAgain(s, pool);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FreeOutsideArenas(PyMallocState* s, void* p)
    {
        if (p != null)
            FreeLarge(s, p);
    }

    // ----------------------------------------------------------------------------------
    // Large blocks: the system allocator, tracked so Lookup and the walk can see them
    // ----------------------------------------------------------------------------------

    private static void* MallocLarge(PyMallocState* s, nuint size)
    {
        if (size > nuint.MaxValue - Alignment)
            return null;
        nuint rounded = (size + Alignment - 1) & ~(Alignment - 1);
        if (s->ReserveLimit != 0 && rounded > (nuint)Math.Max(0, s->ReserveLimit - s->ArenaCount * ArenaBytes - s->LargeBytes))
            return null;
        void* p;
        try
        {
            p = NativeMemory.AlignedAlloc(rounded, Alignment);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }
        // An address the arena map cannot represent would be misclassified; refuse it.
        if (!ArenaMap.IsMappable((nuint)p + rounded) || !s->Large.TryAdd((nint)p, rounded, 0))
        {
            NativeMemory.AlignedFree(p);
            return null;
        }
        s->LargeBytes += (long)rounded;
        s->TotalAllocations++;
        return p;
    }

    private static void FreeLarge(PyMallocState* s, void* p)
    {
        if (!s->Large.Remove((nint)p, out RawBlockTable.Entry entry))
            ThrowBadFree(s, p);
        NativeMemory.AlignedFree(p);
        s->LargeBytes -= (long)entry.Size;
    }

    // ----------------------------------------------------------------------------------
    // Errors: kept out of line so the hot paths stay small
    // ----------------------------------------------------------------------------------

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadFree(PyMallocState* s, void* p)
    {
        BlockLookup found = LookupIn(s, (nint)p);
        if (found.State == BlockState.FreedStart)
            throw new HeapCorruptionException(CorruptionKind.DoubleFree, (nint)p, found.BlockSize, 0,
                "pymalloc: the block is already on its pool's free list");
        string what = found.State switch
        {
            BlockState.LiveInterior => $"it is {found.Offset((nint)p)} bytes inside the live block at 0x{found.BlockStart:x}",
            BlockState.FreedInterior => $"it is {found.Offset((nint)p)} bytes inside the freed block at 0x{found.BlockStart:x}",
            BlockState.Metadata => "it points into pool metadata or unused pool space",
            _ => "pymalloc does not own it (never allocated here, or a large block already freed)",
        };
        throw new HeapCorruptionException(CorruptionKind.InvalidFree, (nint)p, found.BlockSize, 0, "pymalloc: " + what);
    }

    /// <summary>
    /// A freed block's free-list link was overwritten. The pool's free list is dropped (its
    /// blocks stay "freed" and are recovered when the pool empties and is reformatted), so
    /// the allocator stays usable, and the write is reported.
    /// </summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void* ThrowCorruptFreeList(PyMallocState* s, PoolHeader* pool, byte* block, string detail)
    {
        pool->FreeBlock = null;
        if (pool->IsFull)
            UnlinkUsed(s, pool);
        throw new HeapCorruptionException(CorruptionKind.UseAfterFree, (nint)block, BlockSize(pool->SizeIndex), 0,
            "pymalloc: " + detail);
    }

    public override void Dispose()
    {
        if (_state == null)
            return;
        DisposeState(_state);
        _state = null;
    }
}
