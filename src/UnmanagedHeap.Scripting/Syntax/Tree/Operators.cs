namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Unary operators (CPython's <c>unaryop</c>).</summary>
public enum UnaryOperator
{
    /// <summary><c>~x</c> (Invert).</summary>
    Invert,

    /// <summary><c>not x</c>.</summary>
    Not,

    /// <summary><c>+x</c> (UAdd).</summary>
    Plus,

    /// <summary><c>-x</c> (USub).</summary>
    Minus,
}

/// <summary>Binary operators, also used by augmented assignment (CPython's <c>operator</c>).</summary>
public enum BinaryOperator
{
    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Sub,

    /// <summary><c>*</c></summary>
    Mult,

    /// <summary><c>@</c></summary>
    MatMult,

    /// <summary><c>/</c></summary>
    Div,

    /// <summary><c>%</c></summary>
    Mod,

    /// <summary><c>**</c></summary>
    Pow,

    /// <summary><c>&lt;&lt;</c></summary>
    LShift,

    /// <summary><c>&gt;&gt;</c></summary>
    RShift,

    /// <summary><c>|</c></summary>
    BitOr,

    /// <summary><c>^</c></summary>
    BitXor,

    /// <summary><c>&amp;</c></summary>
    BitAnd,

    /// <summary><c>//</c></summary>
    FloorDiv,
}

/// <summary>Short-circuit boolean operators (CPython's <c>boolop</c>).</summary>
public enum BoolOperator
{
    /// <summary><c>and</c></summary>
    And,

    /// <summary><c>or</c></summary>
    Or,
}

/// <summary>Comparison operators (CPython's <c>cmpop</c>).</summary>
public enum CompareOperator
{
    /// <summary><c>==</c></summary>
    Eq,

    /// <summary><c>!=</c></summary>
    NotEq,

    /// <summary><c>&lt;</c></summary>
    Lt,

    /// <summary><c>&lt;=</c></summary>
    LtE,

    /// <summary><c>&gt;</c></summary>
    Gt,

    /// <summary><c>&gt;=</c></summary>
    GtE,

    /// <summary><c>is</c></summary>
    Is,

    /// <summary><c>is not</c></summary>
    IsNot,

    /// <summary><c>in</c></summary>
    In,

    /// <summary><c>not in</c></summary>
    NotIn,
}

/// <summary>The conversion of an f-string replacement field; the values are CPython's <c>conversion</c> numbers.</summary>
public enum FormatConversion
{
    /// <summary>No conversion: the value is formatted with <c>format(value, spec)</c>.</summary>
    None = -1,

    /// <summary><c>!s</c>: <c>str(value)</c>.</summary>
    Str = 's',

    /// <summary><c>!r</c>: <c>repr(value)</c>.</summary>
    Repr = 'r',

    /// <summary><c>!a</c>: <c>ascii(value)</c>.</summary>
    Ascii = 'a',
}
