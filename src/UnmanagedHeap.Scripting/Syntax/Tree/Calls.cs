using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// <c>func(args, keywords)</c>. Positional arguments keep source order and may be
/// <see cref="StarredExpr"/> (<c>*xs</c>); keyword arguments keep source order and include
/// <c>**kwargs</c> as a <see cref="Keyword"/> with a null name. CPython evaluates all
/// positional arguments, then all keyword arguments.
/// </summary>
public sealed class CallExpr(Expr func, ImmutableArray<Expr> args, ImmutableArray<Keyword> keywords, SourceSpan span) : Expr(span)
{
    /// <summary>The callee.</summary>
    public Expr Func { get; } = func;

    /// <summary>Positional arguments, <see cref="StarredExpr"/> for <c>*xs</c>.</summary>
    public ImmutableArray<Expr> Args { get; } = args;

    /// <summary>Keyword arguments and <c>**</c> unpackings.</summary>
    public ImmutableArray<Keyword> Keywords { get; } = keywords;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitCall(this);
}

/// <summary><c>name=value</c> in a call or class header, or <c>**value</c> when <see cref="Name"/> is null.</summary>
public sealed class Keyword(string? name, Expr value, SourceSpan span) : Node(span)
{
    /// <summary>The parameter name, or null for <c>**value</c>.</summary>
    public string? Name { get; } = name;

    /// <summary>The argument.</summary>
    public Expr Value { get; } = value;
}
