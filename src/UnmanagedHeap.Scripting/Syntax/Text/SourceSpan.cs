namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// A range of source text. Lines are 1-based. Columns are 1-based character (code point)
/// positions, the convention of CPython's <c>SyntaxError.offset</c> and of the caret
/// in a traceback: the first character of a line is column 1.
/// <see cref="EndColumn"/> is exclusive (one past the last character), so a one-character
/// token at the start of a line has <c>Column == 1</c> and <c>EndColumn == 2</c>.
/// CPython's <c>ast</c> module reports the same range as
/// <c>col_offset = Column - 1</c> and <c>end_col_offset = EndColumn - 1</c>
/// (for ASCII lines; CPython counts UTF-8 bytes there, this front end counts characters).
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static SourceSpan Between(SourceSpan first, SourceSpan last) =>
        new(first.Line, first.Column, last.EndLine, last.EndColumn);

    /// <summary>An empty span at the start of this one.</summary>
    public SourceSpan StartPoint => new(Line, Column, Line, Column);

    /// <inheritdoc/>
    public override string ToString() => $"{Line}:{Column}-{EndLine}:{EndColumn}";
}
