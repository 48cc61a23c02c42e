using System.Text;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>Where a codec stopped: CPython's UnicodeError fields (start/end in code points or bytes).</summary>
public sealed record CodecFailure(string Encoding, bool IsEncode, int Start, int End, string Reason, string Message);

/// <summary>
/// The three codecs scripts use most, utf-8, ascii and latin-1, with the error handlers
/// strict, ignore, replace, backslashreplace and xmlcharrefreplace (encode) as CPython
/// applies them: a strict failure reports the same span and reason CPython's codec reports,
/// so the UnicodeEncodeError / UnicodeDecodeError message matches word for word.
/// </summary>
public static class Codecs
{
    /// <summary>The codec's canonical name for a spelling CPython accepts, or null when it is not one of the three.</summary>
    public static string? Normalize(string name)
    {
        string n = name.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return n switch
        {
            "utf-8" or "utf8" or "u8" or "utf" or "cp65001" => "utf-8",
            "ascii" or "us-ascii" or "646" or "us" => "ascii",
            "latin-1" or "latin1" or "latin" or "l1" or "iso-8859-1" or "iso8859-1" or "8859" or "cp819" or "iso-ir-100" => "latin-1",
            _ => null,
        };
    }

    private static bool KnownHandler(string errors) =>
        errors is "strict" or "ignore" or "replace" or "backslashreplace" or "xmlcharrefreplace" or "surrogateescape";

    /// <summary>Code points of a .NET string as Python sees them: surrogate pairs joined, lone surrogates kept.</summary>
    private static int[] CodePoints(string s)
    {
        var cps = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cps.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                cps.Add(s[i]);
            }
        }
        return [.. cps];
    }

    private static string CharRepr(int c) =>
        c < 0x100 ? $"\\x{c:x2}" : c < 0x10000 ? $"\\u{c:x4}" : $"\\U{c:x8}";

    /// <summary>str.encode: the bytes, or the failure a strict (or unknown) handler raises.</summary>
    public static byte[] Encode(string text, string encoding, string errors, out CodecFailure? failure)
    {
        failure = null;
        int[] cps = CodePoints(text);
        int limit = encoding == "ascii" ? 128 : encoding == "latin-1" ? 256 : int.MaxValue;
        bool Bad(int c) => encoding == "utf-8" ? c is >= 0xD800 and <= 0xDFFF : c >= limit;
        string reason = encoding == "utf-8" ? "surrogates not allowed" : $"ordinal not in range({limit})";
        var output = new List<byte>(cps.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < cps.Length; i++)
        {
            int c = cps[i];
            if (!Bad(c))
            {
                if (encoding == "utf-8")
                {
                    int n = new Rune(c).EncodeToUtf8(utf8);
                    for (int k = 0; k < n; k++)
                    {
                        output.Add(utf8[k]);
                    }
                }
                else
                {
                    output.Add((byte)c);
                }
                continue;
            }
            int end = i + 1;
            while (end < cps.Length && Bad(cps[end]))
            {
                end++;
            }
            switch (errors)
            {
                case "ignore":
                    break;
                case "replace":
                    for (int k = i; k < end; k++)
                    {
                        output.Add((byte)'?');
                    }
                    break;
                case "backslashreplace":
                    for (int k = i; k < end; k++)
                    {
                        output.AddRange(Encoding.ASCII.GetBytes(CharRepr(cps[k])));
                    }
                    break;
                case "xmlcharrefreplace" when encoding != "utf-8":
                    for (int k = i; k < end; k++)
                    {
                        output.AddRange(Encoding.ASCII.GetBytes($"&#{cps[k]};"));
                    }
                    break;
                case "surrogateescape":
                    // Only lone surrogates U+DC80..U+DCFF stand for bytes; anything else still fails.
                    for (int k = i; k < end; k++)
                    {
                        if (cps[k] is < 0xDC80 or > 0xDCFF)
                        {
                            failure = EncodeFailure(encoding, cps, k, k + 1, reason);
                            return [];
                        }
                        output.Add((byte)(cps[k] - 0xDC00));
                    }
                    break;
                default:
                    failure = EncodeFailure(encoding, cps, i, end, reason);
                    return [];
            }
            i = end - 1;
        }
        return [.. output];
    }

    private static CodecFailure EncodeFailure(string encoding, int[] cps, int start, int end, string reason)
    {
        string what = end - start == 1
            ? $"'{encoding}' codec can't encode character '{CharRepr(cps[start])}' in position {start}: {reason}"
            : $"'{encoding}' codec can't encode characters in position {start}-{end - 1}: {reason}";
        return new CodecFailure(encoding, true, start, end, reason, what);
    }

    /// <summary>bytes.decode: the text, or the failure a strict (or unknown) handler raises.</summary>
    public static string Decode(ReadOnlySpan<byte> data, string encoding, string errors, out CodecFailure? failure)
    {
        failure = null;
        var sb = new StringBuilder(data.Length);
        int i = 0;
        while (i < data.Length)
        {
            byte b = data[i];
            if (b < 0x80 || encoding == "latin-1")
            {
                sb.Append((char)b);
                i++;
                continue;
            }
            int end;
            string reason;
            if (encoding == "ascii")
            {
                end = i + 1;
                reason = "ordinal not in range(128)";
            }
            else if (TryUtf8(data, i, out int cp, out int length, out reason))
            {
                sb.Append(char.ConvertFromUtf32(cp));
                i += length;
                continue;
            }
            else
            {
                end = i + length;
            }
            switch (errors)
            {
                case "ignore":
                    break;
                case "replace":
                    sb.Append('\uFFFD');
                    break;
                case "backslashreplace":
                    for (int k = i; k < end; k++)
                    {
                        sb.Append($"\\x{data[k]:x2}");
                    }
                    break;
                case "surrogateescape":
                    for (int k = i; k < end; k++)
                    {
                        sb.Append((char)(0xDC00 + data[k]));
                    }
                    break;
                default:
                    string what = end - i == 1
                        ? $"'{encoding}' codec can't decode byte 0x{data[i]:x2} in position {i}: {reason}"
                        : $"'{encoding}' codec can't decode bytes in position {i}-{end - 1}: {reason}";
                    failure = new CodecFailure(encoding, false, i, end, reason, what);
                    return "";
            }
            i = end;
        }
        return sb.ToString();
    }

    /// <summary>
    /// One UTF-8 sequence at <paramref name="i"/>, checked as CPython's decoder checks it; on
    /// failure <paramref name="length"/> is the maximal invalid prefix CPython reports (and
    /// replaces with one U+FFFD).
    /// </summary>
    private static bool TryUtf8(ReadOnlySpan<byte> d, int i, out int cp, out int length, out string reason)
    {
        cp = 0;
        byte b = d[i];
        int need;
        int lo = 0x80, hi = 0xBF;
        if (b is >= 0xC2 and <= 0xDF)
        {
            need = 1;
            cp = b & 0x1F;
        }
        else if (b is >= 0xE0 and <= 0xEF)
        {
            need = 2;
            cp = b & 0x0F;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        }
        else if (b is >= 0xF0 and <= 0xF4)
        {
            need = 3;
            cp = b & 0x07;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        }
        else
        {
            length = 1;
            reason = "invalid start byte";
            return false;
        }
        for (int k = 1; k <= need; k++)
        {
            if (i + k >= d.Length)
            {
                length = d.Length - i;
                reason = "unexpected end of data";
                return false;
            }
            byte c = d[i + k];
            if (c < lo || c > hi)
            {
                length = k;
                reason = "invalid continuation byte";
                return false;
            }
            lo = 0x80;
            hi = 0xBF;
            cp = (cp << 6) | (c & 0x3F);
        }
        length = need + 1;
        reason = "";
        return true;
    }

    public static bool IsKnownHandler(string errors) => KnownHandler(errors);
}
