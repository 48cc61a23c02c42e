using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// The GC header's list operations (CPython's pycore_gc.h and _PyObject_GC_TRACK):
/// tracking links a container into generation 0, untracking unlinks it. The low two
/// bits of <c>_gc_prev</c> are flags; <c>_gc_next == 0</c> means untracked.
/// </summary>
public static unsafe class GcList
{
    /// <summary>Set on objects whose finalizer has run (PEP 442), so it never runs twice.</summary>
    public const nuint PrevMaskFinalized = 1;
    /// <summary>Set on objects in the generation being collected.</summary>
    public const nuint PrevMaskCollecting = 2;
    /// <summary>How far gc_refs are shifted inside _gc_prev.</summary>
    public const int RefsShift = 2;
    /// <summary>The pointer part of _gc_prev.</summary>
    public static readonly nuint PrevMask = ~(nuint)3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyGC_Head* AsGc(PyObject* op) => (PyGC_Head*)op - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromGc(PyGC_Head* gc) => (PyObject*)(gc + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsGcType(PyTypeObject* type) => (type->tp_flags & TypeFlags.HaveGc) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTracked(PyObject* op) => AsGc(op)->_gc_next != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyGC_Head* Prev(PyGC_Head* gc) => (PyGC_Head*)(gc->_gc_prev & PrevMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetPrev(PyGC_Head* gc, PyGC_Head* prev) =>
        gc->_gc_prev = (gc->_gc_prev & ~PrevMask) | (nuint)prev;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyGC_Head* Next(PyGC_Head* gc) => (PyGC_Head*)gc->_gc_next;

    /// <summary>Makes an empty circular list.</summary>
    public static void Init(PyGC_Head* head)
    {
        head->_gc_next = (nuint)head;
        head->_gc_prev = (nuint)head;
    }

    public static bool IsEmpty(PyGC_Head* head) => head->_gc_next == (nuint)head;

    /// <summary>Appends <paramref name="node"/> at the tail of the list headed by <paramref name="head"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Append(PyGC_Head* node, PyGC_Head* head)
    {
        PyGC_Head* last = (PyGC_Head*)head->_gc_prev;
        last->_gc_next = (nuint)node;
        node->_gc_prev = (node->_gc_prev & ~PrevMask) | (nuint)last;
        node->_gc_next = (nuint)head;
        head->_gc_prev = (nuint)node;
    }

    /// <summary>
    /// Unlinks <paramref name="node"/> from whatever list holds it. Only the FINALIZED flag
    /// survives (as in CPython's _PyObject_GC_UNTRACK): an object untracked during a
    /// collection must not carry COLLECTING into the list it may be tracked in again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Remove(PyGC_Head* node)
    {
        PyGC_Head* prev = Prev(node);
        PyGC_Head* next = Next(node);
        prev->_gc_next = (nuint)next;
        next->_gc_prev = (next->_gc_prev & ~PrevMask) | (nuint)prev;
        node->_gc_next = 0;
        node->_gc_prev &= PrevMaskFinalized;
    }

    /// <summary>Moves every object of <paramref name="from"/> to the tail of <paramref name="to"/>.</summary>
    public static void Merge(PyGC_Head* from, PyGC_Head* to)
    {
        if (IsEmpty(from))
        {
            return;
        }
        PyGC_Head* toTail = (PyGC_Head*)to->_gc_prev;
        PyGC_Head* fromHead = (PyGC_Head*)from->_gc_next;
        PyGC_Head* fromTail = (PyGC_Head*)from->_gc_prev;
        toTail->_gc_next = (nuint)fromHead;
        SetPrev(fromHead, toTail);
        to->_gc_prev = (nuint)fromTail;
        fromTail->_gc_next = (nuint)to;
        Init(from);
    }

    /// <summary>Starts tracking a container (<c>PyObject_GC_Track</c>): it joins generation 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Track(PyObject* op)
    {
        PyGC_Head* gc = AsGc(op);
        if (gc->_gc_next != 0)
        {
            return;
        }
        Append(gc, &op->ob_type->tp_heap->gen0.head);
    }

    /// <summary>Stops tracking (<c>PyObject_GC_UnTrack</c>); harmless on an untracked object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Untrack(PyObject* op)
    {
        PyGC_Head* gc = AsGc(op);
        if (gc->_gc_next != 0)
        {
            Remove(gc);
        }
    }
}
