using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>CPython 3.12's <c>PyWeakReference</c>: referent, callback, cached hash, list links.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyWeakReference
{
    public PyObject ob_base;
    /// <summary>The referent, or None once it has died.</summary>
    public PyObject* wr_object;
    public PyObject* wr_callback;
    public nint hash;
    public PyWeakReference* wr_prev;
    public PyWeakReference* wr_next;
    public nint vectorcall;
}

/// <summary>
/// Weak references (weakref.ref and proxy). Every object whose type has a weaklist offset
/// keeps the head of a doubly linked list of the weak references to it there. When the
/// referent dies, each reference is cleared (its referent becomes None) before the memory
/// is freed, then callbacks run — so a weak reference never yields freed memory.
/// </summary>
public static unsafe class PyWeakref
{
    public static PyTypeObject* CreateType(TypeRegistry types, string name)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Traverse = &Traverse, Clear = &ClearSlot, Hash = name == "weakref.ReferenceType" ? &Hash : &ObjectProtocol.HashNotImplemented, RichCompare = name == "weakref.ReferenceType" ? &RichCompare : null };
        return types.Create(name, sizeof(PyWeakReference), 0, TypeFlags.HaveGc | TypeFlags.BaseType, slots);
    }

    /// <summary>True when <paramref name="op"/>'s type can be weakly referenced.</summary>
    public static bool Supports(PyObject* op) => op->ob_type->tp_weaklistoffset != 0;

    /// <summary>The address of <paramref name="op"/>'s weakref list head.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyWeakReference** ListHead(PyObject* op) => (PyWeakReference**)((byte*)op + op->ob_type->tp_weaklistoffset);

    public static PyObject* Referent(PyObject* weakref) => ((PyWeakReference*)weakref)->wr_object;

    /// <summary>True while the referent is alive.</summary>
    public static bool IsAlive(PyObject* weakref)
    {
        PyObject* referent = Referent(weakref);
        return referent != referent->ob_type->tp_heap->none && referent->ob_refcnt > 0;
    }

    /// <summary>
    /// A new weak reference of <paramref name="type"/> to <paramref name="referent"/>. As in
    /// CPython, a plain <c>ref</c> without callback is shared: asking twice returns the same object.
    /// </summary>
    public static PyObject* New(PyTypeObject* type, PyObject* referent, PyObject* callback)
    {
        HeapState* st = type->tp_heap;
        if (callback == st->none)
        {
            callback = null;
        }
        PyWeakReference** head = ListHead(referent);
        if (callback == null && type == st->type_weakref_ref)
        {
            for (PyWeakReference* r = *head; r != null; r = r->wr_next)
            {
                if (r->ob_base.ob_type == type && r->wr_callback == null)
                {
                    Refcount.Incref((PyObject*)r);
                    return (PyObject*)r;
                }
            }
        }
        PyObject* op = ObjectMemory.AllocateZeroed(type);
        var wr = (PyWeakReference*)op;
        wr->wr_object = referent;
        wr->hash = -1;
        if (callback != null)
        {
            Refcount.Incref(callback);
            wr->wr_callback = callback;
        }
        // As CPython's weakref___new__: a basic ref (no callback) goes first; any other
        // reference goes right after the basic ref and basic proxy, ahead of older ones —
        // so when the referent dies, callbacks run newest first.
        if (callback == null && type == st->type_weakref_ref)
        {
            InsertAfter(wr, head);
        }
        else
        {
            PyWeakReference* prev = null;
            PyWeakReference* h = *head;
            if (h != null && h->wr_callback == null && h->ob_base.ob_type == st->type_weakref_ref)
            {
                prev = h;
                h = h->wr_next;
            }
            if (h != null && h->wr_callback == null && h->ob_base.ob_type == st->type_weakref_proxy)
            {
                prev = h;
            }
            if (prev == null)
            {
                InsertAfter(wr, head);
            }
            else
            {
                wr->wr_prev = prev;
                wr->wr_next = prev->wr_next;
                if (prev->wr_next != null)
                {
                    prev->wr_next->wr_prev = wr;
                }
                prev->wr_next = wr;
            }
        }
        GcList.Track(op);
        return op;
    }

    private static void InsertAfter(PyWeakReference* wr, PyWeakReference** head)
    {
        wr->wr_next = *head;
        wr->wr_prev = null;
        if (*head != null)
        {
            (*head)->wr_prev = wr;
        }
        *head = wr;
    }

    /// <summary>Takes <paramref name="wr"/> out of its referent's list and points it at None.</summary>
    public static void ClearReference(PyWeakReference* wr)
    {
        PyObject* referent = wr->wr_object;
        HeapState* st = wr->ob_base.ob_type->tp_heap;
        if (referent == st->none)
        {
            return;
        }
        PyWeakReference** head = ListHead(referent);
        if (*head == wr)
        {
            *head = wr->wr_next;
        }
        if (wr->wr_prev != null)
        {
            wr->wr_prev->wr_next = wr->wr_next;
        }
        if (wr->wr_next != null)
        {
            wr->wr_next->wr_prev = wr->wr_prev;
        }
        wr->wr_prev = null;
        wr->wr_next = null;
        wr->wr_object = st->none;
    }

    /// <summary>Number of weak references to <paramref name="op"/> (weakref.getweakrefcount).</summary>
    public static nint Count(PyObject* op)
    {
        if (!Supports(op))
        {
            return 0;
        }
        nint n = 0;
        for (PyWeakReference* r = *ListHead(op); r != null; r = r->wr_next)
        {
            n++;
        }
        return n;
    }

    private static void Dealloc(PyObject* op)
    {
        GcList.Untrack(op);
        var wr = (PyWeakReference*)op;
        ClearReference(wr);
        Refcount.Clear(&wr->wr_callback);
        ObjectMemory.Free(op);
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var wr = (PyWeakReference*)op;
        return wr->wr_callback == null ? 0 : visit(wr->wr_callback, arg);
    }

    private static int ClearSlot(PyObject* op)
    {
        var wr = (PyWeakReference*)op;
        ClearReference(wr);
        Refcount.Clear(&wr->wr_callback);
        return 0;
    }

    /// <summary>
    /// weakref_richcompare: two live refs compare as their referents, otherwise a ref equals
    /// only itself; orderings decline.
    /// </summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (w->ob_type != st->type_weakref_ref || op is not (RichCompareOp.Eq or RichCompareOp.Ne))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        if (IsAlive(v) && IsAlive(w))
        {
            return ObjectProtocol.RichCompare(Referent(v), Referent(w), op);
        }
        return ObjectProtocol.Bool(st, (v == w) == (op == RichCompareOp.Eq));
    }

    /// <summary>A ref hashes as its referent (cached, so it survives the referent's death).</summary>
    private static nint Hash(PyObject* op)
    {
        var wr = (PyWeakReference*)op;
        if (wr->hash != -1)
        {
            return wr->hash;
        }
        if (!IsAlive(op))
        {
            return -1;
        }
        wr->hash = ObjectProtocol.Hash(wr->wr_object);
        return wr->hash;
    }
}

/// <summary>The referent side: what a dying object does about the weak references to it.</summary>
public static unsafe class WeakrefHooks
{
    /// <summary>
    /// CPython's PyObject_ClearWeakRefs: clear every weak reference to the dying
    /// <paramref name="op"/>, then call the callbacks of those still alive, in list order.
    /// </summary>
    /// <remarks>
    /// Most objects die with no weak reference: that test is inlined into every dealloc,
    /// the clearing itself is a call, so a dealloc's common path stays small.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ClearWeakrefs(PyObject* op)
    {
        if (op->ob_type->tp_weaklistoffset != 0 && *PyWeakref.ListHead(op) != null)
        {
            ClearWeakrefList(op);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ClearWeakrefList(PyObject* op)
    {
        PyWeakReference** head = PyWeakref.ListHead(op);
        HeapState* st = op->ob_type->tp_heap;
        // Collect references with callbacks first (each held alive), clearing all of them.
        int withCallbacks = 0;
        for (PyWeakReference* r = *head; r != null; r = r->wr_next)
        {
            if (r->wr_callback != null)
            {
                withCallbacks++;
            }
        }
        if (withCallbacks == 0)
        {
            while (*head != null)
            {
                PyWeakref.ClearReference(*head);
            }
            return;
        }
        PyObject* pending = PyTuple.NewUninitialized(st, withCallbacks * 2);
        int k = 0;
        while (*head != null)
        {
            PyWeakReference* r = *head;
            PyObject* callback = r->wr_callback;
            PyWeakref.ClearReference(r);
            if (callback != null)
            {
                r->wr_callback = null;
                Refcount.Incref((PyObject*)r);
                PyTuple.Items(pending)[k++] = (PyObject*)r;
                PyTuple.Items(pending)[k++] = callback; // the reference moves from the weakref to the tuple
            }
        }
        for (int i = 0; i < k; i += 2)
        {
            PyObject* r = PyTuple.Items(pending)[i];
            PyObject* callback = PyTuple.Items(pending)[i + 1];
            if (r->ob_refcnt > 1 && st->weakref_callback_hook != null)
            {
                st->weakref_callback_hook(callback, r);
            }
        }
        Refcount.Decref(pending);
    }
}
