using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary><c>op operand</c>: <c>-x</c>, <c>+x</c>, <c>~x</c>, <c>not x</c>.</summary>
public sealed class UnaryExpr(UnaryOperator op, Expr operand, SourceSpan span) : Expr(span)
{
    /// <summary>The operator.</summary>
    public UnaryOperator Op { get; } = op;

    /// <summary>The operand.</summary>
    public Expr Operand { get; } = operand;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitUnary(this);
}

/// <summary><c>left op right</c> for arithmetic, shift and bitwise operators.</summary>
public sealed class BinaryExpr(Expr left, BinaryOperator op, Expr right, SourceSpan span) : Expr(span)
{
    /// <summary>Left operand.</summary>
    public Expr Left { get; } = left;

    /// <summary>The operator.</summary>
    public BinaryOperator Op { get; } = op;

    /// <summary>Right operand.</summary>
    public Expr Right { get; } = right;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitBinary(this);
}

/// <summary><c>a and b and c</c> or <c>a or b or c</c>: one node for a run of the same operator, as CPython builds it.</summary>
public sealed class BoolOpExpr(BoolOperator op, ImmutableArray<Expr> values, SourceSpan span) : Expr(span)
{
    /// <summary>The operator.</summary>
    public BoolOperator Op { get; } = op;

    /// <summary>Two or more operands, evaluated left to right until the result is known.</summary>
    public ImmutableArray<Expr> Values { get; } = values;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitBoolOp(this);
}

/// <summary>A (possibly chained) comparison: <c>a &lt; b &lt;= c</c> is Left=a, Ops=[Lt, LtE], Comparators=[b, c].</summary>
public sealed class CompareExpr(Expr left, ImmutableArray<CompareOperator> ops, ImmutableArray<Expr> comparators, SourceSpan span) : Expr(span)
{
    /// <summary>The first operand.</summary>
    public Expr Left { get; } = left;

    /// <summary>The operators, one per comparator.</summary>
    public ImmutableArray<CompareOperator> Ops { get; } = ops;

    /// <summary>The operands after each operator.</summary>
    public ImmutableArray<Expr> Comparators { get; } = comparators;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitCompare(this);
}

/// <summary><c>body if test else orElse</c> (CPython's <c>IfExp</c>).</summary>
public sealed class ConditionalExpr(Expr test, Expr body, Expr orElse, SourceSpan span) : Expr(span)
{
    /// <summary>The condition.</summary>
    public Expr Test { get; } = test;

    /// <summary>Value when the condition is true.</summary>
    public Expr Body { get; } = body;

    /// <summary>Value when the condition is false.</summary>
    public Expr OrElse { get; } = orElse;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitConditional(this);
}

/// <summary><c>target := value</c> (the walrus operator).</summary>
public sealed class NamedExpr(NameExpr target, Expr value, SourceSpan span) : Expr(span)
{
    /// <summary>The name bound, in store context.</summary>
    public NameExpr Target { get; } = target;

    /// <summary>The value, which is also the result.</summary>
    public Expr Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitNamed(this);
}
