using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>
/// The slots of <c>bytes</c>, whose data is a Latin-1 str (one code point per byte, in
/// <c>ob_ref</c>): comparing and hashing that str compares bytes by value and hashes the
/// same bytes CPython's bytes_hash does.
/// </summary>
public static unsafe class BytesType
{
    public static void Fill(PyTypeObject* type)
    {
        type->tp_richcompare = &RichCompare;
        type->tp_hash = &Hash;
    }

    private static PyObject* Data(PyObject* op) => ((PyCellObject*)op)->ob_ref;

    /// <summary>bytes_richcompare: bytes against bytes, byte by byte; anything else declines.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (w->ob_type != v->ob_type)
        {
            return ObjectProtocol.NotImplemented(st);
        }
        return ObjectProtocol.Bool(st, op.Holds(PyUnicode.Compare(Data(v), Data(w))));
    }

    private static nint Hash(PyObject* op) => PyUnicode.Hash(Data(op));
}
