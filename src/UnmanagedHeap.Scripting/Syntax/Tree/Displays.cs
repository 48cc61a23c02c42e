using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>A tuple display or tuple target; elements may be <see cref="StarredExpr"/>.</summary>
public sealed class TupleExpr(ImmutableArray<Expr> elements, ExprContext context, SourceSpan span) : Expr(span)
{
    /// <summary>The elements.</summary>
    public ImmutableArray<Expr> Elements { get; } = elements;

    /// <summary>Load, store or delete.</summary>
    public ExprContext Context { get; } = context;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitTuple(this);
}

/// <summary>A list display or list target; elements may be <see cref="StarredExpr"/>.</summary>
public sealed class ListExpr(ImmutableArray<Expr> elements, ExprContext context, SourceSpan span) : Expr(span)
{
    /// <summary>The elements.</summary>
    public ImmutableArray<Expr> Elements { get; } = elements;

    /// <summary>Load, store or delete.</summary>
    public ExprContext Context { get; } = context;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitList(this);
}

/// <summary>A set display <c>{a, *b}</c> (never empty: <c>{}</c> is a dict).</summary>
public sealed class SetExpr(ImmutableArray<Expr> elements, SourceSpan span) : Expr(span)
{
    /// <summary>The elements; may be <see cref="StarredExpr"/>.</summary>
    public ImmutableArray<Expr> Elements { get; } = elements;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitSet(this);
}

/// <summary>A dict display <c>{k: v, **d}</c>.</summary>
public sealed class DictExpr(ImmutableArray<DictItem> items, SourceSpan span) : Expr(span)
{
    /// <summary>The entries in source order.</summary>
    public ImmutableArray<DictItem> Items { get; } = items;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitDict(this);
}

/// <summary>One entry of a dict display: <c>Key: Value</c>, or <c>**Value</c> when <see cref="Key"/> is null.</summary>
public readonly record struct DictItem(Expr? Key, Expr Value);
