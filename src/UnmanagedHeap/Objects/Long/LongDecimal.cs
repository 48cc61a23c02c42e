using System.Buffers;
using System.Numerics;

namespace UnmanagedHeap.Objects.Long;

/// <summary>
/// An int conversion refused by the digit limit of CPython 3.12 (sys.set_int_max_str_digits);
/// the message is CPython's, and the scripting layer raises it as ValueError.
/// </summary>
public sealed class IntStringLimitException(string message) : Exception(message);

/// <summary>
/// Ints to and from digit strings. Decimal output goes through base 10**9, as CPython's
/// long_to_decimal_string does; input multiplies in a chunk of digits at a time
/// (long_from_non_binary_base), or packs bits directly for power-of-two bases. Both are
/// quadratic in the length, like CPython's own below its 3.12 _pylong thresholds; the
/// digit limit that 3.12 enforces keeps them short.
/// </summary>
public static unsafe class LongDecimal
{
    /// <summary>sys.get_int_max_str_digits() at start-up (_PY_LONG_DEFAULT_MAX_STR_DIGITS).</summary>
    public const int DefaultMaxStrDigits = 4300;

    /// <summary>The smallest limit sys.set_int_max_str_digits accepts besides 0 (_PY_LONG_MAX_STR_DIGITS_THRESHOLD).</summary>
    public const int MaxStrDigitsThreshold = 640;

    private const uint DecimalBase = 1_000_000_000;
    private const int DecimalShift = 9;

    public static string ToStringLimitMessage(int limit) =>
        $"Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";

    public static string FromStringLimitMessage(int limit, long digits) =>
        $"Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit";

    /// <summary>The decimal text of an int; refused past <paramref name="maxDigits"/> digits (0: no limit).</summary>
    public static string ToDecimalString(PyObject* op, int maxDigits)
    {
        var a = new ReadOnlySpan<uint>(PyLong.Digits(op), PyLong.DigitCount(op));
        bool negative = PyLong.Sign(op) < 0;
        // Before any quadratic work: a value whose bit count alone promises too many digits.
        if (maxDigits > 0 && Magnitude.BitLength(a) * 0.30102999566398 > maxDigits + 1)
        {
            throw new IntStringLimitException(ToStringLimitMessage(maxDigits));
        }
        // 10**9 is just below 2**29.9, so len(a) * 30 / 29.89 chunks always suffice.
        int capacity = a.Length + a.Length / 64 + 2;
        uint[] rented = ArrayPool<uint>.Shared.Rent(capacity);
        try
        {
            Span<uint> chunks = rented.AsSpan(0, capacity);
            int size = 0;
            for (int i = a.Length - 1; i >= 0; i--)
            {
                // chunks = chunks * 2**30 + a[i], in base 10**9.
                uint hi = a[i];
                for (int j = 0; j < size; j++)
                {
                    ulong z = ((ulong)chunks[j] << Magnitude.Shift) | hi;
                    hi = (uint)(z / DecimalBase);
                    chunks[j] = (uint)(z - (ulong)hi * DecimalBase);
                }
                while (hi != 0)
                {
                    chunks[size++] = hi % DecimalBase;
                    hi /= DecimalBase;
                }
            }
            if (size == 0)
            {
                return "0";
            }
            int topDigits = CountDigits(chunks[size - 1]);
            long length = (long)(size - 1) * DecimalShift + topDigits;
            if (maxDigits > 0 && length > maxDigits)
            {
                throw new IntStringLimitException(ToStringLimitMessage(maxDigits));
            }
            return string.Create((int)length + (negative ? 1 : 0), (rented, size, negative), static (text, state) =>
            {
                int at = text.Length;
                for (int j = 0; j < state.size; j++)
                {
                    uint chunk = state.rented[j];
                    bool top = j == state.size - 1;
                    for (int k = 0; k < DecimalShift && (!top || chunk != 0); k++)
                    {
                        text[--at] = (char)('0' + chunk % 10);
                        chunk /= 10;
                    }
                }
                if (state.negative)
                {
                    text[0] = '-';
                }
            });
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    private static int CountDigits(uint v)
    {
        int n = 1;
        while (v >= 10)
        {
            v /= 10;
            n++;
        }
        return n;
    }

    /// <summary>
    /// A new int from <paramref name="digits"/>, each already checked to be a digit of
    /// <paramref name="radix"/> (2..36; letters in either case). Non-power-of-two radixes are
    /// refused past <paramref name="maxDigits"/> digits (0: no limit), as CPython refuses them.
    /// </summary>
    public static PyObject* Parse(HeapState* st, ReadOnlySpan<char> digits, int radix, bool negative, int maxDigits)
    {
        bool binary = (radix & (radix - 1)) == 0;
        if (!binary && maxDigits > 0 && digits.Length > maxDigits)
        {
            throw new IntStringLimitException(FromStringLimitMessage(maxDigits, digits.Length));
        }
        double bitsPerDigit = Math.Log2(radix);
        long capacity = (long)(digits.Length * bitsPerDigit / Magnitude.Shift) + 2;
        if (capacity > int.MaxValue)
        {
            throw new OutOfHeapMemoryException(nuint.MaxValue);
        }
        PyObject* op = ObjectMemory.Allocate(st->type_int, (nint)capacity);
        var room = new Span<uint>(PyLong.Digits(op), (int)capacity);
        room.Clear();
        int length = binary ? PackBits(digits, BitOperations.Log2((uint)radix), room) : MultiplyIn(digits, (uint)radix, room);
        if (length <= 1)
        {
            long v = length == 0 ? 0 : negative ? -(long)room[0] : room[0];
            if (v >= PyLong.SmallMin && v <= PyLong.SmallMax)
            {
                ObjectMemory.Free(op);
                return st->small_ints[v - PyLong.SmallMin];
            }
        }
        ((PyLongObject*)op)->lv_tag = ((nuint)length << 3) | (negative ? 2u : 0u);
        return op;
    }

    private static uint DigitValue(char c) => c <= '9' ? (uint)(c - '0') : (uint)((c | 0x20) - 'a' + 10);

    /// <summary>Power-of-two radix: each character is a fixed number of bits, packed from the last one up.</summary>
    private static int PackBits(ReadOnlySpan<char> digits, int bitsPerChar, Span<uint> room)
    {
        ulong acc = 0;
        int accBits = 0, at = 0;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            acc |= (ulong)DigitValue(digits[i]) << accBits;
            accBits += bitsPerChar;
            if (accBits >= Magnitude.Shift)
            {
                room[at++] = (uint)acc & Magnitude.Mask;
                acc >>= Magnitude.Shift;
                accBits -= Magnitude.Shift;
            }
        }
        if (accBits > 0)
        {
            room[at++] = (uint)acc;
        }
        return Magnitude.Normalize(room[..at]);
    }

    /// <summary>Other radixes: value = value * radix**k + (the next k characters), k as large as fits in a digit.</summary>
    private static int MultiplyIn(ReadOnlySpan<char> digits, uint radix, Span<uint> room)
    {
        uint chunkMax = radix;
        int perChunk = 1;
        while ((ulong)chunkMax * radix <= Magnitude.Mask)
        {
            chunkMax *= radix;
            perChunk++;
        }
        int size = 0;
        for (int i = 0; i < digits.Length;)
        {
            int take = Math.Min(perChunk, digits.Length - i);
            uint scale = 1, chunk = 0;
            for (int k = 0; k < take; k++, i++)
            {
                chunk = chunk * radix + DigitValue(digits[i]);
                scale *= radix;
            }
            ulong carry = chunk;
            for (int j = 0; j < size; j++)
            {
                carry += (ulong)room[j] * scale;
                room[j] = (uint)carry & Magnitude.Mask;
                carry >>= Magnitude.Shift;
            }
            if (carry != 0)
            {
                room[size++] = (uint)carry;
            }
        }
        return size;
    }
}
