using System.Numerics;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>
/// <c>complex</c>'s slots (CPython's complexobject.c): arithmetic with a complex, float or int
/// on either side (anything else declines with NotImplemented), CPython's algorithms for
/// division (Smith's) and powers (repeated squaring for small integral exponents), equality
/// with ints and floats, the hash that makes <c>hash(1+0j) == hash(1)</c>, and the repr.
/// </summary>
public static unsafe class ComplexType
{
    private static readonly PyNumberMethods* Number = CreateNumberMethods();

    public static void Fill(PyTypeObject* type)
    {
        type->tp_as_number = Number;
        type->tp_richcompare = &RichCompare;
        type->tp_hash = &Hash;
        type->tp_repr = &ReprSlot;
    }

    public static double Real(PyObject* op) => ((PyComplexObject*)op)->cval_real;

    public static double Imag(PyObject* op) => ((PyComplexObject*)op)->cval_imag;

    public static PyObject* New(PyTypeObject* type, double real, double imag)
    {
        PyObject* op = ScriptTypes.New(type);
        ((PyComplexObject*)op)->cval_real = real;
        ((PyComplexObject*)op)->cval_imag = imag;
        return op;
    }

    /// <summary>
    /// CPython's complex_repr: <c>1j</c> when the real part is +0.0, else <c>(re+imj)</c>; each
    /// part is the shortest repr without a trailing <c>.0</c>, the imaginary one always signed.
    /// </summary>
    public static string Repr(double real, double imag)
    {
        string im = Part(imag);
        if (real == 0 && !double.IsNegative(real))
        {
            return im + "j";
        }

        return "(" + Part(real) + (im.StartsWith('-') ? im : "+" + im) + "j)";
    }

    private static string Part(double v) => PythonRepr.Imaginary(v)[..^1];

    private static PyNumberMethods* CreateNumberMethods()
    {
        var nm = (PyNumberMethods*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)sizeof(PyNumberMethods));
        nm->nb_add = &Add;
        nm->nb_subtract = &Subtract;
        nm->nb_multiply = &Multiply;
        nm->nb_true_divide = &TrueDivide;
        nm->nb_power = &Power;
        nm->nb_negative = &Negative;
        nm->nb_positive = &Positive;
        nm->nb_absolute = &Absolute;
        nm->nb_bool = &IsNonZero;
        return nm;
    }

    /// <summary>Reads a complex, float or int operand (an int too large for a double is OverflowError); false for anything else.</summary>
    private static bool TryOperand(PyObject* v, out Complex value)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (v->ob_type == Interpreter.Of(st).T.Complex)
        {
            value = new Complex(Real(v), Imag(v));
            return true;
        }
        if (v->ob_type == st->type_float || PyLong.Check(v))
        {
            value = new Complex(Interpreter.Of(st).ToDouble(v), 0);
            return true;
        }
        value = default;
        return false;
    }

    private static PyObject* Result(PyObject* like, Complex c) => New(Interpreter.Of(like->ob_type->tp_heap).T.Complex, c.Real, c.Imaginary);

    private static PyObject* Add(PyObject* a, PyObject* b) =>
        TryOperand(a, out Complex x) && TryOperand(b, out Complex y)
            ? Result(a, new Complex(x.Real + y.Real, x.Imaginary + y.Imaginary))
            : ObjectProtocol.NotImplemented(a->ob_type->tp_heap);

    private static PyObject* Subtract(PyObject* a, PyObject* b) =>
        TryOperand(a, out Complex x) && TryOperand(b, out Complex y)
            ? Result(a, new Complex(x.Real - y.Real, x.Imaginary - y.Imaginary))
            : ObjectProtocol.NotImplemented(a->ob_type->tp_heap);

    private static PyObject* Multiply(PyObject* a, PyObject* b) =>
        TryOperand(a, out Complex x) && TryOperand(b, out Complex y)
            ? Result(a, Product(x, y))
            : ObjectProtocol.NotImplemented(a->ob_type->tp_heap);

    private static PyObject* TrueDivide(PyObject* a, PyObject* b)
    {
        if (!TryOperand(a, out Complex x) || !TryOperand(b, out Complex y))
        {
            return ObjectProtocol.NotImplemented(a->ob_type->tp_heap);
        }

        Complex? q = Quotient(x, y);
        return q is { } r ? Result(a, r) : throw Interpreter.Of(a->ob_type->tp_heap).Error(Interpreter.Of(a->ob_type->tp_heap).ZeroDivisionError, "complex division by zero");
    }

    private static PyObject* Power(PyObject* a, PyObject* b, PyObject* modulus)
    {
        HeapState* st = a->ob_type->tp_heap;
        Interpreter interp = Interpreter.Of(st);
        if (!TryOperand(a, out Complex x) || !TryOperand(b, out Complex y))
        {
            return ObjectProtocol.NotImplemented(st);
        }

        if (modulus != st->none)
        {
            throw interp.ValueErr("complex modulo");
        }

        Complex? p = y.Imaginary == 0 && y.Real == Math.Floor(y.Real) && Math.Abs(y.Real) <= 100
            ? IntegralPower(x, (long)y.Real)
            : GeneralPower(x, y);
        if (p is not { } r)
        {
            throw interp.Error(interp.ZeroDivisionError, "0.0 to a negative or complex power");
        }

        if (double.IsInfinity(r.Real) || double.IsInfinity(r.Imaginary))
        {
            throw interp.Error(interp.OverflowError, "complex exponentiation");
        }

        return Result(a, r);
    }

    private static Complex Product(Complex a, Complex b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    /// <summary>CPython's _Py_c_quot (Smith's method, scaled by the larger part of the divisor); null for division by zero.</summary>
    private static Complex? Quotient(Complex a, Complex b)
    {
        double absReal = Math.Abs(b.Real);
        double absImag = Math.Abs(b.Imaginary);
        if (absReal >= absImag)
        {
            if (absReal == 0)
            {
                return null;
            }

            double ratio = b.Imaginary / b.Real;
            double denom = b.Real + b.Imaginary * ratio;
            return new Complex((a.Real + a.Imaginary * ratio) / denom, (a.Imaginary - a.Real * ratio) / denom);
        }

        if (absImag >= absReal)
        {
            double ratio = b.Real / b.Imaginary;
            double denom = b.Real * ratio + b.Imaginary;
            return new Complex((a.Real * ratio + a.Imaginary) / denom, (a.Imaginary * ratio - a.Real) / denom);
        }

        return new Complex(double.NaN, double.NaN);
    }

    /// <summary>CPython's c_powi: repeated squaring, and 1/x**-n for a negative exponent.</summary>
    private static Complex? IntegralPower(Complex x, long n)
    {
        if (n > 0)
        {
            return UnsignedPower(x, n);
        }

        return Quotient(new Complex(1, 0), UnsignedPower(x, -n));
    }

    private static Complex UnsignedPower(Complex x, long n)
    {
        var r = new Complex(1, 0);
        Complex p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0)
            {
                r = Product(r, p);
            }

            p = Product(p, p);
        }

        return r;
    }

    /// <summary>CPython's _Py_c_pow in polar form; null for 0 to a negative or complex power.</summary>
    private static Complex? GeneralPower(Complex a, Complex b)
    {
        if (b.Real == 0 && b.Imaginary == 0)
        {
            return new Complex(1, 0);
        }

        if (a.Real == 0 && a.Imaginary == 0)
        {
            return b.Imaginary != 0 || b.Real < 0 ? null : new Complex(0, 0);
        }

        double vabs = Hypot(a.Real, a.Imaginary);
        double length = Math.Pow(vabs, b.Real);
        double at = Math.Atan2(a.Imaginary, a.Real);
        double phase = at * b.Real;
        if (b.Imaginary != 0)
        {
            length /= Math.Exp(at * b.Imaginary);
            phase += b.Imaginary * Math.Log(vabs);
        }

        return new Complex(length * Math.Cos(phase), length * Math.Sin(phase));
    }

    /// <summary>hypot with C's rules: an infinite part wins over a NaN.</summary>
    public static double Hypot(double x, double y)
    {
        if (double.IsInfinity(x) || double.IsInfinity(y))
        {
            return double.PositiveInfinity;
        }

        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }

        double a = Math.Abs(x);
        double b = Math.Abs(y);
        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (a == 0)
        {
            return 0;
        }

        double r = b / a;
        return a * Math.Sqrt(1 + r * r);
    }

    private static PyObject* Negative(PyObject* v) => Result(v, new Complex(-Real(v), -Imag(v)));

    private static PyObject* Positive(PyObject* v) => Result(v, new Complex(Real(v), Imag(v)));

    private static PyObject* Absolute(PyObject* v)
    {
        double r = Hypot(Real(v), Imag(v));
        if (double.IsInfinity(r) && double.IsFinite(Real(v)) && double.IsFinite(Imag(v)))
        {
            Interpreter interp = Interpreter.Of(v->ob_type->tp_heap);
            throw interp.Error(interp.OverflowError, "absolute value too large");
        }

        return PyFloat.FromDouble(v->ob_type->tp_heap, r);
    }

    private static int IsNonZero(PyObject* v) => Real(v) != 0 || Imag(v) != 0 ? 1 : 0;

    /// <summary>Only == and != (complex numbers are unordered); with an int the real part must equal it exactly.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (op is not (RichCompareOp.Eq or RichCompareOp.Ne))
        {
            return ObjectProtocol.NotImplemented(st);
        }

        bool equal;
        if (PyLong.Check(w))
        {
            double re = Real(v);
            equal = Imag(v) == 0 && double.IsFinite(re) && re == Math.Floor(re) && new BigInteger(re) == PyLong.ToBigInteger(w);
        }
        else if (w->ob_type == st->type_float)
        {
            equal = Imag(v) == 0 && Real(v) == PyFloat.Value(w);
        }
        else if (w->ob_type == v->ob_type)
        {
            equal = Real(v) == Real(w) && Imag(v) == Imag(w);
        }
        else
        {
            return ObjectProtocol.NotImplemented(st);
        }

        return ObjectProtocol.Bool(st, equal == (op == RichCompareOp.Eq));
    }

    /// <summary>CPython's complex_hash: hash(real) + 1000003 * hash(imag), wrapping, with -1 taken as -2.</summary>
    private static nint Hash(PyObject* op)
    {
        nuint real = (nuint)ObjectHash.Double(Real(op), op);
        nuint imag = (nuint)ObjectHash.Double(Imag(op), op);
        nint combined = (nint)unchecked(real + 1000003 * imag);
        return combined == -1 ? -2 : combined;
    }

    private static PyObject* ReprSlot(PyObject* op) => PyUnicode.FromString(op->ob_type->tp_heap, Repr(Real(op), Imag(op)));
}
