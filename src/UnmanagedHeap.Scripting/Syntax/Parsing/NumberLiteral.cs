using System.Globalization;
using System.Numerics;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Converts the text of a <see cref="TokenKind.Number"/> token (already validated by the scanner) to a literal node.</summary>
internal static class NumberLiteral
{
    public static Expr FromToken(Token token)
    {
        string text = token.Text.Replace("_", string.Empty, StringComparison.Ordinal);
        char last = text[^1];
        if (last is 'j' or 'J')
        {
            return new ImaginaryLiteral(ParseFloat(text[..^1]), token.Span);
        }

        if (text.Length > 1 && text[0] == '0' && text[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = char.ToLowerInvariant(text[1]) switch
            {
                'x' => 16,
                'o' => 8,
                _ => 2,
            };
            return new IntLiteral(ParseRadix(text.AsSpan(2), radix), token.Span);
        }

        if (text.AsSpan().IndexOfAny(".eE") >= 0)
        {
            return new FloatLiteral(ParseFloat(text), token.Span);
        }

        return new IntLiteral(BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), token.Span);
    }

    /// <summary>Correctly rounded, as CPython's <c>float()</c>; overflow gives infinity.</summary>
    private static double ParseFloat(string text) =>
        double.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static BigInteger ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        BigInteger value = BigInteger.Zero;
        foreach (char c in digits)
        {
            int digit = c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a') + 10;
            value = (value * radix) + digit;
        }

        return value;
    }
}
