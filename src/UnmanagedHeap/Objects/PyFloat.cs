using System.Globalization;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>CPython's <c>PyFloatObject</c>: header and one double, 24 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct PyFloatObject
{
    public PyObject ob_base;
    public double ob_fval;
}

/// <summary>Floats, with CPython's hash and repr.</summary>
public static unsafe class PyFloat
{
    public static PyTypeObject* CreateType(TypeRegistry types)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Hash = &Hash, RichCompare = &RichCompare };
        return types.Create("float", sizeof(PyFloatObject), 0, TypeFlags.BaseType, slots);
    }

    /// <summary>A new float, on the newest parked float's block when there is one (CPython's PyFloat_FromDouble).</summary>
    public static PyObject* FromDouble(HeapState* st, double value)
    {
        PyObject* op = Freelists.TryReuse(&st->float_freelist);
        if (op == null)
        {
            op = ObjectMemory.Allocate(st->type_float);
        }
        ((PyFloatObject*)op)->ob_fval = value;
        return op;
    }

    public static double Value(PyObject* op) => ((PyFloatObject*)op)->ob_fval;

    private static nint Hash(PyObject* op) => ObjectHash.Double(Value(op), op);

    /// <summary>
    /// float's tp_richcompare (float_richcompare): against a float or an int, exactly: an int
    /// too large for a double is compared with the float's integer part, never rounded.
    /// A nan is unordered: only != holds.
    /// </summary>
    private static PyObject* RichCompare(PyObject* self, PyObject* other, RichCompareOp op)
    {
        HeapState* st = self->ob_type->tp_heap;
        double x = Value(self);
        if (other->ob_type == st->type_float || other->ob_type->tp_layout == st->type_float)
        {
            double y = Value(other);
            bool r = op switch
            {
                RichCompareOp.Lt => x < y,
                RichCompareOp.Le => x <= y,
                RichCompareOp.Eq => x == y,
                RichCompareOp.Ne => x != y,
                RichCompareOp.Gt => x > y,
                _ => x >= y,
            };
            return ObjectProtocol.Bool(st, r);
        }
        if (!PyLong.Check(other))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        if (double.IsNaN(x))
        {
            return ObjectProtocol.Bool(st, op == RichCompareOp.Ne);
        }
        return ObjectProtocol.Bool(st, op.Holds(CompareWithInt(x, other)));
    }

    /// <summary>Three-way comparison of a non-nan double with an int, without rounding either.</summary>
    public static int CompareWithInt(double x, PyObject* i)
    {
        if (PyLong.TryGetInt64(i, out long small) && small > -(1L << 53) && small < (1L << 53))
        {
            return x.CompareTo((double)small); // exact: every such int is a double
        }
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1 : -1;
        }
        double floor = Math.Floor(x);
        int c = new System.Numerics.BigInteger(floor).CompareTo(PyLong.ToBigInteger(i));
        // Equal integer parts: a fraction makes the float the larger one.
        return c != 0 ? c : (x > floor ? 1 : 0);
    }

    /// <summary>An exact float is parked for reuse while the freelist has room; a subclass instance is freed.</summary>
    private static void Dealloc(PyObject* op)
    {
        HeapState* st = op->ob_type->tp_heap;
        if (op->ob_type != st->type_float || !Freelists.TryPark(&st->float_freelist, op))
        {
            ObjectMemory.Free(op);
        }
    }

    /// <summary>
    /// Python's <c>repr(float)</c>: the shortest digits that round-trip, in fixed notation
    /// when the decimal exponent is in [-4, 16), otherwise scientific with a two-digit
    /// exponent at least; integral values keep a trailing ".0".
    /// </summary>
    public static string Repr(double v)
    {
        if (double.IsNaN(v))
        {
            return "nan";
        }
        if (double.IsInfinity(v))
        {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0)
        {
            return double.IsNegative(v) ? "-0.0" : "0.0";
        }
        // Shortest round-trip digits: "R" gives them, but in .NET's own layout; take digits and exponent apart.
        string shortest = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int exponent; // value = 0.d1d2d3... * 10^exponent
        int ePos = shortest.IndexOfAny(['E', 'e']);
        string mantissa = ePos >= 0 ? shortest[..ePos] : shortest;
        int exp10 = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture) : 0;
        int dot = mantissa.IndexOf('.');
        string intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        string fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        digits = (intPart + fracPart).TrimStart('0');
        int leadingZeros = (intPart + fracPart).Length - digits.Length;
        exponent = intPart.Length - leadingZeros + exp10;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        string sign = v < 0 ? "-" : "";
        int decpt = exponent; // position of the decimal point relative to the digits
        if (decpt > -4 && decpt <= 16)
        {
            string body;
            if (decpt <= 0)
            {
                body = "0." + new string('0', -decpt) + digits;
            }
            else if (decpt >= digits.Length)
            {
                body = digits + new string('0', decpt - digits.Length) + ".0";
            }
            else
            {
                body = digits[..decpt] + "." + digits[decpt..];
            }
            return sign + body;
        }
        string mant = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        int e = decpt - 1;
        return sign + mant + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString("00", CultureInfo.InvariantCulture);
    }
}
