namespace UnmanagedHeap.Objects;

/// <summary>Hash helpers shared by several types, with CPython's definitions.</summary>
public static unsafe class ObjectHash
{
    /// <summary>CPython's _Py_HashPointer: the address rotated right by 4 bits, -1 mapped to -2.</summary>
    public static nint Pointer(void* p)
    {
        ulong y = (ulong)p;
        y = (y >> 4) | (y << 60);
        nint x = (nint)y;
        return x == -1 ? -2 : x;
    }

    /// <summary>CPython's _Py_HashDouble: the exact rational value modulo 2^61 - 1 (inf and nan special).</summary>
    public static nint Double(double v, void* identity)
    {
        if (double.IsNaN(v))
        {
            return Pointer(identity); // 3.10+: nan hashes by identity
        }
        if (double.IsInfinity(v))
        {
            return v > 0 ? 314159 : -314159;
        }
        const int bits = 61;
        const ulong modulus = PyLong.HashModulus;
        double m = Frexp(v, out int e);
        int sign = 1;
        if (m < 0)
        {
            sign = -1;
            m = -m;
        }
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & modulus) | (x >> (bits - 28));
            m *= 268435456.0; // 2**28
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= modulus)
            {
                x -= modulus;
            }
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
        x = ((x << e) & modulus) | (x >> (bits - e));
        long h = (long)x * sign;
        return h == -1 ? -2 : (nint)h;
    }

    /// <summary>C's frexp: v = m * 2^e with 0.5 &lt;= |m| &lt; 1.</summary>
    private static double Frexp(double v, out int e)
    {
        if (v == 0)
        {
            e = 0;
            return v;
        }
        long bits = BitConverter.DoubleToInt64Bits(v);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            // Subnormal: scale up first.
            double scaled = Frexp(v * 18014398509481984.0, out int e2); // 2**54
            e = e2 - 54;
            return scaled;
        }
        e = exp - 1022;
        long mantissaBits = (bits & ~(0x7FFL << 52)) | (1022L << 52);
        return BitConverter.Int64BitsToDouble(mantissaBits);
    }
}
