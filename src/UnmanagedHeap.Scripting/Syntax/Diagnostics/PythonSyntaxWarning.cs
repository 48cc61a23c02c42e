namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// A warning CPython 3.12 prints while compiling a script, such as
/// <c>invalid escape sequence '\d'</c> or <c>'int' object is not callable; perhaps you missed a comma?</c>.
/// The parser collects them, in CPython's order, instead of printing them.
/// </summary>
/// <param name="Message">The warning text.</param>
/// <param name="FileName">The file name given to the parser.</param>
/// <param name="Line">1-based line CPython attributes the warning to.</param>
/// <param name="Category">The warning class name.</param>
public sealed record PythonSyntaxWarning(string Message, string FileName, int Line, string Category = "SyntaxWarning")
{
    /// <summary>The line CPython writes to stderr, e.g. <c>f.py:1: SyntaxWarning: invalid escape sequence '\d'</c>.</summary>
    public string ToCPythonString() => $"{FileName}:{Line}: {Category}: {Message}";
}
