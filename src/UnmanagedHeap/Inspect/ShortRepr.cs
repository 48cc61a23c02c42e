using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// A repr short enough for a graph node or a dump line: scalars as Python prints them
/// (cut to <see cref="MaxLength"/>), small containers in full, bigger ones by their length.
/// Uses the heap's own repr, never a script's <c>__repr__</c>, so it runs no Python code.
/// </summary>
public static unsafe class ShortRepr
{
    public const int MaxLength = 40;
    private const nint MaxItemsInFull = 8;

    public static string Of(PyObject* op)
    {
        PyTypeObject* type = op->ob_type;
        HeapState* st = type->tp_heap;
        nint length = -1;
        if (type == st->type_list) length = PyList.Size(op);
        else if (type == st->type_tuple) length = PyTuple.Size(op);
        else if (type == st->type_dict) length = PyDict.Size(op);
        else if (type == st->type_set || type == st->type_frozenset) length = PySet.Size(op);
        if (length > MaxItemsInFull)
        {
            return $"len {length}";
        }
        string repr = ObjectRepr.Repr(op, depth: 18);
        return repr.Length <= MaxLength ? repr : repr[..(MaxLength - 3)] + "...";
    }
}
