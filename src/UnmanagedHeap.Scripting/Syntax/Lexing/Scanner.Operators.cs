namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Operators, delimiters and bracket matching, including the f-string replacement-field rules.</summary>
public sealed partial class Scanner
{
    private void ScanOperator(int c)
    {
        int start = _pos;
        int startColumn = ColumnOf(start);
        var fstring = _fstrings.Count > 0 ? _fstrings[^1] : null;

        // Inside a replacement field, a ':' at the field's own bracket level starts the format spec.
        if (c == ':' && fstring is { ExprStartDepth: >= 0 } && fstring.CurlyDepth - 1 == fstring.ExprStartDepth)
        {
            _pos++;
            AddToken(TokenKind.Colon, start);
            fstring.InLiteral = true;
            fstring.InFormatSpec = true;
            return;
        }

        if (c == '.' && PeekAt(1) == '.' && PeekAt(2) == '.')
        {
            _pos += 3;
            AddToken(TokenKind.Ellipsis, start);
            return;
        }

        var three = ThreeCharOperator(c, PeekAt(1), PeekAt(2));
        if (three is { } kind3)
        {
            _pos += 3;
            AddToken(kind3, start);
            return;
        }

        var two = TwoCharOperator(c, PeekAt(1));
        if (two is { } kind2)
        {
            _pos += 2;
            AddToken(kind2, start);
            return;
        }

        _pos++;
        switch (c)
        {
            case '(' or '[' or '{':
                OpenBracket((char)c, startColumn, fstring);
                break;
            case ')' or ']' or '}':
                CloseBracket((char)c, fstring);
                break;
        }

        var kind = OneCharOperator(c);
        if (kind is null)
        {
            if (!IsPrintable(new System.Text.Rune(c)))
            {
                throw ErrorAtCursor($"invalid non-printable character U+{c:X4}");
            }

            kind = TokenKind.ErrorToken;
        }

        AddToken(kind.Value, start);
    }

    private void OpenBracket(char c, int column, FStringFrame? fstring)
    {
        if (_brackets.Count >= MaxBracketLevel)
        {
            throw ErrorAtCursor("too many nested parentheses");
        }

        _brackets.Add(new Bracket(c, _line, column));
        if (fstring is not null)
        {
            fstring.CurlyDepth++;
        }
    }

    private void CloseBracket(char c, FStringFrame? fstring)
    {
        if (fstring is not null && fstring.CurlyDepth == 0 && c == '}')
        {
            throw ErrorAtCursor("f-string: single '}' is not allowed");
        }

        if (_brackets.Count == 0)
        {
            throw ErrorAtCursor($"unmatched '{c}'");
        }

        var open = _brackets[^1];
        _brackets.RemoveAt(_brackets.Count - 1);
        bool matches = (open.Char, c) is ('(', ')') or ('[', ']') or ('{', '}');
        if (!matches)
        {
            if (fstring is not null && open.Char == '{' && fstring.CurlyDepth - 1 == fstring.ExprStartDepth)
            {
                throw ErrorAtCursor($"f-string: unmatched '{c}'");
            }

            string where = open.Line != _line ? $" on line {open.Line}" : string.Empty;
            throw ErrorAtCursor($"closing parenthesis '{c}' does not match opening parenthesis '{open.Char}'{where}");
        }

        if (fstring is not null)
        {
            fstring.CurlyDepth--;
            if (fstring.CurlyDepth < 0)
            {
                throw ErrorAtCursor($"f-string: unmatched '{c}'");
            }

            if (c == '}' && fstring.CurlyDepth == fstring.ExprStartDepth)
            {
                fstring.ExprStartDepth--;
                fstring.InLiteral = true;
                fstring.InFormatSpec = false;
            }
        }
    }

    private static TokenKind? OneCharOperator(int c) => c switch
    {
        '(' => TokenKind.LeftParen,
        ')' => TokenKind.RightParen,
        '[' => TokenKind.LeftBracket,
        ']' => TokenKind.RightBracket,
        '{' => TokenKind.LeftBrace,
        '}' => TokenKind.RightBrace,
        ':' => TokenKind.Colon,
        ',' => TokenKind.Comma,
        ';' => TokenKind.Semicolon,
        '+' => TokenKind.Plus,
        '-' => TokenKind.Minus,
        '*' => TokenKind.Star,
        '/' => TokenKind.Slash,
        '|' => TokenKind.VerticalBar,
        '&' => TokenKind.Ampersand,
        '<' => TokenKind.Less,
        '>' => TokenKind.Greater,
        '=' => TokenKind.Equal,
        '.' => TokenKind.Dot,
        '%' => TokenKind.Percent,
        '~' => TokenKind.Tilde,
        '^' => TokenKind.Circumflex,
        '@' => TokenKind.At,
        '!' => TokenKind.Exclamation,
        _ => null,
    };

    private static TokenKind? TwoCharOperator(int c1, int c2) => (c1, c2) switch
    {
        ('!', '=') => TokenKind.NotEqual,
        ('%', '=') => TokenKind.PercentEqual,
        ('&', '=') => TokenKind.AmpersandEqual,
        ('*', '*') => TokenKind.DoubleStar,
        ('*', '=') => TokenKind.StarEqual,
        ('+', '=') => TokenKind.PlusEqual,
        ('-', '=') => TokenKind.MinusEqual,
        ('-', '>') => TokenKind.Arrow,
        ('/', '/') => TokenKind.DoubleSlash,
        ('/', '=') => TokenKind.SlashEqual,
        (':', '=') => TokenKind.ColonEqual,
        ('<', '<') => TokenKind.LeftShift,
        ('<', '=') => TokenKind.LessEqual,
        ('=', '=') => TokenKind.EqualEqual,
        ('>', '=') => TokenKind.GreaterEqual,
        ('>', '>') => TokenKind.RightShift,
        ('@', '=') => TokenKind.AtEqual,
        ('^', '=') => TokenKind.CircumflexEqual,
        ('|', '=') => TokenKind.VerticalBarEqual,
        _ => null,
    };

    private static TokenKind? ThreeCharOperator(int c1, int c2, int c3) => (c1, c2, c3) switch
    {
        ('*', '*', '=') => TokenKind.DoubleStarEqual,
        ('/', '/', '=') => TokenKind.DoubleSlashEqual,
        ('<', '<', '=') => TokenKind.LeftShiftEqual,
        ('>', '>', '=') => TokenKind.RightShiftEqual,
        _ => null,
    };
}
