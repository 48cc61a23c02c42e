using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Turns a source file's bytes into text as CPython's tokenizer does before it reads a
/// token: a UTF-8 BOM is dropped, a PEP 263 declaration of Latin-1 or ASCII is honoured,
/// bytes that are not valid UTF-8 and NUL bytes are SyntaxErrors worded as CPython 3.12's.
/// </summary>
public static partial class SourceDecoding
{
    /// <summary>The text, or null after writing the SyntaxError to <paramref name="stderr"/>.</summary>
    public static string? Decode(byte[] bytes, string path, TextWriter stderr)
    {
        ReadOnlySpan<byte> data = bytes;
        if (data.StartsWith("\xEF\xBB\xBF"u8))
        {
            data = data[3..];
        }
        string? declared = DeclaredEncoding(data);
        string text;
        if (declared is "latin-1" or "iso-8859-1" or "latin1" or "iso8859-1" or "l1")
        {
            text = Encoding.Latin1.GetString(data);
        }
        else if (declared is null or "utf-8" or "utf8" or "ascii" or "us-ascii")
        {
            char[] chars = ArrayPool<char>.Shared.Rent(data.Length + 1);
            try
            {
                OperationStatus status = Utf8.ToUtf16(data, chars, out int read, out int written, replaceInvalidSequences: false);
                if (status != OperationStatus.Done)
                {
                    int line = data[..read].Count((byte)'\n') + 1;
                    stderr.WriteLine($"SyntaxError: Non-UTF-8 code starting with '\\x{data[read]:x2}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details");
                    return null;
                }
                text = new string(chars, 0, written);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        else
        {
            stderr.WriteLine($"SyntaxError: unknown encoding: {declared}");
            return null;
        }
        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            int lineStart = text.LastIndexOf('\n', Math.Max(nul - 1, 0)) + 1;
            if (nul == 0)
            {
                lineStart = 0;
            }
            int line = text.AsSpan(0, nul).Count('\n') + 1;
            stderr.WriteLine($"  File \"{path}\", line {line}");
            stderr.WriteLine($"    {text[lineStart..nul].TrimStart()}");
            stderr.WriteLine("SyntaxError: source code cannot contain null bytes");
            return null;
        }
        return text;
    }

    /// <summary>The encoding a <c># -*- coding: NAME -*-</c> comment on line 1 or 2 declares, lower-cased, or null.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> data)
    {
        int lineNo = 0;
        while (lineNo < 2 && data.Length > 0)
        {
            int end = data.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? data : data[..end];
            string text = Encoding.Latin1.GetString(line);
            Match m = CodingComment().Match(text);
            if (m.Success)
            {
                return m.Groups[1].Value.ToLowerInvariant().Replace('_', '-');
            }
            if (!BlankOrComment().IsMatch(text))
            {
                return null;
            }
            data = end < 0 ? [] : data[(end + 1)..];
            lineNo++;
        }
        return null;
    }

    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")]
    private static partial Regex CodingComment();

    [GeneratedRegex(@"^[ \t\f\r]*(#.*)?$")]
    private static partial Regex BlankOrComment();
}
