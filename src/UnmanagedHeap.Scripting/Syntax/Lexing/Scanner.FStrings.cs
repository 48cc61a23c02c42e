namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// F-strings as CPython 3.12 tokenizes them (PEP 701): a stack of f-string frames, each
/// either scanning literal text or handing over to regular mode inside a replacement field.
/// Quotes may be reused inside fields, fields nest up to three deep, and a ':' at a field's
/// own level switches to the format spec, which is literal text that may hold nested fields.
/// </summary>
public sealed partial class Scanner
{
    private const int MaxFieldNesting = 3;
    private const int MaxFStringNesting = 150;

    private void ScanFStringStart(int start, bool raw)
    {
        if (_fstrings.Count + 1 >= MaxFStringNesting)
        {
            throw ErrorAtCursor("too many nested f-strings");
        }

        char quote = _text[_pos];
        int quoteSize = PeekAt(1) == quote && PeekAt(2) == quote ? 3 : 1;
        _pos += quoteSize;
        _fstrings.Add(new FStringFrame(quote, quoteSize, raw, _line, ColumnOf(start)));
        AddToken(TokenKind.FStringStart, start);
    }

    /// <summary>
    /// Scans literal text of the innermost f-string up to a replacement field, the end of a
    /// format spec, or the closing quote, emitting a <see cref="TokenKind.FStringMiddle"/>
    /// for any text found. Doubled braces stay in the middle's text (the parser undoubles them).
    /// </summary>
    private void ScanFStringLiteral(FStringFrame frame)
    {
        int start = _pos;
        int startLine = _line;
        int startColumn = ColumnOf(start);
        bool unicodeEscape = false;
        while (true)
        {
            bool inFormatSpec = frame.InFormatSpec && frame.ExprStartDepth >= 0;
            if (IsAtQuotes(frame))
            {
                AddMiddle(start, startLine, startColumn);
                int endStart = _pos;
                _pos += frame.QuoteSize;
                AddToken(TokenKind.FStringEnd, endStart);
                _fstrings.RemoveAt(_fstrings.Count - 1);
                return;
            }

            int c = Current;
            if (c == EndOfInput || (frame.QuoteSize == 1 && c == '\n'))
            {
                if (inFormatSpec && c == '\n')
                {
                    // A newline ends a single-quoted format spec; regular mode takes over.
                    AddMiddle(start, startLine, startColumn);
                    frame.InLiteral = false;
                    frame.InFormatSpec = false;
                    return;
                }

                int detectedAt = c == EndOfInput ? _line - 1 : _line;
                string message = frame.QuoteSize == 3
                    ? $"unterminated triple-quoted f-string literal (detected at line {detectedAt})"
                    : $"unterminated f-string literal (detected at line {detectedAt})";
                throw Error(SyntaxErrorKind.SyntaxError, message, frame.Line, frame.Column, frame.Line, frame.Column);
            }

            if (c == '{')
            {
                if (PeekAt(1) == '{' && !inFormatSpec)
                {
                    _pos += 2;
                    continue;
                }

                AddMiddle(start, startLine, startColumn);
                frame.ExprStartDepth++;
                if (frame.ExprStartDepth >= MaxFieldNesting)
                {
                    throw ErrorAtCursor("f-string: expressions nested too deeply");
                }

                frame.InLiteral = false;
                frame.InFormatSpec = false;
                return;
            }

            if (c == '}')
            {
                if (unicodeEscape)
                {
                    unicodeEscape = false;
                    _pos++;
                    continue;
                }

                if (PeekAt(1) == '}' && !inFormatSpec && frame.CurlyDepth == 0)
                {
                    _pos += 2;
                    continue;
                }

                AddMiddle(start, startLine, startColumn);
                frame.InLiteral = false;
                return;
            }

            Advance();
            if (c == '\\')
            {
                int escaped = Current;
                if (escaped is '{' or '}')
                {
                    if (!frame.Raw)
                    {
                        Warn($"invalid escape sequence '\\{(char)escaped}'", _line);
                    }

                    continue;
                }

                if (!frame.Raw && escaped == 'N' && PeekAt(1) == '{')
                {
                    unicodeEscape = true;
                    _pos += 2;
                    continue;
                }

                if (escaped != EndOfInput)
                {
                    Advance();
                }
            }
        }
    }

    private bool IsAtQuotes(FStringFrame frame)
    {
        for (int i = 0; i < frame.QuoteSize; i++)
        {
            if (PeekAt(i) != frame.Quote)
            {
                return false;
            }
        }

        return true;
    }

    private void AddMiddle(int start, int startLine, int startColumn)
    {
        if (_pos > start)
        {
            AddToken(TokenKind.FStringMiddle, start, startLine, startColumn);
        }
    }

    /// <summary>The tokenizer state of one f-string being scanned (CPython's <c>tokenizer_mode</c>).</summary>
    private sealed class FStringFrame(char quote, int quoteSize, bool raw, int line, int column)
    {
        public char Quote { get; } = quote;

        public int QuoteSize { get; } = quoteSize;

        public bool Raw { get; } = raw;

        /// <summary>Position of the f-string's prefix, where unterminated-literal errors point.</summary>
        public int Line { get; } = line;

        public int Column { get; } = column;

        /// <summary>Brackets opened inside this f-string and not yet closed, field braces included.</summary>
        public int CurlyDepth { get; set; }

        /// <summary>Bracket level at which the innermost open replacement field started; -1 outside fields.</summary>
        public int ExprStartDepth { get; set; } = -1;

        /// <summary>True while scanning literal text (the string body or a format spec).</summary>
        public bool InLiteral { get; set; } = true;

        public bool InFormatSpec { get; set; }
    }
}
