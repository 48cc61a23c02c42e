using UnmanagedHeap.Memory;

namespace UnmanagedHeap;

/// <summary>How a <see cref="Heap"/> gets its memory.</summary>
public sealed record HeapOptions
{
    /// <summary>Which allocator backs the heap; pymalloc-style arenas by default.</summary>
    public AllocatorKind Allocator { get; init; } = AllocatorKind.PyMalloc;

    /// <summary>Wrap the allocator in debug hooks (fill patterns, guard bytes, serials), like PYTHONMALLOC=debug.</summary>
    public bool DebugHooks { get; init; }

    /// <summary>Refuse allocations once this many bytes are live (0 = no limit); exhaustion raises MemoryError in scripts.</summary>
    public long MaxHeapBytes { get; init; }

    /// <summary>
    /// Most bytes the allocator may take from the system (pymalloc's arenas and large blocks,
    /// the system allocator's blocks; 0 = no limit). Unlike <see cref="MaxHeapBytes"/> it adds
    /// no per-block header, so layouts and addresses are unchanged; it is the backstop that
    /// keeps a runaway program from exhausting the machine. mimalloc ignores it.
    /// </summary>
    public long ReserveLimitBytes { get; init; }
}
