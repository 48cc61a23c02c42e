using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Types;

namespace UnmanagedHeap.Scripting.Runtime.Types;

/// <summary>How a <see cref="PyIterObject"/> steps through its source.</summary>
public enum IterKind
{
    List,
    Tuple,
    Str,
    DictKeys,
    DictValues,
    DictItems,
    Set,
    Range,
    /// <summary>bytes: it_seq is the bytes object.</summary>
    Bytes,
    /// <summary>bytearray: it_seq is the bytearray, read as it is at each step.</summary>
    ByteArray,
    // The lazy built-in iterators (Interpreter.LazyIterators.cs). Each keeps what it draws
    // from in it_seq (an iterator, a sequence, or a tuple of them), so one traverse serves all.
    /// <summary><c>map(f, *iterables)</c>: it_seq is the tuple (f, iterator, ...).</summary>
    Map,
    /// <summary><c>filter(f, iterable)</c>: it_seq is the tuple (f or None, iterator).</summary>
    Filter,
    /// <summary><c>zip(*iterables, strict=...)</c>: it_seq is the tuple of iterators; it_len is 1 when strict.</summary>
    Zip,
    /// <summary><c>enumerate(iterable, start)</c>: it_seq is the iterator, it_index the next count.</summary>
    Enumerate,
    /// <summary><c>reversed(sequence)</c> through <c>__getitem__</c>: it_index is the next position, -1 when done.</summary>
    Reversed,
    /// <summary><c>reversed(list)</c>: reads the list's items as they are at each step.</summary>
    ListReverse,
    /// <summary><c>iter(callable, sentinel)</c>: it_seq is the tuple (callable, sentinel).</summary>
    Callable,
}

/// <summary>
/// The interpreter's own native types (function, method, cell, module, built-in, iterators,
/// range, dict views, ctypes values, finalize, slice), created in the heap's type registry.
/// All their object fields come first after the header; the count is kept in the type's
/// <c>tp_members</c> word (CPython keeps a member table there), so one dealloc/traverse/clear
/// triple serves every type.
/// </summary>
public sealed unsafe class ScriptTypes
{
    public readonly PyTypeObject* Function;
    public readonly PyTypeObject* Method;
    public readonly PyTypeObject* Cell;
    public readonly PyTypeObject* Module;
    public readonly PyTypeObject* Builtin;
    public readonly PyTypeObject* Range;
    public readonly PyTypeObject* Complex;
    public readonly PyTypeObject* DictKeys;
    public readonly PyTypeObject* DictValues;
    public readonly PyTypeObject* DictItems;
    public readonly PyTypeObject* Finalize;
    public readonly PyTypeObject* Slice;
    public readonly PyTypeObject* Bytes;
    public readonly PyTypeObject* ByteArray;
    public readonly PyTypeObject* MemoryView;
    public readonly PyTypeObject* ManagedBuffer;
    public readonly PyTypeObject* Super;
    public readonly PyTypeObject* Property;
    public readonly PyTypeObject* StaticMethod;
    public readonly PyTypeObject* ClassMethod;
    public readonly PyTypeObject* GetSetDescriptor;
    public readonly PyTypeObject* PyObjectC;
    public readonly PyTypeObject* CSsizeT;
    public readonly PyTypeObject* CLong;
    public readonly PyTypeObject* CInt;
    public readonly PyTypeObject* CVoidP;
    public readonly PyTypeObject* CChar;
    private readonly PyTypeObject*[] _iters = new PyTypeObject*[Enum.GetValues<IterKind>().Length];

    public ScriptTypes(Heap heap)
    {
        TypeRegistry reg = heap.Types;
        HeapState* st = heap.NativeState;
        _registry = reg;
        _st = st;
        Function = Make(reg, st, "function", sizeof(PyFunctionObject), 7, gc: true);
        Function->tp_weaklistoffset = sizeof(PyFunctionObject) - sizeof(nint);
        Method = Make(reg, st, "method", sizeof(PyMethodObject), 2, gc: true);
        Method->tp_weaklistoffset = sizeof(PyMethodObject) - sizeof(nint);
        // Classes accept weak references through PyTypeObject's own tp_weaklist, as in CPython.
        st->type_type->tp_weaklistoffset = 368;
        Cell = Make(reg, st, "cell", sizeof(PyCellObject), 1, gc: true);
        Module = Make(reg, st, "module", sizeof(PyModuleObject), 2, gc: true);
        Builtin = Make(reg, st, "builtin_function_or_method", sizeof(PyBuiltinObject), 1, gc: true);
        Range = Make(reg, st, "range", sizeof(PyRangeObject), 0, gc: false);
        Complex = Make(reg, st, "complex", sizeof(PyComplexObject), 0, gc: false);
        DictKeys = Make(reg, st, "dict_keys", sizeof(PyDictViewObject), 1, gc: true);
        DictValues = Make(reg, st, "dict_values", sizeof(PyDictViewObject), 1, gc: true);
        DictItems = Make(reg, st, "dict_items", sizeof(PyDictViewObject), 1, gc: true);
        Finalize = Make(reg, st, "finalize", sizeof(PyFinalizeObject), 4, gc: true);
        Slice = Make(reg, st, "slice", sizeof(PySliceObject), 3, gc: false);
        Bytes = st->type_bytes;
        ByteArray = st->type_bytearray;
        MemoryView = MemoryViewType.Create(reg, st);
        ManagedBuffer = MemoryViewType.CreateManagedBuffer(reg, st);
        Super = Make(reg, st, "super", sizeof(PySuperObject), 3, gc: true);
        Property = Make(reg, st, "property", sizeof(PyDescriptorObject), 3, gc: true);
        StaticMethod = Make(reg, st, "staticmethod", sizeof(PyDescriptorObject), 3, gc: true);
        ClassMethod = Make(reg, st, "classmethod", sizeof(PyDescriptorObject), 3, gc: true);
        GetSetDescriptor = Make(reg, st, "getset_descriptor", sizeof(PyGetSetDescrObject), 1, gc: true);
        PyObjectC = Make(reg, st, "py_object", sizeof(PyCDataObject), 0, gc: false);
        CSsizeT = Make(reg, st, "c_long", sizeof(PyCDataObject), 0, gc: false);
        CLong = CSsizeT; // on 64-bit Linux c_ssize_t is c_long, as in CPython
        CInt = Make(reg, st, "c_int", sizeof(PyCDataObject), 0, gc: false);
        CVoidP = Make(reg, st, "c_void_p", sizeof(PyCDataObject), 0, gc: false);
        MethodType.Fill(Method);
        RangeType.Fill(Range);
        ComplexType.Fill(Complex);
        DictViewTypes.FillSetLike(DictKeys);
        DictViewTypes.FillSetLike(DictItems);
        // A cell compares by contents in CPython, which makes it unhashable.
        Cell->tp_hash = &ObjectProtocol.HashNotImplemented;
        CChar = Make(reg, st, "c_char", sizeof(PyCDataObject), 0, gc: false);
        string[] iterNames =
        [
            "list_iterator", "tuple_iterator", "str_ascii_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator", "range_iterator", "bytes_iterator", "bytearray_iterator",
            "map", "filter", "zip", "enumerate", "reversed", "list_reverseiterator", "callable_iterator",
        ];
        for (int i = 0; i < iterNames.Length; i++)
        {
            // CPython's range iterator holds only numbers and is not a GC object.
            _iters[i] = Make(reg, st, iterNames[i], sizeof(PyIterObject), 1, gc: iterNames[i] is not ("range_iterator" or "bytes_iterator" or "bytearray_iterator"));
        }
    }

    public PyTypeObject* Iter(IterKind kind) => _iters[(int)kind];

    private readonly Dictionary<string, nint> _named = [];
    private readonly HashSet<nint> _namedSet = [];
    private readonly TypeRegistry _registry;
    private readonly HeapState* _st;

    /// <summary>A list-iterator type under another name (dict_reversekeyiterator).</summary>
    public PyTypeObject* NamedListIter(string name)
    {
        if (!_named.TryGetValue(name, out nint t))
        {
            t = (nint)Make(_registry, _st, name, sizeof(PyIterObject), 1, gc: true);
            _named[name] = t;
            _namedSet.Add(t);
        }
        return (PyTypeObject*)t;
    }

    public bool IsIter(PyTypeObject* t)
    {
        if (_namedSet.Contains((nint)t))
        {
            return true;
        }
        foreach (PyTypeObject* it in _iters)
        {
            if (it == t)
            {
                return true;
            }
        }
        return false;
    }

    public bool IsCData(PyTypeObject* t) => t == PyObjectC || t == CSsizeT || t == CInt || t == CVoidP || t == CChar;

    private static PyTypeObject* Make(TypeRegistry reg, HeapState* st, string name, int size, int pointerFields, bool gc)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Traverse = &Traverse, Clear = &Clear };
        TypeFlags flags = gc ? TypeFlags.HaveGc : TypeFlags.None;
        PyTypeObject* t = reg.Create(name, size, 0, flags, slots, st->type_object);
        t->tp_members = pointerFields;
        return t;
    }

    private static PyObject** Fields(PyObject* op) => (PyObject**)(op + 1);

    private static void Dealloc(PyObject* op)
    {
        if (GcList.IsGcType(op->ob_type))
        {
            GcList.Untrack(op);
        }
        if (op->ob_type->tp_weaklistoffset != 0)
        {
            WeakrefHooks.ClearWeakrefs(op);
        }
        Clear(op);
        ObjectMemory.Free(op);
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        nint n = op->ob_type->tp_members;
        PyObject** f = Fields(op);
        for (nint i = 0; i < n; i++)
        {
            if (f[i] != null)
            {
                int r = visit(f[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }
        return 0;
    }

    private static int Clear(PyObject* op)
    {
        nint n = op->ob_type->tp_members;
        PyObject** f = Fields(op);
        for (nint i = 0; i < n; i++)
        {
            Refcount.Clear(&f[i]);
        }
        return 0;
    }

    /// <summary>Allocates a zeroed object of one of these types (refcount 1), tracked when it is a GC type.</summary>
    public static PyObject* New(PyTypeObject* type)
    {
        PyObject* op = ObjectMemory.AllocateZeroed(type);
        return op;
    }

    /// <summary>Starts tracking once the fields are set.</summary>
    public static void Track(PyObject* op)
    {
        if (GcList.IsGcType(op->ob_type))
        {
            GcList.Track(op);
        }
    }
}
