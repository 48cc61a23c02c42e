namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Numeric literals, validated with CPython's messages and positions; conversion is the parser's job.</summary>
public sealed partial class Scanner
{
    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(int c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    // The scanning below follows CPython's tok_get number branch: it consumes a character,
    // looks at it, and steps back, so error columns come out where CPython puts them.
    // Numbers never span lines, so the line bookkeeping of Advance is not needed here.
    private int Next()
    {
        int c = Current;
        _pos++;
        return c;
    }

    private void Back() => _pos--;

    private void ScanNumber()
    {
        int start = _pos;
        int c = Next();
        if (c == '.')
        {
            c = Next();
            c = ScanFraction(c);
            FinishDecimal(c, start);
            return;
        }

        if (c == '0')
        {
            c = Next();
            if (c is 'x' or 'X')
            {
                c = Next();
                do
                {
                    if (c == '_')
                    {
                        c = Next();
                    }

                    if (!IsHexDigit(c))
                    {
                        Back();
                        throw ErrorAtCursor("invalid hexadecimal literal");
                    }

                    do
                    {
                        c = Next();
                    }
                    while (IsHexDigit(c));
                }
                while (c == '_');
                VerifyEndOfNumber(c, "hexadecimal");
            }
            else if (c is 'o' or 'O')
            {
                c = Next();
                do
                {
                    if (c == '_')
                    {
                        c = Next();
                    }

                    if (c is < '0' or >= '8')
                    {
                        if (IsDigit(c))
                        {
                            throw ErrorAtCursor($"invalid digit '{(char)c}' in octal literal");
                        }

                        Back();
                        throw ErrorAtCursor("invalid octal literal");
                    }

                    do
                    {
                        c = Next();
                    }
                    while (c is >= '0' and < '8');
                }
                while (c == '_');
                if (IsDigit(c))
                {
                    throw ErrorAtCursor($"invalid digit '{(char)c}' in octal literal");
                }

                VerifyEndOfNumber(c, "octal");
            }
            else if (c is 'b' or 'B')
            {
                c = Next();
                do
                {
                    if (c == '_')
                    {
                        c = Next();
                    }

                    if (c is not ('0' or '1'))
                    {
                        if (IsDigit(c))
                        {
                            throw ErrorAtCursor($"invalid digit '{(char)c}' in binary literal");
                        }

                        Back();
                        throw ErrorAtCursor("invalid binary literal");
                    }

                    do
                    {
                        c = Next();
                    }
                    while (c is '0' or '1');
                }
                while (c == '_');
                if (IsDigit(c))
                {
                    throw ErrorAtCursor($"invalid digit '{(char)c}' in binary literal");
                }

                VerifyEndOfNumber(c, "binary");
            }
            else
            {
                bool nonZero = false;
                while (true)
                {
                    if (c == '_')
                    {
                        c = Next();
                        if (!IsDigit(c))
                        {
                            Back();
                            throw ErrorAtCursor("invalid decimal literal");
                        }
                    }

                    if (c != '0')
                    {
                        break;
                    }

                    c = Next();
                }

                int zerosEnd = _pos;
                if (IsDigit(c))
                {
                    nonZero = true;
                    c = DecimalTail();
                }

                if (c == '.')
                {
                    c = ScanFraction(Next());
                    FinishDecimal(c, start);
                    return;
                }

                if (c is 'e' or 'E' or 'j' or 'J')
                {
                    FinishDecimal(c, start);
                    return;
                }

                if (nonZero)
                {
                    Back();
                    throw Error(
                        SyntaxErrorKind.SyntaxError,
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        _line,
                        CharactersBefore(start) + 1,
                        _line,
                        CharactersBefore(zerosEnd));
                }

                VerifyEndOfNumber(c, "decimal");
            }

            Back();
            AddToken(TokenKind.Number, start);
            return;
        }

        c = DecimalTail();
        if (c == '.')
        {
            c = ScanFraction(Next());
        }

        FinishDecimal(c, start);
    }

    /// <summary>Digits after the decimal point, if any; returns the first character after them.</summary>
    private int ScanFraction(int c) => IsDigit(c) ? DecimalTail() : c;

    /// <summary>Exponent and imaginary suffix of a decimal or float literal, then the token.</summary>
    private void FinishDecimal(int c, int start)
    {
        if (c is 'e' or 'E')
        {
            int e = c;
            c = Next();
            if (c is '+' or '-')
            {
                c = Next();
                if (!IsDigit(c))
                {
                    Back();
                    throw ErrorAtCursor("invalid decimal literal");
                }
            }
            else if (!IsDigit(c))
            {
                Back();
                VerifyEndOfNumber(e, "decimal");
                Back();
                AddToken(TokenKind.Number, start);
                return;
            }

            c = DecimalTail();
        }

        if (c is 'j' or 'J')
        {
            c = Next();
            VerifyEndOfNumber(c, "imaginary");
        }
        else
        {
            VerifyEndOfNumber(c, "decimal");
        }

        Back();
        AddToken(TokenKind.Number, start);
    }

    /// <summary>CPython's <c>tok_decimal_tail</c>: digits with single underscores between them.</summary>
    private int DecimalTail()
    {
        while (true)
        {
            int c;
            do
            {
                c = Next();
            }
            while (IsDigit(c));
            if (c != '_')
            {
                return c;
            }

            c = Next();
            if (!IsDigit(c))
            {
                Back();
                throw ErrorAtCursor("invalid decimal literal");
            }
        }
    }

    /// <summary>
    /// CPython's <c>verify_end_of_number</c>: a literal directly followed by a keyword that
    /// can follow a number in valid code (<c>1if x else y</c>) only warns; any other
    /// identifier character is an error. Leaves the cursor after <paramref name="c"/>.
    /// </summary>
    private void VerifyEndOfNumber(int c, string kind)
    {
        bool keyword = c switch
        {
            'a' => LooksAt("nd"),
            'e' => LooksAt("lse"),
            'f' => LooksAt("or"),
            'i' => PeekAt(0) is 'f' or 'n' or 's',
            'o' => LooksAt("r"),
            'n' => LooksAt("ot"),
            _ => false,
        };
        if (keyword)
        {
            Warn($"invalid {kind} literal", _line);
            return;
        }

        if (IsPotentialIdentifierChar(c))
        {
            Back();
            throw ErrorAtCursor($"invalid {kind} literal");
        }
    }

    /// <summary>CPython's <c>lookahead</c>: the rest of a keyword, not followed by an identifier character.</summary>
    private bool LooksAt(string rest) =>
        string.CompareOrdinal(_text, _pos, rest, 0, rest.Length) == 0 && !IsPotentialIdentifierChar(PeekAt(rest.Length));
}
