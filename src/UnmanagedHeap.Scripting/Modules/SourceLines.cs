namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// linecache in miniature, for tracemalloc's Traceback.format: line N of a source file,
/// read once per file; "" for a file that cannot be read or a line past its end.
/// </summary>
internal static class SourceLines
{
    private static readonly Dictionary<string, string[]> Files = [];

    public static string Get(string file, int line)
    {
        string[]? lines;
        lock (Files)
        {
            if (!Files.TryGetValue(file, out lines))
            {
                lines = Read(file);
                Files[file] = lines;
            }
        }
        return line >= 1 && line <= lines.Length ? lines[line - 1] + "\n" : "";
    }

    private static string[] Read(string file)
    {
        if (file.StartsWith('<'))
        {
            return [];
        }
        try
        {
            return File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [];
        }
    }
}
