using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// delete_garbage: breaks the cycles that are still trash by calling each member's clear
/// slot, which drops the references the object holds; reference counting then frees the
/// whole cycle, usually during the first call. With DEBUG_SAVEALL the objects are appended
/// to <c>gc.garbage</c> instead and live on there.
/// </summary>
internal static unsafe class GarbageDeletion
{
    /// <param name="hints">
    /// The trash in list order as move_unreachable recorded it, used only to prefetch the
    /// objects about to be cleared (entries freed meanwhile are compared, never read).
    /// </param>
    public static void DeleteGarbage(PyGC_Head* collectable, PyGC_Head* old, PyObject* garbage, bool saveAll, Collector collector, GcBuffer hints)
    {
        PyGC_Head** items = hints.Items;
        nint n = hints.Count;
        nint cursor = 0;
        while (!GcHead.IsEmpty(collectable))
        {
            // Always the list's first member: clearing one may free any number of others.
            PyGC_Head* gc = GcHead.Next(collectable);
            while (cursor < n && items[cursor] != gc)
            {
                cursor++;
            }
            if (cursor + GcBuffer.PrefetchDistance < n)
            {
                GcBuffer.Prefetch(items[cursor + GcBuffer.PrefetchDistance]);
            }

            PyObject* op = GcHead.FromGc(gc);
            if (saveAll)
            {
                collector.AppendToGarbage(garbage, op);
            }
            else
            {
                var clear = op->ob_type->tp_clear;
                if (clear != null)
                {
                    // Hold op across the call: clearing may drop the last other reference.
                    Refcount.Incref(op);
                    collector.CallClear(clear, op);
                    Refcount.Decref(op);
                }
            }
            // Freed objects untracked themselves (their dealloc took them off this list).
            // One still at the front survived its clear (a tuple, say, which has no clear
            // slot, kept alive by a member not yet cleared): it joins the old generation and
            // will die when that member's clear drops it.
            if (GcHead.Next(collectable) == gc)
            {
                GcHead.ClearCollecting(gc);
                GcHead.Move(gc, old);
            }
        }
    }
}
