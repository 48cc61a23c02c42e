using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// One walk over the unreachable set that does what CPython does in four walks, in the
/// same per-object order: move_legacy_finalizers' clearing of NEXT_MASK_UNREACHABLE (no
/// type here has a legacy tp_del, so nothing is moved), DEBUG_COLLECTABLE's lines, the
/// first loop of handle_weakrefs, and — as a by-product — the size of the set and whether
/// any member still needs its finalizer. No code outside the collector runs during the
/// walk, so doing the four jobs object by object instead of pass by pass changes nothing
/// anyone can observe; the walk follows move_unreachable's record of the set
/// (<see cref="Reachability.Trash"/>) rather than its links, which is much faster.
/// </summary>
internal static unsafe class TrashScan
{
    /// <summary>What the walk learnt.</summary>
    public readonly record struct Result(long Count, bool NeedsFinalizer);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // once per collection
    public static Result Run(HeapState* st, GcBuffer trash, PyGC_Head* weakrefsToCall, Collector? printCollectable)
    {
        PyGC_Head** items = trash.Items;
        nint n = trash.Count;
        long count = 0;
        bool needsFinalizer = false;
        for (nint i = 0; i < n; i++)
        {
            if (i + GcBuffer.PrefetchDistance < n)
            {
                // The GC header, the object's type and, just before the header, the
                // pre-header words of a class instance (where its weakref list is).
                PyGC_Head* ahead = items[i + GcBuffer.PrefetchDistance];
                GcBuffer.Prefetch((byte*)ahead - 16);
                GcBuffer.Prefetch((byte*)ahead + 16);
            }
            PyGC_Head* gc = items[i];
            // Recorded when moved to unreachable; an object found reachable later was moved
            // back and lost the mark.
            if ((gc->_gc_next & GcHead.NextMaskUnreachable) == 0)
            {
                continue;
            }
            gc->_gc_next &= ~GcHead.NextMaskUnreachable;
            count++;
            PyObject* op = GcHead.FromGc(gc);
            printCollectable?.DebugCycle("collectable", op);
            WeakrefClearing.ClearRefsTo(st, op, weakrefsToCall);
            if ((gc->_gc_prev & GcHead.Finalized) == 0 && op->ob_type->tp_finalize != null)
            {
                needsFinalizer = true;
            }
        }
        return new Result(count, needsFinalizer);
    }
}
