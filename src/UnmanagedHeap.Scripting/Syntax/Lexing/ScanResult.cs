using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// What the <see cref="Scanner"/> produced. Scanning stops at the first tokenizer error;
/// the parser decides, as CPython does, whether that error or an earlier parse error is reported.
/// </summary>
public sealed class ScanResult
{
    internal ScanResult(
        ImmutableArray<Token> tokens,
        ImmutableArray<PythonSyntaxWarning> warnings,
        PythonSyntaxError? error,
        bool errorReplacesParseErrors,
        PythonSyntaxError? unclosedBracket,
        int unclosedBracketLine,
        bool endedInFString)
    {
        EndedInFString = endedInFString;
        Tokens = tokens;
        Warnings = warnings;
        Error = error;
        ErrorReplacesParseErrors = errorReplacesParseErrors;
        UnclosedBracket = unclosedBracket;
        UnclosedBracketLine = unclosedBracketLine;
    }

    /// <summary>The tokens, always ending with an <see cref="TokenKind.EndOfFile"/> token
    /// (placed where scanning stopped when <see cref="Error"/> is set).</summary>
    public ImmutableArray<Token> Tokens { get; }

    /// <summary>Warnings CPython's tokenizer would emit (invalid escapes before braces, <c>1if</c>).</summary>
    public ImmutableArray<PythonSyntaxWarning> Warnings { get; }

    /// <summary>The tokenizer error that stopped scanning, or null when the whole input was scanned.</summary>
    public PythonSyntaxError? Error { get; }

    /// <summary>
    /// True when <see cref="Error"/> is reported even if the parser fails earlier in the file.
    /// CPython tokenizes the rest of the file after a parse error and lets an error raised by
    /// the tokenizer itself win, but not one found inside an f-string, and not the errors it only
    /// raises when the parser asks for the token (bad indentation, a misplaced backslash).
    /// </summary>
    public bool ErrorReplacesParseErrors { get; }

    /// <summary>
    /// <c>'(' was never closed</c> when the input ended inside brackets: CPython raises it
    /// when the parser reaches the end of input.
    /// </summary>
    public PythonSyntaxError? UnclosedBracket { get; }

    /// <summary>
    /// True when the input ended inside an f-string: CPython then keeps a parse error rather than
    /// replacing it with <see cref="UnclosedBracket"/>.
    /// </summary>
    public bool EndedInFString { get; }

    /// <summary>Line of the unclosed bracket, 0 when there is none.</summary>
    public int UnclosedBracketLine { get; }

    /// <summary>The error the parser raises when it reaches the final token, if any.</summary>
    public PythonSyntaxError? ErrorAtEnd => Error ?? UnclosedBracket;
}
