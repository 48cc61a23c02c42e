using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>CPython 3.12's <c>PyLongObject</c>: header, <c>lv_tag</c>, then 30-bit digits, least significant first.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct PyLongObject
{
    public PyObject ob_base;
    /// <summary>digit count &lt;&lt; 3 | sign (0 positive, 1 zero, 2 negative).</summary>
    public nuint lv_tag;
    // uint ob_digit[]; follows
}

/// <summary>
/// Arbitrary-precision ints in 30-bit digits, as CPython 3.12 stores them, with -5..256
/// preallocated and immortal. Arithmetic beyond 64 bits goes through BigInteger; the
/// stored form is always CPython's.
/// </summary>
public static unsafe class PyLong
{
    public const int DigitBits = 30;
    public const uint DigitMask = (1u << DigitBits) - 1;
    public const int SmallMin = -5;
    public const int SmallMax = 256;
    private const nuint SignZero = 1;
    private const nuint SignNegative = 2;
    /// <summary>CPython's hash modulus for numbers: the Mersenne prime 2^61 - 1.</summary>
    public const ulong HashModulus = (1UL << 61) - 1;

    public static PyTypeObject* CreateType(TypeRegistry types, string name = "int")
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Hash = &Hash, RichCompare = &RichCompare };
        return types.Create(name, sizeof(PyLongObject), sizeof(uint), TypeFlags.LongSubclass | TypeFlags.BaseType, slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint* Digits(PyObject* op) => (uint*)((byte*)op + sizeof(PyLongObject));

    public static int DigitCount(PyObject* op) => (int)(((PyLongObject*)op)->lv_tag >> 3);

    public static int Sign(PyObject* op) => (((PyLongObject*)op)->lv_tag & 3) switch { 0 => 1, 1 => 0, _ => -1 };

    /// <summary>Allocates an int of <paramref name="value"/> in a fresh object (never a cached small int).</summary>
    public static PyObject* Create(PyTypeObject* type, BigInteger value)
    {
        BigInteger magnitude = BigInteger.Abs(value);
        long bits = (long)magnitude.GetBitLength();
        int ndigits = (int)((bits + DigitBits - 1) / DigitBits);
        PyObject* op = ObjectMemory.Allocate(type, Math.Max(ndigits, 1));
        var lv = (PyLongObject*)op;
        lv->lv_tag = ((nuint)ndigits << 3) | (value.Sign switch { 0 => SignZero, < 0 => SignNegative, _ => 0 });
        uint* digits = Digits(op);
        digits[0] = 0;
        // Through the little-endian bytes, so a huge value costs one pass, not one shift per digit.
        byte[] bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        for (int i = 0; i < ndigits; i++)
        {
            digits[i] = ReadBits(bytes, (long)i * DigitBits) & DigitMask;
        }
        return op;
    }

    /// <summary>A new reference to <paramref name="value"/>: the immortal cached object for -5..256.</summary>
    public static PyObject* FromInt64(HeapState* st, long value)
    {
        if (value >= SmallMin && value <= SmallMax)
        {
            return st->small_ints[value - SmallMin];
        }
        ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        int ndigits = magnitude < (1UL << 30) ? 1 : magnitude < (1UL << 60) ? 2 : 3;
        PyObject* op = ObjectMemory.Allocate(st->type_int, ndigits);
        ((PyLongObject*)op)->lv_tag = ((nuint)ndigits << 3) | (value < 0 ? SignNegative : 0);
        uint* digits = Digits(op);
        for (int i = 0; i < ndigits; i++)
        {
            digits[i] = (uint)(magnitude & DigitMask);
            magnitude >>= DigitBits;
        }
        return op;
    }

    /// <summary>A new reference to <paramref name="value"/>, cached when small.</summary>
    public static PyObject* FromBigInteger(HeapState* st, BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return FromInt64(st, (long)value);
        }
        return Create(st->type_int, value);
    }

    /// <summary>The value when it fits in a long (fast path of every arithmetic operation).</summary>
    public static bool TryGetInt64(PyObject* op, out long value)
    {
        var lv = (PyLongObject*)op;
        int n = (int)(lv->lv_tag >> 3);
        uint* d = Digits(op);
        bool negative = (lv->lv_tag & 3) == SignNegative;
        switch (n)
        {
            case 0:
                value = 0;
                return true;
            case 1:
                value = negative ? -(long)d[0] : d[0];
                return true;
            case 2:
                long v2 = d[0] | ((long)d[1] << DigitBits);
                value = negative ? -v2 : v2;
                return true;
            case 3 when d[2] < 8: // 63 bits of magnitude at most
                long v3 = d[0] | ((long)d[1] << DigitBits) | ((long)d[2] << (2 * DigitBits));
                value = negative ? -v3 : v3;
                return true;
            case 3 when negative && d[2] == 8 && d[1] == 0 && d[0] == 0:
                value = long.MinValue;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    public static BigInteger ToBigInteger(PyObject* op)
    {
        if (TryGetInt64(op, out long small))
        {
            return small;
        }
        int n = DigitCount(op);
        uint* d = Digits(op);
        var bytes = new byte[((long)n * DigitBits + 7) / 8 + 1];
        for (int i = 0; i < n; i++)
        {
            OrBits(bytes, (long)i * DigitBits, d[i]);
        }
        var result = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
        return Sign(op) < 0 ? -result : result;
    }

    /// <summary>The 32 bits of a little-endian byte string starting at bit <paramref name="bit"/> (zeros past its end).</summary>
    private static uint ReadBits(byte[] bytes, long bit)
    {
        long at = bit >> 3;
        ulong word = 0;
        for (int k = 0; k < 5 && at + k < bytes.Length; k++)
        {
            word |= (ulong)bytes[at + k] << (8 * k);
        }
        return (uint)(word >> (int)(bit & 7));
    }

    /// <summary>Ors a digit into a little-endian byte string at bit <paramref name="bit"/>.</summary>
    private static void OrBits(byte[] bytes, long bit, uint digit)
    {
        long at = bit >> 3;
        ulong word = (ulong)digit << (int)(bit & 7);
        for (int k = 0; k < 5 && at + k < bytes.Length; k++)
        {
            bytes[at + k] |= (byte)(word >> (8 * k));
        }
    }

    /// <summary>CPython's int hash: the value modulo 2^61 - 1, keeping the sign, with -1 mapped to -2.</summary>
    public static nint Hash(PyObject* op)
    {
        int n = DigitCount(op);
        uint* d = Digits(op);
        ulong x = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            // Rotate left by 30 within 61 bits, then add the digit (CPython's long_hash loop).
            x = ((x << DigitBits) & HashModulus) | (x >> (61 - DigitBits));
            x += d[i];
            if (x >= HashModulus)
            {
                x -= HashModulus;
            }
        }
        long h = Sign(op) < 0 ? -(long)x : (long)x;
        return h == -1 ? -2 : (nint)h;
    }

    /// <summary>The decimal text without the digit limit (for inspection tools; str() and repr() obey the limit).</summary>
    public static string ToDecimalString(PyObject* op) => Long.LongDecimal.ToDecimalString(op, 0);

    /// <summary>True for int, bool and their subclasses (CPython's PyLong_Check).</summary>
    public static bool Check(PyObject* op) => (op->ob_type->tp_flags & TypeFlags.LongSubclass) != 0;

    /// <summary>Three-way comparison of two ints: machine words when both fit, else the full values.</summary>
    public static int Compare(PyObject* a, PyObject* b)
    {
        if (TryGetInt64(a, out long x) && TryGetInt64(b, out long y))
        {
            return x.CompareTo(y);
        }
        return Long.LongArithmetic.Compare(a, b);
    }

    /// <summary>int's tp_richcompare (long_richcompare): int against int; anything else declines (float compares ints itself).</summary>
    private static PyObject* RichCompare(PyObject* self, PyObject* other, RichCompareOp op)
    {
        HeapState* st = self->ob_type->tp_heap;
        if (!Check(self) || !Check(other))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        return ObjectProtocol.Bool(st, op.Holds(Compare(self, other)));
    }


    private static void Dealloc(PyObject* op) => ObjectMemory.Free(op);

    /// <summary>Preallocates the immortal small ints -5..256 (CPython's _PyLong_SMALL_INTS).</summary>
    internal static void CreateSmallInts(HeapState* st)
    {
        int count = SmallMax - SmallMin + 1;
        st->small_ints = (PyObject**)st->allocator.Malloc(st->allocator.Context, (nuint)(count * sizeof(nint)));
        if (st->small_ints == null)
        {
            throw new OutOfHeapMemoryException((nuint)(count * sizeof(nint)));
        }
        for (int v = SmallMin; v <= SmallMax; v++)
        {
            PyObject* op = Create(st->type_int, v);
            Refcount.MakeImmortal(op);
            st->small_ints[v - SmallMin] = op;
        }
    }
}
