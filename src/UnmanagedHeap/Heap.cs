using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using UnmanagedHeap.Inspect;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap;

/// <summary>
/// One simulated Python heap: an allocator, the type registry, the singletons and the
/// collector, tied together by a native runtime state. Every object it makes lives in its
/// unmanaged memory; <see cref="Id"/> is a real address and <see cref="Cast"/> reads an
/// object back from one, after checking it. A heap belongs to the thread that created it,
/// like an interpreter with its own GIL.
/// </summary>
/// <remarks>
/// The C# surface cannot be turned into a crash: every member that reads native state
/// first runs <see cref="CheckThread"/> (one comparison; it fails on another thread and
/// after <see cref="Dispose"/>), and every call that takes a reference or a class runs
/// <see cref="CheckOwns"/>, which also refuses an object of another heap, so no
/// container of this heap can point into memory another heap's Dispose frees.
/// The component objects (<see cref="Types"/>, <see cref="Interned"/>, <see cref="Raw"/>,
/// ...) are the raw-pointer layer underneath: their getters check, a cached instance does not.
/// </remarks>
public sealed unsafe partial class Heap : IDisposable
{
    private readonly int _ownerThread = Environment.CurrentManagedThreadId;
    /// <summary>
    /// The owner thread's <see cref="ThreadToken"/> while the heap is usable, and 0 (no
    /// thread's token) once it is disposed, so that CheckThread's single comparison also
    /// refuses use after Dispose.
    /// </summary>
    private int _ownerToken = ThreadToken.Current;
    private readonly HeapState* _state;
    private GCHandle _self;
    private bool _disposed;
    private readonly Allocator _allocator;
    private readonly TypeRegistry _types;
    private readonly InternTable _interned;
    private readonly RawMemory _raw;
    private readonly AddressClassifier _addresses;
    private readonly HexDump _dump;

    public Heap(HeapOptions? options = null)
    {
        Options = options ?? new HeapOptions();
        OwnedRefs = Options.DebugHooks ? new OwnedRefSerials() : null;
        Allocator inner = Allocators.Create(Options.Allocator, Options.DebugHooks, Options.ReserveLimitBytes);
        _allocator = Options.MaxHeapBytes > 0 ? new BudgetAllocator(inner, Options.MaxHeapBytes) : inner;
        _state = HeapBootstrap.CreateState(_allocator.Functions, freelists: !Options.DebugHooks);
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        _state->managed_heap = GCHandle.ToIntPtr(_self);
        _types = new TypeRegistry(_state);
        HeapBootstrap.CreateTypesAndSingletons(_state, _types);
        _interned = new InternTable(_state);
        _raw = new RawMemory(_allocator);
        _addresses = new AddressClassifier(_allocator, _types, _state);
        _dump = new HexDump(_raw, _types, _allocator, _addresses);
        InitializeCollector();
        Inspector = new Inspector(_allocator, _addresses, _dump, Gc, _state, FrameRoots, CheckThread);
    }

    public HeapOptions Options { get; }

    /// <summary>The allocator every object, item array and type object of this heap comes from.</summary>
    public Allocator Allocator
    {
        get
        {
            CheckThread();
            return _allocator;
        }
    }

    /// <summary>This heap's type objects.</summary>
    public TypeRegistry Types
    {
        get
        {
            CheckThread();
            return _types;
        }
    }

    /// <summary>Interned strs (sys.intern).</summary>
    public InternTable Interned
    {
        get
        {
            CheckThread();
            return _interned;
        }
    }

    /// <summary>Checked raw reads (ctypes' from_address, string_at).</summary>
    public RawMemory Raw
    {
        get
        {
            CheckThread();
            return _raw;
        }
    }

    /// <summary>Explains what any address is.</summary>
    public AddressClassifier Addresses
    {
        get
        {
            CheckThread();
            return _addresses;
        }
    }

    /// <summary>Annotated hex dumps of object memory.</summary>
    public HexDump Dump
    {
        get
        {
            CheckThread();
            return _dump;
        }
    }

    /// <summary>The serials of live owned references, with debug hooks only (see <see cref="NewRef"/>).</summary>
    internal OwnedRefSerials? OwnedRefs { get; }

    /// <summary>The debugging toolkit: annotated dumps, reference graphs, census growth, why an object is alive.</summary>
    public Inspector Inspector { get; }

    /// <summary>Frames not yet disposed, oldest first: their bindings are roots for <see cref="Inspector.WhyAlive"/>.</summary>
    private readonly List<Frame> _openFrames = [];

    internal void FrameOpened(Frame frame) => _openFrames.Add(frame);

    internal void FrameClosed(Frame frame) => _openFrames.Remove(frame);

    /// <summary>Every open frame's bound locals, as roots ("local 'n1' of frame 1").</summary>
    private IReadOnlyList<Root> FrameRoots()
    {
        var roots = new List<Root>();
        for (int i = 0; i < _openFrames.Count; i++)
        {
            foreach (var (name, value) in _openFrames[i].Bindings())
            {
                roots.Add(new Root($"local '{name}' of frame {i + 1}", value));
            }
        }
        return roots;
    }

    internal HeapState* State => _state;

    /// <summary>The native runtime state, for layers built on the heap (the script runner).</summary>
    public HeapState* NativeState
    {
        get
        {
            CheckThread();
            return _state;
        }
    }

    /// <summary>The Heap that owns a native state (for slot functions that must reach managed code).</summary>
    public static Heap FromState(HeapState* state) =>
        (Heap)(GCHandle.FromIntPtr(state->managed_heap).Target ?? throw new ObjectDisposedException(nameof(Heap)));

    /// <summary>Objects currently alive in this heap.</summary>
    public long LiveObjects
    {
        get
        {
            CheckThread();
            return _state->live_objects;
        }
    }

    /// <summary>
    /// Visits every allocator block that holds a live object or a live object's buffer: the
    /// allocator's walk minus the blocks parked on the freelists, which are allocated but dead.
    /// </summary>
    public void WalkLiveBlocks(Action<nint, nuint> visit)
    {
        CheckThread();
        var parked = new HashSet<nint>();
        Freelists.AddParkedBlocks(_state, parked);
        _allocator.WalkLiveBlocks((start, size) =>
        {
            if (!parked.Contains(start))
            {
                visit(start, size);
            }
        });
    }

    /// <summary>Freed floats, tuples, lists and dicts parked on their freelists for reuse (not live, not yet returned to the allocator).</summary>
    public long ParkedObjects
    {
        get
        {
            CheckThread();
            return _state->parked_objects;
        }
    }

    // ---- Values ----

    public BorrowedRef None => Singleton(_state->none);
    public BorrowedRef True => Singleton(_state->true_obj);
    public BorrowedRef False => Singleton(_state->false_obj);

    private BorrowedRef Singleton(PyObject* op)
    {
        CheckThread();
        return new BorrowedRef(this, op);
    }

    public NewRef Int(long value)
    {
        CheckThread();
        return new NewRef(this, PyLong.FromInt64(_state, value));
    }

    public NewRef Int(System.Numerics.BigInteger value)
    {
        CheckThread();
        return new NewRef(this, PyLong.FromBigInteger(_state, value));
    }

    public NewRef Float(double value)
    {
        CheckThread();
        return new NewRef(this, PyFloat.FromDouble(_state, value));
    }

    public NewRef Str(string value)
    {
        CheckThread();
        return new NewRef(this, PyUnicode.FromString(_state, value));
    }

    /// <summary>The interned str for <paramref name="value"/> (immortal).</summary>
    public BorrowedRef Intern(string value)
    {
        CheckThread();
        return new BorrowedRef(this, _interned.Intern(value));
    }

    public NewRef NewList()
    {
        CheckThread();
        return new NewRef(this, PyList.New(_state));
    }

    public NewRef NewDict()
    {
        CheckThread();
        return new NewRef(this, PyDict.New(_state));
    }

    public NewRef NewSet()
    {
        CheckThread();
        return new NewRef(this, PySet.New(_state->type_set));
    }

    /// <summary>A tuple of the given items (each gets a reference from the tuple).</summary>
    /// <remarks>Each id is checked to be a live object of this heap first, as <see cref="Cast"/> does.</remarks>
    public NewRef Tuple(params ReadOnlySpan<nint> items)
    {
        CheckThread();
        foreach (nint id in items)
        {
            Cast(id);
        }
        return new NewRef(this, PyTuple.Pack(_state, items));
    }

    // ---- Classes and instances ----

    /// <summary>
    /// Defines a class whose instances store <paramref name="attributes"/> inline, in this order
    /// (what CPython 3.12's shared keys would learn from an <c>__init__</c> setting them).
    /// </summary>
    public PyClass DefineClass(string name, params string[] attributes)
    {
        CheckThread();
        PyTypeObject* type = _types.Create(name, sizeof(PyObject), sizeof(nint),
            TypeFlags.HeapType | TypeFlags.BaseType | TypeFlags.HaveGc | TypeFlags.ManagedDict | TypeFlags.ManagedWeakref,
            PyInstance.Slots, _state->type_object);
        type->tp_inline_capacity = attributes.Length;
        foreach (string attribute in attributes)
        {
            InstanceLayout.AddSharedKey(type, _interned.Intern(attribute));
        }
        return new PyClass(this, type);
    }

    /// <summary>A new instance with no attributes set.</summary>
    public NewRef New(PyClass cls)
    {
        PyTypeObject* type = cls.TypeFor(this);
        RunPendingCollection();
        return new NewRef(this, PyInstance.New(type));
    }

    /// <summary>A new instance whose first declared attribute takes over <paramref name="a0"/>.</summary>
    /// <remarks>An argument of another heap is refused before anything is taken over or made.</remarks>
    public NewRef New(PyClass cls, NewRef a0)
    {
        a0.PointerFor(this);
        NewRef obj = New(cls);
        SetInline(obj.Pointer, 0, a0.Steal());
        return obj;
    }

    /// <summary>A new instance whose first two declared attributes take over the arguments (Node(value, edges)).</summary>
    /// <remarks>
    /// An argument of another heap, a released argument, or a class with fewer than two
    /// declared attributes is refused before anything is taken over or made.
    /// This is the stress workloads' hot path (Node(i, [])), so it makes one thread check
    /// for the whole call and reads each argument's fields once (see <see cref="NewRef.Owner"/>).
    /// </remarks>
    public NewRef New(PyClass cls, NewRef a0, NewRef a1)
    {
        Heap? owner0 = a0.Owner, owner1 = a1.Owner;
        PyObject* v0 = a0.RawPointer, v1 = a1.RawPointer;
        long serial0 = a0.Serial, serial1 = a1.Serial;
        PyTypeObject* type = cls.TypeFor(this);
        if (owner0 != this || owner1 != this || v0 == null || v1 == null || (serial0 | serial1) != 0)
        {
            CheckArgument(owner0, v0, serial0);
            CheckArgument(owner1, v1, serial1);
        }
        nint capacity = InstanceLayout.CapacityFor(type);
        if (capacity < 2)
        {
            ThrowTooFewAttributes(type, 2);
        }
        if (_state->gc_scheduled != 0)
        {
            RunPendingCollection();
        }
        PyObject* op = PyInstance.New(type, capacity);
        // The fresh instance's slots are empty: store the stolen references directly.
        PyInstance.Values(op)[0] = v0;
        PyInstance.Values(op)[1] = v1;
        if ((serial0 | serial1) != 0)
        {
            RetireArguments(serial0, v0, serial1, v1);
        }
        return new NewRef(this, op);
    }

    /// <summary>
    /// <see cref="NewRef.PointerFor"/>'s checks on an argument's fields, for New when one of
    /// its fast tests failed (another heap, released, or debug hooks' serials to check).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckArgument(Heap? owner, PyObject* op, long serial)
    {
        CheckOwns(owner);
        if (op == null)
        {
            throw new ObjectDisposedException(nameof(NewRef), "this reference was disposed or already passed on");
        }
        if (serial != 0)
        {
            OwnedRefs!.CheckLive(serial, op);
        }
    }

    /// <summary>With debug hooks: the arguments' serials, checked live above, are retired now that the instance owns them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RetireArguments(long serial0, PyObject* v0, long serial1, PyObject* v1)
    {
        OwnedRefSerials refs = OwnedRefs!;
        if (serial0 != 0)
        {
            refs.Retire(serial0, v0);
        }
        if (serial1 != 0)
        {
            refs.Retire(serial1, v1);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooFewAttributes(PyTypeObject* type, int needed) =>
        throw new ArgumentException($"{TypeRegistry.NameOf(type)} declares fewer than {needed} attributes");

    private static void SetInline(PyObject* op, nint index, PyObject* value)
    {
        if (index >= PyInstance.InlineCapacity(op))
        {
            Refcount.Decref(value);
            throw new ArgumentException($"{TypeRegistry.NameOf(op->ob_type)} declares fewer than {index + 1} attributes");
        }
        Refcount.Assign(&PyInstance.Values(op)[index], value);
    }

    // ---- Frames ----

    /// <summary>Opens a scope whose locals are references dropped when it is disposed.</summary>
    public Frame EnterFrame()
    {
        CheckThread();
        return new Frame(this);
    }

    // ---- Identity, counts, sizes, checked cast ----

    /// <summary><c>id(obj)</c>: the address of the object header.</summary>
    public nint Id(BorrowedRef obj) => (nint)obj.PointerFor(this);

    /// <summary><c>id(obj)</c>: the address of the object header.</summary>
    public nint Id(in NewRef obj) => (nint)obj.PointerFor(this);

    /// <summary>
    /// <c>sys.getrefcount(obj)</c>: the count as Python reports it, which includes the
    /// temporary reference of the call's own argument — hence +1 over <c>ob_refcnt</c>.
    /// Immortal objects report their fixed count.
    /// </summary>
    public long GetRefCount(BorrowedRef obj)
    {
        PyObject* op = obj.PointerFor(this);
        return Refcount.IsImmortal(op) ? op->ob_refcnt : op->ob_refcnt + 1;
    }

    /// <summary><c>sys.getsizeof(obj)</c>, GC header and pre-header included as CPython counts them.</summary>
    public long SizeOf(BorrowedRef obj) => ObjectSize.GetSizeOf(obj.PointerFor(this));

    /// <summary>
    /// <c>ctypes.cast(address, py_object).value</c>, checked: returns the object when
    /// <paramref name="address"/> is the header of a live object of this heap, and otherwise
    /// throws <see cref="InvalidAddressException"/> saying what the address is. Nothing is
    /// read before the allocator has confirmed the memory is a live block of this heap.
    /// </summary>
    public BorrowedRef Cast(nint address)
    {
        CheckThread();
        AddressInfo info = _addresses.Classify(address);
        if (info.Kind != AddressKind.LiveObject)
        {
            throw new InvalidAddressException(info);
        }
        return new BorrowedRef(this, (PyObject*)address);
    }

    /// <summary>What an address is, without throwing.</summary>
    public AddressInfo Classify(nint address)
    {
        CheckThread();
        return _addresses.Classify(address);
    }

    /// <summary>An annotated hex dump of the object header at <paramref name="address"/> (live or stale).</summary>
    public string HexDump(nint address)
    {
        CheckThread();
        return _dump.Object(address);
    }

    /// <summary>
    /// heapdebug.dump: the full annotated dump of whatever is at <paramref name="address"/> —
    /// the allocator's and the collector's view, every header field, the items; for a freed
    /// address the stale bytes and what freed it.
    /// </summary>
    public string DumpAnnotated(nint address)
    {
        CheckThread();
        return _dump.Annotated(address);
    }

    // ---- Container helpers behind the reference structs ----

    internal BorrowedRef GetAttribute(PyObject* op, string attribute)
    {
        CheckThread();
        RequireInstance(op);
        PyObject* value = PyInstance.GetAttr(op, _interned.Intern(attribute));
        if (value == null)
        {
            throw new MissingMemberException($"'{TypeRegistry.NameOf(op->ob_type)}' object has no attribute '{attribute}'");
        }
        return new BorrowedRef(this, value);
    }

    internal void SetAttribute(PyObject* op, string attribute, ref NewRef value)
    {
        CheckThread();
        RequireInstance(op);
        PyObject* v = value.StealFor(this);
        try
        {
            PyInstance.SetAttr(op, _interned.Intern(attribute), v);
        }
        finally
        {
            Refcount.Decref(v);
        }
    }

    internal void Append(PyObject* list, PyObject* item)
    {
        CheckThread();
        if (list->ob_type != _state->type_list)
        {
            throw new InvalidOperationException($"'{TypeRegistry.NameOf(list->ob_type)}' object has no attribute 'append'");
        }
        PyList.Append(list, item);
    }

    internal long LengthOf(PyObject* op)
    {
        CheckThread();
        PyTypeObject* t = op->ob_type;
        if (t == _state->type_list) return PyList.Size(op);
        if (t == _state->type_tuple) return PyTuple.Size(op);
        if (t == _state->type_dict) return PyDict.Size(op);
        if (t == _state->type_set || t == _state->type_frozenset) return PySet.Size(op);
        if (t == _state->type_str) return PyUnicode.Length(op);
        throw new InvalidOperationException($"object of type '{TypeRegistry.NameOf(t)}' has no len()");
    }

    internal BorrowedRef ItemOf(PyObject* op, long index)
    {
        CheckThread();
        PyTypeObject* t = op->ob_type;
        nint n;
        PyObject** items;
        if (t == _state->type_list)
        {
            n = PyList.Size(op);
            items = PyList.Items(op);
        }
        else if (t == _state->type_tuple)
        {
            n = PyTuple.Size(op);
            items = PyTuple.Items(op);
        }
        else
        {
            throw new InvalidOperationException($"'{TypeRegistry.NameOf(t)}' object is not subscriptable");
        }
        if (index < 0)
        {
            index += n;
        }
        if (index < 0 || index >= n)
        {
            throw new IndexOutOfRangeException($"{TypeRegistry.NameOf(t)} index out of range");
        }
        return new BorrowedRef(this, items[index]);
    }

    internal long AsInt64(PyObject* op)
    {
        CheckThread();
        if ((op->ob_type == _state->type_int || op->ob_type == _state->type_bool) && PyLong.TryGetInt64(op, out long v))
        {
            return v;
        }
        throw new InvalidOperationException($"'{TypeRegistry.NameOf(op->ob_type)}' object is not an int that fits in 64 bits");
    }

    private void RequireInstance(PyObject* op)
    {
        if ((op->ob_type->tp_flags & TypeFlags.HeapType) == 0)
        {
            throw new InvalidOperationException($"'{TypeRegistry.NameOf(op->ob_type)}' object has no instance attributes");
        }
    }

    // ---- Collector integration (implemented in Heap.Collector.cs) ----

    /// <summary>Creates the cycle collector for this heap.</summary>
    partial void InitializeCollector();

    /// <summary>Runs the collection that an allocation scheduled (gen0 over its threshold).</summary>
    partial void RunScheduledCollection();

    /// <summary>
    /// A safe point: if allocations pushed generation 0 over its threshold, collect now —
    /// as CPython 3.12 does at its eval breaker, never in the middle of building an object.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RunPendingCollection()
    {
        CheckThread();
        if (_state->gc_scheduled != 0)
        {
            _state->gc_scheduled = 0;
            RunScheduledCollection();
        }
    }

    // ---- Threading and lifetime ----

    /// <summary>
    /// The one check of every call that takes a reference or a class: <paramref name="owner"/>
    /// (the heap the reference came from) must be this heap, and this heap usable here.
    /// Storing another heap's object would leave this heap pointing into memory that the
    /// other heap's Dispose frees; it costs one more comparison to refuse.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CheckOwns(Heap? owner)
    {
        if (owner != this)
        {
            ThrowForeign(owner);
        }
        CheckThread();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowForeign(Heap? owner)
    {
        if (owner == null)
        {
            throw new ObjectDisposedException(nameof(NewRef), "this reference or class handle was never assigned");
        }
        throw new InvalidOperationException(
            "the object belongs to another heap: objects cannot be shared or stored across heaps (make the value again in this heap)");
    }

    /// <summary>True once <see cref="Dispose"/> has run (for owners of native memory that must still free their own).</summary>
    internal bool IsDisposed => _disposed;

    /// <summary>Refuses use from any thread but the one that created the heap, and use after Dispose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckThread()
    {
        if (ThreadToken.Current != _ownerToken)
        {
            ThrowWrongThreadOrDisposed();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowWrongThreadOrDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(Heap), "this Heap was disposed: its objects, classes and frames are gone with its memory");
        }
        throw new InvalidOperationException(
            $"this Heap belongs to thread {_ownerThread} and was used from thread {Environment.CurrentManagedThreadId}; use one heap per thread");
    }

    /// <summary>Frees all memory of the heap at once: every object, type and table.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        CheckThread();
        _disposed = true;
        _ownerToken = 0;
        Inspector.DetachAllocationTracers();
        _allocator.Dispose();
        HeapBootstrap.DestroyState(_state);
        _self.Free();
    }
}
