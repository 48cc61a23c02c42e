namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>The CPython exception class a syntax error is reported as.</summary>
public enum SyntaxErrorKind
{
    /// <summary><c>SyntaxError</c>.</summary>
    SyntaxError,

    /// <summary><c>IndentationError</c> (a subclass of <c>SyntaxError</c>).</summary>
    IndentationError,

    /// <summary><c>TabError</c> (a subclass of <c>IndentationError</c>).</summary>
    TabError,
}
