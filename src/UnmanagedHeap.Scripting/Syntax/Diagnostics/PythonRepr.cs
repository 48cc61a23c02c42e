using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>CPython's <c>repr()</c> of the constants a syntax tree holds, for <see cref="AstDump"/>.</summary>
public static class PythonRepr
{
    /// <summary><c>repr(str)</c>: single quotes unless the text has a single quote and no double quote.</summary>
    public static string Str(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        char quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(value.Length + 2).Append(quote);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var rune = new Rune(c, value[++i]);
                if (Scanner.IsPrintable(rune))
                {
                    sb.Append(c).Append(value[i]);
                }
                else
                {
                    sb.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                }

                continue;
            }

            AppendChar(sb, c, quote);
        }

        return sb.Append(quote).ToString();
    }

    private static void AppendChar(StringBuilder sb, char c, char quote)
    {
        if (c == quote || c == '\\')
        {
            sb.Append('\\').Append(c);
        }
        else if (c == '\t')
        {
            sb.Append("\\t");
        }
        else if (c == '\n')
        {
            sb.Append("\\n");
        }
        else if (c == '\r')
        {
            sb.Append("\\r");
        }
        else if (c < ' ' || c == 0x7F)
        {
            sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (c < 0x7F || (!char.IsSurrogate(c) && Scanner.IsPrintable(new Rune(c))))
        {
            sb.Append(c);
        }
        else if (c <= 0xFF)
        {
            sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
    }

    /// <summary><c>repr(bytes)</c>, e.g. <c>b'a\x00'</c>.</summary>
    public static string Bytes(IEnumerable<byte> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = value.ToArray();
        char quote = bytes.Contains((byte)'\'') && !bytes.Contains((byte)'"') ? '"' : '\'';
        var sb = new StringBuilder(bytes.Length + 3).Append('b').Append(quote);
        foreach (byte b in bytes)
        {
            char c = (char)b;
            if (c == quote || c == '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (b < 0x20 || b >= 0x7F)
            {
                sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append(quote).ToString();
    }

    /// <summary><c>repr(float)</c>: the shortest text that reads back as the same double, CPython's layout.</summary>
    public static string Float(double value) => FormatShortest(value, addDotZero: true);

    /// <summary><c>repr(complex(0, imaginary))</c>, e.g. <c>1j</c>, <c>2.5j</c>, <c>1e+16j</c>.</summary>
    public static string Imaginary(double imaginary) => FormatShortest(imaginary, addDotZero: false) + "j";

    private static string FormatShortest(double value, bool addDotZero)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        // "E16" would not be shortest; "R" is, so take its digits and exponent apart.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        int exponent = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        int dot = r.IndexOf('.');
        string digits = dot >= 0 ? r.Remove(dot, 1) : r;
        int pointPosition = (dot >= 0 ? dot : r.Length) + exponent;
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        pointPosition -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
            pointPosition = 1;
        }

        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (pointPosition <= -4 || pointPosition > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            int shown = pointPosition - 1;
            sb.Append('e').Append(shown < 0 ? '-' : '+').Append(Math.Abs(shown).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPosition <= 0)
        {
            sb.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPosition - digits.Length);
            if (addDotZero)
            {
                sb.Append(".0");
            }
        }
        else
        {
            sb.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return sb.ToString();
    }
}
