namespace UnmanagedHeap;

/// <summary>
/// The debug-hooks check behind <see cref="NewRef"/>: each owned reference gets a serial,
/// and the serials of references not yet disposed or passed on are kept here. A struct copy
/// of a NewRef shares its twin's serial, so once one copy is retired the other is refused
/// before its count is dropped a second time, or its object read after it may be freed.
/// </summary>
/// <remarks>
/// Only heaps with <see cref="HeapOptions.DebugHooks"/> have one: a hash-set operation per
/// reference is the price, in the mode that already pays for fill patterns and guards.
/// </remarks>
internal sealed class OwnedRefSerials
{
    private readonly HashSet<long> _live = [];
    private long _last;

    /// <summary>Owned references not yet disposed or passed on.</summary>
    public int LiveCount => _live.Count;

    public long Issue()
    {
        long serial = ++_last;
        _live.Add(serial);
        return serial;
    }

    /// <summary>Retires a serial as its reference is disposed or passed on; a second retirement is a copy's double dispose.</summary>
    public unsafe void Retire(long serial, void* op)
    {
        if (!_live.Remove(serial))
        {
            throw Retired(serial, op, "disposed or passed on again");
        }
    }

    /// <summary>Refuses a reference whose serial another copy already retired.</summary>
    public unsafe void CheckLive(long serial, void* op)
    {
        if (!_live.Contains(serial))
        {
            throw Retired(serial, op, "used");
        }
    }

    private static unsafe InvalidOperationException Retired(long serial, void* op, string what) =>
        new($"NewRef #{serial} to the object at 0x{(nint)op:x} was {what} after a copy of it had already been disposed or passed on: " +
            "each owned reference must be disposed exactly once (a copy of the NewRef struct shares its one count)");
}
