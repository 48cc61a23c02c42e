namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Base of every syntax tree node. Nodes are immutable (but for an evaluator's
/// <see cref="Expr.EvaluatorCache"/>) and compared by reference; each
/// carries the <see cref="SourceSpan"/> CPython's <c>ast</c> module would give it
/// (1-based columns, see <see cref="SourceSpan"/>), for tracebacks and error carets.
/// </summary>
public abstract class Node(SourceSpan span)
{
    /// <summary>Where the node is in the source.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>1-based first line.</summary>
    public int Line => Span.Line;

    /// <summary>1-based first column.</summary>
    public int Column => Span.Column;

    /// <summary>1-based last line.</summary>
    public int EndLine => Span.EndLine;

    /// <summary>Exclusive 1-based end column on <see cref="EndLine"/>.</summary>
    public int EndColumn => Span.EndColumn;
}

/// <summary>
/// An expression. Dispatch either with <see cref="Accept{TResult}"/> and an
/// <see cref="IExprVisitor{TResult}"/>, or with a C# <c>switch</c> on the sealed node types.
/// </summary>
public abstract class Expr(SourceSpan span) : Node(span)
{
    /// <summary>
    /// Free for an evaluator to memoize what it derives from this node (the runtime keeps a
    /// name's resolved binding and interned key here, so a hot loop does no lookups by name).
    /// Not syntax: nothing in the front end reads or writes it, and the tree stays immutable
    /// as far as every other member is concerned.
    /// </summary>
    public object? EvaluatorCache { get; set; }

    /// <summary>Calls the visitor method for this node type.</summary>
    public abstract TResult Accept<TResult>(IExprVisitor<TResult> visitor);
}

/// <summary>
/// A statement. Dispatch either with <see cref="Accept{TResult}"/> and an
/// <see cref="IStmtVisitor{TResult}"/>, or with a C# <c>switch</c> on the sealed node types.
/// </summary>
public abstract class Stmt(SourceSpan span) : Node(span)
{
    /// <summary>Calls the visitor method for this node type.</summary>
    public abstract TResult Accept<TResult>(IStmtVisitor<TResult> visitor);
}

/// <summary>How a name, attribute, subscript, starred, tuple or list expression is used (CPython's <c>expr_context</c>).</summary>
public enum ExprContext
{
    /// <summary>Read.</summary>
    Load,

    /// <summary>Assigned to (assignment, <c>for</c> target, <c>with ... as</c>, ...).</summary>
    Store,

    /// <summary>Deleted by <c>del</c>.</summary>
    Del,
}
