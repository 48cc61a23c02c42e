using System.Diagnostics;
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
/// <para>
/// No step recurses. move_unreachable is CPython's list algorithm: it scans the list once;
/// an object with gc_refs 0 is provisionally moved to <c>unreachable</c>; traversing a
/// reachable object moves anything it references back to the tail of the list being
/// scanned, so the scan reaches it later. The work list is the generation list itself,
/// threaded through the GC headers, so a ten-million-link chain needs no stack.
/// </para>
/// <para>
/// Speed: chasing a linked list waits for one cache miss per object, so update_refs, the
/// only pass that must chase young's links, also records the members in an array
/// (<see cref="GcBuffer"/>) that the later passes walk instead, prefetching ahead. The
/// scan of move_unreachable reaches young's original members in their list order — none
/// moves before the scan gets to it — so it can take them from the array and follow links
/// only for the objects it appended itself. untrack_tuples, untrack_dicts and the
/// gc_list_size of the survivors are folded into that scan (see <see cref="MoveUnreachable"/>
/// for why the results are the same).
/// </para>
/// </summary>
internal sealed unsafe class Reachability
{
    private readonly GcBuffer _members = new();
    private readonly GcBuffer _trash = new();
    private readonly GcBuffer _deferredDicts = new();
    private bool _membersAreGen2Order;
    /// <summary>How far the fused walk's traversal trails its walk, and its prefetch of referents.</summary>
    private const int TraverseLag = GcBuffer.PrefetchDistance / 2, PrefetchLag = TraverseLag / 2;

    /// <summary>
    /// The objects that move_unreachable put into <c>unreachable</c>, in the order they went
    /// in. Those still carrying NEXT_MASK_UNREACHABLE after the scan are exactly the
    /// members of the unreachable list, in its order.
    /// </summary>
    public GcBuffer Trash => _trash;

    /// <summary>
    /// deduce_unreachable for a collection: moves the objects of <paramref name="young"/>
    /// not reachable from outside it to <paramref name="unreachable"/> (which this
    /// initialises), untracks the surviving tuples that hold only untracked objects and —
    /// when <paramref name="full"/> — the surviving dicts whose keys and values are all
    /// untracked, and returns how many objects remain in young. Afterwards young is a normal
    /// list of reachable objects without COLLECTING; unreachable's members keep COLLECTING
    /// and NEXT_MASK_UNREACHABLE (see <see cref="ClearUnreachableMask"/>).
    /// </summary>
    public long DeduceUnreachable(HeapState* st, PyGC_Head* young, PyGC_Head* unreachable, bool full)
    {
        // The previous full collection left generation 2's members in its final order:
        // young's prefix now, so good prefetch hints for the walk of update_refs.
        bool hinted = full && _membersAreGen2Order;
        if (full && GcHead.IsEmpty(&st->permanent.head))
        {
            UpdateAndSubtractRefs(young, &st->permanent.head, st->type_list, hinted);
        }
        else
        {
            UpdateRefs(young, &st->permanent.head, hinted);
            SubtractRefs(st->type_list);
        }
        GcHead.Init(unreachable);
        long survivors = MoveUnreachable(young, unreachable, st->type_list, st->type_tuple, full ? st->type_dict : null);
        _membersAreGen2Order = full;
        return survivors;
    }

    /// <summary>deduce_unreachable as handle_resurrected_objects uses it: no untracking.</summary>
    public void DeduceUnreachable(HeapState* st, PyGC_Head* young, PyGC_Head* unreachable)
    {
        UpdateRefs(young, &st->permanent.head, hinted: false);
        SubtractRefs(st->type_list);
        GcHead.Init(unreachable);
        MoveUnreachable(young, unreachable, st->type_list, null, null);
        _membersAreGen2Order = false;
    }

    /// <summary>
    /// update_refs: gc_refs = ob_refcnt for every object, and COLLECTING set. As in 3.12, an
    /// object that has become immortal moves to the permanent generation: its count says
    /// nothing about how many references exist. Records the members in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per collection: optimise at once, not via on-stack replacement
    private void UpdateRefs(PyGC_Head* containers, PyGC_Head* permanent, bool hinted)
    {
        PyGC_Head** items = _members.Items;
        nint capacity = _members.Capacity;
        nint hints = hinted ? _members.Count : 0;
        nint k = 0;
        PyGC_Head* gc = GcHead.Next(containers);
        while (gc != containers)
        {
            // The hint array is read ahead of where it is being overwritten.
            if (k + GcBuffer.PrefetchDistance < hints)
            {
                GcBuffer.Prefetch(items[k + GcBuffer.PrefetchDistance]);
            }
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
            if (k == capacity)
            {
                items = GrowMembers(k, ref capacity);
            }
            items[k++] = gc;
            gc = next;
        }
        _members.Count = k;
    }

    /// <summary>
    /// update_refs and subtract_refs in one walk, for a full collection while the permanent
    /// generation is empty. Then every tracked object is in young, so an object met as a
    /// referent before the walk reaches it can be initialised on the spot (gc_refs =
    /// refcount, COLLECTING set) and the reference taken off; when the walk reaches an
    /// object already initialised, it keeps the count. Each object's gc_refs ends as
    /// refcount minus references from young, as with the two passes — in one pass over memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per collection: optimise at once, not via on-stack replacement
    private void UpdateAndSubtractRefs(PyGC_Head* containers, PyGC_Head* permanent, PyTypeObject* listType, bool hinted)
    {
        PyGC_Head** items = _members.Items;
        nint capacity = _members.Capacity;
        nint hints = hinted ? _members.Count : 0;
        nint k = 0;
        PyGC_Head* gc = GcHead.Next(containers);
        while (gc != containers)
        {
            if (k + GcBuffer.PrefetchDistance < hints)
            {
                GcBuffer.PrefetchObject(items[k + GcBuffer.PrefetchDistance]);
            }
            PyGC_Head* next = GcHead.Next(gc);
            PyObject* op = GcHead.FromGc(gc);
            if (!GcHead.IsCollecting(gc))
            {
                // Not met as a referent yet. (An immortal one never is: see VisitFirstTouch.)
                if (Refcount.IsImmortal(op))
                {
                    GcHead.Move(gc, permanent);
                    gc = next;
                    continue;
                }
                if (op->ob_refcnt <= 0)
                {
                    ThrowCorrupt(op);
                }
                GcHead.ResetRefs(gc, op->ob_refcnt);
            }
            if (k == capacity)
            {
                items = GrowMembers(k, ref capacity);
            }
            items[k++] = gc;
            // The walk's own loads are done; the traversal trails behind it, so that the
            // referents of each object are requested a few steps before they are visited.
            if (k > PrefetchLag)
            {
                Referents.Prefetch(GcHead.FromGc(items[k - 1 - PrefetchLag]), listType);
            }
            if (k > TraverseLag)
            {
                Referents.Visit<FirstTouch>(GcHead.FromGc(items[k - 1 - TraverseLag]), listType, null);
            }
            gc = next;
        }
        for (nint j = Math.Max(0, k - TraverseLag); j < k; j++)
        {
            Referents.Visit<FirstTouch>(GcHead.FromGc(items[j]), listType, null);
        }
        _members.Count = k;
    }

    /// <summary>visit_decref for the one-walk form: initialise a tracked object on first touch.</summary>
    private struct FirstTouch : IReferentVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Visit(PyObject* op, void* arg) => VisitFirstTouch(op);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int VisitFirstTouch(PyObject* op)
    {
        if (!GcHead.IsGc(op))
        {
            return 0;
        }
        PyGC_Head* gc = GcHead.AsGc(op);
        if (GcHead.IsCollecting(gc))
        {
            gc->_gc_prev -= (nuint)1 << GcHead.RefsShift;
        }
        else if (gc->_gc_next != 0 && !Refcount.IsImmortal(op))
        {
            // Tracked, hence in young, and not reached yet. (Immortal objects go to the
            // permanent generation when the walk reaches them and are never counted.)
            GcHead.ResetRefs(gc, op->ob_refcnt - 1);
        }
        return 0;
    }

    /// <summary>subtract_refs: for each object, take one off gc_refs of every collected object it references.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per collection: optimise at once, not via on-stack replacement
    private void SubtractRefs(PyTypeObject* listType)
    {
        PyGC_Head** items = _members.Items;
        nint n = _members.Count;
        for (nint i = 0; i < n; i++)
        {
            PrefetchAhead(items, i, n, listType);
            Referents.Visit<Decref>(GcHead.FromGc(items[i]), listType, null);
        }
    }

    /// <summary>visit_decref: only objects in the generation being collected (COLLECTING) count.</summary>
    private struct Decref : IReferentVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Visit(PyObject* op, void* arg)
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
    }

    /// <summary>
    /// move_unreachable. Invariant: everything to the left of the scan position in
    /// <paramref name="young"/> is reachable and traversed (COLLECTING cleared, back link
    /// restored); everything moved to <paramref name="unreachable"/> so far had gc_refs 0
    /// when the scan reached it and carries NEXT_MASK_UNREACHABLE. While the scan runs, the
    /// back links of objects to the right still hold gc_refs, so young is singly linked;
    /// <c>prev</c> remembers the last reachable object to relink behind each new one.
    /// <para>
    /// Untracking folded in. CPython runs untrack_tuples, then (full collections)
    /// untrack_dicts, over the survivors after this scan, in list order. The survivors'
    /// final order is the order in which the scan traverses them, and whether a tuple can
    /// be untracked depends only on objects before it in that order (a later tuple is
    /// still tracked either way); so untracking each tuple as soon as it is traversed gives
    /// the same result. A dict can be untracked when no key or value may be tracked: if it
    /// holds a container other than a tuple it never can; if it holds only atoms and
    /// untracked tuples it can now and would later; only a dict holding a still-tracked
    /// tuple must wait until every tuple has been decided, and is looked at again then.
    /// </para>
    /// Returns the number of survivors (gc_list_size(young) after untracking).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per collection: optimise at once, not via on-stack replacement
    private long MoveUnreachable(PyGC_Head* young, PyGC_Head* unreachable, PyTypeObject* listType, PyTypeObject* tupleType, PyTypeObject* dictType)
    {
        PyGC_Head** items = _members.Items;
        nint n = _members.Count;
        nint written = 0; // survivors, written back over the array in their final order
        long survivors = 0;
        _trash.Count = 0;
        _deferredDicts.Count = 0;

        PyGC_Head* prev = young;
        for (nint i = 0; ; i++)
        {
            PyGC_Head* gc;
            if (i < n)
            {
                // young's original members, reached in list order.
                PrefetchAhead(items, i, n, listType);
                gc = items[i];
                Debug.Assert(gc == (PyGC_Head*)prev->_gc_next);
            }
            else
            {
                // Objects this scan appended to young's tail.
                gc = (PyGC_Head*)prev->_gc_next;
                if (gc == young)
                {
                    break;
                }
            }

            if (GcHead.GetRefs(gc) != 0)
            {
                // Reachable from outside (or from something already found reachable):
                // whatever it references is reachable too. visit_reachable may append to
                // young, and may change gc->_gc_next when gc is young's tail, so read the
                // next object only after the traverse.
                PyObject* op = GcHead.FromGc(gc);
                PyTypeObject* type = op->ob_type;
                Referents.Visit<Reachable>(op, listType, young);
                if (type == tupleType && Untracking.TupleMayBeUntracked(op))
                {
                    Untrack(prev, gc);
                    continue;
                }
                if (type == dictType)
                {
                    Untracking.DictVerdict verdict = Untracking.DictMayBeUntracked(op);
                    if (verdict == Untracking.DictVerdict.Untrack)
                    {
                        Untrack(prev, gc);
                        continue;
                    }
                    if (verdict == Untracking.DictVerdict.Undecided)
                    {
                        _deferredDicts.Add(gc);
                    }
                }
                GcHead.SetPrev(gc, prev);
                GcHead.ClearCollecting(gc);
                prev = gc;
                survivors++;
                items[written++] = gc; // written <= i: never ahead of what is still to be read
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
                _trash.Add(gc);
            }
        }
        // young's back link must name its last (reachable) object.
        young->_gc_prev = (nuint)prev;
        unreachable->_gc_next &= ~GcHead.NextMaskUnreachable;
        _members.Count = written;

        // Every tuple is decided now: the dicts that waited for one can be decided too.
        for (nint i = 0; i < _deferredDicts.Count; i++)
        {
            PyObject* dict = GcHead.FromGc(_deferredDicts.Items[i]);
            PyDict.MaybeUntrack(dict);
            if (!GcList.IsTracked(dict))
            {
                survivors--;
            }
        }
        return survivors;
    }

    /// <summary>Untracks a survivor during the scan: unlinked behind <paramref name="prev"/>, flags cleared but FINALIZED.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Untrack(PyGC_Head* prev, PyGC_Head* gc)
    {
        // The next object's back link is set when the scan reaches it (or young's, at the end).
        prev->_gc_next = gc->_gc_next;
        gc->_gc_next = 0;
        gc->_gc_prev &= GcHead.Finalized;
    }

    /// <summary>visit_reachable: a referenced object of the collected generation is reachable.</summary>
    private struct Reachable : IReferentVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Visit(PyObject* op, void* young) => VisitReachable(op, (PyGC_Head*)young);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int VisitReachable(PyObject* op, PyGC_Head* young)
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

    /// <summary>
    /// The two-stage prefetch of an array walk at position <paramref name="i"/>: the object
    /// far ahead is loaded, and the referents of the one nearer, loaded by then, are too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchAhead(PyGC_Head** items, nint i, nint n, PyTypeObject* listType)
    {
        if (i + GcBuffer.PrefetchDistance < n)
        {
            GcBuffer.PrefetchObject(items[i + GcBuffer.PrefetchDistance]);
        }
        if (i + GcBuffer.PrefetchDistance / 2 < n)
        {
            Referents.Prefetch(GcHead.FromGc(items[i + GcBuffer.PrefetchDistance / 2]), listType);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowCorrupt(PyObject* op) =>
        throw new InvalidOperationException(
            $"gc: tracked {TypeRegistry.NameOf(op->ob_type)} object at 0x{(nint)op:x} has refcount {op->ob_refcnt}; a dealloc left it tracked");

    /// <summary>
    /// The members array is full at <paramref name="count"/>: grow it (pooled, native) and
    /// return where it now lives. Out of line, so the walks' loops stay small.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private PyGC_Head** GrowMembers(nint count, ref nint capacity)
    {
        _members.Count = count;
        _members.Grow();
        capacity = _members.Capacity;
        return _members.Items;
    }
}
