using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// handle_weakrefs: before any finalizer runs or any cycle is broken, every weak reference
/// to an unreachable object is cleared, so nothing can reach the trash through one. Then
/// the callbacks that should run do — those of weak references that are themselves
/// reachable (they outlive their referent). A weak reference that is part of the trash
/// gets no callback: it and its referent die together, and its callback might itself be
/// trash. (See CPython's Modules/gc_weakref.txt.)
/// </summary>
internal static unsafe class WeakrefClearing
{
    /// <summary>
    /// Clears weak references to the objects in <paramref name="unreachable"/> and calls the
    /// callbacks of the reachable ones, oldest-referent first and in each referent's list
    /// order. Reachable weak references that survive their callback move to
    /// <paramref name="old"/>. Returns how many of them the callbacks freed (CPython counts
    /// those as collected).
    /// </summary>
    public static long Handle(HeapState* st, PyGC_Head* unreachable, PyGC_Head* old)
    {
        PyGC_Head toCall; // weak references whose callbacks must run
        GcHead.Init(&toCall);
        long freed = 0;

        PyGC_Head* next;
        for (PyGC_Head* gc = GcHead.Next(unreachable); gc != unreachable; gc = next)
        {
            PyObject* op = GcHead.FromGc(gc);
            next = GcHead.Next(gc);

            if (IsWeakref(st, op))
            {
                // A weak reference in the trash is cleared now: otherwise its callback
                // could run later, during delete_garbage, and see objects whose clear slot
                // already ran, or resurrect them (bpo-38006).
                PyWeakref.ClearReference((PyWeakReference*)op);
            }

            if (op->ob_type->tp_weaklistoffset == 0)
            {
                continue;
            }

            // Clear every weak reference to op. ClearReference unlinks it from op's list,
            // so the head advances each time round.
            PyWeakReference** list = PyWeakref.ListHead(op);
            for (PyWeakReference* wr = *list; wr != null; wr = *list)
            {
                PyWeakref.ClearReference(wr);
                if (wr->wr_callback == null)
                {
                    continue;
                }
                // The weakref is trash too: no callback (see the class comment).
                if (GcHead.IsCollecting(GcHead.AsGc((PyObject*)wr)))
                {
                    continue;
                }
                // Reachable: hold it so it cannot vanish before its turn, and queue it.
                Refcount.Incref((PyObject*)wr);
                GcHead.Move(GcHead.AsGc((PyObject*)wr), &toCall);
            }
        }

        // Every weak reference to the trash is cleared: callbacks may run now, and they
        // cannot reach the trash.
        while (!GcHead.IsEmpty(&toCall))
        {
            PyGC_Head* gc = GcHead.Next(&toCall);
            var wr = (PyWeakReference*)GcHead.FromGc(gc);
            PyObject* callback = wr->wr_callback;
            if (callback != null && st->weakref_callback_hook != null)
            {
                st->weakref_callback_hook(callback, (PyObject*)wr);
            }
            // Give up our reference. If that was the last, the weakref's dealloc took it
            // off toCall; otherwise it is still at the front and joins the old generation.
            Refcount.Decref((PyObject*)wr);
            if (toCall._gc_next == (nuint)gc)
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
