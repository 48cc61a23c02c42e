using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary><c>if test: body else: orElse</c>; an <c>elif</c> is a nested <see cref="IfStmt"/> alone in <see cref="OrElse"/>.</summary>
public sealed class IfStmt(Expr test, ImmutableArray<Stmt> body, ImmutableArray<Stmt> orElse, SourceSpan span) : Stmt(span)
{
    /// <summary>The condition.</summary>
    public Expr Test { get; } = test;

    /// <summary>Statements run when the condition is true.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <summary>The <c>elif</c>/<c>else</c> part; empty when absent.</summary>
    public ImmutableArray<Stmt> OrElse { get; } = orElse;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitIf(this);
}

/// <summary><c>while test: body else: orElse</c>; the else part runs when the loop ends without <c>break</c>.</summary>
public sealed class WhileStmt(Expr test, ImmutableArray<Stmt> body, ImmutableArray<Stmt> orElse, SourceSpan span) : Stmt(span)
{
    /// <summary>The condition.</summary>
    public Expr Test { get; } = test;

    /// <summary>The loop body.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <summary>The <c>else</c> part; empty when absent.</summary>
    public ImmutableArray<Stmt> OrElse { get; } = orElse;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitWhile(this);
}

/// <summary><c>for target in iter: body else: orElse</c>.</summary>
public sealed class ForStmt(Expr target, Expr iter, ImmutableArray<Stmt> body, ImmutableArray<Stmt> orElse, SourceSpan span) : Stmt(span)
{
    /// <summary>The loop target, in store context (a name, attribute, subscript, or tuple/list of targets).</summary>
    public Expr Target { get; } = target;

    /// <summary>The iterable.</summary>
    public Expr Iter { get; } = iter;

    /// <summary>The loop body.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <summary>The <c>else</c> part; empty when absent.</summary>
    public ImmutableArray<Stmt> OrElse { get; } = orElse;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitFor(this);
}

/// <summary><c>with a as b, c: body</c>.</summary>
public sealed class WithStmt(ImmutableArray<WithItem> items, ImmutableArray<Stmt> body, SourceSpan span) : Stmt(span)
{
    /// <summary>The context managers, entered left to right.</summary>
    public ImmutableArray<WithItem> Items { get; } = items;

    /// <summary>The body.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitWith(this);
}

/// <summary>One <c>expr as target</c> of a <c>with</c> statement.</summary>
public sealed class WithItem(Expr contextExpr, Expr? optionalVars)
{
    /// <summary>The context manager expression.</summary>
    public Expr ContextExpr { get; } = contextExpr;

    /// <summary>The <c>as</c> target in store context, or null.</summary>
    public Expr? OptionalVars { get; } = optionalVars;
}

/// <summary><c>try: body except ...: ... else: orElse finally: finalBody</c>.</summary>
public sealed class TryStmt(
    ImmutableArray<Stmt> body,
    ImmutableArray<ExceptHandler> handlers,
    ImmutableArray<Stmt> orElse,
    ImmutableArray<Stmt> finalBody,
    SourceSpan span) : Stmt(span)
{
    /// <summary>The guarded statements.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <summary>The <c>except</c> clauses in order; empty for <c>try/finally</c>.</summary>
    public ImmutableArray<ExceptHandler> Handlers { get; } = handlers;

    /// <summary>Runs when the body raised nothing; empty when absent.</summary>
    public ImmutableArray<Stmt> OrElse { get; } = orElse;

    /// <summary>Always runs last; empty when absent.</summary>
    public ImmutableArray<Stmt> FinalBody { get; } = finalBody;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitTry(this);
}

/// <summary><c>except</c>, <c>except E</c>, <c>except (E1, E2) as name</c>.</summary>
public sealed class ExceptHandler(Expr? type, string? name, ImmutableArray<Stmt> body, SourceSpan span) : Node(span)
{
    /// <summary>The exception class or tuple of classes, or null for a bare <c>except</c>.</summary>
    public Expr? Type { get; } = type;

    /// <summary>The <c>as</c> name, or null. CPython deletes it when the handler ends.</summary>
    public string? Name { get; } = name;

    /// <summary>The handler body.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <summary><c>except*</c> (PEP 654): the handler takes the matching part of an exception group.</summary>
    public bool IsStar { get; init; }
}
