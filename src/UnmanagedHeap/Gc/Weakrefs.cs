using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>A C# weak reference callback: called with the weak reference after its referent died (or became cyclic trash).</summary>
public delegate void WeakrefCallback(BorrowedRef weakref);

/// <summary>Calls a Python callable that is a weak reference's callback; installed by the script runner.</summary>
public delegate void WeakrefCallbackInvoker(BorrowedRef callback, BorrowedRef weakref);

/// <summary>
/// The C# face of Python's <c>weakref</c> module basics (<c>heap.Weakrefs</c>): weak
/// references with optional callbacks, dereferencing, getweakrefcount and getweakrefs.
/// <para>
/// Callbacks are heap objects, as in CPython. A C# <see cref="WeakrefCallback"/> is wrapped
/// in a small heap object and called directly; any other callback object (a Python
/// function of the script runner) is handed to <see cref="CallableInvoker"/>. Both paths —
/// the referent freed by reference counting, or found unreachable by the collector — go
/// through the heap's native <c>weakref_callback_hook</c>, which this class installs; the
/// script runner should set <see cref="CallableInvoker"/> rather than replace that hook.
/// A callback's exception is reported through <see cref="Collector.Unraisable"/>.
/// </para>
/// </summary>
public sealed unsafe class Weakrefs
{
    private readonly Heap _heap;
    private readonly HeapState* _st;

    internal Weakrefs(Heap heap)
    {
        _heap = heap;
        _st = heap.State;
        Callables = new ManagedCallables(heap.Types);
        _st->weakref_callback_hook = &InvokeCallbackHook;
    }

    internal ManagedCallables Callables { get; }

    /// <summary>How to call a callback object that is not a C# delegate; null means such callbacks are skipped (and reported).</summary>
    public WeakrefCallbackInvoker? CallableInvoker { get; set; }

    /// <summary>
    /// weakref.ref(obj[, callback]): a new reference to a weak reference to
    /// <paramref name="obj"/>. Without a callback the heap shares one weak reference per
    /// object, as CPython does, so two calls return the same object.
    /// </summary>
    public NewRef Ref(BorrowedRef obj, WeakrefCallback? callback = null)
    {
        PyObject* op = obj.PointerFor(_heap);
        RequireWeakReferenceable(op);
        _heap.RunPendingCollection();
        if (callback == null)
        {
            return new NewRef(_heap, PyWeakref.New(_st->type_weakref_ref, op, null));
        }
        PyObject* cb = Callables.New(callback);
        try
        {
            return new NewRef(_heap, PyWeakref.New(_st->type_weakref_ref, op, cb));
        }
        finally
        {
            Refcount.Decref(cb); // the weak reference holds its own reference to the callback
        }
    }

    /// <summary>weakref.ref(obj, callback) with a callback object from the heap (a Python callable).</summary>
    public NewRef Ref(BorrowedRef obj, BorrowedRef callback)
    {
        PyObject* op = obj.PointerFor(_heap);
        PyObject* cb = callback.PointerFor(_heap);
        RequireWeakReferenceable(op);
        _heap.RunPendingCollection();
        return new NewRef(_heap, PyWeakref.New(_st->type_weakref_ref, op, cb));
    }

    /// <summary>Calling the weak reference (<c>wr()</c>): its referent while alive, otherwise None.</summary>
    public BorrowedRef Deref(BorrowedRef weakref)
    {
        PyObject* wr = weakref.PointerFor(_heap);
        RequireWeakref(wr);
        return PyWeakref.IsAlive(wr)
            ? new BorrowedRef(_heap, PyWeakref.Referent(wr))
            : _heap.None;
    }

    /// <summary>True while the weak reference's referent is alive.</summary>
    public bool IsAlive(BorrowedRef weakref)
    {
        PyObject* wr = weakref.PointerFor(_heap);
        RequireWeakref(wr);
        return PyWeakref.IsAlive(wr);
    }

    /// <summary>weakref.getweakrefcount(obj).</summary>
    public long GetWeakRefCount(BorrowedRef obj)
    {
        return PyWeakref.Count(obj.PointerFor(_heap));
    }

    /// <summary>weakref.getweakrefs(obj): a new list of the weak references to it, in the order the object keeps them.</summary>
    public NewRef GetWeakRefs(BorrowedRef obj)
    {
        PyObject* op = obj.PointerFor(_heap);
        PyObject* result = PyList.New(_st);
        if (PyWeakref.Supports(op))
        {
            for (PyWeakReference* r = *PyWeakref.ListHead(op); r != null; r = r->wr_next)
            {
                PyList.Append(result, (PyObject*)r);
            }
        }
        return new NewRef(_heap, result);
    }

    private static void RequireWeakReferenceable(PyObject* op)
    {
        if (!PyWeakref.Supports(op))
        {
            throw new ArgumentException($"cannot create weak reference to '{TypeRegistry.NameOf(op->ob_type)}' object");
        }
    }

    private void RequireWeakref(PyObject* op)
    {
        if (!WeakrefClearing.IsWeakref(_st, op))
        {
            throw new ArgumentException($"'{TypeRegistry.NameOf(op->ob_type)}' object is not a weak reference");
        }
    }

    /// <summary>The heap's weakref_callback_hook: (callback, weakref) from a dying referent or from the collector.</summary>
    private static void InvokeCallbackHook(PyObject* callback, PyObject* weakref)
    {
        Heap heap = Heap.FromState(weakref->ob_type->tp_heap);
        heap.Weakrefs.Invoke(callback, weakref);
    }

    private void Invoke(PyObject* callback, PyObject* weakref)
    {
        try
        {
            WeakrefCallback? managed = Callables.Get<WeakrefCallback>(callback);
            if (managed != null)
            {
                managed(new BorrowedRef(_heap, weakref));
            }
            else if (CallableInvoker is { } invoker)
            {
                invoker(new BorrowedRef(_heap, callback), new BorrowedRef(_heap, weakref));
            }
            else
            {
                throw new InvalidOperationException(
                    $"no {nameof(WeakrefCallbackInvoker)} is installed to call {ObjectRepr.Repr(callback)}");
            }
        }
        catch (Exception e)
        {
            _heap.Gc.ReportUnraisable(ObjectRepr.Repr(callback), e);
        }
    }
}
