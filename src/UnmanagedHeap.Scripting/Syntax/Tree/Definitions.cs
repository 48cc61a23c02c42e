using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// <c>def name(parameters) -&gt; returns: body</c>, with its decorators. The span starts at
/// <c>def</c> (not at the first decorator) and ends with the body, as in CPython.
/// </summary>
public sealed class FunctionDefStmt(
    string name,
    ParameterList parameters,
    ImmutableArray<Stmt> body,
    ImmutableArray<Expr> decorators,
    Expr? returns,
    bool isGenerator,
    SourceSpan span,
    bool isAsync = false) : Stmt(span)
{
    /// <summary>The function name.</summary>
    public string Name { get; } = name;

    /// <summary>The parameters.</summary>
    public ParameterList Parameters { get; } = parameters;

    /// <summary>The body.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <summary>Decorator expressions, outermost (first written) first; applied last to first.</summary>
    public ImmutableArray<Expr> Decorators { get; } = decorators;

    /// <summary>The return annotation, or null.</summary>
    public Expr? Returns { get; } = returns;

    /// <summary>True when the body (not counting nested functions, lambdas and classes) contains <c>yield</c>.</summary>
    public bool IsGenerator { get; } = isGenerator;

    /// <summary>True for <c>async def</c>: calling it makes a coroutine (its awaits are its suspension points).</summary>
    public bool IsAsync { get; } = isAsync;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitFunctionDef(this);
}

/// <summary><c>class Name(bases, keywords): body</c>, with its decorators.</summary>
public sealed class ClassDefStmt(
    string name,
    ImmutableArray<Expr> bases,
    ImmutableArray<Keyword> keywords,
    ImmutableArray<Stmt> body,
    ImmutableArray<Expr> decorators,
    SourceSpan span) : Stmt(span)
{
    /// <summary>The class name.</summary>
    public string Name { get; } = name;

    /// <summary>Base class expressions (may be <see cref="StarredExpr"/>).</summary>
    public ImmutableArray<Expr> Bases { get; } = bases;

    /// <summary>Keywords such as <c>metaclass=M</c>, and <c>**kw</c> unpackings.</summary>
    public ImmutableArray<Keyword> Keywords { get; } = keywords;

    /// <summary>The class body.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <summary>Decorator expressions, first written first.</summary>
    public ImmutableArray<Expr> Decorators { get; } = decorators;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitClassDef(this);
}
