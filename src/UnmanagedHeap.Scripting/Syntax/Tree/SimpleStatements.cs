using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>An expression evaluated for its effect (CPython's <c>Expr</c> statement).</summary>
public sealed class ExprStmt(Expr value, SourceSpan span) : Stmt(span)
{
    /// <summary>The expression.</summary>
    public Expr Value { get; } = value;

    /// <summary>
    /// Interactive input: the value is shown (repr, unless None) and kept in <c>builtins._</c>,
    /// as CPython compiles expression statements of the prompt's top-level code ('single' mode).
    /// </summary>
    public bool Echo { get; internal set; }

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitExpr(this);
}

/// <summary>
/// <c>t1 = t2 = value</c>: the value is evaluated once, then assigned to each target left to right.
/// Targets are names, attributes, subscripts, or tuples/lists of targets (one element may be starred).
/// </summary>
public sealed class AssignStmt(ImmutableArray<Expr> targets, Expr value, SourceSpan span) : Stmt(span)
{
    /// <summary>The targets in source order, all in store context.</summary>
    public ImmutableArray<Expr> Targets { get; } = targets;

    /// <summary>The value.</summary>
    public Expr Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitAssign(this);
}

/// <summary><c>target op= value</c>; the target is a name, attribute or subscript.</summary>
public sealed class AugAssignStmt(Expr target, BinaryOperator op, Expr value, SourceSpan span) : Stmt(span)
{
    /// <summary>The target, in store context.</summary>
    public Expr Target { get; } = target;

    /// <summary>The operator (<c>+=</c> is <see cref="BinaryOperator.Add"/>).</summary>
    public BinaryOperator Op { get; } = op;

    /// <summary>The right-hand side.</summary>
    public Expr Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitAugAssign(this);
}

/// <summary><c>target: annotation = value</c>.</summary>
public sealed class AnnAssignStmt(Expr target, Expr annotation, Expr? value, bool isSimple, SourceSpan span) : Stmt(span)
{
    /// <summary>The target, in store context.</summary>
    public Expr Target { get; } = target;

    /// <summary>The annotation expression.</summary>
    public Expr Annotation { get; } = annotation;

    /// <summary>The value, or null for a bare annotation.</summary>
    public Expr? Value { get; } = value;

    /// <summary>True when the target is a plain name not in parentheses (CPython's <c>simple</c>).</summary>
    public bool IsSimple { get; } = isSimple;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitAnnAssign(this);
}

/// <summary><c>del a, b.c, d[e]</c>.</summary>
public sealed class DeleteStmt(ImmutableArray<Expr> targets, SourceSpan span) : Stmt(span)
{
    /// <summary>The targets, in delete context, deleted left to right.</summary>
    public ImmutableArray<Expr> Targets { get; } = targets;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitDelete(this);
}

/// <summary><c>pass</c>.</summary>
public sealed class PassStmt(SourceSpan span) : Stmt(span)
{
    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitPass(this);
}

/// <summary><c>break</c>.</summary>
public sealed class BreakStmt(SourceSpan span) : Stmt(span)
{
    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitBreak(this);
}

/// <summary><c>continue</c>.</summary>
public sealed class ContinueStmt(SourceSpan span) : Stmt(span)
{
    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitContinue(this);
}

/// <summary><c>return</c> or <c>return value</c>.</summary>
public sealed class ReturnStmt(Expr? value, SourceSpan span) : Stmt(span)
{
    /// <summary>The value, or null (returns <c>None</c>).</summary>
    public Expr? Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitReturn(this);
}

/// <summary><c>raise</c>, <c>raise exc</c> or <c>raise exc from cause</c>.</summary>
public sealed class RaiseStmt(Expr? exception, Expr? cause, SourceSpan span) : Stmt(span)
{
    /// <summary>The exception (class or instance), or null to re-raise the one being handled.</summary>
    public Expr? Exception { get; } = exception;

    /// <summary>The <c>from</c> cause, or null.</summary>
    public Expr? Cause { get; } = cause;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitRaise(this);
}

/// <summary><c>assert test, message</c>.</summary>
public sealed class AssertStmt(Expr test, Expr? message, SourceSpan span) : Stmt(span)
{
    /// <summary>The condition.</summary>
    public Expr Test { get; } = test;

    /// <summary>The message, evaluated only when the assertion fails; or null.</summary>
    public Expr? Message { get; } = message;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitAssert(this);
}

/// <summary><c>global a, b</c>.</summary>
public sealed class GlobalStmt(ImmutableArray<string> names, SourceSpan span) : Stmt(span)
{
    /// <summary>The names declared global.</summary>
    public ImmutableArray<string> Names { get; } = names;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitGlobal(this);
}

/// <summary><c>nonlocal a, b</c>.</summary>
public sealed class NonlocalStmt(ImmutableArray<string> names, SourceSpan span) : Stmt(span)
{
    /// <summary>The names declared nonlocal.</summary>
    public ImmutableArray<string> Names { get; } = names;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitNonlocal(this);
}
