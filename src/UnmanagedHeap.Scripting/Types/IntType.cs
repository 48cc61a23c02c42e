using System.Numerics;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>
/// The number slots of <c>int</c> and <c>bool</c> (CPython's long_as_number): each takes two
/// ints (bool is one) and declines anything else with NotImplemented, so <c>1 + 2.5</c> reaches
/// float's slot and <c>1 + x</c> a class's <c>__radd__</c>. Sums and differences of machine
/// words are computed in place; the rest goes through BigInteger, with CPython's errors
/// (ZeroDivisionError, negative shift counts) and MemoryError before a result that could not
/// be held. <c>&amp;</c>, <c>|</c> and <c>^</c> of two bools give a bool, as bool's own slots do.
/// </summary>
public static unsafe class IntType
{
    private static readonly PyNumberMethods* Number = CreateNumberMethods();

    /// <summary>Points int's and bool's tp_as_number at the table.</summary>
    public static void Fill(HeapState* st)
    {
        st->type_int->tp_as_number = Number;
        st->type_bool->tp_as_number = Number;
    }

    private static PyNumberMethods* CreateNumberMethods()
    {
        var nm = (PyNumberMethods*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)sizeof(PyNumberMethods));
        nm->nb_add = &Add;
        nm->nb_subtract = &Subtract;
        nm->nb_multiply = &Multiply;
        nm->nb_remainder = &Remainder;
        nm->nb_power = &Power;
        nm->nb_lshift = &LShift;
        nm->nb_rshift = &RShift;
        nm->nb_and = &And;
        nm->nb_xor = &Xor;
        nm->nb_or = &Or;
        nm->nb_floor_divide = &FloorDivide;
        nm->nb_true_divide = &TrueDivide;
        nm->nb_negative = &Negative;
        nm->nb_positive = &Positive;
        nm->nb_invert = &Invert;
        return nm;
    }

    /// <summary>int + int: machine words without leaving this function when the sum fits.</summary>
    private static PyObject* Add(PyObject* a, PyObject* b)
    {
        if (PyLong.Check(a) && PyLong.Check(b) && PyLong.TryGetInt64(a, out long x) && PyLong.TryGetInt64(b, out long y))
        {
            long s = x + y;
            if (((x ^ s) & (y ^ s)) >= 0)
            {
                return PyLong.FromInt64(a->ob_type->tp_heap, s);
            }
        }
        return Binary(a, b, BinaryOperator.Add);
    }

    /// <summary>int - int, likewise.</summary>
    private static PyObject* Subtract(PyObject* a, PyObject* b)
    {
        if (PyLong.Check(a) && PyLong.Check(b) && PyLong.TryGetInt64(a, out long x) && PyLong.TryGetInt64(b, out long y))
        {
            long d = x - y;
            if (((x ^ y) & (x ^ d)) >= 0)
            {
                return PyLong.FromInt64(a->ob_type->tp_heap, d);
            }
        }
        return Binary(a, b, BinaryOperator.Sub);
    }

    private static PyObject* Multiply(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.Mult);
    private static PyObject* Remainder(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.Mod);
    private static PyObject* LShift(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.LShift);
    private static PyObject* RShift(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.RShift);
    private static PyObject* And(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.BitAnd);
    private static PyObject* Xor(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.BitXor);
    private static PyObject* Or(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.BitOr);
    private static PyObject* FloorDivide(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.FloorDiv);
    private static PyObject* TrueDivide(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.Div);

    /// <summary>Two-argument <c>**</c>; three-argument pow() is the interpreter's modular power.</summary>
    private static PyObject* Power(PyObject* a, PyObject* b, PyObject* modulus)
    {
        if (modulus != a->ob_type->tp_heap->none)
        {
            return ObjectProtocol.NotImplemented(a->ob_type->tp_heap);
        }
        return Binary(a, b, BinaryOperator.Pow);
    }

    private static PyObject* Negative(PyObject* v) => Unary(v, -1, 0);

    /// <summary>+v: an int equal to v (a bool gives an int).</summary>
    private static PyObject* Positive(PyObject* v) => Unary(v, 1, 0);

    /// <summary>~v = -v - 1.</summary>
    private static PyObject* Invert(PyObject* v) => Unary(v, -1, -1);

    /// <summary><paramref name="sign"/> * v + <paramref name="offset"/>, in machine words when they suffice.</summary>
    private static PyObject* Unary(PyObject* v, int sign, int offset)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (PyLong.TryGetInt64(v, out long x) && x > long.MinValue)
        {
            return PyLong.FromInt64(st, sign * x + offset);
        }
        Interpreter it = Interpreter.Of(st);
        return it.DigitIntUnary(sign > 0 ? UnaryOperator.Plus : offset == 0 ? UnaryOperator.Minus : UnaryOperator.Invert, v);
    }

    private static PyObject* Binary(PyObject* a, PyObject* b, BinaryOperator op)
    {
        if (!PyLong.Check(a) || !PyLong.Check(b))
        {
            return ObjectProtocol.NotImplemented(a->ob_type->tp_heap);
        }
        return Compute(Interpreter.Of(a->ob_type->tp_heap), op, a, b);
    }

    private static PyObject* Compute(Interpreter it, BinaryOperator op, PyObject* a, PyObject* b)
    {
        bool bothBool = a->ob_type == it.St->type_bool && b->ob_type == it.St->type_bool;
        if (PyLong.TryGetInt64(a, out long x) && PyLong.TryGetInt64(b, out long y))
        {
            switch (op)
            {
                case BinaryOperator.Add:
                    long s = x + y;
                    if (((x ^ s) & (y ^ s)) >= 0)
                    {
                        return it.Int(s);
                    }
                    break;
                case BinaryOperator.Sub:
                    long d = x - y;
                    if (((x ^ y) & (x ^ d)) >= 0)
                    {
                        return it.Int(d);
                    }
                    break;
                case BinaryOperator.BitAnd:
                    return bothBool ? it.Bool((x & y) != 0) : it.Int(x & y);
                case BinaryOperator.BitOr:
                    return bothBool ? it.Bool((x | y) != 0) : it.Int(x | y);
                case BinaryOperator.BitXor:
                    return bothBool ? it.Bool((x ^ y) != 0) : it.Int(x ^ y);
            }
        }
        if (op == BinaryOperator.MatMult)
        {
            return ObjectProtocol.NotImplemented(it.St); // @ is no int operation
        }
        return it.DigitIntOp(op, a, b);
    }

    /// <summary>
    /// Most bits an int may have: .NET's BigInteger stops at 2**31 bits (CPython's ints go
    /// further, until memory runs out, which is what MemoryError says here too).
    /// </summary>
    private const double MaxIntBits = int.MaxValue - 64;

    /// <summary>MemoryError before computing an int of <paramref name="bits"/> bits that could not be held.</summary>
    internal static void CheckIntBits(Interpreter it, double bits)
    {
        if (bits > MaxIntBits || bits / 8 > it.HeapLimitBytes)
        {
            throw new PythonException(it.NewException(it.MemoryError, null));
        }
    }

    public static BigInteger FloorDiv(BigInteger p, BigInteger q)
    {
        BigInteger quotient = BigInteger.DivRem(p, q, out BigInteger rem);
        if (!rem.IsZero && (rem.Sign < 0) != (q.Sign < 0))
        {
            quotient -= 1;
        }
        return quotient;
    }
}
