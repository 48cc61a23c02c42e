using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// A table of blocks (start address → size and a caller-defined tag) that lives entirely
/// in native memory, so it can sit inside an allocator's native context and be used from
/// the static Malloc/Free functions without touching the managed heap.
/// </summary>
/// <remarks>
/// <para>Open addressing with linear probing and backward-shift deletion: no tombstones, so
/// a long run of alloc/free pairs never degrades probing. Capacity is a power of two and
/// the load factor stays at or under one half, which keeps the expected probe short.</para>
/// <para>Exact-start questions (Free, "is this a block start?") are O(1). The rarer
/// question "which block contains this interior address?" is answered from a sorted copy
/// of the starts, rebuilt lazily when <see cref="Version"/> has moved since the last
/// build: that is an inspection path, and keeping an ordered structure up to date on
/// every Malloc/Free would tax the hot path for it. A hull (lowest start, highest end)
/// rejects most foreign addresses without any rebuild.</para>
/// <para>Growth allocates with <see cref="NativeMemory"/>; a failure is reported as
/// <c>false</c>, never thrown, so callers can turn it into a null allocation.</para>
/// </remarks>
internal unsafe struct RawBlockTable
{
    public struct Entry
    {
        public nint Start;   // 0 marks an empty slot (no allocator hands out address 0)
        public nuint Size;
        public long Tag;
    }

    private const int InitialCapacityLog2 = 6;

    private Entry* _entries;
    private nuint _mask;
    private int _shift;
    private nuint _count;

    // Bounds of every block added since the table was last empty; only ever widened.
    private nint _hullStart;
    private nint _hullEnd;

    // Lazily built ascending array of starts, valid while _sortedVersion == Version.
    private nint* _sorted;
    private nuint _sortedCount;
    private nuint _sortedCapacity;
    private ulong _sortedVersion;

    /// <summary>Bumped by every add and remove; a cheap "has anything changed?" stamp.</summary>
    public ulong Version;

    public readonly nuint Count => _count;

    /// <summary>Number of slots; iterate with <see cref="SlotAt"/> and skip empty ones.</summary>
    public readonly nuint Capacity => _entries == null ? 0 : _mask + 1;

    public readonly Entry* SlotAt(nuint index) => _entries + index;

    /// <summary>Calls <paramref name="visit"/> with (start, size) of every block in the table.</summary>
    public readonly void Visit(Action<nint, nuint> visit)
    {
        for (nuint i = 0; i < Capacity; i++)
        {
            Entry* e = SlotAt(i);
            if (e->Start != 0)
                visit(e->Start, e->Size);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly nuint Home(nint start) =>
        (nuint)(((ulong)start >> 4) * 0x9E3779B97F4A7C15UL >> _shift);

    /// <summary>Adds a block; false when native memory for growth could not be had.</summary>
    public bool TryAdd(nint start, nuint size, long tag)
    {
        if (_entries == null || (_count + 1) * 2 > _mask + 1)
        {
            if (!TryGrow())
                return false;
        }

        nuint i = Home(start);
        while (_entries[i].Start != 0)
            i = (i + 1) & _mask;
        _entries[i].Start = start;
        _entries[i].Size = size;
        _entries[i].Tag = tag;
        _count++;
        Version++;

        nint end = start + (nint)size;
        if (_count == 1)
        {
            _hullStart = start;
            _hullEnd = end;
        }
        else
        {
            if (start < _hullStart) _hullStart = start;
            if (end > _hullEnd) _hullEnd = end;
        }
        return true;
    }

    /// <summary>The entry whose start is exactly <paramref name="start"/>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Entry* Find(nint start)
    {
        if (_entries == null || start == 0)
            return null;
        nuint i = Home(start);
        while (true)
        {
            nint key = _entries[i].Start;
            if (key == start) return _entries + i;
            if (key == 0) return null;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Removes the block starting at <paramref name="start"/>; false when absent.</summary>
    public bool Remove(nint start, out Entry removed)
    {
        Entry* slot = Find(start);
        if (slot == null)
        {
            removed = default;
            return false;
        }
        removed = *slot;

        // Backward-shift deletion: pull later members of the probe run into the hole
        // unless their home slot lies cyclically in (hole, j], where they must stay.
        nuint hole = (nuint)(slot - _entries);
        nuint j = hole;
        while (true)
        {
            j = (j + 1) & _mask;
            nint key = _entries[j].Start;
            if (key == 0) break;
            nuint home = Home(key);
            bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (stays) continue;
            _entries[hole] = _entries[j];
            hole = j;
        }
        _entries[hole] = default;
        _count--;
        Version++;
        return true;
    }

    /// <summary>
    /// The entry whose [start, start+size) contains <paramref name="address"/>, or null.
    /// May rebuild the sorted snapshot (O(n log n)) when the table changed since the last call.
    /// </summary>
    public Entry* FindContaining(nint address)
    {
        Entry* exact = Find(address);
        if (exact != null) return exact;
        if (_count == 0 || address < _hullStart || address >= _hullEnd)
            return null;
        if (_sortedVersion != Version || _sorted == null)
        {
            if (!TryRebuildSorted())
                return ScanContaining(address);
        }

        // Greatest start <= address.
        nuint lo = 0, hi = _sortedCount;
        while (lo < hi)
        {
            nuint mid = (lo + hi) >> 1;
            if (_sorted[mid] <= address) lo = mid + 1; else hi = mid;
        }
        if (lo == 0) return null;
        Entry* candidate = Find(_sorted[lo - 1]);
        if (candidate != null && (nuint)(address - candidate->Start) < candidate->Size)
            return candidate;
        return null;
    }

    private readonly Entry* ScanContaining(nint address)
    {
        for (nuint i = 0; i < Capacity; i++)
        {
            Entry* e = _entries + i;
            if (e->Start != 0 && (nuint)(address - e->Start) < e->Size)
                return e;
        }
        return null;
    }

    private bool TryRebuildSorted()
    {
        if (_sortedCapacity < _count)
        {
            nuint capacity = Math.Max(_count, 16);
            nint* grown = (nint*)TryRealloc(_sorted, capacity * (nuint)sizeof(nint));
            if (grown == null) return false;
            _sorted = grown;
            _sortedCapacity = capacity;
        }
        nuint n = 0;
        for (nuint i = 0; i <= _mask; i++)
        {
            nint key = _entries[i].Start;
            if (key != 0) _sorted[n++] = key;
        }
        new Span<nint>(_sorted, checked((int)n)).Sort();
        _sortedCount = n;
        _sortedVersion = Version;
        return true;
    }

    private bool TryGrow()
    {
        int log2 = _entries == null ? InitialCapacityLog2 : BitOperations.Log2(_mask + 1) + 1;
        nuint capacity = (nuint)1 << log2;
        var fresh = (Entry*)TryAllocZeroed(capacity * (nuint)sizeof(Entry));
        if (fresh == null) return false;

        Entry* old = _entries;
        nuint oldCapacity = Capacity;
        _entries = fresh;
        _mask = capacity - 1;
        _shift = 64 - log2;
        for (nuint i = 0; i < oldCapacity; i++)
        {
            if (old[i].Start == 0) continue;
            nuint j = Home(old[i].Start);
            while (_entries[j].Start != 0)
                j = (j + 1) & _mask;
            _entries[j] = old[i];
        }
        NativeMemory.Free(old);
        return true;
    }

    /// <summary>Frees the table's own memory (not the blocks it describes).</summary>
    public void Dispose()
    {
        NativeMemory.Free(_entries);
        NativeMemory.Free(_sorted);
        this = default;
    }

    // NativeMemory throws OutOfMemoryException; the allocators report exhaustion as null.
    private static void* TryAllocZeroed(nuint bytes)
    {
        try { return NativeMemory.AllocZeroed(bytes); }
        catch (OutOfMemoryException) { return null; }
    }

    private static void* TryRealloc(void* block, nuint bytes)
    {
        try { return NativeMemory.Realloc(block, bytes); }
        catch (OutOfMemoryException) { return null; }
    }
}
