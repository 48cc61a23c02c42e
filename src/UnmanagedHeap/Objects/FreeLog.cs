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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Record(HeapState* st, PyObject* op, PyTypeObject* type)
    {
        FreeLogEntry* e = st->free_log + (st->free_log_written & st->free_log_mask);
        e->address = (nint)op;
        e->type = type;
        e->collection = st->gc_current_collection;
        st->free_log_written++;
    }

    /// <summary>Finds the newest record for <paramref name="address"/>, if it is still in the ring.</summary>
    public static bool TryFind(HeapState* st, nint address, out FreeLogEntry entry)
    {
        long kept = Math.Min(st->free_log_written, (long)st->free_log_mask + 1);
        for (long i = 1; i <= kept; i++)
        {
            FreeLogEntry* e = st->free_log + ((st->free_log_written - i) & st->free_log_mask);
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
