namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Line structure: indentation, blank lines, comments, NEWLINE, backslash continuation.</summary>
public sealed partial class Scanner
{
    /// <summary>Scans one token (or a run of INDENT/DEDENT tokens) in regular mode.</summary>
    private void ScanRegular()
    {
        bool blankLine = false;
        if (_atLineStart)
        {
            _atLineStart = false;
            blankLine = ScanIndentation();
        }

        while (true)
        {
            while (Current is ' ' or '\t' or '\f')
            {
                _pos++;
            }

            // Like CPython, a NEWLINE after a comment starts where the comment does.
            int tokenStart = _pos;
            if (Current == '#')
            {
                while (Current != '\n' && Current != EndOfInput)
                {
                    _pos++;
                }
            }

            int c = Current;
            if (c == EndOfInput)
            {
                AddEndOfFile();
                return;
            }

            if (c == '\n')
            {
                int newline = _pos;
                int line = _line;
                var span = new SourceSpan(line, ColumnOf(tokenStart), line, ColumnOf(newline) + 1);
                Advance();
                _atLineStart = true;
                if (blankLine || _brackets.Count > 0)
                {
                    return;
                }

                string text = _source.Text[tokenStart..Math.Min(newline + 1, _source.Text.Length)];
                _tokens.Add(new Token(TokenKind.Newline, text, span, tokenStart, newline + 1));
                return;
            }

            if (c == '\\')
            {
                ScanContinuation();
                continue;
            }

            ScanToken(c);
            return;
        }
    }

    private void AddEndOfFile()
    {
        int column = ColumnOf(_pos);
        _tokens.Add(new Token(TokenKind.EndOfFile, string.Empty, new SourceSpan(_line, column, _line, column), _pos, _pos));
        _done = true;
    }

    /// <summary>
    /// Measures the indentation of a new line and emits INDENT/DEDENT tokens (CPython's
    /// <c>atbol</c> handling). Returns true for a blank or comment-only line, which
    /// changes nothing and produces no NEWLINE.
    /// </summary>
    private bool ScanIndentation()
    {
        int column = 0;
        int altColumn = 0;
        int continuationColumn = 0;
        while (true)
        {
            int c = Current;
            if (c == ' ')
            {
                column++;
                altColumn++;
            }
            else if (c == '\t')
            {
                column = ((column / TabSize) + 1) * TabSize;
                altColumn++;
            }
            else if (c == '\f')
            {
                column = altColumn = 0;
            }
            else if (c == '\\')
            {
                // Indentation cannot be split over lines: the first backslash fixes it.
                continuationColumn = continuationColumn != 0 ? continuationColumn : column;
                ScanContinuation();
                continue;
            }
            else
            {
                break;
            }

            _pos++;
        }

        if (Current is '#' or '\n')
        {
            return true;
        }

        if (_brackets.Count > 0)
        {
            return false;
        }

        if (continuationColumn != 0)
        {
            column = altColumn = continuationColumn;
        }

        int firstColumn = ColumnOf(_pos);
        if (column == _indents[^1])
        {
            if (altColumn != _altIndents[^1])
            {
                throw TabError();
            }
        }
        else if (column > _indents[^1])
        {
            if (_indents.Count >= MaxIndent)
            {
                _errorWhenParserAsks = true;
                throw Error(SyntaxErrorKind.IndentationError, "too many levels of indentation", _line, firstColumn, _line, -1);
            }

            if (altColumn <= _altIndents[^1])
            {
                throw TabError();
            }

            _indents.Add(column);
            _altIndents.Add(altColumn);
            var span = new SourceSpan(_line, 1, _line, firstColumn);
            _tokens.Add(new Token(TokenKind.Indent, _text[_lineStart.._pos], span, _lineStart, _pos));
        }
        else
        {
            int dedents = 0;
            while (_indents.Count > 1 && column < _indents[^1])
            {
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
                dedents++;
            }

            if (column != _indents[^1])
            {
                _errorWhenParserAsks = true;
                int lineLength = _source.GetLine(_line).Length;
                throw Error(
                    SyntaxErrorKind.IndentationError,
                    "unindent does not match any outer indentation level",
                    _line,
                    lineLength + 1,
                    _line,
                    -1);
            }

            if (altColumn != _altIndents[^1])
            {
                throw TabError();
            }

            var span = new SourceSpan(_line, firstColumn, _line, firstColumn);
            for (int i = 0; i < dedents; i++)
            {
                _tokens.Add(new Token(TokenKind.Dedent, string.Empty, span, _pos, _pos));
            }
        }

        return false;
    }

    private PythonSyntaxError TabError()
    {
        _errorWhenParserAsks = true;
        return Error(SyntaxErrorKind.TabError, "inconsistent use of tabs and spaces in indentation", _line, 1, _line, 0);
    }

    /// <summary>A backslash must end its line; the next line continues the logical line.</summary>
    private void ScanContinuation()
    {
        int backslashLine = _line;
        _errorWhenParserAsks = true;
        _pos++;
        if (Current != '\n')
        {
            _pos++;
            int offset = CharactersBefore(_pos);
            throw Error(SyntaxErrorKind.SyntaxError, "unexpected character after line continuation character", _line, offset, _line, 0);
        }

        Advance();
        if (Current == EndOfInput && _brackets.Count > 0)
        {
            // CPython reports the bracket when the parser meets the end of input inside it.
            var open = _brackets[^1];
            throw Error(SyntaxErrorKind.SyntaxError, $"'{open.Char}' was never closed", open.Line, open.Column, open.Line, 0);
        }

        if (Current == EndOfInput)
        {
            int offset = _source.GetLine(backslashLine).Length + 1;
            throw Error(SyntaxErrorKind.SyntaxError, "unexpected EOF while parsing", backslashLine, offset, backslashLine, -1);
        }

        _errorWhenParserAsks = false;
    }
}
