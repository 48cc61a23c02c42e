using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// Runs a type's dealloc slot when an object's count reaches zero, without letting deep
/// structures overflow the stack. Freeing a long chain recurses (each dealloc drops the
/// next link); like CPython's trashcan, once <see cref="MaxDepth"/> deallocs are nested,
/// further containers are parked on a chain in the heap state and freed iteratively by
/// the outermost dealloc. A 10-million-link chain thus needs at most MaxDepth frames.
/// </summary>
public static unsafe class Dealloc
{
    /// <summary>Nesting depth past which container deallocs are deferred (CPython uses 50).</summary>
    public const int MaxDepth = 50;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Run(PyObject* op)
    {
        PyTypeObject* type = op->ob_type;
        HeapState* st = type->tp_heap;
        int depth = st->dealloc_depth;
        if (depth >= MaxDepth && (type->tp_flags & TypeFlags.HaveGc) != 0)
        {
            Defer(st, op);
            return;
        }
        // Nested deallocs leave the depth as they found it, so restoring the value held in
        // a register (rather than decrementing the field) spares a dependent memory round
        // trip on every dealloc.
        st->dealloc_depth = depth + 1;
        type->tp_dealloc(op);
        st->dealloc_depth = depth;
        if (depth == 0 && st->trash_head != null)
        {
            Drain(st);
        }
    }

    /// <summary>
    /// Parks a dead container. Its GC header's pointer bits are free to use because a dead
    /// object is untracked; the flag bits (FINALIZED) are kept, so a finalizer that already
    /// ran is not run again when the deferred dealloc happens.
    /// </summary>
    private static void Defer(HeapState* st, PyObject* op)
    {
        GcList.Untrack(op);
        PyGC_Head* gc = GcList.AsGc(op);
        gc->_gc_prev = (nuint)st->trash_head | (gc->_gc_prev & ~GcList.PrevMask);
        st->trash_head = op;
    }

    private static void Drain(HeapState* st)
    {
        st->dealloc_depth++;
        while (st->trash_head != null)
        {
            PyObject* op = st->trash_head;
            PyGC_Head* gc = GcList.AsGc(op);
            st->trash_head = (PyObject*)(gc->_gc_prev & GcList.PrevMask);
            gc->_gc_prev &= ~GcList.PrevMask;
            op->ob_type->tp_dealloc(op);
        }
        st->dealloc_depth--;
    }
}
