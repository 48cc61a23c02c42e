using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>What kind of parameter a <see cref="Parameter"/> is (the same kinds as <c>inspect.Parameter</c>).</summary>
public enum ParameterKind
{
    /// <summary>Before a <c>/</c>.</summary>
    PositionalOnly,

    /// <summary>An ordinary parameter.</summary>
    PositionalOrKeyword,

    /// <summary><c>*args</c>.</summary>
    VarPositional,

    /// <summary>After <c>*</c> or <c>*args</c>.</summary>
    KeywordOnly,

    /// <summary><c>**kwargs</c>.</summary>
    VarKeyword,
}

/// <summary>One parameter of a <c>def</c> or <c>lambda</c> (CPython's <c>arg</c> plus its default).</summary>
public sealed class Parameter(string name, ParameterKind kind, Expr? annotation, Expr? defaultValue, SourceSpan span) : Node(span)
{
    /// <summary>The parameter name.</summary>
    public string Name { get; } = name;

    /// <summary>Its kind.</summary>
    public ParameterKind Kind { get; } = kind;

    /// <summary>The annotation after <c>:</c>, or null (lambdas never have one).</summary>
    public Expr? Annotation { get; } = annotation;

    /// <summary>The default value expression, or null. Defaults are evaluated once, when the <c>def</c> runs.</summary>
    public Expr? Default { get; } = defaultValue;
}

/// <summary>
/// The parameters of a function or lambda in source order (CPython's <c>arguments</c>),
/// with views by kind for argument binding.
/// </summary>
public sealed class ParameterList
{
    /// <summary>A list with no parameters.</summary>
    public static readonly ParameterList Empty = new(ImmutableArray<Parameter>.Empty);

    /// <summary>Groups <paramref name="all"/>, which must be in source order.</summary>
    public ParameterList(ImmutableArray<Parameter> all)
    {
        All = all;
        Positional = all.Where(p => p.Kind is ParameterKind.PositionalOnly or ParameterKind.PositionalOrKeyword).ToImmutableArray();
        PositionalOnlyCount = all.Count(p => p.Kind == ParameterKind.PositionalOnly);
        VarArgs = all.FirstOrDefault(p => p.Kind == ParameterKind.VarPositional);
        KeywordOnly = all.Where(p => p.Kind == ParameterKind.KeywordOnly).ToImmutableArray();
        KwArgs = all.FirstOrDefault(p => p.Kind == ParameterKind.VarKeyword);
    }

    /// <summary>Every parameter in source order (which is also the order defaults are evaluated in).</summary>
    public ImmutableArray<Parameter> All { get; }

    /// <summary>Positional-only then positional-or-keyword parameters.</summary>
    public ImmutableArray<Parameter> Positional { get; }

    /// <summary>How many of <see cref="Positional"/> are positional-only.</summary>
    public int PositionalOnlyCount { get; }

    /// <summary><c>*args</c>, or null.</summary>
    public Parameter? VarArgs { get; }

    /// <summary>Keyword-only parameters.</summary>
    public ImmutableArray<Parameter> KeywordOnly { get; }

    /// <summary><c>**kwargs</c>, or null.</summary>
    public Parameter? KwArgs { get; }
}

/// <summary><c>lambda params: body</c>.</summary>
public sealed class LambdaExpr(ParameterList parameters, Expr body, bool isGenerator, SourceSpan span) : Expr(span)
{
    /// <summary>The parameters.</summary>
    public ParameterList Parameters { get; } = parameters;

    /// <summary>The body expression, whose value is returned.</summary>
    public Expr Body { get; } = body;

    /// <summary>True when the body contains <c>yield</c> (<c>lambda: (yield)</c>).</summary>
    public bool IsGenerator { get; } = isGenerator;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitLambda(this);
}

/// <summary><c>yield</c> or <c>yield value</c>; its presence makes the enclosing function a generator.</summary>
public sealed class YieldExpr(Expr? value, SourceSpan span) : Expr(span)
{
    /// <summary>The value yielded, or null for a bare <c>yield</c> (which yields <c>None</c>).</summary>
    public Expr? Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitYield(this);
}

/// <summary><c>yield from value</c>.</summary>
public sealed class YieldFromExpr(Expr value, SourceSpan span, bool isAwait = false) : Expr(span)
{
    /// <summary>The iterable delegated to (for <c>await</c>, the awaitable).</summary>
    public Expr Value { get; } = value;

    /// <summary>
    /// True for <c>await value</c>: the same delegation as <c>yield from</c> (CPython compiles
    /// both to SEND loops), to a coroutine or to what <c>__await__</c> returns.
    /// </summary>
    public bool IsAwait { get; } = isAwait;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitYieldFrom(this);
}
