using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Abstract;

/// <summary>
/// The number protocol (CPython's <c>binary_op1</c>, <c>binary_iop1</c> and the unary
/// operations of <c>abstract.c</c>): an operator asks the left operand's
/// <c>tp_as_number</c> slot, then the right operand's, where a right operand whose type is a
/// subclass of the left one's is asked first; a slot declines with NotImplemented. The
/// in-place form asks the left operand's in-place slot before all that. What every slot
/// declined is the caller's to finish (sequence concatenation and repetition, the TypeError).
/// </summary>
public static unsafe class Number
{
    /// <summary><c>a op b</c> through the number slots; NotImplemented (borrowed, immortal) when every slot declined.</summary>
    public static PyObject* Binary(PyObject* a, PyObject* b, BinaryOperator op)
    {
        PyTypeObject* ta = a->ob_type;
        PyTypeObject* tb = b->ob_type;
        PyObject* notImplemented = ta->tp_heap->not_implemented;
        nint slotv = Slot(ta->tp_as_number, op);
        nint slotw = tb != ta ? Slot(tb->tp_as_number, op) : 0;
        if (slotw == slotv)
        {
            slotw = 0; // one function serves both types: it sees both operands anyway
        }
        if (slotv != 0)
        {
            if (slotw != 0 && ObjectProtocol.IsSubtype(tb, ta))
            {
                PyObject* first = Call(slotw, op, a, b);
                if (first != notImplemented)
                {
                    return first;
                }
                slotw = 0;
            }
            PyObject* r = Call(slotv, op, a, b);
            if (r != notImplemented)
            {
                return r;
            }
        }
        return slotw != 0 ? Call(slotw, op, a, b) : notImplemented;
    }

    /// <summary><c>a op= b</c>: the left operand's in-place slot, then <see cref="Binary"/>.</summary>
    public static PyObject* InPlace(PyObject* a, PyObject* b, BinaryOperator op)
    {
        nint slot = InPlaceSlot(a->ob_type->tp_as_number, op);
        if (slot != 0)
        {
            PyObject* r = Call(slot, op, a, b);
            if (r != a->ob_type->tp_heap->not_implemented)
            {
                return r;
            }
        }
        return Binary(a, b, op);
    }

    /// <summary>-v, +v or ~v through nb_negative, nb_positive, nb_invert; null when the type has no such slot.</summary>
    public static PyObject* Unary(PyObject* v, UnaryOperator op)
    {
        PyNumberMethods* nm = v->ob_type->tp_as_number;
        if (nm == null)
        {
            return null;
        }
        delegate*<PyObject*, PyObject*> slot = op switch
        {
            UnaryOperator.Minus => nm->nb_negative,
            UnaryOperator.Plus => nm->nb_positive,
            UnaryOperator.Invert => nm->nb_invert,
            _ => null,
        };
        return slot == null ? null : slot(v);
    }

    /// <summary>The binary slot an operator uses, as an address (0: none), so two types' slots can be told apart.</summary>
    private static nint Slot(PyNumberMethods* nm, BinaryOperator op) => nm == null ? 0 : op switch
    {
        BinaryOperator.Add => (nint)nm->nb_add,
        BinaryOperator.Sub => (nint)nm->nb_subtract,
        BinaryOperator.Mult => (nint)nm->nb_multiply,
        BinaryOperator.MatMult => (nint)nm->nb_matrix_multiply,
        BinaryOperator.Div => (nint)nm->nb_true_divide,
        BinaryOperator.Mod => (nint)nm->nb_remainder,
        BinaryOperator.Pow => (nint)nm->nb_power,
        BinaryOperator.LShift => (nint)nm->nb_lshift,
        BinaryOperator.RShift => (nint)nm->nb_rshift,
        BinaryOperator.BitOr => (nint)nm->nb_or,
        BinaryOperator.BitXor => (nint)nm->nb_xor,
        BinaryOperator.BitAnd => (nint)nm->nb_and,
        BinaryOperator.FloorDiv => (nint)nm->nb_floor_divide,
        _ => 0,
    };

    private static nint InPlaceSlot(PyNumberMethods* nm, BinaryOperator op) => nm == null ? 0 : op switch
    {
        BinaryOperator.Add => (nint)nm->nb_inplace_add,
        BinaryOperator.Sub => (nint)nm->nb_inplace_subtract,
        BinaryOperator.Mult => (nint)nm->nb_inplace_multiply,
        BinaryOperator.MatMult => (nint)nm->nb_inplace_matrix_multiply,
        BinaryOperator.Div => (nint)nm->nb_inplace_true_divide,
        BinaryOperator.Mod => (nint)nm->nb_inplace_remainder,
        BinaryOperator.Pow => (nint)nm->nb_inplace_power,
        BinaryOperator.LShift => (nint)nm->nb_inplace_lshift,
        BinaryOperator.RShift => (nint)nm->nb_inplace_rshift,
        BinaryOperator.BitOr => (nint)nm->nb_inplace_or,
        BinaryOperator.BitXor => (nint)nm->nb_inplace_xor,
        BinaryOperator.BitAnd => (nint)nm->nb_inplace_and,
        BinaryOperator.FloorDiv => (nint)nm->nb_inplace_floor_divide,
        _ => 0,
    };

    /// <summary>Calls a slot; <c>**</c>'s is ternary and gets None as its modulus, as <c>PyNumber_Power(a, b, None)</c>.</summary>
    private static PyObject* Call(nint slot, BinaryOperator op, PyObject* a, PyObject* b)
    {
        if (op == BinaryOperator.Pow)
        {
            return ((delegate*<PyObject*, PyObject*, PyObject*, PyObject*>)slot)(a, b, a->ob_type->tp_heap->none);
        }
        return ((delegate*<PyObject*, PyObject*, PyObject*>)slot)(a, b);
    }
}
