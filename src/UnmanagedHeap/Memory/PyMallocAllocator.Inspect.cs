using System.Numerics;
using static UnmanagedHeap.Memory.PyMallocLayout;

namespace UnmanagedHeap.Memory;

// Inspection: Lookup and the live-block walk. Not hot; written for safety first.
public sealed unsafe partial class PyMallocAllocator
{
    /// <inheritdoc />
    /// <remarks>
    /// Reads only memory proven ours: the arena map (our own table), the arena descriptor it
    /// yields, and a pool header only when the arena says that pool has been formatted.
    /// Any other value is answered from the large-block table. For <see cref="BlockState.Metadata"/>
    /// the start and size describe the unused region (pool header, uncarved tail, unused pool).
    /// </remarks>
    public override BlockLookup Lookup(nint address) => LookupIn(State, address);

    internal static BlockLookup LookupIn(PyMallocState* s, nint address)
    {
        ArenaObject* arena = s->Arenas.Find((nuint)address);
        if (arena == null)
        {
            RawBlockTable.Entry* large = s->Large.FindContaining(address);
            if (large == null)
                return BlockLookup.NotOwned;   // includes large blocks already freed: that memory went back to the system
            return new BlockLookup(large->Start == address ? BlockState.LiveStart : BlockState.LiveInterior, large->Start, large->Size);
        }

        uint poolIndex = (uint)(((nuint)address >> PoolShift) & (PoolsPerArena - 1));
        var pool = (PoolHeader*)((nuint)address & ~PoolMask);
        if (poolIndex >= arena->NextFreshPool)
            return new BlockLookup(BlockState.Metadata, (nint)pool, PoolSize);       // never-used pool

        uint offset = (uint)((nuint)address & PoolMask);
        if (offset < PoolHeaderSize)
            return new BlockLookup(BlockState.Metadata, (nint)pool, PoolHeaderSize);  // the pool header

        uint size = BlockSize(pool->SizeIndex);
        uint blockOffset = PoolHeaderSize + (offset - PoolHeaderSize) / size * size;
        if (blockOffset >= pool->NextOffset)                                          // not carved yet, or tail slack
            return new BlockLookup(BlockState.Metadata, (nint)pool + (nint)pool->NextOffset, PoolSize - pool->NextOffset);

        uint unit = blockOffset >> AlignmentShift;
        bool live = (pool->Live[(int)(unit >> 6)] & (1UL << (int)unit)) != 0;
        bool atStart = offset == blockOffset;
        BlockState state = live
            ? (atStart ? BlockState.LiveStart : BlockState.LiveInterior)
            : (atStart ? BlockState.FreedStart : BlockState.FreedInterior);
        return new BlockLookup(state, (nint)pool + (nint)blockOffset, size);
    }

    /// <inheritdoc />
    /// <remarks>Arena by arena, pool by pool, in bitmap order; then the large blocks.</remarks>
    public override void WalkLiveBlocks(Action<nint, nuint> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        PyMallocState* s = State;
        for (ArenaObject* arena = s->AllArenas; arena != null; arena = arena->AllNext)
        {
            for (uint i = 0; i < arena->NextFreshPool; i++)
            {
                var pool = (PoolHeader*)(arena->Base + i * PoolSize);
                if (pool->Ref == 0)
                    continue;
                nuint size = BlockSize(pool->SizeIndex);
                for (int w = 0; w < LiveWords; w++)
                {
                    ulong bits = pool->Live[w];
                    while (bits != 0)
                    {
                        int bit = BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                        visit((nint)pool + ((w * 64 + bit) << AlignmentShift), size);
                    }
                }
            }
        }
        s->Large.Visit(visit);
    }
}
