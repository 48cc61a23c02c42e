using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>One <c>for target in iter if cond ...</c> clause of a comprehension (CPython's <c>comprehension</c>).</summary>
public sealed class Comprehension(Expr target, Expr iter, ImmutableArray<Expr> ifs)
{
    /// <summary>The loop target, in store context.</summary>
    public Expr Target { get; } = target;

    /// <summary>The iterable. The first clause's iterable is evaluated in the enclosing scope.</summary>
    public Expr Iter { get; } = iter;

    /// <summary>The filter conditions, all of which must be true.</summary>
    public ImmutableArray<Expr> Ifs { get; } = ifs;
}

/// <summary><c>[element for ...]</c>.</summary>
public sealed class ListCompExpr(Expr element, ImmutableArray<Comprehension> generators, SourceSpan span) : Expr(span)
{
    /// <summary>The element expression.</summary>
    public Expr Element { get; } = element;

    /// <summary>The clauses, outermost first.</summary>
    public ImmutableArray<Comprehension> Generators { get; } = generators;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitListComp(this);
}

/// <summary><c>{element for ...}</c>.</summary>
public sealed class SetCompExpr(Expr element, ImmutableArray<Comprehension> generators, SourceSpan span) : Expr(span)
{
    /// <summary>The element expression.</summary>
    public Expr Element { get; } = element;

    /// <summary>The clauses, outermost first.</summary>
    public ImmutableArray<Comprehension> Generators { get; } = generators;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitSetComp(this);
}

/// <summary><c>{key: value for ...}</c>.</summary>
public sealed class DictCompExpr(Expr key, Expr value, ImmutableArray<Comprehension> generators, SourceSpan span) : Expr(span)
{
    /// <summary>The key expression.</summary>
    public Expr Key { get; } = key;

    /// <summary>The value expression.</summary>
    public Expr Value { get; } = value;

    /// <summary>The clauses, outermost first.</summary>
    public ImmutableArray<Comprehension> Generators { get; } = generators;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitDictComp(this);
}

/// <summary><c>(element for ...)</c>, also the bare argument of <c>f(x for x in y)</c>.</summary>
public sealed class GeneratorExpr(Expr element, ImmutableArray<Comprehension> generators, SourceSpan span) : Expr(span)
{
    /// <summary>The element expression.</summary>
    public Expr Element { get; } = element;

    /// <summary>The clauses, outermost first.</summary>
    public ImmutableArray<Comprehension> Generators { get; } = generators;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitGenerator(this);
}
