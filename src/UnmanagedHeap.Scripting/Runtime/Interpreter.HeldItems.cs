using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The rule for walking a container while Python code can run (CPython's, in
/// listobject.c, dictobject.c and setobject.c): a user <c>__eq__</c>, <c>__hash__</c>,
/// <c>__repr__</c>, <c>__lt__</c> or <c>key=</c> may empty, shrink, grow or replace the
/// very container being walked. So every item, key and value is held by a strong reference
/// across the call, and sizes and item arrays are read again after it, never cached.
/// These helpers are the pieces the walks share.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>The current size of a list or tuple (read again after every call out).</summary>
    private static nint SequenceSize(PyObject* seq) =>
        (seq->ob_type->tp_flags & TypeFlags.ListSubclass) != 0 ? PyList.Size(seq) : PyTuple.Size(seq);

    /// <summary>The current item array of a list or tuple (a list's moves when it grows or is cleared).</summary>
    private static PyObject** SequenceItems(PyObject* seq) =>
        (seq->ob_type->tp_flags & TypeFlags.ListSubclass) != 0 ? PyList.Items(seq) : PyTuple.Items(seq);

    /// <summary>A set's or frozenset's elements as owned references, so that code run for one of them cannot free the others.</summary>
    private List<nint> OwnedSetKeys(PyObject* set)
    {
        var keys = new List<nint>((int)PySet.Size(set));
        nint pos = 0;
        while (PySet.Next(set, ref pos, out PyObject* k))
        {
            keys.Add((nint)NewRef(k));
        }
        return keys;
    }

    /// <summary>A dict's pairs as owned references (see <see cref="OwnedSetKeys"/>).</summary>
    private List<(nint Key, nint Value)> OwnedDictPairs(PyObject* dict)
    {
        var pairs = new List<(nint, nint)>((int)PyDict.Size(dict));
        nint pos = 0;
        while (PyDict.Next(dict, ref pos, out PyObject* k, out PyObject* v))
        {
            pairs.Add(((nint)NewRef(k), (nint)NewRef(v)));
        }
        return pairs;
    }

    private static void DecrefAll(List<nint> owned)
    {
        foreach (nint o in owned)
        {
            Refcount.Decref((PyObject*)o);
        }
    }

    private static void DecrefAll(List<(nint Key, nint Value)> owned)
    {
        foreach (var (k, v) in owned)
        {
            Refcount.Decref((PyObject*)k);
            Refcount.Decref((PyObject*)v);
        }
    }

    /// <summary>
    /// Adds each item of <paramref name="iterable"/> to <paramref name="set"/> as it is
    /// produced (set_update_internal): lazily, so a <c>__hash__</c> that shrinks the list
    /// being read ends the walk, as in CPython.
    /// </summary>
    private void SetAddIterable(PyObject* set, PyObject* iterable)
    {
        if (IsSet(iterable))
        {
            // set_merge: the other set's stored hashes, no __hash__ calls.
            SetAddAll(set, iterable, SetStep.Add);
            return;
        }
        if (IsDict(iterable))
        {
            // The dict's stored hashes too, each key held while it is added.
            nint pos = 0;
            while (PyDict.Next(iterable, ref pos, out PyObject* k, out _, out nint hash))
            {
                Refcount.Incref(k);
                try
                {
                    PySet.AddWithHash(set, k, hash);
                }
                finally
                {
                    Refcount.Decref(k);
                }
            }
            return;
        }
        PyObject* it = GetIter(iterable);
        try
        {
            PyObject* x;
            while ((x = Next(it)) != null)
            {
                try
                {
                    PySet.Add(set, x);
                }
                finally
                {
                    Refcount.Decref(x);
                }
            }
        }
        finally
        {
            Refcount.Decref(it);
        }
    }
}
