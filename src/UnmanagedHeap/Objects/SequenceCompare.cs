namespace UnmanagedHeap.Objects;

/// <summary>
/// Rich comparison of two lists or two tuples (CPython's list_richcompare and
/// tuplerichcompare): the first pair of items that differ decides, otherwise the sizes do.
/// An item's <c>__eq__</c> may shrink or grow a list, so both sizes are read again before
/// every step and after the walk; the items are held while they are compared
/// (<see cref="ObjectProtocol.RichCompare"/> holds its operands).
/// </summary>
internal static unsafe class SequenceCompare
{
    public static PyObject* Compare(PyObject* v, PyObject* w, RichCompareOp op, bool list)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (Size(v, list) != Size(w, list) && op is RichCompareOp.Eq or RichCompareOp.Ne)
        {
            // Shortcut: unequal lengths are unequal sequences.
            return ObjectProtocol.Bool(st, op == RichCompareOp.Ne);
        }
        nint i = 0;
        for (; i < Size(v, list) && i < Size(w, list); i++)
        {
            PyObject* x = Items(v, list)[i];
            PyObject* y = Items(w, list)[i];
            if (x != y && !ObjectProtocol.RichCompareBool(x, y, RichCompareOp.Eq))
            {
                break;
            }
        }
        nint n = Size(v, list), m = Size(w, list);
        if (i >= n || i >= m)
        {
            // No more items to compare: the sizes decide.
            return ObjectProtocol.Bool(st, op.Holds(n.CompareTo(m)));
        }
        if (op == RichCompareOp.Eq)
        {
            return ObjectProtocol.Bool(st, false);
        }
        if (op == RichCompareOp.Ne)
        {
            return ObjectProtocol.Bool(st, true);
        }
        return ObjectProtocol.RichCompare(Items(v, list)[i], Items(w, list)[i], op);
    }

    private static nint Size(PyObject* op, bool list) => list ? PyList.Size(op) : PyTuple.Size(op);

    private static PyObject** Items(PyObject* op, bool list) => list ? PyList.Items(op) : PyTuple.Items(op);
}
