using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>
/// The slots of <c>dict_keys</c> and <c>dict_items</c> (CPython's dictview_richcompare): set-like
/// views compare with sets and with each other as the sets of what they hold, and are
/// unhashable. (<c>dict_values</c> keeps object's identity comparison and hash, as in CPython.)
/// </summary>
public static unsafe class DictViewTypes
{
    public static void FillSetLike(PyTypeObject* type)
    {
        type->tp_richcompare = &RichCompare;
        type->tp_hash = &ObjectProtocol.HashNotImplemented;
    }

    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        Interpreter? it = Interpreter.TryOf(st);
        bool setLike = w->ob_type == st->type_set || w->ob_type == st->type_frozenset
            || (it != null && (w->ob_type == it.T.DictKeys || w->ob_type == it.T.DictItems));
        if (it == null || !setLike)
        {
            return ObjectProtocol.NotImplemented(st);
        }
        // The views' contents as sets, compared by inclusion (dictview_richcompare's all_contained_in).
        PyObject* sv = it.ToSet(v);
        try
        {
            PyObject* sw = it.ToSet(w);
            try
            {
                return ObjectProtocol.RichCompare(sv, sw, op);
            }
            finally
            {
                Refcount.Decref(sw);
            }
        }
        finally
        {
            Refcount.Decref(sv);
        }
    }
}
