namespace UnmanagedHeap.Objects;

/// <summary>
/// The six rich comparisons with CPython's numbering (<c>Py_LT</c> = 0 ... <c>Py_GE</c> = 5),
/// the third argument of every <c>tp_richcompare</c> slot.
/// </summary>
public enum RichCompareOp
{
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

/// <summary>What the comparison operators need to know about each other.</summary>
public static class RichCompareOps
{
    /// <summary>CPython's <c>_Py_SwappedOp</c>: the operator to ask the right operand with (a &lt; b is b &gt; a).</summary>
    public static RichCompareOp Swapped(this RichCompareOp op) => op switch
    {
        RichCompareOp.Lt => RichCompareOp.Gt,
        RichCompareOp.Le => RichCompareOp.Ge,
        RichCompareOp.Gt => RichCompareOp.Lt,
        RichCompareOp.Ge => RichCompareOp.Le,
        _ => op,
    };

    /// <summary>The operator as Python spells it, for "'&lt;' not supported between instances of ..." messages.</summary>
    public static string Symbol(this RichCompareOp op) => op switch
    {
        RichCompareOp.Lt => "<",
        RichCompareOp.Le => "<=",
        RichCompareOp.Eq => "==",
        RichCompareOp.Ne => "!=",
        RichCompareOp.Gt => ">",
        _ => ">=",
    };

    /// <summary>The outcome of a three-way comparison <paramref name="c"/> (negative, zero, positive) under <paramref name="op"/>.</summary>
    public static bool Holds(this RichCompareOp op, int c) => op switch
    {
        RichCompareOp.Lt => c < 0,
        RichCompareOp.Le => c <= 0,
        RichCompareOp.Eq => c == 0,
        RichCompareOp.Ne => c != 0,
        RichCompareOp.Gt => c > 0,
        _ => c >= 0,
    };
}
