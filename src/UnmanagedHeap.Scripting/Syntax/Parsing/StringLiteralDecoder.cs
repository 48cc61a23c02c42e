using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Decodes the body of a string, bytes or f-string literal: backslash escapes (unless raw),
/// line continuations, and doubled braces in f-string text. Errors and warnings use
/// CPython 3.12's wording; <c>\N{name}</c> is refused because the Unicode name table is not available.
/// </summary>
internal static class StringLiteralDecoder
{
    /// <summary>The prefix letters and quotes of a <see cref="TokenKind.String"/> token.</summary>
    public readonly record struct Parts(bool IsBytes, bool IsRaw, string Body);

    /// <summary>Splits a string token into prefix flags and body.</summary>
    public static Parts Split(string tokenText)
    {
        int prefixLength = 0;
        bool isBytes = false, isRaw = false;
        while (tokenText[prefixLength] is not ('\'' or '"'))
        {
            char c = char.ToLowerInvariant(tokenText[prefixLength++]);
            isBytes |= c == 'b';
            isRaw |= c == 'r';
        }

        char quote = tokenText[prefixLength];
        int quoteSize = tokenText.Length - prefixLength >= 6
            && tokenText[prefixLength + 1] == quote && tokenText[prefixLength + 2] == quote ? 3 : 1;
        string body = tokenText.Substring(prefixLength + quoteSize, tokenText.Length - prefixLength - (2 * quoteSize));
        return new Parts(isBytes, isRaw, body);
    }

    /// <summary>Decodes a str body; <paramref name="fstring"/> also undoubles <c>{{</c> and <c>}}</c>.</summary>
    /// <exception cref="FormatException">A malformed escape; the message is CPython's.</exception>
    public static string DecodeText(string body, bool raw, bool fstring, out string? warning)
    {
        warning = null;
        var output = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (fstring && c is '{' or '}' && i + 1 < body.Length && body[i + 1] == c)
            {
                output.Append(c);
                i++;
                continue;
            }

            if (c != '\\' || raw)
            {
                output.Append(c);
                continue;
            }

            if (i + 1 >= body.Length || (fstring && body[i + 1] is '{' or '}'))
            {
                // A backslash before a replacement field; the scanner already warned.
                output.Append('\\');
                continue;
            }

            i = DecodeEscape(body, i, output, isBytes: false, ref warning);
        }

        return output.ToString();
    }

    /// <summary>Decodes a bytes body, which must be ASCII.</summary>
    /// <exception cref="FormatException">A non-ASCII character or a malformed escape.</exception>
    public static byte[] DecodeBytes(string body, bool raw, out string? warning)
    {
        warning = null;
        foreach (char c in body)
        {
            if (c >= 128)
            {
                throw new FormatException("bytes can only contain ASCII literal characters");
            }
        }

        if (raw)
        {
            return Encoding.ASCII.GetBytes(body);
        }

        var output = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 >= body.Length)
            {
                output.Append(body[i]);
                continue;
            }

            i = DecodeEscape(body, i, output, isBytes: true, ref warning);
        }

        var bytes = new byte[output.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)output[i];
        }

        return bytes;
    }

    /// <summary>Decodes the escape whose backslash is at <paramref name="at"/>; returns the index of its last character.</summary>
    private static int DecodeEscape(string body, int at, StringBuilder output, bool isBytes, ref string? warning)
    {
        int i = at + 1;
        char e = body[i];
        switch (e)
        {
            case '\n':
                return i;
            case '\\' or '\'' or '"':
                output.Append(e);
                return i;
            case 'a':
                output.Append('\a');
                return i;
            case 'b':
                output.Append('\b');
                return i;
            case 'f':
                output.Append('\f');
                return i;
            case 'n':
                output.Append('\n');
                return i;
            case 'r':
                output.Append('\r');
                return i;
            case 't':
                output.Append('\t');
                return i;
            case 'v':
                output.Append('\v');
                return i;
            case >= '0' and <= '7':
                int value = e - '0';
                int end = i + 1;
                while (end < body.Length && end < i + 3 && body[end] is >= '0' and <= '7')
                {
                    value = (value * 8) + (body[end++] - '0');
                }

                if (value > 0xFF)
                {
                    warning ??= $"invalid octal escape sequence '\\{body[i..end]}'";
                }

                output.Append(isBytes ? (char)(value & 0xFF) : (char)value);
                return end - 1;
            case 'x':
                return AppendHex(body, at, 2, output, isBytes, "truncated \\xXX escape");
            case 'u' when !isBytes:
                return AppendHex(body, at, 4, output, isBytes, "truncated \\uXXXX escape");
            case 'U' when !isBytes:
                return AppendHex(body, at, 8, output, isBytes, "truncated \\UXXXXXXXX escape");
            case 'N' when !isBytes:
                throw new FormatException("\\N{...} escapes are not supported by this interpreter");
            default:
                warning ??= $"invalid escape sequence '\\{e}'";
                output.Append('\\').Append(e);
                return i;
        }
    }

    private static int AppendHex(string body, int at, int digits, StringBuilder output, bool isBytes, string truncated)
    {
        int start = at + 2;
        int end = start;
        while (end < body.Length && end < start + digits && char.IsAsciiHexDigit(body[end]))
        {
            end++;
        }

        if (end - start < digits)
        {
            int position = CPythonPosition(body, at);
            int last = CPythonPosition(body, end) - 1;
            throw new FormatException(isBytes
                ? $"(value error) invalid \\x escape at position {position}"
                : $"(unicode error) 'unicodeescape' codec can't decode bytes in position {position}-{last}: {truncated}");
        }

        int value = int.Parse(body.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (isBytes)
        {
            output.Append((char)value);
        }
        else if (value is < 0 or > 0x10FFFF)
        {
            // Eight hex digits above 7FFFFFFF read as a negative int: just as illegal.
            int position = CPythonPosition(body, at);
            throw new FormatException(
                $"(unicode error) 'unicodeescape' codec can't decode bytes in position {position}-{position + digits + 1}: illegal Unicode character");
        }
        else
        {
            // Lone surrogates are legal in Python strings, and in .NET strings.
            if (value <= 0xFFFF)
            {
                output.Append((char)value);
            }
            else
            {
                output.Append(char.ConvertFromUtf32(value));
            }
        }

        return end - 1;
    }

    /// <summary>Offsets in CPython's messages count each non-ASCII character as the ten characters of a <c>\UXXXXXXXX</c> escape.</summary>
    private static int CPythonPosition(string body, int index)
    {
        int position = 0;
        for (int i = 0; i < index && i < body.Length; i++)
        {
            position += body[i] < 128 ? 1 : 10;
        }

        return position;
    }
}
