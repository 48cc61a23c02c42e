using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Scripting.Abstract;

/// <summary>
/// <c>hash()</c> as scripts see it: <c>PyObject_Hash</c> through the type's <c>tp_hash</c>
/// (<see cref="ObjectProtocol.Hash"/>), with "unhashable type" raised as TypeError.
/// </summary>
public static unsafe class Hashing
{
    public static nint Hash(Interpreter it, PyObject* op)
    {
        try
        {
            return ObjectProtocol.Hash(op);
        }
        catch (UnhashableException u)
        {
            throw it.TypeErr(u.Message);
        }
        catch (ComparisonRecursionException e)
        {
            throw it.Error(it.RecursionError, e.Message);
        }
    }

    /// <summary>
    /// The hash a <c>__hash__</c> result stands for (CPython's slot_tp_hash): an int that
    /// fits in Py_ssize_t is used as it is (-1 becomes -2), a larger one is hashed as an int.
    /// </summary>
    public static nint FromHashResult(Interpreter it, PyObject* result)
    {
        if (!PyLong.Check(result))
        {
            throw it.TypeErr("__hash__ method should return an integer");
        }
        nint h = PyLong.TryGetInt64(result, out long v) ? (nint)v : PyLong.Hash(result);
        return h == -1 ? -2 : h;
    }
}
