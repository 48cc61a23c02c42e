namespace UnmanagedHeap.Inspect;

/// <summary>What an arbitrary 64-bit value turned out to be, as an address in a heap.</summary>
public enum AddressKind
{
    /// <summary>The header of a live object: a checked cast succeeds.</summary>
    LiveObject,
    /// <summary>Inside a live object (or its GC header / pre-header), not at its header.</summary>
    InsideObject,
    /// <summary>Inside a live block that holds no object header (a list's item array, a dict's table).</summary>
    InsideBuffer,
    /// <summary>An object that reference counting freed.</summary>
    FreedByRefcount,
    /// <summary>An object that a cycle collection freed.</summary>
    FreedByCollection,
    /// <summary>Freed memory with no record of which object it held.</summary>
    FreedMemory,
    /// <summary>Allocator bookkeeping (pool headers, guard bytes, uncarved pool space).</summary>
    AllocatorMetadata,
    /// <summary>Not memory this heap manages at all.</summary>
    NotHeapMemory,
}

/// <summary>
/// The classification of an address, with everything needed to explain it. <c>Parked</c>
/// marks a freed object whose block waits on its type's freelist (see Objects/Freelists).
/// </summary>
public readonly record struct AddressInfo(
    AddressKind Kind,
    nint Address,
    nint ObjectAddress = 0,
    nint Offset = 0,
    string? TypeName = null,
    long Collection = 0,
    nint BlockStart = 0,
    nuint BlockSize = 0,
    bool Parked = false)
{
    /// <summary>A sentence for error messages: what the address is.</summary>
    public string Describe() => Parked ? DescribeKind() + $" (its block is parked on the {TypeName} freelist for reuse)" : DescribeKind();

    private string DescribeKind() => Kind switch
    {
        AddressKind.LiveObject => $"0x{Address:x} is a live {TypeName} object",
        AddressKind.InsideObject => $"0x{Address:x} is inside {Article(TypeName)} {TypeName} object at 0x{ObjectAddress:x} (offset {Offset}), not at its header",
        AddressKind.InsideBuffer => $"0x{Address:x} is inside a live {BlockSize}-byte block at 0x{BlockStart:x} that holds no object header (an item array or table), at offset {Offset}",
        AddressKind.FreedByRefcount => $"0x{Address:x} held {Article(TypeName)} {TypeName} object that was freed when its reference count reached zero",
        AddressKind.FreedByCollection => $"0x{Address:x} held {Article(TypeName)} {TypeName} object that was freed by collection {Collection}",
        AddressKind.FreedMemory => $"0x{Address:x} is in freed memory (block at 0x{BlockStart:x}); no record says which object it held",
        AddressKind.AllocatorMetadata => $"0x{Address:x} is allocator bookkeeping memory, not an object",
        _ => $"0x{Address:x} is not this heap's memory",
    };

    private static string Article(string? word) =>
        word is { Length: > 0 } && "aeiouAEIOU".Contains(word[0]) ? "an" : "a";
}
