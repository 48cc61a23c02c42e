namespace UnmanagedHeap.Objects;

/// <summary>
/// <c>sys.getsizeof</c>: the type's <c>__sizeof__</c> plus the GC header and the 3.12
/// pre-header when the object has them — the figures in the CPython 3.12 reference table.
/// </summary>
public static unsafe class ObjectSize
{
    public static long GetSizeOf(PyObject* op)
    {
        PyTypeObject* type = op->ob_type;
        HeapState* st = type->tp_heap;
        nint body;
        // A class derived from a built-in measures as the built-in does, plus its own prefix.
        PyTypeObject* layout = (type->tp_flags & TypeFlags.HeapType) != 0 ? SubtypeLayout.LayoutOf(type) : type;
        if (layout != type && layout != st->type_object)
        {
            return BuiltinBody(op, layout) + type->tp_prefix;
        }
        if (type == st->type_int || type == st->type_bool)
        {
            body = sizeof(PyLongObject) + Math.Max(PyLong.DigitCount(op), 1) * sizeof(uint);
        }
        else if (type == st->type_str)
        {
            body = PyUnicode.SizeOf(op);
        }
        else if (type == st->type_tuple)
        {
            body = PyTuple.SizeOf(op);
        }
        else if (type == st->type_list)
        {
            body = PyList.SizeOf(op);
        }
        else if (type == st->type_bytearray)
        {
            body = PyByteArray.SizeOf(op);
        }
        else if (type == st->type_dict)
        {
            body = PyDict.SizeOf(op);
        }
        else if (type == st->type_set || type == st->type_frozenset)
        {
            body = PySet.SizeOf(op);
        }
        else if ((type->tp_flags & TypeFlags.HeapType) != 0)
        {
            body = type->tp_basicsize; // inline values are not counted, as 3.12 does not count its values array
        }
        else
        {
            body = type->tp_basicsize + (type->tp_itemsize != 0 && type != st->type_type ? ((PyVarObject*)op)->ob_size * type->tp_itemsize : 0);
        }
        return body + type->tp_prefix;
    }

    /// <summary>The <c>__sizeof__</c> of a built-in's fields, for an instance of a class derived from it.</summary>
    private static nint BuiltinBody(PyObject* op, PyTypeObject* layout)
    {
        HeapState* st = layout->tp_heap;
        if (layout == st->type_int)
        {
            return sizeof(PyLongObject) + Math.Max(PyLong.DigitCount(op), 1) * sizeof(uint);
        }
        if (layout == st->type_str)
        {
            return PyUnicode.SizeOf(op);
        }
        if (layout == st->type_tuple)
        {
            return PyTuple.SizeOf(op);
        }
        if (layout == st->type_list)
        {
            return PyList.SizeOf(op);
        }
        if (layout == st->type_dict)
        {
            return PyDict.SizeOf(op);
        }
        if (layout == st->type_set || layout == st->type_frozenset)
        {
            return PySet.SizeOf(op);
        }
        return layout->tp_basicsize + (layout->tp_itemsize != 0 ? ((PyVarObject*)op)->ob_size * layout->tp_itemsize : 0);
    }
}
