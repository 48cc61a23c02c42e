using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>The slots of <c>range</c> (CPython's range_richcompare and range_hash): a range is the sequence it produces.</summary>
public static unsafe class RangeType
{
    public static void Fill(PyTypeObject* type)
    {
        type->tp_richcompare = &RichCompare;
        type->tp_hash = &Hash;
    }

    /// <summary>Equal when they produce the same numbers: same length, and (when non-empty) same start and (when longer than one) same step.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (w->ob_type != v->ob_type || op is not (RichCompareOp.Eq or RichCompareOp.Ne))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        var a = (PyRangeObject*)v;
        var b = (PyRangeObject*)w;
        bool equal = a->length == b->length && (a->length == 0 || (a->start == b->start && (a->length == 1 || a->step == b->step)));
        return ObjectProtocol.Bool(st, equal == (op == RichCompareOp.Eq));
    }

    /// <summary>The hash of (len, start, step), with None for what equality ignores, so equal ranges hash alike.</summary>
    private static nint Hash(PyObject* op)
    {
        var r = (PyRangeObject*)op;
        HeapState* st = op->ob_type->tp_heap;
        PyObject* length = PyLong.FromInt64(st, r->length);
        PyObject* start = r->length == 0 ? st->none : PyLong.FromInt64(st, r->start);
        PyObject* step = r->length <= 1 ? st->none : PyLong.FromInt64(st, r->step);
        PyObject* key = PyTuple.Pack(st, [(nint)length, (nint)start, (nint)step]);
        Refcount.Decref(length);
        Refcount.Decref(start);
        Refcount.Decref(step);
        try
        {
            return ObjectProtocol.Hash(key);
        }
        finally
        {
            Refcount.Decref(key);
        }
    }
}
