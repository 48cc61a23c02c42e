using System.CommandLine.Parsing;
using System.Globalization;

namespace PyHeap;

/// <summary>
/// <c>--trace-filter type=NAME</c> and/or <c>address=0x...</c> (comma-separated): which
/// objects' events <c>--trace refs,alloc</c> prints.
/// </summary>
public sealed record TraceFilter(string? Type, nint Address)
{
    public static TraceFilter Parse(ArgumentResult result)
    {
        string text = result.Tokens[^1].Value;
        string? type = null;
        nint address = 0;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            string key = eq < 0 ? part : part[..eq].Trim();
            string value = eq < 0 ? "" : part[(eq + 1)..].Trim();
            if (key == "type" && value.Length > 0)
            {
                type = value;
            }
            else if (key == "address" && TryParseAddress(value, out address) && address != 0)
            {
            }
            else
            {
                result.AddError($"--trace-filter takes type=NAME or address=0xHEX (comma-separated), not '{part}'");
                return new TraceFilter(null, 0);
            }
        }
        return new TraceFilter(type, address);
    }

    private static bool TryParseAddress(string text, out nint address)
    {
        address = 0;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex))
        {
            address = (nint)hex;
            return true;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long dec))
        {
            address = (nint)dec;
            return true;
        }
        return false;
    }
}
