using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Objects.Long;

/// <summary>
/// Addition, subtraction and comparison of magnitudes: unsigned numbers held as CPython's
/// 30-bit digits, least significant first (longobject.c's x_add, x_sub, v_iadd, v_isub).
/// A digit sum or difference never exceeds 31 bits, so carries and borrows fit in a uint.
/// </summary>
public static class Magnitude
{
    public const int Shift = 30;
    public const uint Mask = (1u << Shift) - 1;
    public const long Base = 1L << Shift;

    /// <summary>The length of <paramref name="a"/> without its leading zero digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Normalize(ReadOnlySpan<uint> a)
    {
        int n = a.Length;
        while (n > 0 && a[n - 1] == 0)
        {
            n--;
        }
        return n;
    }

    /// <summary>-1, 0 or 1 as <paramref name="a"/> is below, equal to or above <paramref name="b"/> (both normalized).</summary>
    public static int Compare(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length)
        {
            return a.Length < b.Length ? -1 : 1;
        }
        for (int i = a.Length - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? -1 : 1;
            }
        }
        return 0;
    }

    /// <summary>
    /// <paramref name="result"/> = a + b; result needs max(len a, len b) + 1 digits and may be
    /// one of the inputs' storage only if it starts at the same digit. Returns the normalized length.
    /// </summary>
    public static int Add(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> result)
    {
        if (a.Length < b.Length)
        {
            ReadOnlySpan<uint> t = a;
            a = b;
            b = t;
        }
        uint carry = 0;
        int i = 0;
        for (; i < b.Length; i++)
        {
            carry += a[i] + b[i];
            result[i] = carry & Mask;
            carry >>= Shift;
        }
        for (; i < a.Length; i++)
        {
            carry += a[i];
            result[i] = carry & Mask;
            carry >>= Shift;
        }
        result[i] = carry;
        return carry != 0 ? i + 1 : Normalize(result[..i]);
    }

    /// <summary>
    /// <paramref name="result"/> = a - b for a &gt;= b; result needs len a digits. Returns the
    /// normalized length.
    /// </summary>
    public static int Subtract(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> result)
    {
        uint borrow = 0;
        int i = 0;
        for (; i < b.Length; i++)
        {
            borrow = a[i] - b[i] - borrow;
            result[i] = borrow & Mask;
            borrow = (borrow >> Shift) & 1;
        }
        for (; i < a.Length; i++)
        {
            borrow = a[i] - borrow;
            result[i] = borrow & Mask;
            borrow = (borrow >> Shift) & 1;
        }
        return Normalize(result[..a.Length]);
    }

    /// <summary>x += y in place over all of x (len x &gt;= len y); returns the carry out of x's top digit.</summary>
    public static uint AddInPlace(Span<uint> x, ReadOnlySpan<uint> y)
    {
        uint carry = 0;
        int i = 0;
        for (; i < y.Length; i++)
        {
            carry += x[i] + y[i];
            x[i] = carry & Mask;
            carry >>= Shift;
        }
        for (; carry != 0 && i < x.Length; i++)
        {
            carry += x[i];
            x[i] = carry & Mask;
            carry >>= Shift;
        }
        return carry;
    }

    /// <summary>x -= y in place over all of x (len x &gt;= len y); returns the borrow out of x's top digit.</summary>
    public static uint SubtractInPlace(Span<uint> x, ReadOnlySpan<uint> y)
    {
        uint borrow = 0;
        int i = 0;
        for (; i < y.Length; i++)
        {
            borrow = x[i] - y[i] - borrow;
            x[i] = borrow & Mask;
            borrow = (borrow >> Shift) & 1;
        }
        for (; borrow != 0 && i < x.Length; i++)
        {
            borrow = x[i] - borrow;
            x[i] = borrow & Mask;
            borrow = (borrow >> Shift) & 1;
        }
        return borrow;
    }

    /// <summary>Bits in the magnitude (normalized): 30 per digit below the top one, plus the top digit's.</summary>
    public static long BitLength(ReadOnlySpan<uint> a) =>
        a.Length == 0 ? 0 : (long)(a.Length - 1) * Shift + (32 - System.Numerics.BitOperations.LeadingZeroCount(a[^1]));
}
