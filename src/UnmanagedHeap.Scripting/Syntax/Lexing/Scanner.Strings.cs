namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>String and bytes literals: only their extent is found here; the parser decodes them.</summary>
public sealed partial class Scanner
{
    /// <summary>Scans a string whose prefix starts at <paramref name="start"/> and whose opening quote is at <paramref name="quoteAt"/>.</summary>
    private void ScanString(int start, int quoteAt)
    {
        int startLine = _line;
        int startColumn = ColumnOf(start);
        _pos = quoteAt;
        char quote = _text[_pos];
        int quoteSize = 1;
        int endQuoteSize = 0;
        _pos++;
        if (Current == quote)
        {
            if (PeekAt(1) == quote)
            {
                quoteSize = 3;
                _pos += 2;
            }
            else
            {
                _pos++;
                endQuoteSize = 1;
            }
        }

        while (endQuoteSize != quoteSize)
        {
            int lineBefore = _line;
            int c = Advance();
            if (c == EndOfInput || (quoteSize == 1 && c == '\n'))
            {
                int detectedAt = c == EndOfInput ? _line - 1 : lineBefore;
                throw UnterminatedString(quote, quoteSize, startLine, startColumn, detectedAt);
            }

            if (c == quote)
            {
                endQuoteSize++;
            }
            else
            {
                endQuoteSize = 0;
                if (c == '\\')
                {
                    Advance();
                }
            }
        }

        AddToken(TokenKind.String, start, startLine, startColumn);
    }

    private PythonSyntaxError UnterminatedString(char quote, int quoteSize, int line, int column, int detectedAt)
    {
        if (_fstrings.Count > 0 && _fstrings[^1].Quote == quote && _fstrings[^1].QuoteSize == quoteSize)
        {
            return Error(SyntaxErrorKind.SyntaxError, "f-string: expecting '}'", line, column, line, column);
        }

        string message = quoteSize == 3
            ? $"unterminated triple-quoted string literal (detected at line {detectedAt})"
            : $"unterminated string literal (detected at line {detectedAt})";
        return Error(SyntaxErrorKind.SyntaxError, message, line, column, line, column);
    }
}
