using System.Numerics;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// pow(base, exp, mod) as CPython computes it: the result takes the modulus's sign, a
    /// negative exponent means the modular inverse raised to -exp, a zero modulus is a
    /// ValueError. BigInteger.ModPow alone gives the dividend's sign and throws .NET
    /// exceptions on a negative exponent or a zero modulus.
    /// </summary>
    private PyObject* ModularPow(PyObject* b, PyObject* e, PyObject* m)
    {
        if (!IsInt(b) || !IsInt(e) || !IsInt(m))
        {
            throw TypeErr("pow() 3rd argument not allowed unless all arguments are integers");
        }
        BigInteger exponent = PyLong.ToBigInteger(e);
        BigInteger modulus = PyLong.ToBigInteger(m);
        if (modulus.IsZero)
        {
            throw ValueErr("pow() 3rd argument cannot be 0");
        }
        BigInteger size = BigInteger.Abs(modulus);
        BigInteger value = BigInteger.Remainder(PyLong.ToBigInteger(b), size);
        if (value.Sign < 0)
        {
            value += size;
        }
        if (exponent.Sign < 0)
        {
            value = ModularInverse(value, size) ?? throw ValueErr("base is not invertible for the given modulus");
            exponent = -exponent;
        }
        BigInteger r = size.IsOne ? BigInteger.Zero : BigInteger.ModPow(value, exponent, size);
        if (modulus.Sign < 0 && !r.IsZero)
        {
            r -= size;
        }
        return Int(r);
    }

    /// <summary>x with a*x = 1 (mod n), 0 &lt;= x &lt; n, by the extended Euclidean algorithm; null when gcd(a, n) != 1.</summary>
    private static BigInteger? ModularInverse(BigInteger a, BigInteger n)
    {
        BigInteger r0 = n, r1 = a, t0 = 0, t1 = 1;
        while (!r1.IsZero)
        {
            BigInteger q = BigInteger.Divide(r0, r1);
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if (!r0.IsOne)
        {
            return n.IsOne ? BigInteger.Zero : null;
        }
        return t0.Sign < 0 ? t0 + n : t0;
    }
}
