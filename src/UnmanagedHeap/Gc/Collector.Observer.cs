using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

// Letting inspection see a collection's garbage before it is freed (heapdebug's drawing of
// the last collection's unreachable set, pyheap run --graph-garbage).
public sealed unsafe partial class Collector
{
    /// <summary>
    /// Called with the addresses of each collection's unreachable objects, after finalizers
    /// and just before their references are broken, while every one is still intact. Only
    /// collections that found garbage call it. It must not run Python code or change the
    /// heap: it is for taking snapshots. Null (the default) costs one test per collection.
    /// </summary>
    public Action<IReadOnlyList<nint>>? UnreachableObserver { get; set; }

    private void ReportUnreachable(PyGC_Head* trash)
    {
        var objects = new List<nint>();
        for (PyGC_Head* gc = GcHead.Next(trash); gc != trash; gc = GcHead.Next(gc))
        {
            objects.Add((nint)GcHead.FromGc(gc));
        }
        try
        {
            UnreachableObserver?.Invoke(objects);
        }
        catch (Exception e)
        {
            ReportUnraisable("the collector's unreachable-set observer", e);
        }
    }
}
