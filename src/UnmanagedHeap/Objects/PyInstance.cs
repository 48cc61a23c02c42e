using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// Instances of classes (user-defined types). As in CPython 3.12, the object itself is just
/// the 16-byte header and <c>sys.getsizeof</c> reports 48 (header, GC header, two pre-header
/// words: weakref list and dict/values). The attribute values live inline after the header,
/// in the order of the class's shared key tuple, so <c>Node(value, edges)</c> is one block;
/// a real dict object exists only once <c>__dict__</c> is asked for or an attribute does not
/// fit the shared keys.
/// </summary>
public static unsafe class PyInstance
{
    /// <summary>Offset of the weakref list pointer from the object (CPython's MANAGED_WEAKREF_OFFSET).</summary>
    public const int WeaklistOffset = -4 * 8;
    /// <summary>Offset of the dict-or-values word from the object (CPython's MANAGED_DICT_OFFSET).</summary>
    public const int DictOffset = -3 * 8;
    /// <summary>Inline value slots a class gets before its first instance has taught it its attributes.</summary>
    public const int DefaultInlineCapacity = 5;
    /// <summary>CPython's SHARED_KEYS_MAX_SIZE: past this many names, instances fall back to a dict.</summary>
    public const int MaxSharedKeys = 30;

    /// <summary>The pre-header word: a dict pointer, or (capacity &lt;&lt; 1 | 1) while values are inline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint* DictOrValues(PyObject* op) => (nint*)((byte*)op + DictOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject** Weaklist(PyObject* op) => (PyObject**)((byte*)op + WeaklistOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject** Values(PyObject* op) => (PyObject**)(op + 1);

    public static bool HasInlineValues(PyObject* op) => (*DictOrValues(op) & 1) != 0;

    public static nint InlineCapacity(PyObject* op) => HasInlineValues(op) ? *DictOrValues(op) >> 1 : 0;

    /// <summary>The materialised dict, or null while values are inline.</summary>
    public static PyObject* MaterializedDict(PyObject* op) => HasInlineValues(op) ? null : (PyObject*)*DictOrValues(op);

    /// <summary>Slot functions shared by every class.</summary>
    public static TypeSlots Slots => new() { Dealloc = &Dealloc, Traverse = &Traverse, Clear = &Clear };

    /// <summary>A new, tracked instance of <paramref name="type"/> with no attributes set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* New(PyTypeObject* type) => New(type, InstanceLayout.CapacityFor(type));

    /// <summary>A new, tracked instance with <paramref name="capacity"/> (the type's <see cref="InstanceLayout.CapacityFor"/>) empty inline slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* New(PyTypeObject* type, nint capacity)
    {
        PyObject* op = ObjectMemory.Allocate(type, capacity);
        *DictOrValues(op) = (capacity << 1) | 1;
        PyObject** values = Values(op);
        for (nint i = 0; i < capacity; i++)
        {
            values[i] = null;
        }
        GcList.Track(op);
        return op;
    }

    /// <summary>Index of <paramref name="name"/> in the class's shared keys, or -1.</summary>
    public static nint KeyIndex(PyTypeObject* type, PyObject* name)
    {
        PyObject* keys = type->tp_inline_keys;
        if (keys == null)
        {
            return -1;
        }
        nint n = PyTuple.Size(keys);
        PyObject** items = PyTuple.Items(keys);
        for (nint i = 0; i < n; i++)
        {
            if (items[i] == name)
            {
                return i;
            }
        }
        for (nint i = 0; i < n; i++)
        {
            if (PyUnicode.Equal(items[i], name))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The attribute's value (borrowed), or null when it is not set on the instance.</summary>
    public static PyObject* GetAttr(PyObject* op, PyObject* name)
    {
        PyObject* dict = MaterializedDict(op);
        if (dict != null)
        {
            return PyDict.GetItem(dict, name);
        }
        nint i = KeyIndex(op->ob_type, name);
        return i >= 0 && i < InlineCapacity(op) ? Values(op)[i] : null;
    }

    /// <summary>Sets an attribute, adding a reference to <paramref name="value"/>.</summary>
    public static void SetAttr(PyObject* op, PyObject* name, PyObject* value)
    {
        PyObject* dict = MaterializedDict(op);
        if (dict == null)
        {
            PyTypeObject* type = op->ob_type;
            nint i = KeyIndex(type, name);
            if (i < 0 && PyUnicode.IsInterned(name) && InstanceLayout.KeyCount(type) < Math.Min(InlineCapacity(op), MaxSharedKeys))
            {
                i = InstanceLayout.AddSharedKey(type, name);
            }
            if (i >= 0 && i < InlineCapacity(op))
            {
                Refcount.Incref(value);
                Refcount.Assign(&Values(op)[i], value);
                return;
            }
            dict = GetDict(op);
        }
        PyDict.SetItem(dict, name, value);
    }

    /// <summary>Deletes an attribute; false when it was not set.</summary>
    public static bool DelAttr(PyObject* op, PyObject* name)
    {
        PyObject* dict = MaterializedDict(op);
        if (dict != null)
        {
            return PyDict.DelItem(dict, name);
        }
        nint i = KeyIndex(op->ob_type, name);
        if (i < 0 || i >= InlineCapacity(op) || Values(op)[i] == null)
        {
            return false;
        }
        Refcount.Clear(&Values(op)[i]);
        return true;
    }

    /// <summary>
    /// The instance's <c>__dict__</c> (borrowed): created on first request from the inline
    /// values, which then move into it — from here on the instance has a real dict object,
    /// as in CPython once <c>__dict__</c> has been read.
    /// </summary>
    public static PyObject* GetDict(PyObject* op)
    {
        if (!HasInlineValues(op))
        {
            return (PyObject*)*DictOrValues(op);
        }
        HeapState* st = op->ob_type->tp_heap;
        PyObject* dict = PyDict.New(st);
        PyObject* keys = op->ob_type->tp_inline_keys;
        nint capacity = InlineCapacity(op);
        PyObject** values = Values(op);
        nint n = keys == null ? 0 : Math.Min(PyTuple.Size(keys), capacity);
        for (nint i = 0; i < n; i++)
        {
            if (values[i] != null)
            {
                PyDict.SetItem(dict, PyTuple.Items(keys)[i], values[i]);
            }
        }
        for (nint i = 0; i < capacity; i++)
        {
            Refcount.Clear(&values[i]);
        }
        *DictOrValues(op) = (nint)dict;
        return dict;
    }

    /// <summary>
    /// Attribute names and values in order, borrowed, for inspection (values inline or in the dict).
    /// </summary>
    public static bool NextAttr(PyObject* op, ref nint position, out PyObject* name, out PyObject* value)
    {
        PyObject* dict = MaterializedDict(op);
        if (dict != null)
        {
            return PyDict.Next(dict, ref position, out name, out value);
        }
        PyObject* keys = op->ob_type->tp_inline_keys;
        nint n = keys == null ? 0 : Math.Min(PyTuple.Size(keys), InlineCapacity(op));
        while (position < n)
        {
            nint i = position++;
            PyObject* v = Values(op)[i];
            if (v != null)
            {
                name = PyTuple.Items(keys)[i];
                value = v;
                return true;
            }
        }
        name = null;
        value = null;
        return false;
    }

    private static void Dealloc(PyObject* op)
    {
        GcList.Untrack(op);
        PyTypeObject* type = op->ob_type;
        if (type->tp_finalize != null && !Finalization.IsFinalized(op))
        {
            // PEP 442: run __del__ once; it may resurrect the object.
            if (Finalization.CallFromDealloc(op))
            {
                return;
            }
        }
        WeakrefHooks.ClearWeakrefs(op);
        ClearValues(op);
        ObjectMemory.Free(op);
    }

    /// <summary>Drops the attribute values (inline slots, or the materialised dict).</summary>
    /// <remarks>Inlined into Dealloc: freeing an instance is the stress workloads' hot path, and the inline case is a short loop.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ClearValues(PyObject* op)
    {
        nint word = *DictOrValues(op);
        if ((word & 1) == 0)
        {
            ClearDict(op);
            return;
        }
        nint capacity = word >> 1;
        PyObject** values = Values(op);
        for (nint i = 0; i < capacity; i++)
        {
            Refcount.Clear(&values[i]);
        }
    }

    /// <summary>Drops a materialised dict, leaving "inline, capacity 0" (for built-in-layout instances, which never have inline values).</summary>
    public static void ClearManagedDict(PyObject* op)
    {
        if (!HasInlineValues(op))
        {
            ClearDict(op);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ClearDict(PyObject* op)
    {
        var dict = (PyObject*)*DictOrValues(op);
        *DictOrValues(op) = 1; // inline, capacity 0: nothing left to drop
        Refcount.XDecref(dict);
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        if (HasInlineValues(op))
        {
            nint capacity = InlineCapacity(op);
            PyObject** values = Values(op);
            for (nint i = 0; i < capacity; i++)
            {
                if (values[i] != null)
                {
                    int r = visit(values[i], arg);
                    if (r != 0)
                    {
                        return r;
                    }
                }
            }
        }
        else
        {
            int r = visit((PyObject*)*DictOrValues(op), arg);
            if (r != 0)
            {
                return r;
            }
        }
        // As CPython's subtype_traverse: an instance refers to its class, visited last
        // (gc.get_referents shows it; the collector ignores it, classes not being tracked).
        return visit((PyObject*)op->ob_type, arg);
    }

    private static int Clear(PyObject* op)
    {
        ClearValues(op);
        return 0;
    }
}
