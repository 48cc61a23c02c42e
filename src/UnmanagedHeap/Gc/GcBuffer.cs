using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// A growable array of GC header pointers in native memory, kept by the collector from one
/// collection to the next so that collecting allocates nothing once it has grown. The
/// collector uses it to visit the members of a list in order without chasing the list's
/// links — each hop of a linked list waits for a cache miss, while an array lets the CPU
/// (and an explicit prefetch) fetch many objects at once. The lists stay the truth; the
/// arrays are a faster way to visit them, or merely hints for prefetching.
/// </summary>
internal sealed unsafe class GcBuffer
{
    /// <summary>How many objects ahead to prefetch while walking an array.</summary>
    public const int PrefetchDistance = 12;

    public PyGC_Head** Items;
    public nint Count;
    public nint Capacity;

    ~GcBuffer() => NativeMemory.Free(Items);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(PyGC_Head* gc)
    {
        if (Count == Capacity)
        {
            Grow();
        }
        Items[Count++] = gc;
    }

    /// <summary>Doubles the capacity (at least 1024 entries), keeping the contents.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Grow()
    {
        nint capacity = Math.Max(1024, Capacity * 2);
        Items = (PyGC_Head**)NativeMemory.Realloc(Items, (nuint)capacity * (nuint)sizeof(nint));
        Capacity = capacity;
    }

    /// <summary>
    /// Asks the CPU to start loading the cache line at <paramref name="p"/>. A prefetch never
    /// faults, so a stale hint (an object freed since) costs nothing but the wasted load.
    /// </summary>
    /// <summary>Prefetches the two cache lines from a GC header on: the header, the object's own header and its first fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PrefetchObject(PyGC_Head* gc)
    {
        Prefetch(gc);
        Prefetch((byte*)gc + 64);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Prefetch(void* p)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(p);
        }
    }
}
