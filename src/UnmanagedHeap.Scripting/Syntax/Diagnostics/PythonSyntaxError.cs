using System.Text;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// A syntax error found while scanning, parsing or checking Python source, carrying what
/// CPython 3.12's <c>SyntaxError</c> carries: the message (<see cref="Exception.Message"/>,
/// CPython's <c>msg</c>), the file name, the 1-based line and column (CPython's
/// <c>lineno</c> and <c>offset</c>), the end position (<c>end_lineno</c>,
/// <c>end_offset</c>; CPython sometimes reports 0 or -1 there, and so does this class),
/// and the text of the offending line.
/// </summary>
public sealed class PythonSyntaxError : Exception
{
    /// <summary>Creates an error; <paramref name="sourceLine"/> is the line's text without its newline.</summary>
    public PythonSyntaxError(
        SyntaxErrorKind kind,
        string message,
        string fileName,
        int line,
        int column,
        int endLine,
        int endColumn,
        string? sourceLine)
        : base(message)
    {
        Kind = kind;
        FileName = fileName;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        SourceLine = sourceLine;
    }

    /// <summary>Which CPython exception class this is.</summary>
    public SyntaxErrorKind Kind { get; }

    /// <summary>The CPython class name: <c>SyntaxError</c>, <c>IndentationError</c> or <c>TabError</c>.</summary>
    public string TypeName => Kind.ToString();

    /// <summary>The file name given to the parser.</summary>
    public string FileName { get; }

    /// <summary>1-based line (CPython's <c>lineno</c>).</summary>
    public int Line { get; }

    /// <summary>1-based column of the caret (CPython's <c>offset</c>).</summary>
    public int Column { get; }

    /// <summary>CPython's <c>end_lineno</c>.</summary>
    public int EndLine { get; }

    /// <summary>CPython's <c>end_offset</c>: exclusive 1-based end column, or 0 / -1 when CPython reports none.</summary>
    public int EndColumn { get; }

    /// <summary>The offending line without its newline (CPython's <c>text</c>), when known.</summary>
    public string? SourceLine { get; }

    /// <summary>
    /// True for parse errors found at the end of the input: when CPython runs a file it shows
    /// no caret for those, although <c>compile()</c> reports the same column.
    /// </summary>
    internal bool CaretHidden { get; init; }

    /// <summary>The last line CPython prints for this error, e.g. <c>SyntaxError: expected ':'</c>.</summary>
    public string ToCPythonString() => $"{TypeName}: {Message}";

    /// <summary>What <c>str(e)</c> gives in CPython, e.g. <c>expected ':' (f.py, line 1)</c>.</summary>
    public string ToStrValue() => $"{Message} ({FileName}, line {Line})";

    /// <summary>
    /// The block CPython 3.12 writes to stderr when a script fails to compile:
    /// the <c>File</c> line, the source line with leading whitespace removed, the carets,
    /// and the <see cref="ToCPythonString"/> line, each ending in a newline.
    /// </summary>
    public string FormatForDisplay()
    {
        var sb = new StringBuilder();
        sb.Append("  File \"").Append(FileName).Append("\", line ").Append(Line).Append('\n');
        if (SourceLine is not null)
        {
            AppendSourceAndCarets(sb);
        }

        sb.Append(ToCPythonString()).Append('\n');
        return sb.ToString();
    }

    private void AppendSourceAndCarets(StringBuilder sb)
    {
        // Mirrors print_exception / print_error_text in CPython's Python/pythonrun.c.
        string text = SourceLine! + "\n";
        int lineSize = text.Length;
        int offset = Column;
        int endOffset = EndColumn;
        if (EndLine > Line)
        {
            endOffset = lineSize;
        }

        if (endOffset > lineSize + 1)
        {
            endOffset = lineSize + 1;
        }

        // A script's IndentationError and TabError show a single caret.
        int carets = Kind == SyntaxErrorKind.SyntaxError && endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
        offset--;
        int start = 0;
        while (start < text.Length && (text[start] == ' ' || text[start] == '\t' || text[start] == '\f'))
        {
            start++;
            offset--;
        }

        string stripped = text[start..];
        int len = stripped.Length - 1;
        if (offset > len)
        {
            offset = len;
        }

        sb.Append("    ").Append(stripped);
        if (offset < 0 || CaretHidden)
        {
            return;
        }

        sb.Append("    ").Append(' ', offset).Append('^', carets).Append('\n');
    }
}
