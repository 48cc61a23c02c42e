using System.Numerics;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>A small math module: the functions snippets reach for most.</summary>
    private PyObject* CreateMathModule()
    {
        PyObject* m = NewModule("math");
        ModuleValue(m, "pi", Float(Math.PI));
        ModuleValue(m, "e", Float(Math.E));
        ModuleValue(m, "tau", Float(Math.Tau));
        ModuleValue(m, "inf", Float(double.PositiveInfinity));
        ModuleValue(m, "nan", Float(double.NaN));
        MathUnary(m, "sqrt", x => x < 0 ? throw ValueErr("math domain error") : Math.Sqrt(x));
        MathUnary(m, "exp", Math.Exp);
        MathUnary(m, "sin", Math.Sin);
        MathUnary(m, "cos", Math.Cos);
        MathUnary(m, "tan", Math.Tan);
        MathUnary(m, "atan", Math.Atan);
        MathUnary(m, "fabs", Math.Abs);
        MathUnary(m, "log10", x => x <= 0 ? throw ValueErr("math domain error") : Math.Log10(x));
        MathUnary(m, "log2", x => x <= 0 ? throw ValueErr("math domain error") : Math.Log2(x));
        ModuleFunction(m, "log", (_, a, _) =>
        {
            Arity("log", a, 1, 2);
            double x = ToDouble(A(a, 0));
            if (x <= 0)
            {
                throw ValueErr("math domain error");
            }
            return Float(a.Length == 2 ? Math.Log(x) / Math.Log(ToDouble(A(a, 1))) : Math.Log(x));
        });
        ModuleFunction(m, "pow", (_, a, _) =>
        {
            Arity("pow", a, 2, 2);
            return Float(Math.Pow(ToDouble(A(a, 0)), ToDouble(A(a, 1))));
        });
        ModuleFunction(m, "floor", (_, a, _) =>
        {
            Arity("floor", a, 1, 1);
            return IsInt(A(a, 0)) ? NewRef(A(a, 0)) : Int(new BigInteger(Math.Floor(ToDouble(A(a, 0)))));
        });
        ModuleFunction(m, "ceil", (_, a, _) =>
        {
            Arity("ceil", a, 1, 1);
            return IsInt(A(a, 0)) ? NewRef(A(a, 0)) : Int(new BigInteger(Math.Ceiling(ToDouble(A(a, 0)))));
        });
        ModuleFunction(m, "trunc", (_, a, _) =>
        {
            Arity("trunc", a, 1, 1);
            return IsInt(A(a, 0)) ? NewRef(A(a, 0)) : Int(new BigInteger(Math.Truncate(ToDouble(A(a, 0)))));
        });
        ModuleFunction(m, "gcd", (_, a, _) =>
        {
            BigInteger g = BigInteger.Zero;
            foreach (nint x in a)
            {
                g = BigInteger.GreatestCommonDivisor(g, PyLong.ToBigInteger((PyObject*)x));
            }
            return Int(g);
        });
        ModuleFunction(m, "factorial", (_, a, _) =>
        {
            Arity("factorial", a, 1, 1);
            long n = ToLong(A(a, 0));
            if (n < 0)
            {
                throw ValueErr("factorial() not defined for negative values");
            }
            BigInteger r = BigInteger.One;
            for (long i = 2; i <= n; i++)
            {
                r *= i;
            }
            return Int(r);
        });
        ModuleFunction(m, "isclose", (_, a, kw) =>
        {
            Arity("isclose", a, 2, 2);
            double x = ToDouble(A(a, 0)), y = ToDouble(A(a, 1));
            double rel = Kw(kw, "rel_tol") != null ? ToDouble(Kw(kw, "rel_tol")) : 1e-9;
            double abs = Kw(kw, "abs_tol") != null ? ToDouble(Kw(kw, "abs_tol")) : 0;
            return Bool(x == y || Math.Abs(x - y) <= Math.Max(rel * Math.Max(Math.Abs(x), Math.Abs(y)), abs));
        });
        ModuleFunction(m, "isnan", (_, a, _) => Bool(double.IsNaN(ToDouble(A(a, 0)))));
        ModuleFunction(m, "isinf", (_, a, _) => Bool(double.IsInfinity(ToDouble(A(a, 0)))));
        ModuleFunction(m, "hypot", (_, a, _) => Float(Math.Sqrt(a.Sum(x => ToDouble((PyObject*)x) * ToDouble((PyObject*)x)))));
        return m;
    }

    private void MathUnary(PyObject* module, string name, Func<double, double> fn) =>
        ModuleFunction(module, name, (_, a, _) =>
        {
            Arity(name, a, 1, 1);
            return Float(fn(ToDouble(A(a, 0))));
        });
}
