using System.Text;

namespace UnmanagedHeap.Objects;

/// <summary>What a type's slots do; the function pointers a new type object gets.</summary>
public unsafe struct TypeSlots
{
    public delegate*<PyObject*, void> Dealloc;
    public delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> Traverse;
    public delegate*<PyObject*, int> Clear;
    public delegate*<PyObject*, void> Finalize;
    public delegate*<PyObject*, nint> Hash;
    public delegate*<PyObject*, PyObject*, RichCompareOp, PyObject*> RichCompare;
}

/// <summary>
/// Creates a heap's type objects (native structs in its own memory) and remembers them, so
/// a checked cast can tell a real type pointer from an arbitrary word before trusting it.
/// The registry only indexes; every type's state is in the type object itself.
/// </summary>
public sealed unsafe class TypeRegistry
{
    private readonly HeapState* _state;
    private readonly List<nint> _types = [];
    private readonly HashSet<nint> _known = [];

    public TypeRegistry(HeapState* state) => _state = state;

    /// <summary>All type objects of this heap, in creation order; 0 where a class has been freed.</summary>
    public IReadOnlyList<nint> All => _types;

    /// <summary>True when <paramref name="address"/> is one of this heap's type objects.</summary>
    public bool IsType(nint address) => _known.Contains(address);

    /// <summary>
    /// Allocates and registers a type object. Its prefix (bytes before an instance's header)
    /// follows from the flags: 16 for the GC header, and 16 more for the 3.12 pre-header
    /// (managed dict and weakref pointers).
    /// </summary>
    public PyTypeObject* Create(string name, nint basicSize, nint itemSize, TypeFlags flags, in TypeSlots slots, PyTypeObject* @base = null)
    {
        // Every type object carries a GC header, as the metatype 'type' is a GC type; only
        // classes (heap types) are ever tracked, as CPython's type_is_gc answers for heap types.
        nuint bytes = (nuint)(sizeof(PyGC_Head) + sizeof(PyTypeObject));
        // A class is an ordinary object of type 'type' (counted, traced, freed like any other);
        // static types are made before 'type' exists and live as long as the heap.
        var block = (flags & TypeFlags.HeapType) != 0
            ? (byte*)ObjectMemory.Allocate(_state->type_type) - sizeof(PyGC_Head)
            : (byte*)_state->allocator.Malloc(_state->allocator.Context, bytes);
        if (block == null)
        {
            throw new OutOfHeapMemoryException(bytes);
        }
        *(PyGC_Head*)block = default;
        var type = (PyTypeObject*)(block + sizeof(PyGC_Head));
        *type = default;
        type->ob_base.ob_base.ob_refcnt = (flags & TypeFlags.HeapType) != 0 ? 1 : Refcount.Immortal;
        // The metatype may not exist yet while bootstrapping 'type' itself; it is patched then.
        type->ob_base.ob_base.ob_type = _state->type_type != null ? _state->type_type : type;
        type->tp_name = CopyName(name);
        type->tp_basicsize = basicSize;
        type->tp_itemsize = itemSize;
        type->tp_flags = flags | TypeFlags.Ready;
        type->tp_dealloc = slots.Dealloc;
        type->tp_traverse = slots.Traverse;
        type->tp_clear = slots.Clear;
        type->tp_finalize = slots.Finalize;
        type->tp_hash = slots.Hash;
        type->tp_richcompare = slots.RichCompare;
        if (slots.Hash == null && slots.RichCompare == null && @base != null)
        {
            // CPython's inherit_slots: hash and rich comparison are inherited together, so
            // a type that defines neither hashes and compares as its base does.
            type->tp_hash = @base->tp_hash;
            type->tp_richcompare = @base->tp_richcompare;
        }
        type->tp_base = @base;
        type->tp_heap = _state;
        bool preHeader = (flags & (TypeFlags.ManagedDict | TypeFlags.ManagedWeakref)) != 0;
        type->tp_prefix = ((flags & TypeFlags.HaveGc) != 0 ? sizeof(PyGC_Head) : 0) + (preHeader ? 2 * sizeof(nint) : 0);
        if ((flags & TypeFlags.ManagedDict) != 0)
        {
            type->tp_dictoffset = -1; // CPython 3.12 marks a managed dict this way
        }
        if ((flags & TypeFlags.ManagedWeakref) != 0)
        {
            type->tp_weaklistoffset = InstanceLayout.WeaklistOffset;
        }
        type->tp_registry_index = _types.Count;
        _types.Add((nint)type);
        _known.Add((nint)type);
        if ((flags & TypeFlags.HeapType) != 0)
        {
            GcList.Track((PyObject*)type);
        }
        return type;
    }

    private byte* CopyName(string name)
    {
        int length = Encoding.UTF8.GetByteCount(name);
        var bytes = (byte*)_state->allocator.Malloc(_state->allocator.Context, (nuint)length + 1);
        if (bytes == null)
        {
            throw new OutOfHeapMemoryException((nuint)length + 1);
        }
        Encoding.UTF8.GetBytes(name, new Span<byte>(bytes, length));
        bytes[length] = 0;
        return bytes;
    }

    /// <summary>
    /// A type object's traverse slot (CPython's type_traverse, for classes): the class dict,
    /// the MRO and bases tuples, and the base class, in that order. Static types are never
    /// tracked, so only classes get here during a collection.
    /// </summary>
    public static int TraverseType(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var type = (PyTypeObject*)op;
        if ((type->tp_flags & TypeFlags.HeapType) == 0)
        {
            return 0;
        }
        int r = 0;
        if (type->tp_dict != null && (r = visit(type->tp_dict, arg)) != 0)
        {
            return r;
        }
        if (type->tp_mro != null && (r = visit(type->tp_mro, arg)) != 0)
        {
            return r;
        }
        if (type->tp_bases != null && (r = visit(type->tp_bases, arg)) != 0)
        {
            return r;
        }
        return type->tp_base != null ? visit((PyObject*)type->tp_base, arg) : 0;
    }

    /// <summary>
    /// A type object's clear slot (CPython's type_clear): empties the class dict and drops
    /// the MRO, which is what breaks a class's cycles (through its own MRO, the descriptors
    /// and methods in its dict). The rest goes when the count reaches zero.
    /// </summary>
    public static int ClearType(PyObject* op)
    {
        var type = (PyTypeObject*)op;
        Of(type).Forgotten?.Invoke((nint)type); // attribute caches must not serve what the dict held
        if (type->tp_dict != null)
        {
            PyDict.Clear(type->tp_dict);
        }
        Refcount.Clear(&type->tp_mro);
        return 0;
    }

    /// <summary>
    /// A type object's dealloc (CPython's type_dealloc), reached only by classes: static
    /// types are immortal. Clears weak references to the class, drops what it owns and forgets
    /// it, so a checked cast of its address says "freed" and no cache keeps its address.
    /// </summary>
    public static void DeallocType(PyObject* op)
    {
        var type = (PyTypeObject*)op;
        if ((type->tp_flags & TypeFlags.HeapType) == 0)
        {
            PyNone.NeverFreed(op);
        }
        GcList.Untrack(op);
        WeakrefHooks.ClearWeakrefs(op);
        HeapState* st = op->ob_type->tp_heap;
        TypeRegistry registry = Of(type);
        registry._known.Remove((nint)type);
        registry._types[(int)type->tp_registry_index] = 0;
        registry.Forgotten?.Invoke((nint)type);
        Refcount.XDecref((PyObject*)type->tp_base);
        Refcount.Clear(&type->tp_dict);
        Refcount.Clear(&type->tp_bases);
        Refcount.Clear(&type->tp_mro);
        Refcount.Clear(&type->tp_inline_keys);
        st->allocator.Free(st->allocator.Context, type->tp_name);
        ObjectMemory.Free(op);
    }

    /// <summary>
    /// Raised when a class is cleared or freed, with its address: layers that cache by type
    /// address (the script runner's attribute lookups) drop their entries.
    /// </summary>
    public event Action<nint>? Forgotten;

    /// <summary>The registry of the heap a type object lives in.</summary>
    private static TypeRegistry Of(PyTypeObject* type) => Heap.FromState(type->ob_base.ob_base.ob_type->tp_heap).Types;

    /// <summary>
    /// Gives a class a new name (what assigning <c>cls.__name__</c> does in CPython): the
    /// new UTF-8 name is allocated like the first, and the old one is freed.
    /// </summary>
    public static void Rename(PyTypeObject* type, string name)
    {
        TypeRegistry registry = Of(type);
        byte* old = type->tp_name;
        type->tp_name = registry.CopyName(name);
        registry._state->allocator.Free(registry._state->allocator.Context, old);
    }

    /// <summary>The type's name, read from its native tp_name.</summary>
    public static string NameOf(PyTypeObject* type) =>
        System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)type->tp_name) ?? "?";
}
