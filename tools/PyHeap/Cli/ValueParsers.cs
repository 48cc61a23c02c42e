using System.CommandLine.Parsing;
using System.Globalization;

namespace PyHeap;

/// <summary>
/// Parsers for option values, each reporting a bad value as a parse error that names the
/// option and says what it takes (so the user sees one line and exit code 2).
/// </summary>
public static class ValueParsers
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; thousands separators allowed.</summary>
    public static Func<ArgumentResult, long> Count(string option, long min, long max) => result =>
    {
        string text = Single(result);
        if (long.TryParse(text, NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            && value >= min && value <= max)
        {
            return value;
        }
        result.AddError($"{option} takes a whole number from {min:N0} to {max:N0}, not '{text}'");
        return 0;
    };

    /// <summary>A byte count with an optional suffix: K, M, G (powers of 1024), as in 512M or 2G.</summary>
    public static Func<ArgumentResult, long> Size(string option) => result =>
    {
        string text = Single(result);
        if (TryParseSize(text, out long bytes) && bytes > 0)
        {
            return bytes;
        }
        result.AddError($"{option} takes a size in bytes with an optional K, M or G suffix (512M, 2G), not '{text}'");
        return 0;
    };

    /// <summary>A duration: a number of seconds or minutes with an s or m suffix (10s, 1.5m).</summary>
    public static Func<ArgumentResult, TimeSpan> Duration(string option) => result =>
    {
        string text = Single(result);
        if (TryParseDuration(text, out TimeSpan duration) && duration > TimeSpan.Zero && duration <= TimeSpan.FromDays(1))
        {
            return duration;
        }
        result.AddError($"{option} takes a positive duration with an s or m suffix (10s, 2m), not '{text}'");
        return TimeSpan.Zero;
    };

    /// <summary>One of the given words.</summary>
    public static Func<ArgumentResult, string> OneOf(string option, string what, IReadOnlyList<string> words) => result =>
    {
        string text = Single(result);
        if (words.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }
        result.AddError($"unknown {what} '{text}' for {option}: expected one of {string.Join(", ", words)}");
        return words[0];
    };

    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }
        long unit = char.ToUpperInvariant(text[^1]) switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            _ => 1,
        };
        string number = unit == 1 ? text : text[..^1];
        if (number.EndsWith('B') || number.EndsWith('b'))
        {
            return false;
        }
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            || value <= 0 || value * unit > long.MaxValue / 2)
        {
            return false;
        }
        bytes = (long)(value * unit);
        return true;
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text.Length < 2)
        {
            return false;
        }
        double seconds = char.ToLowerInvariant(text[^1]) switch
        {
            's' => 1,
            'm' => 60,
            _ => 0,
        };
        if (seconds == 0 || !double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || value <= 0)
        {
            return false;
        }
        duration = TimeSpan.FromSeconds(Math.Min(value * seconds, TimeSpan.FromDays(2).TotalSeconds));
        return true;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
