namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// The text of one source file, with line endings normalized to <c>'\n'</c>
/// (CPython's universal newlines) and a leading byte-order mark removed,
/// plus the line table used to report positions and to show source lines in tracebacks.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    /// <summary>Normalizes <paramref name="text"/> and indexes its lines.</summary>
    public SourceText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        FileName = fileName;
        Text = Normalize(text);
        var starts = new List<int> { 0 };
        for (int i = 0; i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>The file name used in error messages and tracebacks.</summary>
    public string FileName { get; }

    /// <summary>Number of lines; a final line without a newline counts, an empty last line after a newline counts too.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Offset of the first character of 1-based <paramref name="line"/>.</summary>
    public int GetLineStart(int line) =>
        line < 1 ? 0 : line > _lineStarts.Length ? Text.Length : _lineStarts[line - 1];

    /// <summary>The text of 1-based <paramref name="line"/> without its newline; empty when out of range.</summary>
    public string GetLine(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }

        int start = _lineStarts[line - 1];
        int end = Text.IndexOf('\n', start);
        return end < 0 ? Text[start..] : Text[start..end];
    }

    /// <summary>The 1-based line and column of a character offset.</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, CodePoints(Text, _lineStarts[index], offset) + 1);
    }

    /// <summary>
    /// Characters between two offsets, counting a surrogate pair once: columns are code-point
    /// positions, as Python counts characters.
    /// </summary>
    public static int CodePoints(string text, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(text);
        int count = to - from;
        for (int i = from; i < to && i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && i > from && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }

    private static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (!text.Contains('\r'))
        {
            return text;
        }

        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
