using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// handle_weakrefs: before any finalizer runs or any cycle is broken, every weak reference
/// to an unreachable object is cleared, so nothing can reach the trash through one. Then
/// the callbacks that should run do — those of weak references that are themselves
/// reachable (they outlive their referent). A weak reference that is part of the trash
/// gets no callback: it and its referent die together, and its callback might itself be
/// trash. (See CPython's Modules/gc_weakref.txt.)
/// <para>
/// CPython does this in two loops: the first clears, the second calls. The first loop's
/// body, <see cref="ClearRefsTo"/>, runs inside the collector's single walk over the
/// trash (<see cref="TrashScan"/>); <see cref="CallCallbacks"/> is the second loop.
/// </para>
/// </summary>
internal static unsafe class WeakrefClearing
{
    /// <summary>
    /// The first loop's work for one unreachable object <paramref name="op"/>: clear it if it
    /// is a weak reference, and clear every weak reference to it, queueing on
    /// <paramref name="toCall"/> the reachable ones that have a callback.
    /// </summary>
    public static void ClearRefsTo(HeapState* st, PyObject* op, PyGC_Head* toCall)
    {
        PyTypeObject* type = op->ob_type;
        if (IsWeakref(st, op))
        {
            // A weak reference in the trash is cleared now: otherwise its callback could run
            // later, during delete_garbage, and see objects whose clear slot already ran, or
            // resurrect them (bpo-38006).
            PyWeakref.ClearReference((PyWeakReference*)op);
        }
        if (type->tp_weaklistoffset == 0)
        {
            return;
        }

        // Clear every weak reference to op. ClearReference unlinks it from op's list, so
        // the head advances each time round.
        PyWeakReference** list = PyWeakref.ListHead(op);
        for (PyWeakReference* wr = *list; wr != null; wr = *list)
        {
            PyWeakref.ClearReference(wr);
            if (wr->wr_callback == null)
            {
                continue;
            }
            // The weak reference is trash too: no callback (see the class comment).
            if (GcHead.IsCollecting(GcHead.AsGc((PyObject*)wr)))
            {
                continue;
            }
            // Reachable: hold it so it cannot vanish before its turn, and queue it.
            Refcount.Incref((PyObject*)wr);
            GcHead.Move(GcHead.AsGc((PyObject*)wr), toCall);
        }
    }

    /// <summary>
    /// The second loop: every weak reference to the trash is cleared, so callbacks may run
    /// now — they cannot reach the trash. Reachable weak references that survive their
    /// callback move to <paramref name="old"/>. Returns how many of them the callbacks freed
    /// (CPython counts those as collected).
    /// </summary>
    public static long CallCallbacks(HeapState* st, PyGC_Head* toCall, PyGC_Head* old)
    {
        long freed = 0;
        while (!GcHead.IsEmpty(toCall))
        {
            PyGC_Head* gc = GcHead.Next(toCall);
            var wr = (PyWeakReference*)GcHead.FromGc(gc);
            PyObject* callback = wr->wr_callback;
            if (callback != null && st->weakref_callback_hook != null)
            {
                st->weakref_callback_hook(callback, (PyObject*)wr);
            }
            // Give up our reference. If that was the last, the weakref's dealloc took it
            // off toCall; otherwise it is still at the front and joins the old generation.
            Refcount.Decref((PyObject*)wr);
            if (toCall->_gc_next == (nuint)gc)
            {
                GcHead.Move(gc, old);
            }
            else
            {
                freed++;
            }
        }
        return freed;
    }

    /// <summary>PyWeakref_Check: a ref or proxy, or a subclass of either.</summary>
    public static bool IsWeakref(HeapState* st, PyObject* op)
    {
        for (PyTypeObject* t = op->ob_type; t != null; t = t->tp_base)
        {
            if (t == st->type_weakref_ref || t == st->type_weakref_proxy)
            {
                return true;
            }
        }
        return false;
    }
}
