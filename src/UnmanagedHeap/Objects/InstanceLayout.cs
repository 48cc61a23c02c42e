namespace UnmanagedHeap.Objects;

/// <summary>
/// The class side of inline instance values: the shared key tuple that names each inline
/// slot, and how many slots a new instance gets. CPython 3.12 learns a class's attribute
/// names from its first instances the same way (shared-key dicts).
/// </summary>
public static unsafe class InstanceLayout
{
    /// <summary>tp_weaklistoffset of classes: the weakref list lives in the pre-header.</summary>
    public const int WeaklistOffset = PyInstance.WeaklistOffset;

    public static nint KeyCount(PyTypeObject* type) => type->tp_inline_keys == null ? 0 : PyTuple.Size(type->tp_inline_keys);

    /// <summary>Inline slots for a new instance: the names learnt so far, at least the class's starting capacity.</summary>
    public static nint CapacityFor(PyTypeObject* type) => Math.Max(KeyCount(type), type->tp_inline_capacity);

    /// <summary>Appends an (interned) name to the class's shared keys and returns its slot index.</summary>
    public static nint AddSharedKey(PyTypeObject* type, PyObject* name)
    {
        HeapState* st = type->tp_heap;
        PyObject* old = type->tp_inline_keys;
        nint n = KeyCount(type);
        PyObject* keys = PyTuple.NewUninitialized(st, n + 1);
        for (nint i = 0; i < n; i++)
        {
            PyObject* key = PyTuple.Items(old)[i];
            Refcount.Incref(key);
            PyTuple.Items(keys)[i] = key;
        }
        Refcount.Incref(name);
        PyTuple.Items(keys)[n] = name;
        // The key tuple holds only strs: it can never be part of a cycle, so it stays untracked.
        type->tp_inline_keys = keys;
        Refcount.XDecref(old);
        return n;
    }
}
