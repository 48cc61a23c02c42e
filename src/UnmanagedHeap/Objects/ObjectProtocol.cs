namespace UnmanagedHeap.Objects;

/// <summary>
/// The object protocols every layer needs, dispatched through the type's slots as CPython's
/// <c>Objects/object.c</c> does: <c>PyObject_Hash</c>, <c>PyObject_RichCompare</c> (with the
/// reflected operand's slot first when its type is a subclass of the left one's) and
/// <c>PyObject_RichCompareBool</c>, and the truth value of a comparison's result. Containers
/// (dict and set lookups, list and tuple comparison) call these; a class defined by a script
/// compares and hashes through the slot wrappers the script runner fills in, so no layer
/// below it knows about <c>__eq__</c> or <c>__hash__</c>.
/// <para>
/// Failures are C# exceptions the script runner turns into Python's:
/// <see cref="UnhashableException"/> (TypeError), <see cref="UnorderableException"/>
/// (TypeError), <see cref="ComparisonRecursionException"/> (RecursionError).
/// </para>
/// </summary>
public static unsafe class ObjectProtocol
{
    /// <summary>CPython's PyObject_Hash: the type's tp_hash; throws <see cref="UnhashableException"/> when it has none.</summary>
    public static nint Hash(PyObject* op)
    {
        var slot = op->ob_type->tp_hash;
        if (slot == null)
        {
            throw new UnhashableException(TypeRegistry.NameOf(op->ob_type));
        }
        nint h = slot(op);
        if (h == -1)
        {
            throw new UnhashableException(TypeRegistry.NameOf(op->ob_type));
        }
        return h;
    }

    /// <summary>CPython's PyObject_HashNotImplemented: the tp_hash of unhashable types (list, dict, a class with <c>__eq__</c> only).</summary>
    public static nint HashNotImplemented(PyObject* op) => throw new UnhashableException(TypeRegistry.NameOf(op->ob_type));

    /// <summary>The immortal NotImplemented singleton, as a new reference (what a slot returns to decline).</summary>
    public static PyObject* NotImplemented(HeapState* st)
    {
        Refcount.Incref(st->not_implemented);
        return st->not_implemented;
    }

    /// <summary>A new reference to True or False.</summary>
    public static PyObject* Bool(HeapState* st, bool value)
    {
        PyObject* o = value ? st->true_obj : st->false_obj;
        Refcount.Incref(o);
        return o;
    }

    /// <summary>Whether <paramref name="sub"/> is <paramref name="type"/> or derives from it (through its MRO).</summary>
    public static bool IsSubtype(PyTypeObject* sub, PyTypeObject* type) => TypeMro.IsSubtype(sub, type);

    /// <summary>
    /// CPython's PyObject_RichCompare: a new reference to the result of <c>v op w</c>. The
    /// slots are asked in do_richcompare's order (the right operand's reflected slot first
    /// when its type is a proper subclass of the left one's); when every slot declines, ==
    /// and != fall back to identity and an ordering throws <see cref="UnorderableException"/>.
    /// Both operands are held for the whole comparison: they may be borrowed from a
    /// container that a script's <c>__eq__</c> empties.
    /// </summary>
    public static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (st->compare_depth + st->eval_depth > st->recursion_limit)
        {
            throw new ComparisonRecursionException();
        }
        st->compare_depth++;
        Refcount.Incref(v);
        Refcount.Incref(w);
        try
        {
            PyObject* r = TrySlots(v, w, op);
            if (r != st->not_implemented)
            {
                return r;
            }
            switch (op)
            {
                case RichCompareOp.Eq:
                    return Bool(st, v == w);
                case RichCompareOp.Ne:
                    return Bool(st, v != w);
                default:
                    throw new UnorderableException(op, TypeRegistry.NameOf(v->ob_type), TypeRegistry.NameOf(w->ob_type));
            }
        }
        finally
        {
            Refcount.Decref(w);
            Refcount.Decref(v);
            st->compare_depth--;
        }
    }

    /// <summary>do_richcompare's slot order; NotImplemented (borrowed, immortal) when every slot declines.</summary>
    private static PyObject* TrySlots(PyObject* v, PyObject* w, RichCompareOp op)
    {
        PyTypeObject* tv = v->ob_type;
        PyTypeObject* tw = w->ob_type;
        PyObject* notImplemented = tv->tp_heap->not_implemented;
        bool checkedReverse = false;
        if (tv != tw && tw->tp_richcompare != null && IsSubtype(tw, tv))
        {
            checkedReverse = true;
            PyObject* r = tw->tp_richcompare(w, v, op.Swapped());
            if (r != notImplemented)
            {
                return r;
            }
        }
        if (tv->tp_richcompare != null)
        {
            PyObject* r = tv->tp_richcompare(v, w, op);
            if (r != notImplemented)
            {
                return r;
            }
        }
        if (!checkedReverse && tw->tp_richcompare != null)
        {
            return tw->tp_richcompare(w, v, op.Swapped());
        }
        return notImplemented;
    }

    /// <summary>
    /// CPython's PyObject_RichCompareBool: identity implies equality (so a nan is found in a
    /// list holding it), then <see cref="RichCompare"/> and the truth of its result.
    /// </summary>
    public static bool RichCompareBool(PyObject* v, PyObject* w, RichCompareOp op)
    {
        if (v == w)
        {
            if (op == RichCompareOp.Eq)
            {
                return true;
            }
            if (op == RichCompareOp.Ne)
            {
                return false;
            }
        }
        PyObject* r = RichCompare(v, w, op);
        try
        {
            return IsTrue(r);
        }
        finally
        {
            Refcount.Decref(r);
        }
    }

    /// <summary>Equality for container lookups (PyObject_RichCompareBool with Py_EQ).</summary>
    public static bool Equal(PyObject* a, PyObject* b) => RichCompareBool(a, b, RichCompareOp.Eq);

    /// <summary>
    /// CPython's PyObject_IsTrue: the singletons, then the type's nb_bool, then the sizes of
    /// the built-in containers this layer defines; anything else is true.
    /// </summary>
    public static bool IsTrue(PyObject* v)
    {
        PyTypeObject* t = v->ob_type;
        HeapState* st = t->tp_heap;
        if (v == st->true_obj)
        {
            return true;
        }
        if (v == st->false_obj || v == st->none)
        {
            return false;
        }
        if (t->tp_as_number != null && t->tp_as_number->nb_bool != null)
        {
            return t->tp_as_number->nb_bool(v) != 0;
        }
        if (t == st->type_int || t == st->type_bool)
        {
            return PyLong.Sign(v) != 0;
        }
        if (t == st->type_float)
        {
            return PyFloat.Value(v) != 0;
        }
        if (t == st->type_str)
        {
            return PyUnicode.Length(v) != 0;
        }
        if (t == st->type_tuple)
        {
            return PyTuple.Size(v) != 0;
        }
        if (t == st->type_list)
        {
            return PyList.Size(v) != 0;
        }
        if (t == st->type_dict)
        {
            return PyDict.Size(v) != 0;
        }
        if (t == st->type_set || t == st->type_frozenset)
        {
            return PySet.Size(v) != 0;
        }
        return true;
    }

    /// <summary>
    /// object's tp_richcompare (CPython's object_richcompare): == is identity, != asks the
    /// type's own == and inverts it, orderings decline.
    /// </summary>
    public static PyObject* ObjectRichCompare(PyObject* self, PyObject* other, RichCompareOp op)
    {
        HeapState* st = self->ob_type->tp_heap;
        switch (op)
        {
            case RichCompareOp.Eq:
                return self == other ? Bool(st, true) : NotImplemented(st);
            case RichCompareOp.Ne:
            {
                var eq = self->ob_type->tp_richcompare;
                if (eq == null)
                {
                    return NotImplemented(st);
                }
                PyObject* r = eq(self, other, RichCompareOp.Eq);
                if (r == st->not_implemented)
                {
                    return r;
                }
                try
                {
                    return Bool(st, !IsTrue(r));
                }
                finally
                {
                    Refcount.Decref(r);
                }
            }
            default:
                return NotImplemented(st);
        }
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

/// <summary>Raised when every slot declined an ordering (Python's <c>TypeError: '&lt;' not supported between instances of 'A' and 'B'</c>).</summary>
public sealed class UnorderableException(RichCompareOp op, string left, string right)
    : Exception($"'{op.Symbol()}' not supported between instances of '{left}' and '{right}'");

/// <summary>Raised when comparisons nest deeper than the recursion limit (Python's <c>RecursionError: maximum recursion depth exceeded in comparison</c>).</summary>
public sealed class ComparisonRecursionException() : Exception("maximum recursion depth exceeded in comparison");

/// <summary>Raised when a key's type cannot be hashed (Python's <c>TypeError: unhashable type: 'list'</c>).</summary>
public sealed class UnhashableException(string typeName) : Exception($"unhashable type: '{typeName}'")
{
    public string TypeName { get; } = typeName;
}
