using System.Buffers;
using System.Numerics;

namespace UnmanagedHeap.Objects.Long;

/// <summary>
/// Truncating division of magnitudes in 30-bit digits: by one digit (longobject.c's
/// inplace_divrem1) and Knuth's Algorithm D for longer divisors (x_divrem). The signed,
/// floor-rounded forms Python shows are built on these in <see cref="LongArithmetic"/>.
/// </summary>
public static class Division
{
    /// <summary>quotient = a / d (len a digits), returning a % d; d must be a non-zero digit.</summary>
    public static uint DivRemDigit(ReadOnlySpan<uint> a, uint d, Span<uint> quotient)
    {
        ulong rem = 0;
        for (int i = a.Length - 1; i >= 0; i--)
        {
            rem = (rem << Magnitude.Shift) | a[i];
            ulong q = rem / d;
            quotient[i] = (uint)q;
            rem -= q * d;
        }
        return (uint)rem;
    }

    /// <summary>
    /// quotient (len u − len w + 1 digits) = u / w and remainder (len w digits) = u % w, for
    /// normalized u and w with len u &gt;= len w &gt;= 2.
    /// </summary>
    public static void DivRem(ReadOnlySpan<uint> u, ReadOnlySpan<uint> w, Span<uint> quotient, Span<uint> remainder)
    {
        int sizeW = w.Length, sizeV = u.Length;
        int scratchLength = sizeV + 1 + sizeW;
        uint[] rented = ArrayPool<uint>.Shared.Rent(scratchLength);
        try
        {
            Span<uint> v = rented.AsSpan(0, sizeV + 1);
            Span<uint> wn = rented.AsSpan(sizeV + 1, sizeW);

            // D1: shift so the divisor's top digit has its high bit (bit 29) set; then a
            // two-digit estimate of each quotient digit is at most two too large.
            int d = Magnitude.Shift - (32 - BitOperations.LeadingZeroCount(w[^1]));
            Shifts.ShiftLeftDigits(w, d, wn);
            v[sizeV] = Shifts.ShiftLeftDigits(u, d, v[..sizeV]);
            if (v[sizeV] != 0 || v[sizeV - 1] >= wn[sizeW - 1])
            {
                sizeV++;
            }
            int k = sizeV - sizeW;
            quotient.Clear();

            uint wm1 = wn[sizeW - 1], wm2 = wn[sizeW - 2];
            for (int j = k - 1; j >= 0; j--)
            {
                Span<uint> vk = v[j..];
                // D3: estimate q from the top two digits of the window, then correct it with
                // the next digit of each (never more than twice too large after that).
                uint vtop = vk[sizeW];
                ulong vv = ((ulong)vtop << Magnitude.Shift) | vk[sizeW - 1];
                ulong q = vv / wm1;
                ulong r = vv - q * wm1;
                while ((ulong)wm2 * q > ((r << Magnitude.Shift) | vk[sizeW - 2]))
                {
                    q--;
                    r += wm1;
                    if (r >= (ulong)Magnitude.Base)
                    {
                        break;
                    }
                }

                // D4: subtract q·w from the window, keeping a signed running borrow.
                long zhi = 0;
                for (int i = 0; i < sizeW; i++)
                {
                    long z = (long)vk[i] + zhi - (long)q * wn[i];
                    vk[i] = (uint)(z & Magnitude.Mask);
                    zhi = z >> Magnitude.Shift;
                }

                // D6: the estimate was one too large (rare): add w back.
                if ((long)vtop + zhi < 0)
                {
                    Magnitude.AddInPlace(vk[..sizeW], wn);
                    q--;
                }
                vk[sizeW] = 0;
                quotient[j] = (uint)q;
            }

            // D8: the remainder is what is left of v, shifted back.
            remainder.Clear();
            Shifts.ShiftRightDigits(v[..sizeW], d, remainder);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }
}
