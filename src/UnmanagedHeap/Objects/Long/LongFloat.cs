using System.Buffers;

namespace UnmanagedHeap.Objects.Long;

/// <summary>
/// Ints to floats with one correct rounding, as CPython does it: int → float rounds the
/// value half to even (PyLong_AsDouble through _PyLong_Frexp), and int / int rounds the
/// exact quotient once (long_true_divide), not the quotient of two rounded floats.
/// </summary>
public static unsafe class LongFloat
{
    /// <summary>Bits of a double's significand (DBL_MANT_DIG).</summary>
    private const int MantissaBits = 53;

    /// <summary>The value as the nearest double; false when it is too large (OverflowError in Python).</summary>
    public static bool TryToDouble(PyObject* op, out double value)
    {
        var m = new ReadOnlySpan<uint>(PyLong.Digits(op), PyLong.DigitCount(op));
        long bits = Magnitude.BitLength(m);
        double magnitude;
        if (bits <= MantissaBits)
        {
            magnitude = Low64(m);
        }
        else
        {
            // Keep 55 bits (two beyond the significand) and a sticky bit for anything
            // below, then round half to even onto 53 bits and scale back.
            long shift = bits - (MantissaBits + 2);
            ulong top;
            if (shift < 0)
            {
                // 54 bits: shifted up to 55, the made-up low bit is zero and nothing is sticky.
                top = Low64(m) << (int)-shift;
            }
            else
            {
                top = TopBits(m, shift, out bool sticky);
                if (sticky)
                {
                    top |= 1;
                }
            }
            top = RoundHalfEven(top, 2);
            magnitude = Math.ScaleB(top, (int)Math.Min(shift, 2000));
        }
        value = PyLong.Sign(op) < 0 ? -magnitude : magnitude;
        return !double.IsInfinity(magnitude);
    }

    /// <summary>Clears the low <paramref name="extra"/> bits of x, rounding half to even (the lowest bit is sticky).</summary>
    private static ulong RoundHalfEven(ulong x, int extra)
    {
        ulong half = 1UL << (extra - 1);
        ulong below = half - 1;
        // Round up past the halfway bit when something lies below it or the kept part is odd.
        if ((x & half) != 0 && (x & (3 * half - 1)) != 0)
        {
            x += half;
        }
        return x & ~(half | below);
    }

    /// <summary>The magnitude's low 64 bits (all of it when it is that short).</summary>
    private static ulong Low64(ReadOnlySpan<uint> m)
    {
        ulong v = 0;
        for (int i = Math.Min(m.Length, 3) - 1; i >= 0; i--)
        {
            v = (v << Magnitude.Shift) | m[i];
        }
        return v;
    }

    /// <summary>m &gt;&gt; shift (which fits in 64 bits), and whether any one bit was shifted out.</summary>
    private static ulong TopBits(ReadOnlySpan<uint> m, long shift, out bool sticky)
    {
        int n = m.Length;
        uint[] rented = ArrayPool<uint>.Shared.Rent(n + 1);
        try
        {
            Span<uint> r = rented.AsSpan(0, n + 1);
            r.Clear();
            int len = Shifts.ShiftRight(m, shift, r, out sticky);
            return Low64(r[..len]);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    private static PyObject* Strong(PyObject* op)
    {
        Refcount.Incref(op);
        return op;
    }

    /// <summary>Outcome of <see cref="TrueDivide"/> besides a value.</summary>
    public enum DivideStatus
    {
        Ok,
        ZeroDivision,
        Overflow,
    }

    /// <summary>a / b correctly rounded (long_true_divide); Overflow when the quotient passes the largest double.</summary>
    public static DivideStatus TrueDivide(HeapState* st, PyObject* a, PyObject* b, out double value)
    {
        value = 0;
        var x = new ReadOnlySpan<uint>(PyLong.Digits(a), PyLong.DigitCount(a));
        var y = new ReadOnlySpan<uint>(PyLong.Digits(b), PyLong.DigitCount(b));
        if (y.Length == 0)
        {
            return DivideStatus.ZeroDivision;
        }
        bool negative = PyLong.Sign(a) * PyLong.Sign(b) < 0;
        long ax = Magnitude.BitLength(x), bx = Magnitude.BitLength(y);
        if (ax <= MantissaBits && bx <= MantissaBits)
        {
            // Both exact as doubles: IEEE division already rounds once.
            double da = Low64(x), db = Low64(y);
            value = (PyLong.Sign(a) < 0 ? -da : da) / (PyLong.Sign(b) < 0 ? -db : db);
            return DivideStatus.Ok;
        }
        long diff = ax - bx; // the quotient lies in [2**(diff-1), 2**(diff+1))
        if (diff > 1024)
        {
            return DivideStatus.Overflow;
        }
        if (diff < -1021 - MantissaBits - 1)
        {
            value = negative ? -0.0 : 0.0; // below half the smallest subnormal
            return DivideStatus.Ok;
        }
        // Scale so the integer quotient has 55 or 56 bits (fewer for subnormal results).
        long shift = Math.Max(diff, -1021) - MantissaBits - 2;
        PyObject* num = shift < 0 ? LongArithmetic.ShiftLeft(st, a, -shift) : Strong(a);
        PyObject* den = shift > 0 ? LongArithmetic.ShiftLeft(st, b, shift) : Strong(b);
        PyObject* q = null, r = null;
        try
        {
            PyObject* absNum = PyLong.Sign(num) < 0 ? LongArithmetic.Negate(st, num) : Strong(num);
            PyObject* absDen = PyLong.Sign(den) < 0 ? LongArithmetic.Negate(st, den) : Strong(den);
            try
            {
                LongArithmetic.DivMod(st, absNum, absDen, &q, &r);
            }
            finally
            {
                Refcount.Decref(absNum);
                Refcount.Decref(absDen);
            }
            var qd = new ReadOnlySpan<uint>(PyLong.Digits(q), PyLong.DigitCount(q));
            ulong mantissa = Low64(qd);
            bool inexact = PyLong.Sign(r) != 0;
            long qBits = Magnitude.BitLength(qd);
            int extra = (int)(Math.Max(qBits, -1021 - shift) - MantissaBits);
            if (extra > 0)
            {
                mantissa = RoundHalfEven(mantissa | (inexact ? 1UL : 0), extra);
            }
            double result = Math.ScaleB(mantissa, (int)shift);
            if (double.IsInfinity(result))
            {
                return DivideStatus.Overflow;
            }
            value = negative ? -result : result;
            return DivideStatus.Ok;
        }
        finally
        {
            Refcount.Decref(num);
            Refcount.Decref(den);
            if (q != null)
            {
                Refcount.Decref(q);
            }
            if (r != null)
            {
                Refcount.Decref(r);
            }
        }
    }
}
