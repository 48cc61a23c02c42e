using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Identifiers, keywords, string prefixes and characters that start no token.</summary>
public sealed partial class Scanner
{
    private static bool IsPotentialIdentifierStart(int c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or >= 128;

    private static bool IsPotentialIdentifierChar(int c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or >= 128;

    /// <summary>Dispatches on the first character of a token in regular mode.</summary>
    private void ScanToken(int c)
    {
        if (IsPotentialIdentifierStart(c))
        {
            ScanNameOrPrefixedString();
        }
        else if (c is >= '0' and <= '9' || (c == '.' && PeekAt(1) is >= '0' and <= '9'))
        {
            ScanNumber();
        }
        else if (c is '\'' or '"')
        {
            ScanString(_pos, _pos);
        }
        else
        {
            ScanOperator(c);
        }
    }

    private void ScanNameOrPrefixedString()
    {
        int start = _pos;
        bool sawB = false, sawR = false, sawU = false, sawF = false;
        while (true)
        {
            int c = Current;
            if (!(sawB || sawU || sawF) && c is 'b' or 'B')
            {
                sawB = true;
            }
            else if (!(sawB || sawU || sawR || sawF) && c is 'u' or 'U')
            {
                sawU = true;
            }
            else if (!(sawR || sawU) && c is 'r' or 'R')
            {
                sawR = true;
            }
            else if (!(sawF || sawB || sawU) && c is 'f' or 'F')
            {
                sawF = true;
            }
            else
            {
                break;
            }

            _pos++;
            if (Current is '\'' or '"')
            {
                if (sawF)
                {
                    ScanFStringStart(start, raw: sawR);
                }
                else
                {
                    ScanString(start, _pos);
                }

                return;
            }
        }

        bool nonAscii = false;
        while (IsPotentialIdentifierChar(Current))
        {
            nonAscii |= Current >= 128;
            _pos++;
        }

        if (nonAscii)
        {
            VerifyIdentifier(start);
        }

        int end = _pos;
        string text = _text[start..end];
        var kind = Keywords.Classify(text);
        var span = new SourceSpan(_line, ColumnOf(start), _line, ColumnOf(end));
        _tokens.Add(new Token(kind, text, span, start, end, _brackets.Count));
    }

    /// <summary>PEP 3131: every character must be XID_Start / XID_Continue, else CPython's "invalid character".</summary>
    private void VerifyIdentifier(int start)
    {
        int index = start;
        bool first = true;
        while (index < _pos)
        {
            Rune.DecodeFromUtf16(_text.AsSpan(index, _pos - index), out var rune, out int length);
            bool valid = first ? IsXidStart(rune) : IsXidContinue(rune);
            if (!valid)
            {
                _pos = index + length;
                throw InvalidCharacter(rune);
            }

            first = false;
            index += length;
        }
    }

    private PythonSyntaxError InvalidCharacter(Rune rune)
    {
        string message = IsPrintable(rune)
            ? $"invalid character '{rune}' (U+{rune.Value:X4})"
            : $"invalid non-printable character U+{rune.Value:X4}";
        int offset = CharactersBefore(_pos);
        return Error(SyntaxErrorKind.SyntaxError, message, _line, offset, _line, offset);
    }

    private static bool IsXidStart(Rune rune) =>
        rune.Value == '_' || Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsXidContinue(Rune rune) =>
        IsXidStart(rune) || Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    /// <summary>CPython's <c>str.isprintable</c> for one character.</summary>
    internal static bool IsPrintable(Rune rune) =>
        rune.Value == ' ' || Rune.GetUnicodeCategory(rune) is not (
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator);
}
