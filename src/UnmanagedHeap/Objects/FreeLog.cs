using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// A ring of the most recent frees (address, type, and the collection that freed it or 0
/// for reference counting), so a checked cast of a dangling id can say "freed by
/// collection 3" instead of only "freed". Recording is a few stores; searching happens
/// only on the error path, newest first.
/// </summary>
public static unsafe class FreeLog
{
    /// <summary>Entries kept: 2^16 (1.5 MiB of native memory per heap).</summary>
    public const int Capacity = 1 << 16;

    /// <remarks>
    /// Every object free records here, so the ring keeps a cursor to the next entry rather
    /// than a count to mask and scale: three stores and a pointer bump, the wrap a branch
    /// taken once per <see cref="Capacity"/> frees.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Record(HeapState* st, PyObject* op, PyTypeObject* type) =>
        Record(st, op, type, st->gc_current_collection);

    /// <summary>Records a free that <paramref name="collection"/> made (0: reference counting), for an object freed earlier than now (a parked one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Record(HeapState* st, PyObject* op, PyTypeObject* type, long collection)
    {
        FreeLogEntry* e = st->free_log_next;
        e->address = (nint)op;
        e->type = type;
        e->collection = collection;
        if (++e == st->free_log_end)
        {
            e = st->free_log;
            st->free_log_wrapped = 1;
        }
        st->free_log_next = e;
    }

    /// <summary>Finds the newest record for <paramref name="address"/>, if it is still in the ring.</summary>
    public static bool TryFind(HeapState* st, nint address, out FreeLogEntry entry)
    {
        long kept = st->free_log_wrapped != 0 ? Capacity : st->free_log_next - st->free_log;
        FreeLogEntry* e = st->free_log_next;
        for (long i = 0; i < kept; i++)
        {
            if (e == st->free_log)
            {
                e = st->free_log_end;
            }
            e--;
            if (e->address == address)
            {
                entry = *e;
                return true;
            }
        }
        entry = default;
        return false;
    }
}
