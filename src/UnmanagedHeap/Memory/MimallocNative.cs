using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// The few entry points of Debian's <c>libmimalloc2.0</c> (mimalloc 2.0.x,
/// <c>libmimalloc.so.2</c>) this project uses. Signatures follow <c>mimalloc.h</c>;
/// C <c>bool</c> is bound as <see cref="byte"/> so every signature stays blittable.
/// </summary>
/// <remarks>
/// Malloc and free are marked <see cref="SuppressGCTransitionAttribute"/>:
/// they are short, never call back into .NET and never block on anything but an occasional
/// mmap, which is the condition under which skipping the GC-mode switch is allowed. It
/// roughly halves the cost of a call, which matters when mimalloc is the yardstick for
/// pymalloc's speed. The heap-wide calls (visit, destroy) keep the normal transition.
/// </remarks>
internal static unsafe partial class MimallocNative
{
    public const string LibraryName = "libmimalloc.so.2";

    /// <summary>mimalloc.h's <c>mi_heap_area_t</c> (2.0.x layout; 2.1+ appends fields we do not read).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HeapArea
    {
        public void* Blocks;          // start of the area containing heap blocks
        public nuint Reserved;        // bytes reserved for this area (virtual)
        public nuint Committed;       // bytes available to blocks so far (capacity × full block size)
        public nuint Used;            // number of allocated blocks
        public nuint BlockSize;       // usable bytes of each block
        public nuint FullBlockSize;   // stride: block size including padding and metadata
    }

    [LibraryImport(LibraryName)]
    public static partial nint mi_heap_new();

    [LibraryImport(LibraryName)]
    public static partial void mi_heap_destroy(nint heap);

    [LibraryImport(LibraryName), SuppressGCTransition]
    public static partial void* mi_heap_malloc(nint heap, nuint size);

    [LibraryImport(LibraryName), SuppressGCTransition]
    public static partial void mi_free(void* p);

    /// <summary>
    /// Calls <paramref name="visitor"/> once per area (block = null) and, when
    /// <paramref name="visitAllBlocks"/> is 1, once per live block. Stops when it returns 0.
    /// </summary>
    [LibraryImport(LibraryName)]
    public static partial byte mi_heap_visit_blocks(nint heap, byte visitAllBlocks,
        delegate* unmanaged<nint, HeapArea*, void*, nuint, void*, byte> visitor, void* arg);

    [LibraryImport(LibraryName)]
    public static partial int mi_version();
}
