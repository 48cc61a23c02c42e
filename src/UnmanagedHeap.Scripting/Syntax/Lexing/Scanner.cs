using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Turns Python source into tokens the way CPython 3.12's tokenizer does: INDENT, DEDENT
/// and NEWLINE from the layout of lines, no NEWLINE inside brackets (implicit line
/// joining) or after a backslash (explicit line joining), comments and blank lines
/// skipped, and f-strings split into <see cref="TokenKind.FStringStart"/>,
/// <see cref="TokenKind.FStringMiddle"/>, regular tokens for the replacement fields, and
/// <see cref="TokenKind.FStringEnd"/>. Errors carry CPython's wording and position.
/// </summary>
/// <remarks>
/// The scanner is split by job: this file holds the state and the main loop;
/// <c>Scanner.Lines.cs</c> indentation, newlines and continuations;
/// <c>Scanner.Names.cs</c> identifiers and string prefixes; <c>Scanner.Numbers.cs</c>,
/// <c>Scanner.Strings.cs</c>, <c>Scanner.FStrings.cs</c> and <c>Scanner.Operators.cs</c> the rest.
/// </remarks>
public sealed partial class Scanner
{
    private const int EndOfInput = -1;
    private const int TabSize = 8;
    private const int MaxIndent = 100;
    private const int MaxBracketLevel = 200;

    private readonly SourceText _source;

    // The normalized text with a final '\n' added when missing, as CPython's tokenizer does.
    private readonly string _text;
    private readonly bool _hasSurrogates;
    private readonly List<Token> _tokens = new();
    private readonly List<PythonSyntaxWarning> _warnings = new();
    private readonly List<int> _indents = new() { 0 };
    private readonly List<int> _altIndents = new() { 0 };
    private readonly List<Bracket> _brackets = new();
    private readonly List<FStringFrame> _fstrings = new();
    private int _pos;

    // Set for the errors CPython's tokenizer only signals through its state (E_DEDENT, E_TABSPACE,
    // E_LINECONT, E_EOF, E_TOODEEP), which the parser raises when it asks for the token.
    private bool _errorWhenParserAsks;
    private int _line = 1;
    private int _lineStart;
    private bool _atLineStart = true;
    private bool _done;

    /// <summary>Prepares to scan <paramref name="source"/>.</summary>
    public Scanner(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _text = source.Text.EndsWith('\n') ? source.Text : source.Text + "\n";
        _hasSurrogates = _text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
    }

    /// <summary>Scans <paramref name="source"/> and throws the first tokenizer error, if any.</summary>
    public static ImmutableArray<Token> Tokenize(string source, string fileName = "<string>")
    {
        var result = new Scanner(new SourceText(source, fileName)).Scan();
        if (result.ErrorAtEnd is { } error)
        {
            throw error;
        }

        return result.Tokens;
    }

    /// <summary>Scans the whole input, stopping at the first tokenizer error.</summary>
    public ScanResult Scan()
    {
        PythonSyntaxError? error = null;
        bool replacesParseErrors = false;
        try
        {
            while (!_done)
            {
                if (_fstrings.Count > 0 && _fstrings[^1].InLiteral)
                {
                    ScanFStringLiteral(_fstrings[^1]);
                }
                else
                {
                    ScanRegular();
                }
            }
        }
        catch (PythonSyntaxError e)
        {
            error = e;
            replacesParseErrors = !_errorWhenParserAsks && _fstrings.Count == 0;
            int offset = Math.Min(_pos, _text.Length);
            var (line, column) = _source.GetPosition(Math.Min(offset, _source.Text.Length));
            _tokens.Add(new Token(TokenKind.EndOfFile, string.Empty, new SourceSpan(line, column, line, column), offset, offset));
        }

        PythonSyntaxError? unclosed = null;
        int unclosedLine = 0;
        if (error is null && _brackets.Count > 0)
        {
            var open = _brackets[^1];
            unclosedLine = open.Line;
            unclosed = new PythonSyntaxError(
                SyntaxErrorKind.SyntaxError,
                $"'{open.Char}' was never closed",
                _source.FileName,
                open.Line,
                open.Column,
                open.Line,
                0,
                _source.GetLine(open.Line));
        }

        return new ScanResult(
            _tokens.ToImmutableArray(), _warnings.ToImmutableArray(), error, replacesParseErrors, unclosed, unclosedLine, _fstrings.Count > 0);
    }

    private int Current => _pos < _text.Length ? _text[_pos] : EndOfInput;

    private int PeekAt(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : EndOfInput;

    /// <summary>Consumes one character, keeping the line bookkeeping right across newlines.</summary>
    private int Advance()
    {
        if (_pos >= _text.Length)
        {
            return EndOfInput;
        }

        char c = _text[_pos++];
        if (c == '\n')
        {
            _line++;
            _lineStart = _pos;
        }

        return c;
    }

    /// <summary>1-based column of a character offset on the current line.</summary>
    private int ColumnOf(int offset) => CharactersBefore(offset) + 1;

    /// <summary>Characters from the start of the current line to <paramref name="offset"/> (a surrogate pair counts once).</summary>
    private int CharactersBefore(int offset) =>
        _hasSurrogates ? SourceText.CodePoints(_text, _lineStart, offset) : offset - _lineStart;

    private void AddToken(TokenKind kind, int start, int startLine, int startColumn)
    {
        int end = _pos;
        var span = new SourceSpan(startLine, startColumn, _line, ColumnOf(end));
        _tokens.Add(new Token(kind, _text[start..end], span, start, end, _brackets.Count));
    }

    private void AddToken(TokenKind kind, int start) => AddToken(kind, start, _line, ColumnOf(start));

    private void Warn(string message, int line) => _warnings.Add(new PythonSyntaxWarning(message, _source.FileName, line));

    private PythonSyntaxError Error(SyntaxErrorKind kind, string message, int line, int column, int endLine, int endColumn) =>
        new(kind, message, _source.FileName, line, column, endLine, endColumn, _source.GetLine(line));

    /// <summary>CPython's <c>syntaxerror(tok, ...)</c>: the caret sits on the last consumed character.</summary>
    private PythonSyntaxError ErrorAtCursor(string message)
    {
        int offset = CharactersBefore(_pos);
        return Error(SyntaxErrorKind.SyntaxError, message, _line, offset, _line, offset);
    }

    private readonly record struct Bracket(char Char, int Line, int Column);
}
