using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Objects.Long;

namespace UnmanagedHeap.Tests.Objects.Long;

/// <summary>
/// The digit arithmetic against System.Numerics.BigInteger as the model, over operands of
/// every size that takes a different path: one digit, a few, just under and over
/// Karatsuba's cutoffs, lopsided pairs, and digit patterns that stress carries and
/// Knuth's quotient estimate (all-ones digits, powers of the base). Every result must equal
/// the model's and be a well-formed int: normalized, digits below 2**30, and the cached
/// object whenever it is a small int.
/// </summary>
public sealed unsafe class LongArithmeticProperties
{
    /// <summary>An operand as a size class, a digit pattern, a sign and a seed for its random digits.</summary>
    public readonly record struct Operand(int Digits, int Pattern, bool Negative, int Seed)
    {
        public BigInteger Value
        {
            get
            {
                var random = new Random(Seed);
                BigInteger v = BigInteger.Zero;
                for (int i = 0; i < Digits; i++)
                {
                    uint digit = Pattern switch
                    {
                        0 => (uint)random.Next(1 << 30),
                        1 => Magnitude.Mask,                                   // B**k - 1: carries all the way
                        2 => i == Digits - 1 ? 1u : 0u,                        // B**(k-1): borrows all the way
                        3 => random.Next(4) == 0 ? (uint)random.Next(1 << 30) : Magnitude.Mask,
                        _ => i == Digits - 1 ? (uint)random.Next(1, 1 << 30) : (uint)random.Next(3),
                    };
                    v = (v << 30) | digit;
                }
                return Negative ? -v : v;
            }
        }

        public override string ToString() => $"{(Negative ? "-" : "")}{Digits} digits, pattern {Pattern}, seed {Seed}";
    }

    private static readonly Gen<int> Sizes = Gen.Frequency(
        (4, Gen.Choose(0, 3)),
        (3, Gen.Choose(4, 69)),
        (2, Gen.Choose(70, 160)),
        (1, Gen.Choose(161, 450)));

    private static readonly Gen<Operand> Operands =
        from digits in Sizes
        from pattern in Gen.Choose(0, 4)
        from negative in Gen.Elements(false, true)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Operand(digits, pattern, negative, seed);

    private static Config Runs(int count) => Config.QuickThrowOnFailure.WithMaxTest(count);

    /// <summary>A check of two operands, on the heap and as the model; null when it holds, else what failed.</summary>
    private delegate string? PairCheck(HeapState* st, PyObject* a, PyObject* b, BigInteger p, BigInteger q);

    private static void ForAllPairs(int count, PairCheck check)
    {
        Property property = Prop.ForAll(Operands.ToArbitrary(), Operands.ToArbitrary(), (Operand x, Operand y) =>
        {
            using var heap = new Heap();
            HeapState* st = heap.NativeState;
            BigInteger p = x.Value, q = y.Value;
            PyObject* a = PyLong.Create(st->type_int, p);
            PyObject* b = PyLong.Create(st->type_int, q);
            try
            {
                string? failure = check(st, a, b, p, q);
                if (failure != null)
                {
                    TestContext.Out.WriteLine($"{x} and {y}: {failure}");
                }
                return failure == null;
            }
            finally
            {
                Refcount.Decref(a);
                Refcount.Decref(b);
            }
        });
        Check.One(Runs(count), property);
    }

    /// <summary>Null when <paramref name="result"/> is a well-formed int equal to <paramref name="expected"/>; releases it.</summary>
    private static string? Verify(HeapState* st, PyObject* result, BigInteger expected, string what)
    {
        try
        {
            int n = PyLong.DigitCount(result);
            uint* d = PyLong.Digits(result);
            if (n > 0 && d[n - 1] == 0)
            {
                return $"{what}: not normalized";
            }
            for (int i = 0; i < n; i++)
            {
                if (d[i] > Magnitude.Mask)
                {
                    return $"{what}: digit {i} has more than 30 bits";
                }
            }
            if ((PyLong.Sign(result) == 0) != (n == 0))
            {
                return $"{what}: sign tag disagrees with the digit count";
            }
            BigInteger got = PyLong.ToBigInteger(result);
            if (got != expected)
            {
                return $"{what}: got {got}, expected {expected}";
            }
            if (expected >= PyLong.SmallMin && expected <= PyLong.SmallMax && result != st->small_ints[(int)expected - PyLong.SmallMin])
            {
                return $"{what}: small int {expected} is not the cached object";
            }
            return null;
        }
        finally
        {
            Refcount.Decref(result);
        }
    }

    private static BigInteger FloorDiv(BigInteger p, BigInteger q)
    {
        BigInteger quotient = BigInteger.DivRem(p, q, out BigInteger rem);
        return !rem.IsZero && (rem.Sign < 0) != (q.Sign < 0) ? quotient - 1 : quotient;
    }

    [Test]
    public void AdditionAndSubtractionAgreeWithTheModel() => ForAllPairs(300, (st, a, b, p, q) =>
        Verify(st, LongArithmetic.Add(st, a, b), p + q, "a + b")
        ?? Verify(st, LongArithmetic.Subtract(st, a, b), p - q, "a - b")
        ?? Verify(st, LongArithmetic.Subtract(st, a, a), 0, "a - a")
        ?? Verify(st, LongArithmetic.Negate(st, a), -p, "-a")
        ?? Verify(st, LongArithmetic.Invert(st, a), -p - 1, "~a"));

    [Test]
    public void MultiplicationAgreesWithTheModelAcrossKaratsubaSizes() => ForAllPairs(200, (st, a, b, p, q) =>
        Verify(st, LongArithmetic.Multiply(st, a, b), p * q, "a * b")
        ?? Verify(st, LongArithmetic.Multiply(st, a, a), p * p, "a * a"));

    [Test]
    public void FloorDivisionAndModuloAgreeWithTheModel() => ForAllPairs(300, (st, a, b, p, q) =>
    {
        if (q.IsZero)
        {
            return null;
        }
        PyObject* quotient = null, remainder = null;
        LongArithmetic.DivMod(st, a, b, &quotient, &remainder);
        BigInteger fq = FloorDiv(p, q);
        return Verify(st, quotient, fq, "a // b") ?? Verify(st, remainder, p - fq * q, "a % b");
    });

    [Test]
    public void DivisionOfAProductByAFactorIsExact() => ForAllPairs(150, (st, a, b, p, q) =>
    {
        if (q.IsZero)
        {
            return null;
        }
        // Long quotients with long divisors: the main loop of Algorithm D at full length.
        PyObject* product = LongArithmetic.Multiply(st, a, b);
        PyObject* quotient = null, remainder = null;
        try
        {
            LongArithmetic.DivMod(st, product, b, &quotient, &remainder);
        }
        finally
        {
            Refcount.Decref(product);
        }
        return Verify(st, quotient, p, "(a * b) // b") ?? Verify(st, remainder, 0, "(a * b) % b");
    });

    [Test]
    public void ShiftsAgreeWithTheModel() => ForAllPairs(200, (st, a, b, p, q) =>
    {
        int bits = (int)(BigInteger.Abs(q) % 2000);
        return Verify(st, LongArithmetic.ShiftLeft(st, a, bits), p << bits, $"a << {bits}")
            ?? Verify(st, LongArithmetic.ShiftRight(st, a, bits), p >> bits, $"a >> {bits}")
            ?? Verify(st, LongArithmetic.ShiftRight(st, a, bits + 20_000), p.Sign < 0 ? -1 : 0, "a >> (more bits than it has)");
    });

    [Test]
    public void BitwiseOperatorsAgreeWithTwosComplement() => ForAllPairs(300, (st, a, b, p, q) =>
        Verify(st, LongArithmetic.Bitwise(st, a, b, LongArithmetic.BitOp.And), p & q, "a & b")
        ?? Verify(st, LongArithmetic.Bitwise(st, a, b, LongArithmetic.BitOp.Or), p | q, "a | b")
        ?? Verify(st, LongArithmetic.Bitwise(st, a, b, LongArithmetic.BitOp.Xor), p ^ q, "a ^ b"));

    [Test]
    public void ComparisonAgreesWithTheModel() => ForAllPairs(300, (_, a, b, p, q) =>
        LongArithmetic.Compare(a, b) == p.CompareTo(q) && LongArithmetic.Compare(a, a) == 0 ? null : "compare");

    [Test]
    public void PowersAgreeWithTheModel() => ForAllPairs(100, (st, a, _, p, q) =>
    {
        int e = (int)(BigInteger.Abs(q) % 12);
        return Verify(st, LongArithmetic.Power(st, a, (ulong)e), BigInteger.Pow(p, e), $"a ** {e}");
    });

    [Test]
    public void DecimalTextRoundTrips() => ForAllPairs(150, (st, a, _, p, _) =>
    {
        string text = LongDecimal.ToDecimalString(a, 0);
        if (text != p.ToString(CultureInfo.InvariantCulture))
        {
            return $"str(a) = {text}";
        }
        string digits = text.TrimStart('-');
        return Verify(st, LongDecimal.Parse(st, digits, 10, p.Sign < 0, 0), p, "int(str(a))")
            ?? Verify(st, LongDecimal.Parse(st, BigInteger.Abs(p).ToString("x", CultureInfo.InvariantCulture), 16, p.Sign < 0, 0), p, "int(hex(a), 16)")
            ?? Verify(st, LongDecimal.Parse(st, ToBase(BigInteger.Abs(p), 7), 7, p.Sign < 0, 0), p, "int(base 7 text, 7)");
    });

    private static string ToBase(BigInteger v, int radix)
    {
        if (v.IsZero)
        {
            return "0";
        }
        var chars = new List<char>();
        while (!v.IsZero)
        {
            chars.Add((char)('0' + (int)(v % radix)));
            v /= radix;
        }
        chars.Reverse();
        return new string([.. chars]);
    }

    [TestCase("9007199254740993")]    // 2**53 + 1: 54 bits, a tie, to even (2**53)
    [TestCase("9007199254740995")]    // 2**53 + 3: 54 bits, a tie, to even (2**53 + 4)
    [TestCase("-18014398509481983")]  // -(2**54 - 1): 54 bits, rounds up to -(2**54)
    [TestCase("36028797018963967")]   // 2**55 - 1: 55 bits
    public void FloatConversionOfFiftyFourAndFiftyFiveBitInts(string digits)
    {
        using var heap = new Heap();
        HeapState* st = heap.NativeState;
        BigInteger v = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        PyObject* a = PyLong.Create(st->type_int, v);
        try
        {
            Assert.That(LongFloat.TryToDouble(a, out double got), Is.True);
            Assert.That(got, Is.EqualTo(double.Parse(digits, CultureInfo.InvariantCulture)));
        }
        finally
        {
            Refcount.Decref(a);
        }
    }

    [Test]
    public void FloatConversionRoundsOnceToNearestEven() => ForAllPairs(300, (_, a, _, p, _) =>
    {
        // .NET's double.Parse rounds decimal text correctly, so it is an exact oracle.
        double expected = double.Parse(p.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        bool finite = LongFloat.TryToDouble(a, out double got);
        if (double.IsInfinity(expected))
        {
            return finite ? $"float(a) = {got}, expected OverflowError" : null;
        }
        return finite && got.Equals(expected) ? null : $"float(a) = {got}, expected {expected}";
    });
}
