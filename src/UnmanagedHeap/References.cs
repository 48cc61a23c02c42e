using System.Runtime.CompilerServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap;

/// <summary>
/// An owned ("new") reference: the holder owns one count of the object and must either
/// <see cref="Dispose"/> it or pass it to a call that steals it (Bind, New, Set, Append of a
/// NewRef). Like pythonnet's NewReference. Copies of the struct share one count: dispose once.
/// </summary>
public unsafe struct NewRef : IDisposable
{
    private PyObject* _op;
    private readonly Heap? _heap;

    internal NewRef(Heap heap, PyObject* op)
    {
        _heap = heap;
        _op = op;
    }

    /// <summary>True once disposed or stolen.</summary>
    public readonly bool IsNull => _op == null;

    /// <summary>The object's address (its id).</summary>
    public readonly nint Address => (nint)_op;

    /// <summary>A borrowed view, valid while this reference is held.</summary>
    public readonly BorrowedRef Borrow()
    {
        Heap.CheckThread();
        return new(Heap, Pointer);
    }

    internal readonly Heap Heap => _heap ?? throw new ObjectDisposedException(nameof(NewRef), "this reference was never assigned");

    internal readonly PyObject* Pointer => _op != null ? _op : throw new ObjectDisposedException(nameof(NewRef), "this reference was disposed or already passed on");

    /// <summary>Hands the count over to the callee (which now owns it); this struct becomes empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal PyObject* Steal()
    {
        PyObject* op = Pointer;
        _op = null;
        return op;
    }

    /// <summary>Drops the reference; the object is freed if it was the last one.</summary>
    public void Dispose()
    {
        PyObject* op = _op;
        if (op != null)
        {
            _op = null;
            _heap!.CheckThread();
            Refcount.Decref(op);
        }
    }

    public override readonly string ToString() => _op == null ? "<released reference>" : ObjectRepr.Repr(_op);
}

/// <summary>
/// A borrowed reference: a view of an object that someone else keeps alive. It is a ref
/// struct, so it cannot be stored in a field or captured by a lambda — holding on to an
/// object requires <see cref="NewReference"/>, which makes the ownership visible.
/// </summary>
public readonly unsafe ref struct BorrowedRef
{
    private readonly PyObject* _op;
    private readonly Heap _heap;

    internal BorrowedRef(Heap heap, PyObject* op)
    {
        _heap = heap;
        _op = op;
    }

    internal PyObject* Pointer => _op;

    internal Heap Heap => _heap;

    /// <summary>The object's address: what <c>id()</c> returns.</summary>
    public nint Address => (nint)_op;

    /// <summary>The raw <c>ob_refcnt</c> word (4294967295 for immortal objects).</summary>
    public long RefCount => Checked->ob_refcnt;

    /// <summary>The name of the object's type, read through <c>ob_type</c>.</summary>
    public string TypeName => TypeRegistry.NameOf(Checked->ob_type);

    /// <summary>True for None.</summary>
    public bool IsNone => Checked == _heap.State->none;

    /// <summary>Takes a reference of one's own (incref).</summary>
    public NewRef NewReference()
    {
        Refcount.Incref(Checked);
        return new NewRef(_heap, _op);
    }

    /// <summary>An attribute of an instance, borrowed from it.</summary>
    public BorrowedRef Get(string attribute) => _heap.GetAttribute(_op, attribute);

    /// <summary>Sets an attribute of an instance, taking over <paramref name="value"/>.</summary>
    public void Set(string attribute, NewRef value) => _heap.SetAttribute(_op, attribute, ref value);

    /// <summary>Appends to a list (the list takes its own reference to <paramref name="item"/>).</summary>
    public void Append(BorrowedRef item) => _heap.Append(_op, item._op);

    /// <summary>Appends to a list, taking over <paramref name="item"/>.</summary>
    public void Append(NewRef item)
    {
        PyObject* op = item.Steal();
        _heap.Append(_op, op);
        Refcount.Decref(op);
    }

    /// <summary>Number of items of a list, tuple, dict, set or str.</summary>
    public long Length => _heap.LengthOf(_op);

    /// <summary>Item <paramref name="index"/> of a list or tuple, borrowed.</summary>
    public BorrowedRef this[long index] => _heap.ItemOf(_op, index);

    /// <summary>The int value (throws for other types).</summary>
    public long AsInt64() => _heap.AsInt64(_op);

    /// <summary>repr() of the object.</summary>
    public override string ToString() => ObjectRepr.Repr(Checked);

    /// <summary>The object pointer, once the heap is known to be alive and on its own thread.</summary>
    private PyObject* Checked
    {
        get
        {
            _heap.CheckThread();
            return _op;
        }
    }
}
