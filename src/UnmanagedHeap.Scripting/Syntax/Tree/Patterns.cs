using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary><c>match subject: case ...</c> (PEP 634).</summary>
public sealed class MatchStmt(Expr subject, ImmutableArray<MatchCase> cases, SourceSpan span) : Stmt(span)
{
    /// <summary>The value matched against each case in turn.</summary>
    public Expr Subject { get; } = subject;

    /// <summary>The case blocks in source order.</summary>
    public ImmutableArray<MatchCase> Cases { get; } = cases;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitMatch(this);
}

/// <summary><c>case pattern if guard: body</c>.</summary>
public sealed class MatchCase(Pattern pattern, Expr? guard, ImmutableArray<Stmt> body, SourceSpan span) : Node(span)
{
    /// <summary>The pattern.</summary>
    public Pattern Pattern { get; } = pattern;

    /// <summary>The <c>if</c> condition, checked after the pattern has matched and bound its names; or null.</summary>
    public Expr? Guard { get; } = guard;

    /// <summary>The statements run when the case matches.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;
}

/// <summary>
/// A pattern. Names a pattern binds are <see cref="NameExpr"/>s in store context (where
/// CPython's <c>ast</c> has bare strings), so scope analysis sees them as assignments.
/// </summary>
public abstract class Pattern(SourceSpan span) : Node(span);

/// <summary>A literal or dotted-name pattern, compared with <c>==</c>.</summary>
public sealed class MatchValuePattern(Expr value, SourceSpan span) : Pattern(span)
{
    /// <summary>A number, string, signed or complex literal, or an attribute chain.</summary>
    public Expr Value { get; } = value;
}

/// <summary><c>None</c>, <c>True</c> or <c>False</c>, compared with <c>is</c>.</summary>
public sealed class MatchSingletonPattern(Expr value, SourceSpan span) : Pattern(span)
{
    /// <summary>A <see cref="NoneLiteral"/> or <see cref="BoolLiteral"/>.</summary>
    public Expr Value { get; } = value;
}

/// <summary><c>[p, *rest, q]</c> or <c>(p, q)</c> or <c>p, q</c>.</summary>
public sealed class MatchSequencePattern(ImmutableArray<Pattern> patterns, SourceSpan span) : Pattern(span)
{
    /// <summary>The sub-patterns; at most one is a <see cref="MatchStarPattern"/>.</summary>
    public ImmutableArray<Pattern> Patterns { get; } = patterns;
}

/// <summary><c>*name</c> or <c>*_</c> inside a sequence pattern.</summary>
public sealed class MatchStarPattern(NameExpr? target, SourceSpan span) : Pattern(span)
{
    /// <summary>Bound to a list of the items the star takes; null for <c>*_</c>.</summary>
    public NameExpr? Target { get; } = target;
}

/// <summary><c>{key: p, **rest}</c>.</summary>
public sealed class MatchMappingPattern(ImmutableArray<Expr> keys, ImmutableArray<Pattern> patterns, NameExpr? rest, SourceSpan span) : Pattern(span)
{
    /// <summary>Literal or attribute keys.</summary>
    public ImmutableArray<Expr> Keys { get; } = keys;

    /// <summary>The pattern for each key's value.</summary>
    public ImmutableArray<Pattern> Patterns { get; } = patterns;

    /// <summary>Bound to a dict of the remaining items, or null.</summary>
    public NameExpr? Rest { get; } = rest;
}

/// <summary><c>Cls(p, q, attr=r)</c>.</summary>
public sealed class MatchClassPattern(
    Expr cls,
    ImmutableArray<Pattern> patterns,
    ImmutableArray<string> keywordAttributes,
    ImmutableArray<Pattern> keywordPatterns,
    SourceSpan span) : Pattern(span)
{
    /// <summary>A name or attribute chain naming the class.</summary>
    public Expr Class { get; } = cls;

    /// <summary>Positional sub-patterns, matched through <c>__match_args__</c>.</summary>
    public ImmutableArray<Pattern> Patterns { get; } = patterns;

    /// <summary>Attribute names of the keyword sub-patterns.</summary>
    public ImmutableArray<string> KeywordAttributes { get; } = keywordAttributes;

    /// <summary>The keyword sub-patterns.</summary>
    public ImmutableArray<Pattern> KeywordPatterns { get; } = keywordPatterns;
}

/// <summary><c>p as name</c>, a capture <c>name</c> (no pattern) or the wildcard <c>_</c> (neither).</summary>
public sealed class MatchAsPattern(Pattern? pattern, NameExpr? target, SourceSpan span) : Pattern(span)
{
    /// <summary>The pattern that must match first, or null for a bare capture or wildcard.</summary>
    public Pattern? Pattern { get; } = pattern;

    /// <summary>The name bound to the subject, or null for the wildcard.</summary>
    public NameExpr? Target { get; } = target;
}

/// <summary><c>p | q | r</c>: the first alternative that matches.</summary>
public sealed class MatchOrPattern(ImmutableArray<Pattern> patterns, SourceSpan span) : Pattern(span)
{
    /// <summary>The alternatives, at least two.</summary>
    public ImmutableArray<Pattern> Patterns { get; } = patterns;
}
