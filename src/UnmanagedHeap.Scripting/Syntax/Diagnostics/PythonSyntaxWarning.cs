namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// A <c>SyntaxWarning</c> CPython 3.12 emits while compiling, such as
/// <c>invalid escape sequence '\d'</c>. The parser collects them instead of printing them.
/// </summary>
/// <param name="Message">The warning text.</param>
/// <param name="FileName">The file name given to the parser.</param>
/// <param name="Line">1-based line CPython attributes the warning to.</param>
public sealed record PythonSyntaxWarning(string Message, string FileName, int Line)
{
    /// <summary>The line CPython writes to stderr, e.g. <c>f.py:1: SyntaxWarning: invalid escape sequence '\d'</c>.</summary>
    public string ToCPythonString() => $"{FileName}:{Line}: SyntaxWarning: {Message}";
}
