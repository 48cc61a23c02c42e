namespace UnmanagedHeap.Objects;

/// <summary>
/// Instances of classes derived from a built-in type with a layout of its own (list, dict,
/// set): the built-in's object, with the class's dict and weakref list in the 3.12
/// pre-header, as CPython 3.12 lays out a <c>class L(list)</c> instance. The slots here wrap
/// the built-in's (CPython's subtype_dealloc / subtype_traverse / subtype_clear): they look
/// after what the class adds, then let the built-in release its own fields and the block.
/// </summary>
public static unsafe class SubtypeLayout
{
    public static TypeSlots Slots => new() { Dealloc = &Dealloc, Traverse = &Traverse, Clear = &Clear };

    /// <summary>
    /// The static type whose layout instances of <paramref name="type"/> have: the first type
    /// along the tp_base chain that no class statement made (object for plain classes).
    /// </summary>
    public static PyTypeObject* LayoutOf(PyTypeObject* type)
    {
        if (type->tp_layout != null)
        {
            return type->tp_layout;
        }
        PyTypeObject* t = type;
        while ((t->tp_flags & TypeFlags.HeapType) != 0 && t->tp_base != null)
        {
            t = t->tp_base;
        }
        return t;
    }

    /// <summary>Whether instances of <paramref name="type"/> are a built-in's object with a class's pre-header (not plain instances).</summary>
    public static bool IsBuiltinLayout(PyTypeObject* type) => type->tp_layout != null;

    /// <summary>Readies a freshly made built-in object of a class: no attributes yet, values never inline.</summary>
    public static void InitPreHeader(PyObject* op)
    {
        // "Inline, capacity 0": every attribute goes to a dict made on first use.
        *PyInstance.DictOrValues(op) = 1;
    }

    private static void Dealloc(PyObject* op)
    {
        GcList.Untrack(op);
        PyTypeObject* type = op->ob_type;
        if (type->tp_finalize != null && !Finalization.IsFinalized(op))
        {
            // PEP 442: __del__ runs once and may resurrect the object.
            if (Finalization.CallFromDealloc(op))
            {
                return;
            }
        }
        if ((type->tp_flags & TypeFlags.ManagedWeakref) != 0)
        {
            WeakrefHooks.ClearWeakrefs(op);
        }
        PyInstance.ClearManagedDict(op);
        // The built-in frees its fields and the block (and, the type being a heap type, drops
        // the instance's reference to its class): nothing here may touch the type after it.
        LayoutOf(type)->tp_dealloc(op);
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        PyTypeObject* layout = LayoutOf(op->ob_type);
        int r = layout->tp_traverse != null ? layout->tp_traverse(op, visit, arg) : 0;
        if (r != 0)
        {
            return r;
        }
        PyObject* dict = PyInstance.MaterializedDict(op);
        if (dict != null && (r = visit(dict, arg)) != 0)
        {
            return r;
        }
        return visit((PyObject*)op->ob_type, arg);
    }

    private static int Clear(PyObject* op)
    {
        PyInstance.ClearManagedDict(op);
        PyTypeObject* layout = LayoutOf(op->ob_type);
        return layout->tp_clear != null ? layout->tp_clear(op) : 0;
    }
}
