using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// Raw reads at an address — ctypes' <c>c_ssize_t.from_address(a).value</c> and
/// <c>string_at</c> — allowed only where every byte read is in memory the allocator owns,
/// live or freed, so a dangling pointer shows stale bytes but a wild one never faults.
/// </summary>
public sealed unsafe class RawMemory(Allocator allocator)
{
    /// <summary>True when all <paramref name="length"/> bytes at <paramref name="address"/> are in this heap's mapped memory.</summary>
    public bool IsReadable(nint address, int length)
    {
        if (length <= 0 || address == 0 || address > nint.MaxValue - length)
        {
            return false;
        }
        // Blocks are at least 16 bytes and 16-byte aligned: checking every 16-byte step and the last byte covers each block touched.
        for (nint a = address; a < address + length; a += 16)
        {
            if (allocator.Lookup(a).State == BlockState.NotOwned)
            {
                return false;
            }
        }
        return allocator.Lookup(address + length - 1).State != BlockState.NotOwned;
    }

    public ReadOnlySpan<byte> Read(nint address, int length)
    {
        EnsureReadable(address, length);
        return new ReadOnlySpan<byte>((void*)address, length).ToArray();
    }

    public long ReadInt64(nint address)
    {
        EnsureReadable(address, 8);
        return *(long*)address;
    }

    public int ReadInt32(nint address)
    {
        EnsureReadable(address, 4);
        return *(int*)address;
    }

    public byte ReadByte(nint address)
    {
        EnsureReadable(address, 1);
        return *(byte*)address;
    }

    private void EnsureReadable(nint address, int length)
    {
        if (!IsReadable(address, length))
        {
            throw new InvalidAddressException(new AddressInfo(AddressKind.NotHeapMemory, address));
        }
    }
}
