using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static UnmanagedHeap.Memory.PyMallocLayout;

namespace UnmanagedHeap.Memory;

// Pool and arena management: the slow paths, taken about once per pool's worth of blocks.
public sealed unsafe partial class PyMallocAllocator
{
    /// <summary>
    /// Release policy, in two steps.
    /// <para>Pools: a pool whose last block is freed goes back to its arena, where any size
    /// class can take it — except when it is its class's only pool with room. Then it is
    /// kept with the class (still counted as in use by its arena), so a program that
    /// allocates and frees one object at a time does not shuttle the pool between class and
    /// arena on every call. (CPython does shuttle it; mimalloc keeps such a page, as here.)
    /// A kept pool goes back as soon as its class has another pool with room, or any class
    /// needs a pool from an arena; and it is not kept when that would hold an otherwise
    /// empty arena while a spare exists. So at most one pool per class is kept (32 pools,
    /// 512 KiB at most), in an arena that is in use or has no spare beside it.</para>
    /// <para>Arenas: an arena whose 64 pools are all back is returned with
    /// <see cref="NativeMemory.AlignedFree"/> at once, except that one completely empty arena
    /// is kept as a spare: without it a heap hovering at an arena boundary would map and
    /// unmap a megabyte every few allocations (CPython 3.9+ keeps one for this reason, bpo-37257).
    /// The spare has the most free pools, so it is chosen last and stays empty while any
    /// other arena has room.</para>
    /// </summary>
    private const int SpareEmptyArenas = 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void* MallocFromFreshPool(PyMallocState* s, uint index)
    {
        PoolHeader* pool = TakePool(s, index);
        if (pool == null)
            return null;
        LinkUsed(s, pool);
        return Malloc(s, BlockSize(index));   // now served by the fast path
    }

    /// <summary>Gets an empty pool for size class <paramref name="index"/> from the fullest arena with room.</summary>
    private static PoolHeader* TakePool(PyMallocState* s, uint index)
    {
        // An arena is being asked for memory: kept pools go back first, so they can serve.
        for (uint c = 0; c < SizeClassCount; c++)
        {
            if (s->KeptPools[c] != 0)
                ReleaseKeptPool(s, c);
        }

        ArenaObject* arena = s->NonEmptyBuckets == 0
            ? NewArena(s)
            : (ArenaObject*)s->ArenaBuckets[BitOperations.TrailingZeroCount(s->NonEmptyBuckets) + 1];
        if (arena == null)
            return null;

        PoolHeader* pool;
        if (arena->FreePools != null)
        {
            pool = arena->FreePools;
            arena->FreePools = pool->Next;
            // An emptied pool that served this class keeps its free list, so the blocks
            // freed last are handed out first, as CPython does; otherwise reformat it.
            bool sameClassWithRoom = pool->SizeIndex == index && !pool->IsFull;
            if (!sameClassWithRoom)
                FormatPool(pool, index);
        }
        else
        {
            pool = (PoolHeader*)(arena->Base + arena->NextFreshPool * PoolSize);
            pool->Arena = arena;
            FormatPool(pool, index);
            arena->NextFreshPool++;
        }
        pool->Ref = 0;
        pool->Next = null;
        pool->Prev = null;

        if (arena->FreePoolCount == PoolsPerArena)
            s->EmptyArenaCount--;
        MoveToBucket(s, arena, arena->FreePoolCount - 1);
        return pool;
    }

    private static void FormatPool(PoolHeader* pool, uint index)
    {
        pool->SizeIndex = index;
        pool->Reciprocal = Reciprocal(index);
        pool->FreeBlock = null;
        pool->NextOffset = PoolHeaderSize;
        pool->MaxNextOffset = (uint)PoolSize - BlockSize(index);
        new Span<ulong>(pool->Live, LiveWords).Clear();
    }

    /// <summary>The last live block of a pool was freed: keep it with its class, or hand it back to its arena.</summary>
    private static void PoolBecameEmpty(PyMallocState* s, PoolHeader* pool, bool wasFull)
    {
        bool onlyPoolWithRoom = !wasFull && pool->Prev == null && pool->Next == null;
        if (onlyPoolWithRoom)
        {
            ArenaObject* arena = pool->Arena;
            bool arenaStaysInUse = arena->FreePoolCount + 1 < PoolsPerArena;
            if (arenaStaysInUse || s->EmptyArenaCount < SpareEmptyArenas)
            {
                s->KeptPools[pool->SizeIndex] = (ulong)pool;   // stays at the head of its used list
                return;
            }
        }
        if (!wasFull)
            UnlinkUsed(s, pool);
        ReturnToArena(s, pool);
    }

    /// <summary>A full pool got a free block and rejoins its class; a kept empty pool of the class is no longer needed.</summary>
    private static void PoolHasRoomAgain(PyMallocState* s, PoolHeader* pool)
    {
        LinkUsed(s, pool);
        if (s->KeptPools[pool->SizeIndex] != 0)
            ReleaseKeptPool(s, pool->SizeIndex);
    }

    /// <summary>Clears class <paramref name="index"/>'s kept entry, handing the pool back if it is still empty.</summary>
    private static void ReleaseKeptPool(PyMallocState* s, uint index)
    {
        var pool = (PoolHeader*)s->KeptPools[index];
        s->KeptPools[index] = 0;
        if (pool->Ref != 0)
            return;   // reused since it was kept: an ordinary pool again
        UnlinkUsed(s, pool);
        ReturnToArena(s, pool);
    }

    private static void ReturnToArena(PyMallocState* s, PoolHeader* pool)
    {
        if (s->KeptPools[pool->SizeIndex] == (ulong)pool)
            s->KeptPools[pool->SizeIndex] = 0;
        ArenaObject* arena = pool->Arena;
        pool->Next = arena->FreePools;
        pool->Prev = null;
        arena->FreePools = pool;
        MoveToBucket(s, arena, arena->FreePoolCount + 1);

        if (arena->FreePoolCount == PoolsPerArena)
        {
            if (s->EmptyArenaCount >= SpareEmptyArenas)
                ReleaseArena(s, arena);
            else
                s->EmptyArenaCount++;
        }
    }

    // ---- per-class used-pool lists (pools with at least one live block and room for more)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LinkUsed(PyMallocState* s, PoolHeader* pool)
    {
        var head = (PoolHeader*)s->UsedPools[pool->SizeIndex];
        pool->Prev = null;
        pool->Next = head;
        if (head != null)
            head->Prev = pool;
        s->UsedPools[pool->SizeIndex] = (ulong)pool;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UnlinkUsed(PyMallocState* s, PoolHeader* pool)
    {
        if (pool->Prev != null)
            pool->Prev->Next = pool->Next;
        else
            s->UsedPools[pool->SizeIndex] = (ulong)pool->Next;
        if (pool->Next != null)
            pool->Next->Prev = pool->Prev;
        pool->Next = null;
        pool->Prev = null;
    }

    // ---- arena buckets by free-pool count

    private static void MoveToBucket(PyMallocState* s, ArenaObject* arena, uint freePools)
    {
        RemoveFromBucket(s, arena);
        arena->FreePoolCount = freePools;
        if (freePools == 0)
            return;   // a full arena is in no bucket: it has nothing to give
        var head = (ArenaObject*)s->ArenaBuckets[freePools];
        arena->BucketPrev = null;
        arena->BucketNext = head;
        if (head != null)
            head->BucketPrev = arena;
        s->ArenaBuckets[freePools] = (ulong)arena;
        s->NonEmptyBuckets |= 1UL << (int)(freePools - 1);
    }

    private static void RemoveFromBucket(PyMallocState* s, ArenaObject* arena)
    {
        uint n = arena->FreePoolCount;
        if (n == 0)
            return;
        if (arena->BucketPrev != null)
            arena->BucketPrev->BucketNext = arena->BucketNext;
        else
            s->ArenaBuckets[n] = (ulong)arena->BucketNext;
        if (arena->BucketNext != null)
            arena->BucketNext->BucketPrev = arena->BucketPrev;
        if (s->ArenaBuckets[n] == 0)
            s->NonEmptyBuckets &= ~(1UL << (int)(n - 1));
        arena->BucketNext = null;
        arena->BucketPrev = null;
    }

    // ---- arenas

    private static ArenaObject* NewArena(PyMallocState* s)
    {
        if (s->ReserveLimit != 0 && (s->ArenaCount + 1) * (long)ArenaSize + s->LargeBytes > s->ReserveLimit)
            return null;
        void* memory;
        try
        {
            memory = NativeMemory.AlignedAlloc(ArenaSize, ArenaSize);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }
        ArenaObject* arena = null;
        try
        {
            arena = (ArenaObject*)NativeMemory.AllocZeroed((nuint)sizeof(ArenaObject));
        }
        catch (OutOfMemoryException)
        {
        }
        if (arena == null || !ArenaMap.IsMappable((nuint)memory + ArenaSize - 1) || !s->Arenas.TrySet((nuint)memory, arena))
        {
            NativeMemory.Free(arena);
            NativeMemory.AlignedFree(memory);
            return null;
        }

        arena->Base = (byte*)memory;
        arena->AllNext = s->AllArenas;
        if (s->AllArenas != null)
            s->AllArenas->AllPrev = arena;
        s->AllArenas = arena;
        MoveToBucket(s, arena, PoolsPerArena);
        s->ArenaCount++;
        s->EmptyArenaCount++;
        return arena;
    }

    private static void ReleaseArena(PyMallocState* s, ArenaObject* arena)
    {
        RemoveFromBucket(s, arena);
        if (arena->AllPrev != null)
            arena->AllPrev->AllNext = arena->AllNext;
        else
            s->AllArenas = arena->AllNext;
        if (arena->AllNext != null)
            arena->AllNext->AllPrev = arena->AllPrev;

        s->Arenas.Clear((nuint)arena->Base);
        NativeMemory.AlignedFree(arena->Base);
        NativeMemory.Free(arena);
        s->ArenaCount--;
    }

    private static void DisposeState(PyMallocState* s)
    {
        ArenaObject* arena = s->AllArenas;
        while (arena != null)
        {
            ArenaObject* next = arena->AllNext;
            NativeMemory.AlignedFree(arena->Base);
            NativeMemory.Free(arena);
            arena = next;
        }
        for (nuint i = 0; i < s->Large.Capacity; i++)
        {
            RawBlockTable.Entry* e = s->Large.SlotAt(i);
            if (e->Start != 0)
                NativeMemory.AlignedFree((void*)e->Start);
        }
        s->Large.Dispose();
        s->Arenas.Dispose();
        NativeMemory.AlignedFree(s);
    }
}
