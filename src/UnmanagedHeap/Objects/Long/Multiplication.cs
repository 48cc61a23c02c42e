using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects.Long;

/// <summary>
/// Products of magnitudes in 30-bit digits: the schoolbook method for short factors and
/// Karatsuba's above CPython's cutoffs (longobject.c's x_mul, k_mul and k_lopsided_mul).
/// Scratch space for the Karatsuba partial products comes from the shared array pool, so a
/// steady stream of multiplications allocates nothing managed.
/// </summary>
public static class Multiplication
{
    /// <summary>CPython's KARATSUBA_CUTOFF: below this many digits in the shorter factor, schoolbook wins.</summary>
    public const int KaratsubaCutoff = 70;

    /// <summary>CPython's KARATSUBA_SQUARE_CUTOFF: squaring's schoolbook loop stays cheaper for twice as long.</summary>
    public const int KaratsubaSquareCutoff = 2 * KaratsubaCutoff;

    /// <summary>
    /// <paramref name="result"/> (exactly len a + len b digits) = a * b. The inputs may have
    /// leading zeros; the result must not overlap them.
    /// </summary>
    public static void Multiply(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> result)
    {
        bool square = a.Length == b.Length && Unsafe.AreSame(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b));
        a = a[..Magnitude.Normalize(a)];
        b = square ? a : b[..Magnitude.Normalize(b)];
        result[(a.Length + b.Length)..].Clear();
        if (a.Length > b.Length)
        {
            ReadOnlySpan<uint> t = a;
            a = b;
            b = t;
        }
        result = result[..(a.Length + b.Length)];
        if (a.Length <= (square ? KaratsubaSquareCutoff : KaratsubaCutoff))
        {
            Schoolbook(a, b, result);
        }
        else if (2 * a.Length <= b.Length)
        {
            Lopsided(a, b, result);
        }
        else
        {
            Karatsuba(a, b, square, result);
        }
    }

    /// <summary>One row per digit of the shorter factor; each row's carry stays below 2**30, so a ulong never overflows.</summary>
    private static void Schoolbook(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> result)
    {
        result.Clear();
        for (int i = 0; i < a.Length; i++)
        {
            ulong f = a[i];
            if (f == 0)
            {
                continue;
            }
            ulong carry = 0;
            Span<uint> row = result[i..];
            for (int j = 0; j < b.Length; j++)
            {
                carry += row[j] + f * b[j];
                row[j] = (uint)carry & Magnitude.Mask;
                carry >>= Magnitude.Shift;
            }
            row[b.Length] = (uint)carry;
        }
    }

    /// <summary>
    /// Splits both factors at half the longer one's length: with a = ah·B^s + al and
    /// b = bh·B^s + bl, a·b = ah·bh·B^2s + ((ah+al)(bh+bl) − ah·bh − al·bl)·B^s + al·bl,
    /// three half-size products instead of four. The middle term is subtracted and added
    /// in place modulo B^(len − s): it may dip below zero on the way, never at the end.
    /// </summary>
    private static void Karatsuba(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, bool square, Span<uint> result)
    {
        int shift = b.Length >> 1;
        ReadOnlySpan<uint> ah = a[shift..], al = a[..shift];
        ReadOnlySpan<uint> bh = square ? ah : b[shift..], bl = square ? al : b[..shift];
        al = al[..Magnitude.Normalize(al)];
        bl = square ? al : bl[..Magnitude.Normalize(bl)];

        int highLength = ah.Length + bh.Length, lowLength = al.Length + bl.Length;
        int sumA = Math.Max(ah.Length, al.Length) + 1, sumB = Math.Max(bh.Length, bl.Length) + 1;
        int scratchLength = highLength + lowLength + sumA + sumB + sumA + sumB;
        uint[] rented = ArrayPool<uint>.Shared.Rent(scratchLength);
        try
        {
            Span<uint> scratch = rented.AsSpan(0, scratchLength);
            Span<uint> high = scratch[..highLength];
            Span<uint> low = scratch.Slice(highLength, lowLength);
            Span<uint> aSum = scratch.Slice(highLength + lowLength, sumA);
            Span<uint> bSum = scratch.Slice(highLength + lowLength + sumA, sumB);
            Span<uint> middle = scratch.Slice(highLength + lowLength + sumA + sumB, sumA + sumB);

            result.Clear();
            Multiply(ah, bh, high);
            high.CopyTo(result[(2 * shift)..]);
            Multiply(al, bl, low);
            low.CopyTo(result);

            Span<uint> upper = result[shift..];
            Magnitude.SubtractInPlace(upper, low[..Magnitude.Normalize(low)]);
            Magnitude.SubtractInPlace(upper, high[..Magnitude.Normalize(high)]);

            int na = Magnitude.Add(ah, al, aSum);
            if (square)
            {
                Multiply(aSum[..na], aSum[..na], middle[..(2 * na)]);
                Magnitude.AddInPlace(upper, middle[..Magnitude.Normalize(middle[..(2 * na)])]);
            }
            else
            {
                int nb = Magnitude.Add(bh, bl, bSum);
                Multiply(aSum[..na], bSum[..nb], middle[..(na + nb)]);
                Magnitude.AddInPlace(upper, middle[..Magnitude.Normalize(middle[..(na + nb)])]);
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// A short factor times one at least twice as long: Karatsuba on equal halves would waste
    /// its work on zeros, so multiply by slices of the long factor the short one's length.
    /// </summary>
    private static void Lopsided(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> result)
    {
        result.Clear();
        uint[] rented = ArrayPool<uint>.Shared.Rent(2 * a.Length);
        try
        {
            for (int offset = 0; offset < b.Length; offset += a.Length)
            {
                ReadOnlySpan<uint> slice = b.Slice(offset, Math.Min(a.Length, b.Length - offset));
                Span<uint> product = rented.AsSpan(0, a.Length + slice.Length);
                Multiply(a, slice, product);
                Magnitude.AddInPlace(result[offset..], product[..Magnitude.Normalize(product)]);
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }
}
