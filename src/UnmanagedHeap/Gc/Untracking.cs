using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// Objects that can never be part of a cycle stop being tracked, so later collections do
/// not scan them: CPython 3.12's untrack_tuples (every collection, over the survivors) and
/// untrack_dicts (full collections only — untracking dicts in young collections made dict
/// building quadratic, bpo-14775).
/// </summary>
internal static unsafe class Untracking
{
    /// <summary>
    /// untrack_tuples over <paramref name="head"/>, in list order, so a tuple whose items
    /// include a tuple untracked earlier in the same pass is untracked too. Returns how many
    /// objects remain in the list (what gc_list_size would say afterwards).
    /// </summary>
    public static long UntrackTuples(PyGC_Head* head, PyTypeObject* tupleType)
    {
        long remaining = 0;
        PyGC_Head* next;
        for (PyGC_Head* gc = GcHead.Next(head); gc != head; gc = next)
        {
            next = GcHead.Next(gc);
            PyObject* op = GcHead.FromGc(gc);
            if (op->ob_type == tupleType && TupleMayBeUntracked(op))
            {
                GcList.Untrack(op);
                continue;
            }
            remaining++;
        }
        return remaining;
    }

    /// <summary>
    /// _PyTuple_MaybeUntrack's test: every item is present and can never be tracked
    /// (an atom, or a tuple that is already untracked). A tuple with a null item is still
    /// being built and stays tracked.
    /// </summary>
    private static bool TupleMayBeUntracked(PyObject* op)
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

    /// <summary>untrack_dicts: _PyDict_MaybeUntrack on every exact dict; returns how many objects remain.</summary>
    public static long UntrackDicts(PyGC_Head* head, PyTypeObject* dictType)
    {
        long remaining = 0;
        PyGC_Head* next;
        for (PyGC_Head* gc = GcHead.Next(head); gc != head; gc = next)
        {
            next = GcHead.Next(gc);
            PyObject* op = GcHead.FromGc(gc);
            if (op->ob_type == dictType)
            {
                PyDict.MaybeUntrack(op);
                if (!GcList.IsTracked(op))
                {
                    continue;
                }
            }
            remaining++;
        }
        return remaining;
    }
}
