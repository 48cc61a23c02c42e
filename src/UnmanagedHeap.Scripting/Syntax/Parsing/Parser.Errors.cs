using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Building syntax errors, and choosing between a parse error and a tokenizer error as CPython does.</summary>
public sealed partial class Parser
{
    // Set when the error is CPython's "unexpected indent": tokenizer errors later in the file do not replace it.
    private bool _errorIsFinal;

    /// <summary>
    /// Runs a parse and applies CPython's priorities: a tokenizer error later in the file
    /// replaces a parse error (CPython tokenizes the rest of the file after a parse error; see
    /// <see cref="ScanResult.ErrorReplacesParseErrors"/>), except "unexpected indent"; an unclosed
    /// bracket replaces a parse error found on a later line than the bracket.
    /// </summary>
    private T Run<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ScannerErrorReached reached)
        {
            throw reached.Error;
        }
        catch (Exception e) when (e is TooDeeplyNested or InsufficientExecutionStackException)
        {
            // CPython raises MemoryError with this text; the nesting is bounded by the stack here.
            throw ErrorAtToken("Parser stack overflowed - Python source too complex to parse", _tokens[_index]);
        }
        catch (PythonSyntaxError)
        {
            if (_errorIsFinal)
            {
                throw;
            }

            if (_scan.Error is { } tokenizerError && _scan.ErrorReplacesParseErrors)
            {
                throw tokenizerError;
            }

            if (_scan.UnclosedBracket is { } unclosed && !_scan.EndedInFString && _scan.UnclosedBracketLine < _tokens[_furthest].Line)
            {
                throw unclosed;
            }

            throw;
        }
    }

    private PythonSyntaxError MakeError(SyntaxErrorKind kind, string message, int line, int column, int endLine, int endColumn)
    {
        string text = _source.GetLine(line);
        if (endLine > line && endColumn > text.Length + 1)
        {
            // CPython converts the end column using the first line's text (newline included), which clamps it.
            endColumn = text.Length + 1;
        }

        return new PythonSyntaxError(kind, message, _source.FileName, line, column, endLine, endColumn, text);
    }

    /// <summary>
    /// CPython's generic "invalid syntax", at the furthest token the parser looked at (outside
    /// error rules): usually the token it could not use, sometimes the one after it.
    /// </summary>
    private PythonSyntaxError InvalidSyntax() => InvalidSyntaxAt(_tokens[Math.Max(_index, _firstPassFurthest)]);

    private PythonSyntaxError InvalidSyntaxAt(Token token)
    {
        if (token.Kind is TokenKind.Indent or TokenKind.Dedent)
        {
            _errorIsFinal = true;
            string message = token.Kind == TokenKind.Indent ? "unexpected indent" : "unexpected unindent";
            return ErrorAtToken(SyntaxErrorKind.IndentationError, message, token);
        }

        return ErrorAtToken(SyntaxErrorKind.SyntaxError, "invalid syntax", token);
    }

    /// <summary>
    /// An error located at a token. Tokens without text get CPython's positions: INDENT and
    /// DEDENT point at the end of the indentation, the end of input after the last line.
    /// </summary>
    private PythonSyntaxError ErrorAtToken(SyntaxErrorKind kind, string message, Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.EndOfFile:
            case TokenKind.Dedent when token.Start >= _source.Text.Length:
                int lastLine = LastLine();
                int length = _source.GetLine(lastLine).Length;
                return new PythonSyntaxError(kind, message, _source.FileName, lastLine, length + 1, lastLine, -1, _source.GetLine(lastLine))
                {
                    CaretHidden = true,
                };
            case TokenKind.Indent or TokenKind.Dedent:
                int indent = IndentWidth(token.Line);
                return MakeError(kind, message, token.Line, indent, token.Line, -1);
            default:
                return MakeError(kind, message, token.Span.Line, token.Span.Column, token.Span.EndLine, token.Span.EndColumn);
        }
    }

    private PythonSyntaxError ErrorAtToken(string message, Token token) => ErrorAtToken(SyntaxErrorKind.SyntaxError, message, token);

    /// <summary>CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION: the span of one node.</summary>
    private PythonSyntaxError ErrorAtNode(string message, Node node) =>
        MakeError(SyntaxErrorKind.SyntaxError, message, node.Line, node.Column, node.EndLine, node.EndColumn);

    /// <summary>CPython's RAISE_SYNTAX_ERROR_KNOWN_RANGE: from the start of one span to the end of another.</summary>
    private PythonSyntaxError ErrorRange(string message, SourceSpan from, SourceSpan to) =>
        MakeError(SyntaxErrorKind.SyntaxError, message, from.Line, from.Column, to.EndLine, to.EndColumn);

    private PythonSyntaxError Unsupported(Token at, string what) =>
        ErrorAtToken($"{what} not supported by this interpreter", at);

    private int LastLine()
    {
        int lines = _source.Text.EndsWith('\n') ? _source.LineCount - 1 : _source.LineCount;
        return Math.Max(lines, 1);
    }

    private int IndentWidth(int line)
    {
        string text = _source.GetLine(line);
        int width = 0;
        while (width < text.Length && text[width] is ' ' or '\t' or '\f')
        {
            width++;
        }

        return width;
    }

    /// <summary>CPython's <c>_PyPegen_get_expr_name</c>: how error messages name an expression.</summary>
    private static string ExprName(Expr expr) => expr switch
    {
        AttributeExpr => "attribute",
        SubscriptExpr => "subscript",
        StarredExpr => "starred",
        NameExpr => "name",
        ListExpr => "list",
        TupleExpr => "tuple",
        LambdaExpr => "lambda",
        CallExpr => "function call",
        BoolOpExpr or BinaryExpr or UnaryExpr => "expression",
        GeneratorExpr => "generator expression",
        YieldExpr or YieldFromExpr => "yield expression",
        ListCompExpr => "list comprehension",
        SetCompExpr => "set comprehension",
        DictCompExpr => "dict comprehension",
        DictExpr => "dict literal",
        SetExpr => "set display",
        FStringExpr or FormattedValue => "f-string expression",
        NoneLiteral => "None",
        BoolLiteral { Value: true } => "True",
        BoolLiteral => "False",
        EllipsisLiteral => "ellipsis",
        CompareExpr => "comparison",
        ConditionalExpr => "conditional expression",
        NamedExpr => "named expression",
        _ => "literal",
    };

    /// <summary>Stops a parse that nests too deeply for the stack (CPython has a fixed parser depth limit).</summary>
    private void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TooDeeplyNested();
        }
    }

    /// <summary>Thrown when nesting is too deep; not a <see cref="PythonSyntaxError"/>, so speculative parses do not swallow it.</summary>
    private sealed class TooDeeplyNested : Exception
    {
    }

    /// <summary>Thrown when the parser reaches the point where scanning stopped; carries the scanner's error.</summary>
    private sealed class ScannerErrorReached(PythonSyntaxError error) : Exception(error.Message)
    {
        public PythonSyntaxError Error { get; } = error;
    }
}
