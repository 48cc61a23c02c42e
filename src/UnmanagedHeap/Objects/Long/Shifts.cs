namespace UnmanagedHeap.Objects.Long;

/// <summary>
/// Bit shifts of magnitudes in 30-bit digits: within a digit (longobject.c's v_lshift and
/// v_rshift) and by any bit count, split into whole digits and a remainder.
/// </summary>
public static class Shifts
{
    /// <summary>result (len a digits) = a &lt;&lt; d for 0 &lt;= d &lt; 30; returns the bits pushed out of the top digit.</summary>
    public static uint ShiftLeftDigits(ReadOnlySpan<uint> a, int d, Span<uint> result)
    {
        uint carry = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ulong acc = ((ulong)a[i] << d) | carry;
            result[i] = (uint)acc & Magnitude.Mask;
            carry = (uint)(acc >> Magnitude.Shift);
        }
        return carry;
    }

    /// <summary>result (len a digits) = a &gt;&gt; d for 0 &lt;= d &lt; 30; returns the bits shifted out of the bottom digit.</summary>
    public static uint ShiftRightDigits(ReadOnlySpan<uint> a, int d, Span<uint> result)
    {
        uint carry = 0;
        uint mask = (1u << d) - 1;
        for (int i = a.Length - 1; i >= 0; i--)
        {
            ulong acc = ((ulong)carry << Magnitude.Shift) | a[i];
            carry = a[i] & mask;
            result[i] = (uint)(acc >> d);
        }
        return carry;
    }

    /// <summary>Digits a &lt;&lt; bits needs: len a + bits / 30 + 1.</summary>
    public static long LeftLength(int length, long bits) => length + bits / Magnitude.Shift + 1;

    /// <summary>result (<see cref="LeftLength"/> digits) = a &lt;&lt; bits; returns the normalized length.</summary>
    public static int ShiftLeft(ReadOnlySpan<uint> a, long bits, Span<uint> result)
    {
        int whole = (int)(bits / Magnitude.Shift);
        int rest = (int)(bits % Magnitude.Shift);
        result[..whole].Clear();
        result[whole + a.Length] = ShiftLeftDigits(a, rest, result.Slice(whole, a.Length));
        return Magnitude.Normalize(result[..(whole + a.Length + 1)]);
    }

    /// <summary>
    /// result (len a − bits / 30 digits, at least 0) = a &gt;&gt; bits; returns the normalized
    /// length and whether any one bit was shifted out (floor division of negatives needs it).
    /// </summary>
    public static int ShiftRight(ReadOnlySpan<uint> a, long bits, Span<uint> result, out bool lostOnes)
    {
        long whole = bits / Magnitude.Shift;
        if (whole >= a.Length)
        {
            lostOnes = Magnitude.Normalize(a) != 0;
            return 0;
        }
        int w = (int)whole;
        lostOnes = Magnitude.Normalize(a[..w]) != 0;
        int n = a.Length - w;
        if (ShiftRightDigits(a[w..], (int)(bits % Magnitude.Shift), result[..n]) != 0)
        {
            lostOnes = true;
        }
        return Magnitude.Normalize(result[..n]);
    }
}
