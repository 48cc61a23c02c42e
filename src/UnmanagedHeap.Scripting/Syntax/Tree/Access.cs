namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>A variable reference.</summary>
public sealed class NameExpr(string id, ExprContext context, SourceSpan span) : Expr(span)
{
    /// <summary>The identifier (NFKC-normalized, as CPython stores it).</summary>
    public string Id { get; } = id;

    /// <summary>Load, store or delete.</summary>
    public ExprContext Context { get; } = context;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitName(this);
}

/// <summary><c>value.attr</c>.</summary>
public sealed class AttributeExpr(Expr value, string attr, ExprContext context, SourceSpan span) : Expr(span)
{
    /// <summary>The object.</summary>
    public Expr Value { get; } = value;

    /// <summary>The attribute name.</summary>
    public string Attr { get; } = attr;

    /// <summary>Load, store or delete.</summary>
    public ExprContext Context { get; } = context;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitAttribute(this);
}

/// <summary>
/// <c>value[slice]</c>. The slice is any expression, a <see cref="SliceExpr"/> for
/// <c>a[i:j:k]</c>, or a <see cref="TupleExpr"/> for <c>a[i, j:k]</c>.
/// </summary>
public sealed class SubscriptExpr(Expr value, Expr slice, ExprContext context, SourceSpan span) : Expr(span)
{
    /// <summary>The object subscripted.</summary>
    public Expr Value { get; } = value;

    /// <summary>The index, slice or tuple of them.</summary>
    public Expr Slice { get; } = slice;

    /// <summary>Load, store or delete.</summary>
    public ExprContext Context { get; } = context;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitSubscript(this);
}

/// <summary><c>lower:upper:step</c> inside a subscript; absent parts are null.</summary>
public sealed class SliceExpr(Expr? lower, Expr? upper, Expr? step, SourceSpan span) : Expr(span)
{
    /// <summary>Start, or null.</summary>
    public Expr? Lower { get; } = lower;

    /// <summary>Stop, or null.</summary>
    public Expr? Upper { get; } = upper;

    /// <summary>Step, or null.</summary>
    public Expr? Step { get; } = step;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitSlice(this);
}

/// <summary><c>*value</c>: unpacking in a display or call, or the starred target of <c>a, *b = ...</c>.</summary>
public sealed class StarredExpr(Expr value, ExprContext context, SourceSpan span) : Expr(span)
{
    /// <summary>The starred expression.</summary>
    public Expr Value { get; } = value;

    /// <summary>Load or store.</summary>
    public ExprContext Context { get; } = context;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitStarred(this);
}
