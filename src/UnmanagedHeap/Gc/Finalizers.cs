using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// PEP 442 in the collector: finalize_garbage calls each unreachable object's finalizer
/// (<c>__del__</c>, the tp_finalize slot) exactly once in its life, marked by the FINALIZED
/// bit of its GC header; handle_resurrected_objects then re-runs the reachability test on
/// the trash, because a finalizer may have stored a reference to its object (or any other
/// piece of the trash) somewhere reachable.
/// </summary>
internal static unsafe class Finalizers
{
    /// <summary>
    /// finalize_garbage: runs the finalizers of <paramref name="collectable"/> in list order.
    /// A finalizer can free other members through refcounting, so the list's shape cannot be
    /// trusted across calls: always take the first member, move it to a side list, then
    /// call it. Returns how many finalizers ran.
    /// </summary>
    public static long FinalizeGarbage(PyGC_Head* collectable, Collector collector)
    {
        // Most trash has no finalizer at all: find the first member that needs one before
        // paying for the careful walk (which would produce the same list and calls).
        PyGC_Head* first = GcHead.Next(collectable);
        while (first != collectable && !NeedsFinalizer(first))
        {
            first = GcHead.Next(first);
        }
        if (first == collectable)
        {
            return 0;
        }

        long called = 0;
        PyGC_Head seen;
        GcHead.Init(&seen);
        while (!GcHead.IsEmpty(collectable))
        {
            PyGC_Head* gc = GcHead.Next(collectable);
            PyObject* op = GcHead.FromGc(gc);
            GcHead.Move(gc, &seen);
            if (NeedsFinalizer(gc))
            {
                gc->_gc_prev |= GcHead.Finalized;
                Refcount.Incref(op);
                collector.CallFinalizer(op);
                called++;
                Refcount.Decref(op);
            }
        }
        GcHead.Merge(&seen, collectable);
        return called;
    }

    private static bool NeedsFinalizer(PyGC_Head* gc) =>
        (gc->_gc_prev & GcHead.Finalized) == 0 && GcHead.FromGc(gc)->ob_type->tp_finalize != null;

    /// <summary>
    /// handle_resurrected_objects: run deduce_unreachable again over what finalize_garbage
    /// left of the trash. Whatever a finalizer made reachable again has gc_refs &gt; 0 now
    /// (a reference from outside the set) and, with everything it reaches, survives into
    /// <paramref name="old"/>; the rest is still trash and goes to
    /// <paramref name="stillUnreachable"/> (members keep COLLECTING, as they are about to go).
    /// </summary>
    public static void HandleResurrected(HeapState* st, Reachability reachability, PyGC_Head* unreachable, PyGC_Head* stillUnreachable, PyGC_Head* old)
    {
        GcHead.ClearCollectingAll(unreachable);
        PyGC_Head* resurrected = unreachable;
        reachability.DeduceUnreachable(st, resurrected, stillUnreachable);
        Reachability.ClearUnreachableMask(stillUnreachable);
        GcHead.Merge(resurrected, old);
    }
}
