using System.Runtime.CompilerServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// What the collector does with a GC header while it runs (gcmodule.c's gc_get_refs,
/// gc_reset_refs, gc_decref, NEXT_MASK_UNREACHABLE and the gc_list_* helpers).
/// <para>
/// Between collections <c>_gc_prev</c> is the back link of a doubly linked generation list,
/// with two flag bits below it (FINALIZED = 1, COLLECTING = 2). During a collection the
/// bits above the flags of every object in the generation being collected hold its
/// <em>gc_refs</em> instead, and the list is only singly linked until move_unreachable
/// restores the back links. The lowest bit of <c>_gc_next</c> marks, during
/// move_unreachable only, the objects sitting in the tentatively unreachable list.
/// </para>
/// </summary>
internal static unsafe class GcHead
{
    public const nuint Finalized = GcList.PrevMaskFinalized;
    public const nuint Collecting = GcList.PrevMaskCollecting;
    public const int RefsShift = GcList.RefsShift;
    /// <summary>Set in <c>_gc_next</c> of objects in move_unreachable's unreachable list.</summary>
    public const nuint NextMaskUnreachable = 1;

    /// <summary>The pointer part of <c>_gc_prev</c> (everything above the two flag bits).</summary>
    public static nuint PointerMask
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ~(nuint)3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyGC_Head* AsGc(PyObject* op) => (PyGC_Head*)op - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromGc(PyGC_Head* gc) => (PyObject*)(gc + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyGC_Head* Next(PyGC_Head* gc) => (PyGC_Head*)gc->_gc_next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyGC_Head* Prev(PyGC_Head* gc) => (PyGC_Head*)(gc->_gc_prev & PointerMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetPrev(PyGC_Head* gc, PyGC_Head* prev) =>
        gc->_gc_prev = (gc->_gc_prev & ~PointerMask) | (nuint)prev;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCollecting(PyGC_Head* gc) => (gc->_gc_prev & Collecting) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ClearCollecting(PyGC_Head* gc) => gc->_gc_prev &= ~Collecting;

    /// <summary>gc_refs; only meaningful while the object is in the generation being collected.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint GetRefs(PyGC_Head* gc) => (nint)(gc->_gc_prev >> RefsShift);

    /// <summary>Sets gc_refs, keeping the flag bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetRefs(PyGC_Head* gc, nint refs) =>
        gc->_gc_prev = (gc->_gc_prev & ~PointerMask) | ((nuint)refs << RefsShift);

    /// <summary>update_refs' step: gc_refs = refcount, COLLECTING set, FINALIZED kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ResetRefs(PyGC_Head* gc, nint refs) =>
        gc->_gc_prev = (gc->_gc_prev & Finalized) | Collecting | ((nuint)refs << RefsShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsGc(PyObject* op) => (op->ob_type->tp_flags & TypeFlags.HaveGc) != 0;

    // ---- Lists (gc_list_*). A list head is a PyGC_Head whose links have no flags. ----

    public static void Init(PyGC_Head* list)
    {
        list->_gc_next = (nuint)list;
        list->_gc_prev = (nuint)list;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsEmpty(PyGC_Head* list) => list->_gc_next == (nuint)list;

    /// <summary>gc_list_append: links <paramref name="node"/> at the tail, keeping its flag bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Append(PyGC_Head* node, PyGC_Head* list)
    {
        var last = (PyGC_Head*)list->_gc_prev;
        SetPrev(node, last);
        last->_gc_next = (nuint)node;
        node->_gc_next = (nuint)list;
        list->_gc_prev = (nuint)node;
    }

    /// <summary>gc_list_move: unlinks <paramref name="node"/> from whatever list holds it and appends it to <paramref name="list"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Move(PyGC_Head* node, PyGC_Head* list)
    {
        PyGC_Head* fromPrev = Prev(node);
        PyGC_Head* fromNext = Next(node);
        fromPrev->_gc_next = (nuint)fromNext;
        SetPrev(fromNext, fromPrev);
        var toPrev = (PyGC_Head*)list->_gc_prev;
        SetPrev(node, toPrev);
        toPrev->_gc_next = (nuint)node;
        list->_gc_prev = (nuint)node;
        node->_gc_next = (nuint)list;
    }

    /// <summary>gc_list_merge: appends all of <paramref name="from"/> to <paramref name="to"/>; <paramref name="from"/> becomes empty.</summary>
    public static void Merge(PyGC_Head* from, PyGC_Head* to)
    {
        if (!IsEmpty(from))
        {
            PyGC_Head* toTail = Prev(to);
            PyGC_Head* fromHead = Next(from);
            PyGC_Head* fromTail = Prev(from);
            toTail->_gc_next = (nuint)fromHead;
            SetPrev(fromHead, toTail);
            fromTail->_gc_next = (nuint)to;
            SetPrev(to, fromTail);
        }
        Init(from);
    }

    public static long Size(PyGC_Head* list)
    {
        long n = 0;
        for (PyGC_Head* gc = Next(list); gc != list; gc = Next(gc))
        {
            n++;
        }
        return n;
    }

    /// <summary>gc_list_clear_collecting: clears COLLECTING on every member.</summary>
    public static void ClearCollectingAll(PyGC_Head* list)
    {
        for (PyGC_Head* gc = Next(list); gc != list; gc = Next(gc))
        {
            ClearCollecting(gc);
        }
    }
}
