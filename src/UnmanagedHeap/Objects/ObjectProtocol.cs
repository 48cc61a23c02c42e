namespace UnmanagedHeap.Objects;

/// <summary>
/// Hash and equality as containers need them (CPython's PyObject_Hash and
/// PyObject_RichCompareBool for ==). Built-in types are handled here; a heap can install
/// hooks (the script runner does, to call <c>__hash__</c> and <c>__eq__</c>) through
/// <see cref="HeapState"/>'s function pointers.
/// </summary>
public static unsafe class ObjectProtocol
{
    /// <summary>The hash of <paramref name="op"/>; throws <see cref="UnhashableException"/> for unhashable types.</summary>
    public static nint Hash(PyObject* op)
    {
        HeapState* st = op->ob_type->tp_heap;
        if (st->hash_hook != null)
        {
            return st->hash_hook(op);
        }
        return BuiltinHash(op);
    }

    /// <summary>The hash by the type's slot, or by identity for plain instances.</summary>
    public static nint BuiltinHash(PyObject* op)
    {
        var slot = op->ob_type->tp_hash;
        if (slot != null)
        {
            nint h = slot(op);
            if (h == -1)
            {
                throw new UnhashableException(TypeRegistry.NameOf(op->ob_type));
            }
            return h;
        }
        if ((op->ob_type->tp_flags & TypeFlags.HeapType) != 0)
        {
            return ObjectHash.Pointer(op);
        }
        throw new UnhashableException(TypeRegistry.NameOf(op->ob_type));
    }

    /// <summary>Equality for container lookups: identity first, then by value.</summary>
    public static bool Equal(PyObject* a, PyObject* b)
    {
        if (a == b)
        {
            return true;
        }
        HeapState* st = a->ob_type->tp_heap;
        if (st->equal_hook != null)
        {
            return st->equal_hook(a, b) != 0;
        }
        return BuiltinEqual(a, b);
    }

    /// <summary>Value equality of built-in types (str, int, bool, float, tuple); identity for everything else.</summary>
    public static bool BuiltinEqual(PyObject* a, PyObject* b)
    {
        if (a == b)
        {
            return true;
        }
        HeapState* st = a->ob_type->tp_heap;
        PyTypeObject* ta = a->ob_type;
        PyTypeObject* tb = b->ob_type;
        if (ta == st->type_str && tb == st->type_str)
        {
            return PyUnicode.Equal(a, b);
        }
        bool aInt = ta == st->type_int || ta == st->type_bool;
        bool bInt = tb == st->type_int || tb == st->type_bool;
        if (aInt && bInt)
        {
            return PyLong.ToBigInteger(a) == PyLong.ToBigInteger(b);
        }
        if ((aInt || ta == st->type_float) && (bInt || tb == st->type_float))
        {
            if (ta == st->type_float && tb == st->type_float)
            {
                return PyFloat.Value(a) == PyFloat.Value(b);
            }
            double f = ta == st->type_float ? PyFloat.Value(a) : PyFloat.Value(b);
            PyObject* i = ta == st->type_float ? b : a;
            return !double.IsNaN(f) && !double.IsInfinity(f) && Math.Floor(f) == f && new System.Numerics.BigInteger(f) == PyLong.ToBigInteger(i);
        }
        if (ta == st->type_tuple && tb == st->type_tuple)
        {
            nint n = PyTuple.Size(a);
            if (n != PyTuple.Size(b))
            {
                return false;
            }
            for (nint k = 0; k < n; k++)
            {
                if (!Equal(PyTuple.Items(a)[k], PyTuple.Items(b)[k]))
                {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /// <summary>
    /// CPython's PyObject_IS_GC: the type is a GC type, and for type objects (whose
    /// metatype is one) only classes count, as type_is_gc says — static types are atoms.
    /// </summary>
    public static bool IsGc(PyObject* op)
    {
        PyTypeObject* type = op->ob_type;
        if ((type->tp_flags & TypeFlags.HaveGc) == 0)
        {
            return false;
        }
        return type != type->tp_heap->type_type || (((PyTypeObject*)op)->tp_flags & TypeFlags.HeapType) != 0;
    }

    /// <summary>
    /// CPython's _PyObject_GC_MAY_BE_TRACKED: could this object ever be part of a cycle?
    /// Atoms (non-containers) never; a tuple only while it is tracked.
    /// </summary>
    public static bool MayBeTracked(PyObject* op)
    {
        if (!IsGc(op))
        {
            return false;
        }
        if (op->ob_type == op->ob_type->tp_heap->type_tuple)
        {
            return GcList.IsTracked(op);
        }
        return true;
    }
}

/// <summary>Raised when a key's type cannot be hashed (Python's <c>TypeError: unhashable type: 'list'</c>).</summary>
public sealed class UnhashableException(string typeName) : Exception($"unhashable type: '{typeName}'")
{
    public string TypeName { get; } = typeName;
}
