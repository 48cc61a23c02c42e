using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// Objects that can never be part of a cycle stop being tracked, so later collections do
/// not scan them: CPython 3.12's untrack_tuples (every collection, over the survivors) and
/// untrack_dicts (full collections only — untracking dicts in young collections made dict
/// building quadratic, bpo-14775). The collector applies these tests to each survivor as
/// move_unreachable's scan traverses it (see <see cref="Reachability"/>).
/// </summary>
internal static unsafe class Untracking
{
    /// <summary>
    /// _PyTuple_MaybeUntrack's test: every item is present and can never be tracked
    /// (an atom, or a tuple that is already untracked). A tuple with a null item is still
    /// being built and stays tracked.
    /// </summary>
    public static bool TupleMayBeUntracked(PyObject* op)
    {
        nint n = PyTuple.Size(op);
        PyObject** items = PyTuple.Items(op);
        for (nint i = 0; i < n; i++)
        {
            PyObject* item = items[i];
            if (item == null || ObjectProtocol.MayBeTracked(item))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>What _PyDict_MaybeUntrack would decide, as far as it can be known before every tuple is.</summary>
    public enum DictVerdict
    {
        /// <summary>A key or value is a container that is not a tuple: the dict stays tracked.</summary>
        Keep,
        /// <summary>Only atoms and untracked tuples: untrack it.</summary>
        Untrack,
        /// <summary>Holds a tracked tuple that may yet be untracked: decide after the tuples.</summary>
        Undecided,
    }

    /// <summary>
    /// _PyDict_MaybeUntrack's test (no key or value may be tracked), split by whether a
    /// still-tracked tuple is all that keeps the dict tracked.
    /// </summary>
    public static DictVerdict DictMayBeUntracked(PyObject* op)
    {
        if (!GcList.IsTracked(op))
        {
            return DictVerdict.Keep;
        }
        var verdict = DictVerdict.Untrack;
        nint position = 0;
        while (PyDict.Next(op, ref position, out PyObject* key, out PyObject* value))
        {
            if (Blocks(key, ref verdict) || Blocks(value, ref verdict))
            {
                return DictVerdict.Keep;
            }
        }
        return verdict;
    }

    /// <summary>True when <paramref name="x"/> keeps the dict tracked for good; notes a tracked tuple.</summary>
    private static bool Blocks(PyObject* x, ref DictVerdict verdict)
    {
        if (!ObjectProtocol.IsGc(x))
        {
            return false;
        }
        if (x->ob_type != x->ob_type->tp_heap->type_tuple)
        {
            return true;
        }
        if (GcList.IsTracked(x))
        {
            verdict = DictVerdict.Undecided;
        }
        return false;
    }
}
