using System.Text;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The body of a printed traceback as CPython 3.12 prints it: one <c>File "...", line N, in
/// NAME</c> entry per frame, outermost first, each followed by its source line (stripped)
/// when the file can be read, and a run of more than three identical entries — recursion —
/// cut to three and <c>[Previous line repeated N more times]</c>.
/// </summary>
public static class TracebackText
{
    /// <summary>CPython's cut-off: this many identical entries print in full.</summary>
    private const int RecursiveCutoff = 3;

    /// <summary>
    /// Appends the entries of <paramref name="innermostFirst"/> (as <see cref="PythonException.Trace"/>
    /// holds them); <paramref name="sourceLine"/> gives a file's line, "" when it has none.
    /// </summary>
    public static void AppendEntries(StringBuilder sb, IReadOnlyList<(string File, int Line, string Function)> innermostFirst, Func<string, int, string> sourceLine)
    {
        (string File, int Line, string Function)? last = null;
        int count = 0;
        for (int i = innermostFirst.Count - 1; i >= 0; i--)
        {
            var entry = innermostFirst[i];
            if (last != entry)
            {
                AppendRepeated(sb, count);
                last = entry;
                count = 0;
            }
            count++;
            if (count > RecursiveCutoff)
            {
                continue;
            }
            sb.Append("  File \"").Append(entry.File).Append("\", line ").Append(entry.Line).Append(", in ").Append(entry.Function).Append('\n');
            string source = sourceLine(entry.File, entry.Line).Trim();
            if (source.Length > 0)
            {
                sb.Append("    ").Append(source).Append('\n');
            }
        }
        AppendRepeated(sb, count);
    }

    private static void AppendRepeated(StringBuilder sb, int count)
    {
        if (count > RecursiveCutoff)
        {
            int more = count - RecursiveCutoff;
            sb.Append("  [Previous line repeated ").Append(more).Append(more > 1 ? " more times]\n" : " more time]\n");
        }
    }
}
