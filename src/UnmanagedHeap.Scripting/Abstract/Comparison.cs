using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Abstract;

/// <summary>
/// The comparison protocol as scripts see it: <c>PyObject_RichCompare</c> and
/// <c>PyObject_RichCompareBool</c> over the types' <c>tp_richcompare</c> slots
/// (<see cref="ObjectProtocol.RichCompare"/>: the reflected slot first for a subclass on the
/// right, NotImplemented passed on, identity as the last word for == and !=), with the
/// object layer's failures raised as the Python exceptions CPython raises.
/// </summary>
public static unsafe class Comparison
{
    /// <summary>The rich comparison a comparison operator of the syntax tree stands for.</summary>
    public static RichCompareOp ToRich(CompareOperator op) => op switch
    {
        CompareOperator.Eq => RichCompareOp.Eq,
        CompareOperator.NotEq => RichCompareOp.Ne,
        CompareOperator.Lt => RichCompareOp.Lt,
        CompareOperator.LtE => RichCompareOp.Le,
        CompareOperator.Gt => RichCompareOp.Gt,
        CompareOperator.GtE => RichCompareOp.Ge,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a rich comparison"),
    };

    /// <summary><c>a op b</c>: a new reference to whatever the deciding slot returned (any object, as in CPython).</summary>
    public static PyObject* Rich(Interpreter it, PyObject* a, PyObject* b, RichCompareOp op)
    {
        try
        {
            return ObjectProtocol.RichCompare(a, b, op);
        }
        catch (UnorderableException e)
        {
            throw it.TypeErr(e.Message);
        }
        catch (ComparisonRecursionException e)
        {
            throw it.Error(it.RecursionError, e.Message);
        }
    }

    /// <summary><c>bool(a op b)</c>, with identity implying equality (as containers compare items).</summary>
    public static bool RichBool(Interpreter it, PyObject* a, PyObject* b, RichCompareOp op)
    {
        if (a == b && op is RichCompareOp.Eq or RichCompareOp.Ne)
        {
            return op == RichCompareOp.Eq;
        }
        PyObject* r = Rich(it, a, b, op);
        try
        {
            return it.IsTrue(r);
        }
        finally
        {
            Refcount.Decref(r);
        }
    }
}
