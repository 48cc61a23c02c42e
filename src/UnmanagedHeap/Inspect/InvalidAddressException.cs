namespace UnmanagedHeap.Inspect;

/// <summary>A checked cast or raw read refused an address; <see cref="Info"/> says what the address is.</summary>
public sealed class InvalidAddressException(AddressInfo info)
    : Exception($"cannot use address 0x{info.Address:x} as an object: {info.Describe()}")
{
    public AddressInfo Info { get; } = info;
    public AddressKind Kind => Info.Kind;
}
