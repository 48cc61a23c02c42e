using System.Buffers.Binary;
using System.Numerics;

namespace UnmanagedHeap.Objects;

/// <summary>
/// SipHash-1-3, CPython 3.12's default string hash. With the all-zero key it gives the
/// same hashes CPython gives under PYTHONHASHSEED=0, so set and dict layouts of strings
/// agree with the reference runs.
/// </summary>
public static unsafe class SipHash13
{
    public static ulong Hash(byte* data, nint length, ulong k0 = 0, ulong k1 = 0)
    {
        ulong v0 = k0 ^ 0x736f6d6570736575UL;
        ulong v1 = k1 ^ 0x646f72616e646f6dUL;
        ulong v2 = k0 ^ 0x6c7967656e657261UL;
        ulong v3 = k1 ^ 0x7465646279746573UL;
        ulong b = (ulong)length << 56;
        byte* p = data;
        nint remaining = length;
        while (remaining >= 8)
        {
            ulong m = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(p, 8));
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
            p += 8;
            remaining -= 8;
        }
        ulong t = 0;
        for (int i = (int)remaining - 1; i >= 0; i--)
        {
            t = (t << 8) | p[i];
        }
        b |= t;
        v3 ^= b;
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= b;
        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1; v1 = BitOperations.RotateLeft(v1, 13); v1 ^= v0; v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3; v3 = BitOperations.RotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = BitOperations.RotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = BitOperations.RotateLeft(v1, 17); v1 ^= v2; v2 = BitOperations.RotateLeft(v2, 32);
    }
}
