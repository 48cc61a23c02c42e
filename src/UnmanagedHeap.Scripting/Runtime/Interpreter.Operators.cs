using System.Numerics;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Abstract;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>How Python spells each operator in "unsupported operand type(s) for ..." messages.</summary>
    private static readonly Dictionary<BinaryOperator, string> OpSymbols = new()
    {
        [BinaryOperator.Add] = "+",
        [BinaryOperator.Sub] = "-",
        [BinaryOperator.Mult] = "*",
        [BinaryOperator.MatMult] = "@",
        [BinaryOperator.Div] = "/",
        [BinaryOperator.Mod] = "%",
        [BinaryOperator.Pow] = "** or pow()",
        [BinaryOperator.LShift] = "<<",
        [BinaryOperator.RShift] = ">>",
        [BinaryOperator.BitOr] = "|",
        [BinaryOperator.BitXor] = "^",
        [BinaryOperator.BitAnd] = "&",
        [BinaryOperator.FloorDiv] = "//",
    };

    /// <summary>Python truth value.</summary>
    public bool IsTrue(PyObject* v)
    {
        if (v == St->true_obj)
        {
            return true;
        }
        if (v == St->false_obj || v == St->none)
        {
            return false;
        }
        PyTypeObject* t = v->ob_type;
        if (t->tp_layout != null && LookupInType(t, "__bool__") == null && LookupInType(t, "__len__") == null)
        {
            t = t->tp_layout; // a class derived from a built-in is true as the built-in is
        }
        if (t == St->type_int)
        {
            return PyLong.Sign(v) != 0;
        }
        if (t == St->type_float)
        {
            return PyFloat.Value(v) != 0;
        }
        if (t == St->type_str)
        {
            return PyUnicode.Length(v) != 0;
        }
        if (t == St->type_list)
        {
            return PyList.Size(v) != 0;
        }
        if (t == St->type_tuple)
        {
            return PyTuple.Size(v) != 0;
        }
        if (t == St->type_dict)
        {
            return PyDict.Size(v) != 0;
        }
        if (IsSet(v))
        {
            return PySet.Size(v) != 0;
        }
        if (t == T.Range)
        {
            return ((PyRangeObject*)v)->length != 0;
        }
        if (t == T.DictKeys || t == T.DictValues || t == T.DictItems)
        {
            // A view is as true as its dict is long (dictview_len).
            PyObject* d = ((PyDictViewObject*)v)->dv_dict;
            return d != null && PyDict.Size(d) != 0;
        }
        if (IsBytesLike(v))
        {
            return BytesLength(v) != 0;
        }
        if (IsInstanceLayout(t))
        {
            PyObject* m = LookupInType(t, "__bool__");
            if (m != null)
            {
                PyObject* r = CallWithSelf(m, v, []);
                try
                {
                    return r == St->true_obj;
                }
                finally
                {
                    Refcount.Decref(r);
                }
            }
            m = LookupInType(t, "__len__");
            if (m != null)
            {
                return Length(v) != 0;
            }
        }
        if (t == St->type_weakref_proxy)
        {
            return IsTrue(ProxyTarget(v));
        }
        if (t == T.Complex)
        {
            // Only complex here: a class's nb_bool (InstanceSlots.Bool) comes back to IsTrue.
            return t->tp_as_number->nb_bool(v) != 0;
        }
        return true;
    }

    public PyObject* UnaryOp(UnaryOperator op, PyObject* v)
    {
        if (op == UnaryOperator.Not)
        {
            return Bool(!IsTrue(v));
        }
        PyObject* r = Number.Unary(v, op);
        if (r != null)
        {
            return r;
        }
        string sym = op switch { UnaryOperator.Minus => "-", UnaryOperator.Plus => "+", _ => "~" };
        throw TypeErr($"bad operand type for unary {sym}: '{TypeName(v)}'");
    }

    /// <summary>
    /// <c>a op b</c> (or <c>a op= b</c>): the number slots first (<see cref="Number"/>), then
    /// what CPython's sequence slots do (concatenation, repetition, <c>%</c> formatting, set
    /// and dict operators), then the TypeError CPython 3.12 words for the operand types.
    /// </summary>
    public PyObject* BinaryOp(BinaryOperator op, PyObject* a, PyObject* b, bool inplace)
    {
        PyObject* r = inplace ? Number.InPlace(a, b, op) : Number.Binary(a, b, op);
        if (r != St->not_implemented)
        {
            return r;
        }
        string sym = OpSymbols[op];
        PyObject* result = SequenceOp(op, a, b, inplace);
        if (result == null)
        {
            result = BytesSequenceOp(op, a, b, inplace);
        }
        if (result != null)
        {
            return result;
        }
        if (BytesOperatorError(op, a, b) is string bytesError)
        {
            throw TypeErr(bytesError);
        }
        if (op == BinaryOperator.Add && IsStr(a))
        {
            throw TypeErr($"can only concatenate str (not \"{TypeName(b)}\") to str");
        }
        if (op == BinaryOperator.Add && (IsList(a) || IsTuple(a)))
        {
            throw TypeErr($"can only concatenate {TypeName(a)} (not \"{TypeName(b)}\") to {TypeName(a)}");
        }
        if (op == BinaryOperator.Mult && (IsStr(a) || IsList(a) || IsTuple(a)))
        {
            throw TypeErr($"can't multiply sequence by non-int of type '{TypeName(b)}'");
        }
        if (op == BinaryOperator.Mult && (IsStr(b) || IsList(b) || IsTuple(b)))
        {
            throw TypeErr($"can't multiply sequence by non-int of type '{TypeName(a)}'");
        }
        string symbol = inplace ? sym + "=" : sym;
        throw TypeErr($"unsupported operand type(s) for {symbol}: '{TypeName(a)}' and '{TypeName(b)}'");
    }

    private PyObject* NotImplementedObject => St->not_implemented;

    public double ToDouble(PyObject* v)
    {
        if (IsFloat(v))
        {
            return PyFloat.Value(v);
        }
        if (PyLong.TryGetInt64(v, out long l))
        {
            return l;
        }
        if (!Objects.Long.LongFloat.TryToDouble(v, out double d))
        {
            throw Error(OverflowError, "int too large to convert to float");
        }
        return d;
    }

    /// <summary>Bytes the heap may hold at most: its --max-heap budget, else its reserve limit, else unbounded.</summary>
    public long HeapLimitBytes =>
        Heap.Options.MaxHeapBytes > 0 ? Heap.Options.MaxHeapBytes : Heap.Options.ReserveLimitBytes > 0 ? Heap.Options.ReserveLimitBytes : long.MaxValue;

    /// <summary>Sequence, set and dict operators; null when the operand types do not apply.</summary>
    private PyObject* SequenceOp(BinaryOperator op, PyObject* a, PyObject* b, bool inplace)
    {
        if (op == BinaryOperator.Add)
        {
            if (IsStr(a) && IsStr(b))
            {
                return Str(PyUnicode.AsString(a) + PyUnicode.AsString(b));
            }
            if (IsList(a) && (IsList(b) || (inplace && IsIterable(b))))
            {
                if (inplace)
                {
                    ListExtend(a, b);
                    return NewRef(a);
                }
                PyObject* l = PyList.New(St, PyList.Size(a) + PyList.Size(b));
                ListExtend(l, a);
                ListExtend(l, b);
                return l;
            }
            if (IsTuple(a) && IsTuple(b))
            {
                var items = new List<nint>();
                for (nint i = 0; i < PyTuple.Size(a); i++)
                {
                    items.Add((nint)NewRef(PyTuple.Items(a)[i]));
                }
                for (nint i = 0; i < PyTuple.Size(b); i++)
                {
                    items.Add((nint)NewRef(PyTuple.Items(b)[i]));
                }
                return TupleSteal(items);
            }
        }
        if (op == BinaryOperator.Mult)
        {
            if ((IsStr(a) || IsList(a) || IsTuple(a)) && IsIndexable(b))
            {
                return Repeat(a, b, inplace);
            }
            if ((IsStr(b) || IsList(b) || IsTuple(b)) && IsIndexable(a))
            {
                return Repeat(b, a, false);
            }
        }
        if (op == BinaryOperator.Mod && IsStr(a))
        {
            return Str(PercentFormat(PyUnicode.AsString(a), b));
        }
        if (IsSet(a) && IsSet(b) && op is BinaryOperator.BitOr or BinaryOperator.BitAnd or BinaryOperator.Sub or BinaryOperator.BitXor)
        {
            return SetOperation(op, a, b, inplace);
        }
        if (IsDict(a) && IsDict(b) && op == BinaryOperator.BitOr)
        {
            if (inplace)
            {
                DictUpdate(a, b);
                return NewRef(a);
            }
            PyObject* d = PyDict.New(St);
            DictUpdate(d, a);
            DictUpdate(d, b);
            return d;
        }
        return null;
    }

    /// <summary>The first copy of a repeat: <paramref name="size"/> items, each a new reference.</summary>
    private static void CopyStrong(PyObject** dst, PyObject** src, nint size)
    {
        for (nint i = 0; i < size; i++)
        {
            Refcount.Incref(src[i]);
            dst[i] = src[i];
        }
    }

    private PyObject* Repeat(PyObject* seq, PyObject* count, bool inplace)
    {
        // The count's __index__ runs first, before anything of the sequence is read: it may change it.
        PyObject* index = IndexValueOrNull(count);
        bool fits = PyLong.TryGetInt64(index, out long n);
        Refcount.Decref(index);
        if (!fits)
        {
            throw Error(OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        n = Math.Max(n, 0);
        if (IsStr(seq))
        {
            string s = PyUnicode.AsString(seq);
            if (s.Length == 0 || n == 0)
            {
                return Str("");
            }
            if (n > long.MaxValue / s.Length)
            {
                throw Error(OverflowError, "repeated string is too long");
            }
            long total = s.Length * n;
            // A .NET string holds at most about 2**30 chars; the heap's copy needs a byte or more per char.
            if (total > Array.MaxLength / 2 || total > HeapLimitBytes)
            {
                throw new PythonException(NewException(MemoryError, null));
            }
            return Str(string.Create((int)total, s, static (span, unit) =>
            {
                for (int at = 0; at < span.Length; at += unit.Length)
                {
                    unit.AsSpan().CopyTo(span[at..]);
                }
            }));
        }
        nint size = IsList(seq) ? PyList.Size(seq) : PyTuple.Size(seq);
        if (size != 0 && n > nint.MaxValue / size)
        {
            throw new PythonException(NewException(MemoryError, null));
        }
        nint totalItems = size * (nint)n;
        if (IsList(seq))
        {
            if (inplace)
            {
                if (totalItems == 0)
                {
                    ListClear(seq);
                    return NewRef(seq);
                }
                // The list's own first `size` items, repeated in place (CPython's list_inplace_repeat).
                PyList.Resize((PyListObject*)seq, totalItems);
                FillRepeats(PyList.Items(seq), size, totalItems);
                return NewRef(seq);
            }
            PyObject* list = PyList.New(St, totalItems);
            if (totalItems > 0)
            {
                PyObject** dst = PyList.Items(list);
                CopyStrong(dst, PyList.Items(seq), size);
                FillRepeats(dst, size, totalItems);
                ((PyVarObject*)list)->ob_size = totalItems;
            }
            return list;
        }
        if (totalItems == 0)
        {
            return NewRef(St->empty_tuple);
        }
        if (n == 1)
        {
            return NewRef(seq);
        }
        PyObject* tuple = PyTuple.NewUninitialized(St, totalItems);
        PyObject** items = PyTuple.Items(tuple);
        CopyStrong(items, PyTuple.Items(seq), size);
        FillRepeats(items, size, totalItems);
        GcList.Track(tuple);
        return tuple;
    }

    /// <summary>
    /// Copies slots [0, size) over [size, total) and adds a reference for every copy; the
    /// first <paramref name="size"/> slots' own references are the caller's to add.
    /// </summary>
    private static void FillRepeats(PyObject** items, nint size, nint total)
    {
        for (nint i = size; i < total; i++)
        {
            PyObject* item = items[i % size];
            Refcount.Incref(item);
            items[i] = item;
        }
    }

    public long ToLong(PyObject* v)
    {
        if (IsInt(v) && PyLong.TryGetInt64(v, out long l))
        {
            return l;
        }
        if (IsInt(v))
        {
            throw Error(OverflowError, "Python int too large to convert to C ssize_t");
        }
        PyObject* index = IndexValueOrNull(v);
        if (index != null)
        {
            try
            {
                return ToLong(index);
            }
            finally
            {
                Refcount.Decref(index);
            }
        }
        throw TypeErr($"'{TypeName(v)}' object cannot be interpreted as an integer");
    }

    // ---- Comparison ----

    public PyObject* CompareOp(CompareOperator op, PyObject* a, PyObject* b)
    {
        switch (op)
        {
            case CompareOperator.Is:
                return Bool(a == b);
            case CompareOperator.IsNot:
                return Bool(a != b);
            case CompareOperator.In:
                return Bool(Contains(b, a));
            case CompareOperator.NotIn:
                return Bool(!Contains(b, a));
            default:
                return Comparison.Rich(this, a, b, Comparison.ToRich(op));
        }
    }

    /// <summary>== as containers use it (PyObject_RichCompareBool): identity, then the types' slots.</summary>
    public bool ValueEquals(PyObject* a, PyObject* b) => Comparison.RichBool(this, a, b, RichCompareOp.Eq);

    /// <summary>The truth of an ordering (min, max, sort): PyObject_RichCompareBool.</summary>
    private bool Order(CompareOperator op, PyObject* a, PyObject* b) => Comparison.RichBool(this, a, b, Comparison.ToRich(op));

    /// <summary><c>item in container</c>.</summary>
    public bool Contains(PyObject* container, PyObject* item)
    {
        PyTypeObject* t = container->ob_type;
        PyObject* own = OwnSpecial("__contains__", ref t);
        if (own != null)
        {
            PyObject* r = CallWithSelf(own, container, [(nint)NewRef(item)]);
            try
            {
                return IsTrue(r);
            }
            finally
            {
                Refcount.Decref(r);
            }
        }
        return ContainsAs(container, item, t);
    }

    /// <summary><c>item in container</c> as built-in type <paramref name="t"/> answers it.</summary>
    public bool ContainsAs(PyObject* container, PyObject* item, PyTypeObject* t)
    {
        if (IsBytesLike(container))
        {
            return BytesContains(container, item);
        }
        if (t == St->type_str)
        {
            if (!IsStr(item))
            {
                throw TypeErr($"'in <string>' requires string as left operand, not {TypeName(item)}");
            }
            return PyUnicode.AsString(container).Contains(PyUnicode.AsString(item), StringComparison.Ordinal);
        }
        if (t == St->type_dict)
        {
            return PyDict.GetItem(container, item) != null;
        }
        if (IsSet(container))
        {
            return PySet.Contains(container, item);
        }
        if (t == T.DictKeys || t == T.DictItems || t == T.DictValues)
        {
            if (t == T.DictKeys)
            {
                return PyDict.GetItem(((PyDictViewObject*)container)->dv_dict, item) != null;
            }
        }
        if (t == St->type_list || t == St->type_tuple)
        {
            bool list = t == St->type_list;
            for (nint i = 0; i < (list ? PyList.Size(container) : PyTuple.Size(container)); i++)
            {
                PyObject* x = list ? PyList.Items(container)[i] : PyTuple.Items(container)[i];
                if (ValueEquals(x, item))
                {
                    return true;
                }
            }
            return false;
        }
        if (t == T.Range && IsInt(item))
        {
            var r = (PyRangeObject*)container;
            BigInteger v = PyLong.ToBigInteger(item);
            BigInteger off = v - r->start;
            if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop))
            {
                return false;
            }
            return off % r->step == 0;
        }
        PyObject* m = UserSpecial(container, "__contains__");
        if (m != null)
        {
            PyObject* r = CallWithSelf(m, container, [(nint)NewRef(item)]);
            try
            {
                return IsTrue(r);
            }
            finally
            {
                Refcount.Decref(r);
            }
        }
        if (!IsIterable(container))
        {
            throw TypeErr($"argument of type '{TypeName(container)}' is not iterable");
        }
        List<nint> items = CollectItems(container, unpacking: false);
        try
        {
            foreach (nint x in items)
            {
                if (ValueEquals((PyObject*)x, item))
                {
                    return true;
                }
            }
            return false;
        }
        finally
        {
            foreach (nint x in items)
            {
                Refcount.Decref((PyObject*)x);
            }
        }
    }

    /// <summary>hash(obj): the type's tp_hash (a class's calls <c>__hash__</c>; one with only <c>__eq__</c> is unhashable).</summary>
    public nint Hash(PyObject* op) => Hashing.Hash(this, op);
}
