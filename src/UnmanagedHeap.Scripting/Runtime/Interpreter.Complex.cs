using System.Globalization;
using System.Text.RegularExpressions;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>complex</c> as Python code meets it: the constructor (numbers, two parts, or a string
/// such as <c>"1+2j"</c>), <c>.real</c>, <c>.imag</c> and <c>.conjugate()</c>. The arithmetic,
/// comparison, hash and repr are the type's slots (<c>Types/ComplexType.cs</c>).
/// </summary>
public sealed unsafe partial class Interpreter
{
    public PyObject* Complex(double real, double imag) => ComplexType.New(T.Complex, real, imag);

    public bool IsComplex(PyObject* o) => o->ob_type == T.Complex;

    private void RegisterComplex()
    {
        Constructor(T.Complex, "complex", (_, a, kw) =>
        {
            PyObject* real = a.Length > 0 ? A(a, 0) : Kw(kw, "real");
            PyObject* imag = a.Length > 1 ? A(a, 1) : Kw(kw, "imag");
            if (a.Length > 2)
            {
                throw TypeErr($"complex() takes at most 2 arguments ({a.Length} given)");
            }
            if (real != null && IsStr(real))
            {
                if (imag != null)
                {
                    throw TypeErr("complex() can't take second arg if first is a string");
                }
                return ParseComplex(PyUnicode.AsString(real));
            }
            if (imag != null && IsStr(imag))
            {
                throw TypeErr("complex() second arg can't be a string");
            }
            (double rr, double ri) = real == null ? (0, 0) : ComplexParts(real, "first argument must be a string or a number");
            (double ir, double ii) = imag == null ? (0, 0) : ComplexParts(imag, "second argument must be a number");
            if (imag == null && real != null && IsComplex(real))
            {
                return NewRef(real);
            }
            // real + imag*1j, part by part, adding only the parts complex operands have (as
            // complex_new does), so complex(1, -0.0) keeps its negative zero.
            double re = imag != null && IsComplex(imag) ? rr - ii : rr;
            double im = real != null && IsComplex(real) ? ir + ri : ir;
            return Complex(re, imag == null ? ri : im);
        });
        Method(T.Complex, "conjugate", (self, a, _) =>
        {
            Arity("conjugate", a, 0, 0);
            return Complex(ComplexType.Real(self), -ComplexType.Imag(self));
        });
    }

    private (double Real, double Imag) ComplexParts(PyObject* v, string what)
    {
        if (IsComplex(v))
        {
            return (ComplexType.Real(v), ComplexType.Imag(v));
        }
        if (IsFloat(v) || PyLong.Check(v))
        {
            return (ToDouble(v), 0);
        }
        throw TypeErr($"complex() {what}, not '{TypeName(v)}'");
    }

    /// <summary><c>.real</c> and <c>.imag</c> (new references), or null for another name.</summary>
    private PyObject* ComplexAttr(PyObject* c, string name) => name switch
    {
        "real" => Float(ComplexType.Real(c)),
        "imag" => Float(ComplexType.Imag(c)),
        _ => null,
    };

    // A float as complex() reads it: digits with an optional exponent, or inf/infinity/nan.
    private static readonly Regex ComplexFloat = new(
        @"^[+-]?((\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)([eE][+-]?\d+(_\d+)*)?|inf|infinity|nan)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>complex("1+2j"), "(-3.5e2j)", " 2 ", "-j", "infj": CPython's complex_from_string_inner.</summary>
    private PyObject* ParseComplex(string text)
    {
        string s = text.Trim();
        if (s.StartsWith('(') && s.EndsWith(')'))
        {
            s = s[1..^1].Trim();
        }
        double real = 0;
        double imag = 0;
        bool ok;
        if (s.EndsWith('j') || s.EndsWith('J'))
        {
            string body = s[..^1];
            int split = -1;
            for (int i = body.Length - 1; i > 0; i--)
            {
                if (body[i] is '+' or '-' && body[i - 1] is not ('e' or 'E'))
                {
                    split = i;
                    break;
                }
            }
            string realText = split < 0 ? "" : body[..split];
            string imagText = split < 0 ? body : body[split..];
            ok = (realText.Length == 0 || TryComplexFloat(realText, out real)) && TryImaginaryPart(imagText, out imag);
        }
        else
        {
            ok = TryComplexFloat(s, out real);
        }
        return ok ? Complex(real, imag) : throw ValueErr("complex() arg is a malformed string");
    }

    private static bool TryImaginaryPart(string text, out double value)
    {
        switch (text)
        {
            case "" or "+":
                value = 1;
                return true;
            case "-":
                value = -1;
                return true;
            default:
                return TryComplexFloat(text, out value);
        }
    }

    private static bool TryComplexFloat(string text, out double value)
    {
        value = 0;
        if (!ComplexFloat.IsMatch(text))
        {
            return false;
        }
        string t = text.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        bool negative = t.StartsWith('-');
        string magnitude = t.TrimStart('+', '-');
        value = magnitude switch
        {
            "inf" or "infinity" => double.PositiveInfinity,
            "nan" => double.NaN,
            _ => double.Parse(magnitude, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        value = negative ? -value : value;
        return true;
    }
}
