using System.Runtime.CompilerServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// The heart of the cycle finder (gcmodule.c's deduce_unreachable): which objects of a list
/// can be reached from outside it?
/// <list type="number">
/// <item>update_refs copies each object's refcount into its gc_refs and marks it COLLECTING.</item>
/// <item>subtract_refs walks every object's references (its type's traverse slot) and takes
/// one off the gc_refs of each COLLECTING object referenced. What is left is the number of
/// references from outside the list: from frames, from older generations, from C#.</item>
/// <item>move_unreachable: objects with gc_refs &gt; 0 are roots; everything reachable from a
/// root is reachable; the rest is moved to the <c>unreachable</c> list.</item>
/// </list>
/// No step recurses. move_unreachable is CPython's list algorithm: it scans the list once;
/// an object with gc_refs 0 is provisionally moved to <c>unreachable</c>; traversing a
/// reachable object moves anything it references back to the tail of the list being
/// scanned, so the scan reaches it later. The work list is the generation list itself,
/// threaded through the GC headers, so a ten-million-link chain needs no stack and no buffer.
/// </summary>
internal static unsafe class Reachability
{
    /// <summary>
    /// Moves the objects of <paramref name="young"/> not reachable from outside it to
    /// <paramref name="unreachable"/> (which this initialises). On return young is a normal
    /// list of reachable objects with COLLECTING clear; unreachable's members still have
    /// COLLECTING set and NEXT_MASK_UNREACHABLE set in their next links — call
    /// <see cref="ClearUnreachableMask"/> before using list operations on it.
    /// </summary>
    public static void DeduceUnreachable(PyGC_Head* young, PyGC_Head* unreachable, PyGC_Head* permanent)
    {
        UpdateRefs(young, permanent);
        SubtractRefs(young);
        GcHead.Init(unreachable);
        MoveUnreachable(young, unreachable);
    }

    /// <summary>
    /// update_refs: gc_refs = ob_refcnt for every object, and COLLECTING set. As in 3.12, an
    /// object that has become immortal moves to the permanent generation: its count says
    /// nothing about how many references exist.
    /// </summary>
    public static void UpdateRefs(PyGC_Head* containers, PyGC_Head* permanent)
    {
        PyGC_Head* gc = GcHead.Next(containers);
        while (gc != containers)
        {
            PyGC_Head* next = GcHead.Next(gc);
            PyObject* op = GcHead.FromGc(gc);
            if (Refcount.IsImmortal(op))
            {
                GcHead.Move(gc, permanent);
                gc = next;
                continue;
            }
            // A tracked object with refcount 0 would be a dealloc that left its object
            // tracked; the collector would free it a second time. Refuse loudly.
            if (op->ob_refcnt <= 0)
            {
                ThrowCorrupt(op);
            }
            GcHead.ResetRefs(gc, op->ob_refcnt);
            gc = next;
        }
    }

    /// <summary>subtract_refs: for each object, take one off gc_refs of every collected object it references.</summary>
    public static void SubtractRefs(PyGC_Head* containers)
    {
        for (PyGC_Head* gc = GcHead.Next(containers); gc != containers; gc = GcHead.Next(gc))
        {
            PyObject* op = GcHead.FromGc(gc);
            var traverse = op->ob_type->tp_traverse;
            if (traverse != null)
            {
                traverse(op, &VisitDecref, op);
            }
        }
    }

    /// <summary>visit_decref: only objects in the generation being collected (COLLECTING) count.</summary>
    private static int VisitDecref(PyObject* op, void* parent)
    {
        if (GcHead.IsGc(op))
        {
            PyGC_Head* gc = GcHead.AsGc(op);
            if (GcHead.IsCollecting(gc))
            {
                gc->_gc_prev -= (nuint)1 << GcHead.RefsShift;
            }
        }
        return 0;
    }

    /// <summary>
    /// move_unreachable. Invariant: everything to the left of the scan position in
    /// <paramref name="young"/> is reachable and traversed (COLLECTING cleared, back link
    /// restored); everything moved to <paramref name="unreachable"/> so far had gc_refs 0
    /// when the scan reached it and carries NEXT_MASK_UNREACHABLE. While the scan runs, the
    /// back links of objects to the right still hold gc_refs, so young is singly linked;
    /// <c>prev</c> remembers the last reachable object to relink behind each new one.
    /// </summary>
    public static void MoveUnreachable(PyGC_Head* young, PyGC_Head* unreachable)
    {
        PyGC_Head* prev = young;
        PyGC_Head* gc = GcHead.Next(young);
        while (gc != young)
        {
            if (GcHead.GetRefs(gc) != 0)
            {
                // Reachable from outside (or from something already found reachable):
                // whatever it references is reachable too. visit_reachable may append to
                // young, and may change gc->_gc_next when gc is young's tail, so read the
                // next object only after the traverse.
                PyObject* op = GcHead.FromGc(gc);
                var traverse = op->ob_type->tp_traverse;
                if (traverse != null)
                {
                    traverse(op, &VisitReachable, young);
                }
                GcHead.SetPrev(gc, prev);
                GcHead.ClearCollecting(gc);
                prev = gc;
            }
            else
            {
                // May be unreachable: assume so for now. If a reachable object is found to
                // reference it later, visit_reachable moves it back to young's tail. No need
                // to fix gc->next's back link: young is singly linked during the scan.
                prev->_gc_next = gc->_gc_next;
                var last = (PyGC_Head*)unreachable->_gc_prev;
                // Every member of unreachable gets the mask in its next link; writing it
                // into the head's next link too is harmless and repaired below.
                last->_gc_next = GcHead.NextMaskUnreachable | (nuint)gc;
                GcHead.SetPrev(gc, last);
                gc->_gc_next = GcHead.NextMaskUnreachable | (nuint)unreachable;
                unreachable->_gc_prev = (nuint)gc;
            }
            gc = (PyGC_Head*)prev->_gc_next;
        }
        // young's back link must name its last (reachable) object.
        young->_gc_prev = (nuint)prev;
        unreachable->_gc_next &= ~GcHead.NextMaskUnreachable;
    }

    /// <summary>visit_reachable: a referenced object of the collected generation is reachable.</summary>
    private static int VisitReachable(PyObject* op, void* arg)
    {
        if (!GcHead.IsGc(op))
        {
            return 0;
        }
        PyGC_Head* gc = GcHead.AsGc(op);
        // Objects of other generations, and objects to the left of the scan (already
        // traversed, COLLECTING cleared), are none of this pass's business.
        if (!GcHead.IsCollecting(gc))
        {
            return 0;
        }
        if ((gc->_gc_next & GcHead.NextMaskUnreachable) != 0)
        {
            // It had gc_refs 0 when the scan passed it, but it is reachable after all:
            // unlink it by hand from unreachable (the masks stop the list helpers from
            // working there) and append it to young, where the scan will reach it again.
            var young = (PyGC_Head*)arg;
            PyGC_Head* prev = GcHead.Prev(gc);
            var next = (PyGC_Head*)(gc->_gc_next & ~GcHead.NextMaskUnreachable);
            prev->_gc_next = gc->_gc_next; // keeps the mask bit
            GcHead.SetPrev(next, prev);
            GcHead.Append(gc, young);
            GcHead.SetRefs(gc, 1);
        }
        else if (GcHead.GetRefs(gc) == 0)
        {
            // Still to the right of the scan, not yet passed: tell the scan it is reachable.
            GcHead.SetRefs(gc, 1);
        }
        // Otherwise gc_refs > 0: to the right of the scan, which will traverse it anyway.
        return 0;
    }

    /// <summary>
    /// clear_unreachable_mask: removes NEXT_MASK_UNREACHABLE from every member, after which
    /// <paramref name="unreachable"/> is a normal doubly linked list (members keep COLLECTING).
    /// This is also what move_legacy_finalizers does in CPython when no object has a legacy
    /// <c>tp_del</c> — and no type of this simulator has one.
    /// </summary>
    public static void ClearUnreachableMask(PyGC_Head* unreachable)
    {
        PyGC_Head* next;
        for (PyGC_Head* gc = GcHead.Next(unreachable); gc != unreachable; gc = next)
        {
            gc->_gc_next &= ~GcHead.NextMaskUnreachable;
            next = (PyGC_Head*)gc->_gc_next;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowCorrupt(PyObject* op) =>
        throw new InvalidOperationException(
            $"gc: tracked {TypeRegistry.NameOf(op->ob_type)} object at 0x{(nint)op:x} has refcount {op->ob_refcnt}; a dealloc left it tracked");
}
