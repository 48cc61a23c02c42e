using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// A sorted picture of one mimalloc heap — its areas (pages) and live blocks — taken with
/// <c>mi_heap_visit_blocks</c>, so that Lookup and the walk can answer without asking
/// mimalloc about an address it might dereference.
/// </summary>
/// <remarks>
/// <para>This is the inspection path, not the hot path: building costs O(live blocks) plus
/// a sort, and the owner rebuilds only when its alloc/free counter has moved since the
/// last build. mimalloc's own <c>mi_heap_contains_block</c> reads the segment header
/// derived from the address, which is unsafe for a random value; the visit only reads
/// mimalloc's page metadata for pages this heap owns, which is always mapped.</para>
/// <para>All arrays are native. The visitor runs as an unmanaged callback, so it must not
/// throw: when an array is full it only counts, and the build is repeated with room for
/// the count.</para>
/// </remarks>
internal unsafe struct MimallocSnapshot
{
    [StructLayout(LayoutKind.Sequential)]
    public struct Area
    {
        public nint Start;
        public nuint Committed;   // blocks exist in [Start, Start + Committed)
        public nuint Reserved;    // the page spans [Start, Start + Reserved)
        public nuint Stride;
        public nuint Usable;
    }

    private struct AreaOrder : IComparer<Area>
    {
        public readonly int Compare(Area x, Area y) => x.Start.CompareTo(y.Start);
    }

    private Area* _areas;
    private int _areaCount, _areaCapacity, _areasSeen;
    private nint* _blockStarts;
    private nuint* _blockSizes;
    private int _blockCount, _blockCapacity, _blocksSeen;
    private bool _valid;
    private ulong _version;

    public readonly int BlockCount => _blockCount;
    public readonly nint BlockStart(int i) => _blockStarts[i];
    public readonly nuint BlockSize(int i) => _blockSizes[i];

    /// <summary>Sum of the usable sizes of the live blocks at the last build.</summary>
    public readonly long LiveBytes
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _blockCount; i++)
                total += (long)_blockSizes[i];
            return total;
        }
    }

    /// <summary>Sum of the reserved bytes of the heap's pages at the last build.</summary>
    public readonly long ReservedBytes
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _areaCount; i++)
                total += (long)_areas[i].Reserved;
            return total;
        }
    }

    /// <summary>Rebuilds when <paramref name="version"/> differs from the one last built for.</summary>
    public void EnsureCurrent(nint heap, ulong version)
    {
        if (_valid && _version == version)
            return;
        while (true)
        {
            _areaCount = _areasSeen = _blockCount = _blocksSeen = 0;
            fixed (MimallocSnapshot* self = &this)
                MimallocNative.mi_heap_visit_blocks(heap, 1, &Visit, self);
            if (_areasSeen <= _areaCapacity && _blocksSeen <= _blockCapacity)
                break;
            Grow(_areasSeen, _blocksSeen);
        }
        new Span<Area>(_areas, _areaCount).Sort(new AreaOrder());
        new Span<nint>(_blockStarts, _blockCount).Sort(new Span<nuint>(_blockSizes, _blockCount));
        _version = version;
        _valid = true;
    }

    [UnmanagedCallersOnly]
    private static byte Visit(nint heap, MimallocNative.HeapArea* area, void* block, nuint blockSize, void* arg)
    {
        var self = (MimallocSnapshot*)arg;
        if (block == null)
        {
            if (self->_areasSeen++ < self->_areaCapacity)
            {
                self->_areas[self->_areaCount++] = new Area
                {
                    Start = (nint)area->Blocks,
                    Committed = area->Committed,
                    Reserved = area->Reserved,
                    Stride = area->FullBlockSize,
                    Usable = area->BlockSize,
                };
            }
        }
        else if (self->_blocksSeen++ < self->_blockCapacity)
        {
            self->_blockStarts[self->_blockCount] = (nint)block;
            self->_blockSizes[self->_blockCount] = blockSize;
            self->_blockCount++;
        }
        return 1;
    }

    private void Grow(int areas, int blocks)
    {
        if (areas > _areaCapacity)
        {
            _areaCapacity = Math.Max(areas + areas / 2, 16);
            _areas = (Area*)NativeMemory.Realloc(_areas, (nuint)_areaCapacity * (nuint)sizeof(Area));
        }
        if (blocks > _blockCapacity)
        {
            _blockCapacity = Math.Max(blocks + blocks / 2, 64);
            _blockStarts = (nint*)NativeMemory.Realloc(_blockStarts, (nuint)_blockCapacity * (nuint)sizeof(nint));
            _blockSizes = (nuint*)NativeMemory.Realloc(_blockSizes, (nuint)_blockCapacity * (nuint)sizeof(nuint));
        }
    }

    /// <summary>Classifies an address against the snapshot (call <see cref="EnsureCurrent"/> first).</summary>
    public readonly BlockLookup Lookup(nint address)
    {
        int b = LastAtOrBelow(_blockStarts, _blockCount, address);
        if (b >= 0 && (nuint)(address - _blockStarts[b]) < _blockSizes[b])
        {
            nint start = _blockStarts[b];
            return new BlockLookup(start == address ? BlockState.LiveStart : BlockState.LiveInterior, start, _blockSizes[b]);
        }

        int a = LastAreaAtOrBelow(address);
        if (a < 0)
            return BlockLookup.NotOwned;
        Area area = _areas[a];
        nuint offset = (nuint)(address - area.Start);
        if (offset >= area.Reserved)
            return BlockLookup.NotOwned;            // page metadata or another heap's page
        if (offset >= area.Committed || area.Stride == 0)
            return new BlockLookup(BlockState.Metadata, area.Start + (nint)area.Committed, area.Reserved - area.Committed);
        nuint within = offset % area.Stride;
        nint blockStart = address - (nint)within;
        if (within >= area.Usable)
            return new BlockLookup(BlockState.Metadata, blockStart + (nint)area.Usable, area.Stride - area.Usable);
        // In a carved block that is not live: freed, or carved onto a free list and never handed out.
        return new BlockLookup(within == 0 ? BlockState.FreedStart : BlockState.FreedInterior, blockStart, area.Usable);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LastAtOrBelow(nint* sorted, int count, nint value)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    private readonly int LastAreaAtOrBelow(nint value)
    {
        int lo = 0, hi = _areaCount;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_areas[mid].Start <= value) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    public void Dispose()
    {
        NativeMemory.Free(_areas);
        NativeMemory.Free(_blockStarts);
        NativeMemory.Free(_blockSizes);
        this = default;
    }
}
