using System.Buffers;

namespace UnmanagedHeap.Objects.Long;

/// <summary>
/// Python's int operators on heap ints, computed directly on their 30-bit digits: each
/// result is written into a fresh int object sized for the worst case, then normalized
/// (CPython's long_normalize) and swapped for the cached small int when it is one.
/// Every method returns a new reference; signs and floor rounding follow longobject.c.
/// </summary>
public static unsafe class LongArithmetic
{
    private const nuint SignNegative = 2;

    private static ReadOnlySpan<uint> Mag(PyObject* op) => new(PyLong.Digits(op), PyLong.DigitCount(op));

    private static bool IsNegative(PyObject* op) => (((PyLongObject*)op)->lv_tag & 3) == SignNegative;

    /// <summary>A fresh int with room for <paramref name="capacity"/> digits, its value not yet set.</summary>
    private static PyObject* Allocate(HeapState* st, long capacity)
    {
        if (capacity > int.MaxValue)
        {
            throw new OutOfHeapMemoryException(nuint.MaxValue);
        }
        return ObjectMemory.Allocate(st->type_int, (nint)Math.Max(capacity, 1));
    }

    private static Span<uint> Room(PyObject* op, long capacity) => new(PyLong.Digits(op), (int)Math.Max(capacity, 1));

    /// <summary>Sets the tag of an int whose first <paramref name="length"/> digits hold its magnitude, or trades it for a cached small int.</summary>
    private static PyObject* Finish(HeapState* st, PyObject* op, int length, bool negative)
    {
        uint* d = PyLong.Digits(op);
        if (length <= 1)
        {
            long v = length == 0 ? 0 : negative ? -(long)d[0] : d[0];
            if (v >= PyLong.SmallMin && v <= PyLong.SmallMax)
            {
                ObjectMemory.Free(op);
                return st->small_ints[v - PyLong.SmallMin];
            }
        }
        ((PyLongObject*)op)->lv_tag = ((nuint)length << 3) | (negative ? SignNegative : 0);
        return op;
    }

    /// <summary>-1, 0 or 1 as a is below, equal to or above b.</summary>
    public static int Compare(PyObject* a, PyObject* b)
    {
        int sa = PyLong.Sign(a), sb = PyLong.Sign(b);
        if (sa != sb)
        {
            return sa < sb ? -1 : 1;
        }
        int c = Magnitude.Compare(Mag(a), Mag(b));
        return sa < 0 ? -c : c;
    }

    public static PyObject* Add(HeapState* st, PyObject* a, PyObject* b) => AddSigned(st, Mag(a), IsNegative(a), Mag(b), IsNegative(b));

    public static PyObject* Subtract(HeapState* st, PyObject* a, PyObject* b) => AddSigned(st, Mag(a), IsNegative(a), Mag(b), !IsNegative(b));

    /// <summary>(±a) + (±b): a sum of magnitudes when the signs agree, else the larger less the smaller.</summary>
    private static PyObject* AddSigned(HeapState* st, ReadOnlySpan<uint> a, bool negA, ReadOnlySpan<uint> b, bool negB)
    {
        if (negA == negB)
        {
            int capacity = Math.Max(a.Length, b.Length) + 1;
            PyObject* sum = Allocate(st, capacity);
            return Finish(st, sum, Magnitude.Add(a, b, Room(sum, capacity)), negA);
        }
        int c = Magnitude.Compare(a, b);
        if (c < 0)
        {
            ReadOnlySpan<uint> t = a;
            a = b;
            b = t;
            negA = negB;
        }
        PyObject* diff = Allocate(st, a.Length);
        return Finish(st, diff, Magnitude.Subtract(a, b, Room(diff, a.Length)), negA && c != 0);
    }

    public static PyObject* Negate(HeapState* st, PyObject* a) => AddSigned(st, Mag(a), !IsNegative(a), default, false);

    /// <summary>~a, which is -(a + 1) in two's complement.</summary>
    public static PyObject* Invert(HeapState* st, PyObject* a)
    {
        ReadOnlySpan<uint> one = [1u];
        return AddSigned(st, Mag(a), !IsNegative(a), one, true);
    }

    public static PyObject* Multiply(HeapState* st, PyObject* a, PyObject* b)
    {
        ReadOnlySpan<uint> x = Mag(a);
        ReadOnlySpan<uint> y = a == b ? x : Mag(b); // the same span tells Multiply it is squaring
        long capacity = (long)x.Length + y.Length;
        PyObject* product = Allocate(st, capacity);
        Span<uint> room = Room(product, capacity);
        Multiplication.Multiply(x, y, room[..(int)capacity]);
        return Finish(st, product, Magnitude.Normalize(room[..(int)capacity]), IsNegative(a) != IsNegative(b));
    }

    /// <summary>
    /// Floor division and modulo, as Python defines them (l_divmod): the quotient rounds
    /// towards minus infinity and the remainder takes the divisor's sign. b must not be zero.
    /// Either output may be skipped by passing null.
    /// </summary>
    public static void DivMod(HeapState* st, PyObject* a, PyObject* b, PyObject** quotient, PyObject** remainder)
    {
        ReadOnlySpan<uint> u = Mag(a), w = Mag(b);
        bool negA = IsNegative(a), negB = IsNegative(b);
        int qCapacity = Math.Max(u.Length - w.Length + 2, 2); // room for the floor step's carry
        PyObject* q = Allocate(st, qCapacity);
        PyObject* r;
        try
        {
            r = Allocate(st, w.Length);
        }
        catch
        {
            ObjectMemory.Free(q);
            throw;
        }
        Span<uint> qd = Room(q, qCapacity), rd = Room(r, w.Length);
        qd.Clear();
        rd.Clear();
        if (Magnitude.Compare(u, w) < 0)
        {
            u.CopyTo(rd);
        }
        else if (w.Length == 1)
        {
            rd[0] = Division.DivRemDigit(u, w[0], qd);
        }
        else
        {
            Division.DivRem(u, w, qd[..(u.Length - w.Length + 1)], rd);
        }
        int qLength = Magnitude.Normalize(qd), rLength = Magnitude.Normalize(rd);
        bool negR = negA;
        if (rLength != 0 && negA != negB)
        {
            // Truncation rounded towards zero; floor is one further: q - 1 and r + b, in magnitudes
            // |q| + 1 and |b| - |r| with the divisor's sign.
            ReadOnlySpan<uint> one = [1u];
            qLength = Magnitude.Add(qd[..qLength], one, qd);
            rLength = Magnitude.Subtract(w, rd[..rLength], rd);
            negR = negB;
        }
        PyObject* qObj = Finish(st, q, qLength, negA != negB);
        PyObject* rObj = Finish(st, r, rLength, negR);
        Hand(qObj, quotient);
        Hand(rObj, remainder);
    }

    /// <summary>Stores a result where the caller asked for it, or drops it.</summary>
    private static void Hand(PyObject* result, PyObject** target)
    {
        if (target != null)
        {
            *target = result;
        }
        else
        {
            Refcount.Decref(result);
        }
    }

    /// <summary>a &lt;&lt; bits for bits &gt;= 0.</summary>
    public static PyObject* ShiftLeft(HeapState* st, PyObject* a, long bits)
    {
        ReadOnlySpan<uint> x = Mag(a);
        long capacity = Shifts.LeftLength(x.Length, bits);
        PyObject* result = Allocate(st, capacity);
        int n = x.Length == 0 ? 0 : Shifts.ShiftLeft(x, bits, Room(result, capacity));
        return Finish(st, result, n, IsNegative(a));
    }

    /// <summary>a &gt;&gt; bits for bits &gt;= 0, rounding towards minus infinity as Python's arithmetic shift does.</summary>
    public static PyObject* ShiftRight(HeapState* st, PyObject* a, long bits)
    {
        ReadOnlySpan<uint> x = Mag(a);
        long capacity = Math.Max(x.Length - bits / Magnitude.Shift, 0) + 2; // one more for the rounding carry
        PyObject* result = Allocate(st, capacity);
        Span<uint> room = Room(result, capacity);
        room.Clear();
        int n = Shifts.ShiftRight(x, bits, room, out bool lostOnes);
        bool negative = IsNegative(a);
        if (negative && lostOnes)
        {
            ReadOnlySpan<uint> one = [1u];
            n = Magnitude.Add(room[..n], one, room);
        }
        return Finish(st, result, n, negative);
    }

    /// <summary>Which bitwise operator <see cref="Bitwise"/> applies.</summary>
    public enum BitOp
    {
        And,
        Or,
        Xor,
    }

    /// <summary>
    /// &amp;, | and ^ with Python's infinite two's complement: both operands are written as
    /// two's complement in one more digit than the longer has (so the top digit is pure
    /// sign), combined digit by digit, and a negative result is converted back.
    /// </summary>
    public static PyObject* Bitwise(HeapState* st, PyObject* a, PyObject* b, BitOp op)
    {
        ReadOnlySpan<uint> x = Mag(a), y = Mag(b);
        int n = Math.Max(x.Length, y.Length) + 1;
        PyObject* result = Allocate(st, n);
        Span<uint> r = Room(result, n);
        uint[] rented = ArrayPool<uint>.Shared.Rent(n);
        try
        {
            Span<uint> other = rented.AsSpan(0, n);
            TwosComplement(x, IsNegative(a), r);
            TwosComplement(y, IsNegative(b), other);
            for (int i = 0; i < n; i++)
            {
                r[i] = op switch
                {
                    BitOp.And => r[i] & other[i],
                    BitOp.Or => r[i] | other[i],
                    _ => r[i] ^ other[i],
                };
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
        bool negative = (r[n - 1] & (1u << (Magnitude.Shift - 1))) != 0;
        if (negative)
        {
            TwosComplement(r, true, r);
        }
        return Finish(st, result, Magnitude.Normalize(r), negative);
    }

    /// <summary>
    /// <paramref name="output"/> = the value ±m as two's complement in output's length of
    /// 30-bit digits: m itself when positive, B^n - m when negative (self-inverse, and safe in place).
    /// </summary>
    private static void TwosComplement(ReadOnlySpan<uint> m, bool negative, Span<uint> output)
    {
        if (!negative)
        {
            m.CopyTo(output);
            output[m.Length..].Clear();
            return;
        }
        uint carry = 1;
        for (int i = 0; i < output.Length; i++)
        {
            uint digit = i < m.Length ? m[i] : 0;
            carry += ~digit & Magnitude.Mask;
            output[i] = carry & Magnitude.Mask;
            carry >>= Magnitude.Shift;
        }
    }

    /// <summary>
    /// a ** e for e &gt;= 0, by squaring and multiplying from the exponent's top bit down
    /// (longobject.c's left-to-right binary method; squares take Karatsuba's square cutoff).
    /// </summary>
    public static PyObject* Power(HeapState* st, PyObject* a, ulong e)
    {
        PyObject* result = PyLong.FromInt64(st, 1);
        try
        {
            for (int bit = 63 - System.Numerics.BitOperations.LeadingZeroCount(e | 1); bit >= 0; bit--)
            {
                PyObject* squared = Multiply(st, result, result);
                Refcount.Decref(result);
                result = squared;
                if (((e >> bit) & 1) != 0)
                {
                    PyObject* times = Multiply(st, result, a);
                    Refcount.Decref(result);
                    result = times;
                }
            }
        }
        catch
        {
            Refcount.Decref(result); // out of memory part way: drop the partial power
            throw;
        }
        return result;
    }
}
