using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>The slots of bound methods (CPython's method_richcompare and method_hash).</summary>
public static unsafe class MethodType
{
    public static void Fill(PyTypeObject* type)
    {
        type->tp_richcompare = &RichCompare;
        type->tp_hash = &Hash;
    }

    /// <summary>Two bound methods are equal when they bind the same function to the same object (identity, since 3.8).</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (w->ob_type != v->ob_type || op is not (RichCompareOp.Eq or RichCompareOp.Ne))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        var a = (PyMethodObject*)v;
        var b = (PyMethodObject*)w;
        bool equal = a->im_func == b->im_func && a->im_self == b->im_self;
        return ObjectProtocol.Bool(st, equal == (op == RichCompareOp.Eq));
    }

    /// <summary>The bound object's identity hash combined with the function's hash.</summary>
    private static nint Hash(PyObject* op)
    {
        var m = (PyMethodObject*)op;
        nint h = ObjectHash.Pointer(m->im_self) ^ ObjectProtocol.Hash(m->im_func);
        return h == -1 ? -2 : h;
    }
}
