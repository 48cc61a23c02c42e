using System.Runtime.CompilerServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap;

/// <summary>
/// An owned ("new") reference: the holder owns one count of the object and must either
/// <see cref="Dispose"/> it or pass it to a call that steals it (Bind, New, Set, Append of a
/// NewRef). Like pythonnet's NewReference. Copies of the struct share one count: dispose once.
/// </summary>
/// <remarks>
/// <para>A copy disposed twice would drop the count twice. The struct cannot be made
/// uncopyable without an analyzer of our own, so the heap checks it instead, when it runs
/// with debug hooks (<see cref="HeapOptions.DebugHooks"/>): every NewRef then carries a
/// serial the heap issued, and disposing or passing it on retires that serial. A copy
/// whose twin was already retired is refused with an <see cref="InvalidOperationException"/>
/// before anything is decremented or read. Without debug hooks the serial is 0 and no
/// check runs: it would cost a hash-set operation per reference on the hot path.</para>
/// <para>Every member that reads the object first checks that its heap is alive and on its
/// own thread (<see cref="Heap.CheckThread"/>), and calls that store the object into a
/// container check that the container's heap is the object's.</para>
/// </remarks>
public unsafe struct NewRef : IDisposable
{
    private PyObject* _op;
    private readonly Heap? _heap;
    private readonly long _serial;

    internal NewRef(Heap heap, PyObject* op)
    {
        _heap = heap;
        _op = op;
        _serial = heap.OwnedRefs?.Issue() ?? 0;
    }

    /// <summary>True once disposed or stolen.</summary>
    public readonly bool IsNull => _op == null;

    /// <summary>The object's address (its id).</summary>
    public readonly nint Address => (nint)_op;

    /// <summary>A borrowed view, valid while this reference is held.</summary>
    public readonly BorrowedRef Borrow()
    {
        Heap heap = Heap;
        return new(heap, PointerFor(heap));
    }

    internal readonly Heap Heap => _heap ?? throw new ObjectDisposedException(nameof(NewRef), "this reference was never assigned");

    // Plain field reads for calls that take a NewRef by value and check it themselves
    // (Heap.New): reading the fields once keeps the copy in registers, where calling a
    // member on it would make the JIT spill the whole struct to the stack.
    internal readonly Heap? Owner
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _heap;
    }

    internal readonly PyObject* RawPointer
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _op;
    }

    internal readonly long Serial
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _serial;
    }

    internal readonly PyObject* Pointer => _op != null ? _op : throw new ObjectDisposedException(nameof(NewRef), "this reference was disposed or already passed on");

    /// <summary>
    /// The object, for a call of <paramref name="heap"/>: refuses a reference of another
    /// heap, a disposed or wrong-thread heap, and (with debug hooks) a copy already retired.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly PyObject* PointerFor(Heap heap)
    {
        heap.CheckOwns(_heap);
        PyObject* op = Pointer;
        if (_serial != 0)
        {
            heap.OwnedRefs!.CheckLive(_serial, op);
        }
        return op;
    }

    /// <summary>Hands the count over to a call of <paramref name="heap"/> (which now owns it); this struct becomes empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal PyObject* StealFor(Heap heap)
    {
        heap.CheckOwns(_heap);
        return Steal();
    }

    /// <summary>Hands the count over to the callee (which now owns it); this struct becomes empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal PyObject* Steal()
    {
        PyObject* op = Pointer;
        if (_serial != 0)
        {
            _heap!.CheckThread();
            _heap.OwnedRefs!.Retire(_serial, op);
        }
        _op = null;
        return op;
    }

    /// <summary>Drops the reference; the object is freed if it was the last one.</summary>
    public void Dispose()
    {
        PyObject* op = _op;
        if (op != null)
        {
            // Checked before the struct lets go: a refused Dispose (wrong thread, a retired copy) keeps the reference.
            _heap!.CheckThread();
            if (_serial != 0)
            {
                _heap.OwnedRefs!.Retire(_serial, op);
            }
            _op = null;
            Refcount.Decref(op);
        }
    }

    /// <summary>repr() of the object.</summary>
    public override readonly string ToString() => _op == null ? "<released reference>" : ObjectRepr.Repr(PointerFor(Heap));
}

/// <summary>
/// A borrowed reference: a view of an object that someone else keeps alive. It is a ref
/// struct, so it cannot be stored in a field or captured by a lambda — holding on to an
/// object requires <see cref="NewReference"/>, which makes the ownership visible.
/// </summary>
/// <remarks>Every member but <see cref="Address"/> checks the heap first (alive, own thread).</remarks>
public readonly unsafe ref struct BorrowedRef
{
    private readonly PyObject* _op;
    private readonly Heap _heap;

    internal BorrowedRef(Heap heap, PyObject* op)
    {
        _heap = heap;
        _op = op;
    }

    /// <summary>The object pointer without any check, for the layers built on the heap.</summary>
    internal PyObject* Pointer => _op;

    internal Heap Heap => _heap ?? throw new ObjectDisposedException(nameof(BorrowedRef), "this reference was never assigned");

    /// <summary>The object, for a call of <paramref name="heap"/>: refuses a reference of another heap, and a disposed or wrong-thread heap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal PyObject* PointerFor(Heap heap)
    {
        heap.CheckOwns(_heap);
        return _op;
    }

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
    public BorrowedRef Get(string attribute) => Heap.GetAttribute(Checked, attribute);

    /// <summary>Sets an attribute of an instance, taking over <paramref name="value"/> (which must belong to the same heap).</summary>
    public void Set(string attribute, NewRef value) => Heap.SetAttribute(Checked, attribute, ref value);

    /// <summary>Appends to a list (the list takes its own reference to <paramref name="item"/>, which must belong to the same heap).</summary>
    public void Append(BorrowedRef item) => Heap.Append(Checked, item.PointerFor(_heap));

    /// <summary>Appends to a list, taking over <paramref name="item"/> (which must belong to the same heap).</summary>
    public void Append(NewRef item)
    {
        PyObject* list = Checked;
        PyObject* op = item.StealFor(_heap);
        try
        {
            _heap.Append(list, op);
        }
        finally
        {
            Refcount.Decref(op);
        }
    }

    /// <summary>Number of items of a list, tuple, dict, set or str.</summary>
    public long Length => Heap.LengthOf(Checked);

    /// <summary>Item <paramref name="index"/> of a list or tuple, borrowed.</summary>
    public BorrowedRef this[long index] => Heap.ItemOf(Checked, index);

    /// <summary>The int value (throws for other types).</summary>
    public long AsInt64() => Heap.AsInt64(Checked);

    /// <summary>repr() of the object.</summary>
    public override string ToString() => ObjectRepr.Repr(Checked);

    /// <summary>The object pointer, once the heap is known to be alive and on its own thread.</summary>
    private PyObject* Checked
    {
        get
        {
            Heap.CheckThread();
            return _op;
        }
    }
}
