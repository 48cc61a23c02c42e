using UnmanagedHeap.Objects;
using UnmanagedHeap.Objects.Long;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// int operators past the 64-bit fast paths: computed on the operands' 30-bit digits in
/// place (Objects/Long), with CPython's errors for zero divisors, negative shifts and
/// results too large to hold.
/// </summary>
public sealed unsafe partial class Interpreter
{
    internal PyObject* DigitIntOp(BinaryOperator op, PyObject* a, PyObject* b)
    {
        switch (op)
        {
            case BinaryOperator.Add:
                return LongArithmetic.Add(St, a, b);
            case BinaryOperator.Sub:
                return LongArithmetic.Subtract(St, a, b);
            case BinaryOperator.Mult:
                CheckIntBits((double)BitLength(a) + BitLength(b));
                return LongArithmetic.Multiply(St, a, b);
            case BinaryOperator.Div:
                return LongFloat.TrueDivide(St, a, b, out double quotient) switch
                {
                    LongFloat.DivideStatus.ZeroDivision => throw Error(ZeroDivisionError, "division by zero"),
                    LongFloat.DivideStatus.Overflow => throw Error(OverflowError, "integer division result too large for a float"),
                    _ => Float(quotient),
                };
            case BinaryOperator.FloorDiv:
            case BinaryOperator.Mod:
                if (PyLong.Sign(b) == 0)
                {
                    throw Error(ZeroDivisionError, op == BinaryOperator.Mod ? "integer modulo by zero" : "integer division or modulo by zero");
                }
                PyObject* result = null;
                if (op == BinaryOperator.Mod)
                {
                    LongArithmetic.DivMod(St, a, b, null, &result);
                }
                else
                {
                    LongArithmetic.DivMod(St, a, b, &result, null);
                }
                return result;
            case BinaryOperator.Pow:
                return IntPower(a, b);
            case BinaryOperator.LShift:
            case BinaryOperator.RShift:
                return IntShift(op == BinaryOperator.LShift, a, b);
            case BinaryOperator.BitAnd:
                return LongArithmetic.Bitwise(St, a, b, LongArithmetic.BitOp.And);
            case BinaryOperator.BitOr:
                return LongArithmetic.Bitwise(St, a, b, LongArithmetic.BitOp.Or);
            case BinaryOperator.BitXor:
                return LongArithmetic.Bitwise(St, a, b, LongArithmetic.BitOp.Xor);
        }
        throw TypeErr($"unsupported operand type(s) for {OpSymbols[op]}: '{TypeName(a)}' and '{TypeName(b)}'");
    }

    internal PyObject* DigitIntUnary(UnaryOperator op, PyObject* v) => op switch
    {
        UnaryOperator.Minus => LongArithmetic.Negate(St, v),
        // +True is 1: unary plus gives an exact int, so a bool is rebuilt as one.
        UnaryOperator.Plus => v->ob_type == St->type_int ? NewRef(v) : LongArithmetic.Add(St, v, Int(0)),
        _ => LongArithmetic.Invert(St, v),
    };

    /// <summary>MemoryError before computing an int of <paramref name="bits"/> bits that could not be held.</summary>
    private void CheckIntBits(double bits) => Scripting.Types.IntType.CheckIntBits(this, bits);

    private static long BitLength(PyObject* v) => Magnitude.BitLength(new ReadOnlySpan<uint>(PyLong.Digits(v), PyLong.DigitCount(v)));

    /// <summary>
    /// a ** b: a float for a negative exponent (as CPython's long_pow), else the exact power,
    /// refused with MemoryError up front when it could not be held.
    /// </summary>
    private PyObject* IntPower(PyObject* a, PyObject* b)
    {
        if (PyLong.Sign(b) < 0)
        {
            if (PyLong.Sign(a) == 0)
            {
                throw Error(ZeroDivisionError, "0.0 cannot be raised to a negative power");
            }
            return Float(Math.Pow(ToDouble(a), ToDouble(b)));
        }
        if (PyLong.TryGetInt64(a, out long small) && small is 0 or 1 or -1)
        {
            // 0, 1 and -1 stay small whatever the exponent.
            bool even = PyLong.DigitCount(b) == 0 || (PyLong.Digits(b)[0] & 1) == 0;
            return Int(small == 0 ? (PyLong.Sign(b) == 0 ? 1 : 0) : small == 1 || even ? 1 : -1);
        }
        if (!PyLong.TryGetInt64(b, out long e))
        {
            throw new PythonException(NewException(MemoryError, null));
        }
        CheckIntBits((double)e * (BitLength(a) - 1));
        return LongArithmetic.Power(St, a, (ulong)e);
    }

    private PyObject* IntShift(bool left, PyObject* a, PyObject* b)
    {
        if (PyLong.Sign(b) < 0)
        {
            throw ValueErr("negative shift count");
        }
        if (PyLong.Sign(a) == 0)
        {
            return Int(0);
        }
        bool fits = PyLong.TryGetInt64(b, out long bits);
        if (!left)
        {
            return fits ? LongArithmetic.ShiftRight(St, a, bits) : Int(PyLong.Sign(a) < 0 ? -1 : 0);
        }
        if (!fits)
        {
            throw Error(OverflowError, "too many digits in integer");
        }
        CheckIntBits((double)BitLength(a) + bits);
        return LongArithmetic.ShiftLeft(St, a, bits);
    }

    /// <summary>
    /// Orders two reals of which at least one is a float, exactly as CPython's
    /// float_richcompare does: an int too long for a double is never rounded first, so
    /// 10**400 &gt; 1e308 holds and no OverflowError is raised. False when a NaN is involved.
    /// </summary>
    private bool TryCompareReals(PyObject* a, PyObject* b, out int c)
    {
        c = 0;
        if (IsFloat(a) && IsFloat(b))
        {
            double x = PyFloat.Value(a), y = PyFloat.Value(b);
            c = x.CompareTo(y);
            return !double.IsNaN(x) && !double.IsNaN(y);
        }
        bool intFirst = IsInt(a);
        PyObject* i = intFirst ? a : b;
        double f = PyFloat.Value(intFirst ? b : a);
        if (double.IsNaN(f))
        {
            return false;
        }
        int order;
        if (BitLength(i) <= 53)
        {
            order = ToDouble(i).CompareTo(f); // exact as a double
        }
        else if (double.IsInfinity(f))
        {
            order = f > 0 ? -1 : 1;
        }
        else
        {
            // Compare with the float's integer part, then let its fraction break a tie.
            double whole = Math.Truncate(f);
            order = PyLong.ToBigInteger(i).CompareTo(new System.Numerics.BigInteger(whole));
            if (order == 0)
            {
                order = f > whole ? -1 : f < whole ? 1 : 0;
            }
        }
        c = intFirst ? order : -order;
        return true;
    }
}
