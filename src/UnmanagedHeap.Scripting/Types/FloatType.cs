using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>
/// The number slots of <c>float</c> (CPython's float_as_number): a float with a float or an
/// int, on either side (an int too large for a double is OverflowError, as CPython's
/// convert_to_double says); anything else declines with NotImplemented. Sums, differences
/// and products of two floats are computed in place.
/// </summary>
public static unsafe class FloatType
{
    private static readonly PyNumberMethods* Number = CreateNumberMethods();

    public static void Fill(HeapState* st) => st->type_float->tp_as_number = Number;

    private static PyNumberMethods* CreateNumberMethods()
    {
        var nm = (PyNumberMethods*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)sizeof(PyNumberMethods));
        nm->nb_add = &Add;
        nm->nb_subtract = &Subtract;
        nm->nb_multiply = &Multiply;
        nm->nb_remainder = &Remainder;
        nm->nb_power = &Power;
        nm->nb_floor_divide = &FloorDivide;
        nm->nb_true_divide = &TrueDivide;
        nm->nb_negative = &Negative;
        nm->nb_positive = &Positive;
        return nm;
    }

    private static PyObject* Add(PyObject* a, PyObject* b)
    {
        HeapState* st = a->ob_type->tp_heap;
        if (a->ob_type == st->type_float && b->ob_type == st->type_float)
        {
            return PyFloat.FromDouble(st, PyFloat.Value(a) + PyFloat.Value(b));
        }
        return Binary(a, b, BinaryOperator.Add);
    }

    private static PyObject* Subtract(PyObject* a, PyObject* b)
    {
        HeapState* st = a->ob_type->tp_heap;
        if (a->ob_type == st->type_float && b->ob_type == st->type_float)
        {
            return PyFloat.FromDouble(st, PyFloat.Value(a) - PyFloat.Value(b));
        }
        return Binary(a, b, BinaryOperator.Sub);
    }

    private static PyObject* Multiply(PyObject* a, PyObject* b)
    {
        HeapState* st = a->ob_type->tp_heap;
        if (a->ob_type == st->type_float && b->ob_type == st->type_float)
        {
            return PyFloat.FromDouble(st, PyFloat.Value(a) * PyFloat.Value(b));
        }
        return Binary(a, b, BinaryOperator.Mult);
    }

    private static PyObject* Negative(PyObject* v) => PyFloat.FromDouble(v->ob_type->tp_heap, -PyFloat.Value(v));

    private static PyObject* Positive(PyObject* v) => PyFloat.FromDouble(v->ob_type->tp_heap, PyFloat.Value(v));

    private static PyObject* Remainder(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.Mod);
    private static PyObject* FloorDivide(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.FloorDiv);
    private static PyObject* TrueDivide(PyObject* a, PyObject* b) => Binary(a, b, BinaryOperator.Div);

    private static PyObject* Power(PyObject* a, PyObject* b, PyObject* modulus)
    {
        if (modulus != a->ob_type->tp_heap->none)
        {
            return ObjectProtocol.NotImplemented(a->ob_type->tp_heap);
        }
        return Binary(a, b, BinaryOperator.Pow);
    }

    /// <summary>Both operands as doubles when each is a float or an int; NotImplemented otherwise.</summary>
    private static PyObject* Binary(PyObject* a, PyObject* b, BinaryOperator op)
    {
        HeapState* st = a->ob_type->tp_heap;
        // A class derived from float (tp_layout) computes as float does.
        bool aNumber = a->ob_type == st->type_float || a->ob_type->tp_layout == st->type_float || PyLong.Check(a);
        bool bNumber = b->ob_type == st->type_float || b->ob_type->tp_layout == st->type_float || PyLong.Check(b);
        if (!aNumber || !bNumber)
        {
            return ObjectProtocol.NotImplemented(st);
        }
        Interpreter it = Interpreter.Of(st);
        return Compute(it, op, it.ToDouble(a), it.ToDouble(b));
    }

    private static PyObject* Compute(Interpreter it, BinaryOperator op, double x, double y)
    {
        switch (op)
        {
            case BinaryOperator.Add:
                return it.Float(x + y);
            case BinaryOperator.Sub:
                return it.Float(x - y);
            case BinaryOperator.Mult:
                return it.Float(x * y);
            case BinaryOperator.Div:
                if (y == 0)
                {
                    throw it.Error(it.ZeroDivisionError, "float division by zero");
                }
                return it.Float(x / y);
            case BinaryOperator.FloorDiv:
                if (y == 0)
                {
                    throw it.Error(it.ZeroDivisionError, "float floor division by zero");
                }
                return it.Float(Math.Floor(x / y));
            case BinaryOperator.Mod:
            {
                if (y == 0)
                {
                    throw it.Error(it.ZeroDivisionError, "float modulo");
                }
                double m = x % y;
                if (m != 0 && (m < 0) != (y < 0))
                {
                    m += y;
                }
                return it.Float(m);
            }
            case BinaryOperator.Pow:
                if (x == 0 && y < 0)
                {
                    throw it.Error(it.ZeroDivisionError, "0.0 cannot be raised to a negative power");
                }
                return it.Float(Math.Pow(x, y));
        }
        return ObjectProtocol.NotImplemented(it.St); // no bit operations on floats
    }
}
