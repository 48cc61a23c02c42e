namespace UnmanagedHeap.Objects;

/// <summary>
/// PEP 442 finalizers (<c>__del__</c>, the tp_finalize slot): each object's runs at most
/// once, remembered by the FINALIZED bit of its GC header, whether reference counting or
/// the collector triggers it; a finalizer may resurrect its object.
/// </summary>
public static unsafe class Finalization
{
    public static bool IsFinalized(PyObject* op) =>
        GcList.IsGcType(op->ob_type) && (GcList.AsGc(op)->_gc_prev & GcList.PrevMaskFinalized) != 0;

    public static void SetFinalized(PyObject* op) => GcList.AsGc(op)->_gc_prev |= GcList.PrevMaskFinalized;

    /// <summary>Runs the finalizer if it has not run; the caller holds a reference throughout.</summary>
    public static void CallOnce(PyObject* op)
    {
        var finalize = op->ob_type->tp_finalize;
        if (finalize == null || IsFinalized(op))
        {
            return;
        }
        SetFinalized(op);
        finalize(op);
    }

    /// <summary>
    /// Called by a dealloc whose object has a finalizer that has not run: revives the object
    /// for the call (count 1, tracked), runs it, and reports whether the finalizer resurrected
    /// it (then dealloc must stop) — CPython's PyObject_CallFinalizerFromDealloc.
    /// </summary>
    public static bool CallFromDealloc(PyObject* op)
    {
        op->ob_refcnt = 1;
        GcList.Track(op);
        CallOnce(op);
        if (--op->ob_refcnt != 0)
        {
            return true; // resurrected: someone stored a new reference
        }
        GcList.Untrack(op);
        return false;
    }
}
