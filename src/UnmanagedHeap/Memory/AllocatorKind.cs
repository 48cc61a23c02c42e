namespace UnmanagedHeap.Memory;

/// <summary>The allocators a heap can run on (names as in <c>PYTHONMALLOC</c> where one exists).</summary>
public enum AllocatorKind
{
    /// <summary>pymalloc-style arenas and pools (<see cref="PyMallocAllocator"/>); the default.</summary>
    PyMalloc,
    /// <summary>Native mimalloc from libmimalloc.so.2 (<see cref="MimallocAllocator"/>).</summary>
    Mimalloc,
    /// <summary>The C library's malloc (<see cref="SystemAllocator"/>).</summary>
    System,
}
