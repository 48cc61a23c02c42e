namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// One token: its kind, its source text, its position, and its character offsets
/// into <see cref="SourceText.Text"/> (<see cref="Start"/> inclusive, <see cref="End"/> exclusive).
/// Synthetic tokens (<see cref="TokenKind.Indent"/>, <see cref="TokenKind.Dedent"/>,
/// <see cref="TokenKind.EndOfFile"/>, an implicit final <see cref="TokenKind.Newline"/>)
/// have empty or whitespace text. <see cref="Level"/> is the number of brackets open after
/// the token (CPython's <c>token-&gt;level</c>), counting f-string replacement-field braces.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, int Start, int End, int Level = 0)
{
    /// <summary>1-based line of the first character.</summary>
    public int Line => Span.Line;

    /// <summary>1-based column of the first character.</summary>
    public int Column => Span.Column;

    /// <summary>True for the hard keywords (<c>if</c>, <c>None</c>, ...).</summary>
    public bool IsKeyword => Kind >= TokenKind.False;

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
