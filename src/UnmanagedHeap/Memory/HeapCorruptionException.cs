namespace UnmanagedHeap.Memory;

/// <summary>What the debug hooks caught.</summary>
public enum CorruptionKind
{
    /// <summary>A block was freed twice.</summary>
    DoubleFree,
    /// <summary>Bytes past the end (or before the start) of a block were overwritten.</summary>
    BufferOverflow,
    /// <summary>A freed block was written to, or used as a live object.</summary>
    UseAfterFree,
    /// <summary>Free was called with an address that is not the start of a block this allocator gave out.</summary>
    InvalidFree,
}

/// <summary>
/// Raised by the debug hooks (and by checked paths) instead of letting a corrupted heap
/// crash the process. It names the address, the block size and the allocation serial.
/// </summary>
public sealed class HeapCorruptionException : Exception
{
    public HeapCorruptionException(CorruptionKind kind, nint address, nuint size, long serial, string detail)
        : base($"{Describe(kind)} at 0x{address:x} (block of {size} bytes, allocation serial {serial}): {detail}")
    {
        Kind = kind;
        Address = address;
        Size = size;
        Serial = serial;
    }

    public CorruptionKind Kind { get; }
    public nint Address { get; }
    public nuint Size { get; }
    public long Serial { get; }

    private static string Describe(CorruptionKind kind) => kind switch
    {
        CorruptionKind.DoubleFree => "double free",
        CorruptionKind.BufferOverflow => "write past the end of a block",
        CorruptionKind.UseAfterFree => "use after free",
        _ => "free of an address that is not a block start",
    };
}
