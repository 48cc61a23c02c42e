using System.ComponentModel;
using System.Diagnostics;

namespace UnmanagedHeap.Inspect;

/// <summary>What writing a graph produced: the DOT file, the picture (if any), and a sentence for the user.</summary>
public sealed record GraphOutput(string DotPath, string? ImagePath, string Message);

/// <summary>
/// Writes a graph to a file: <c>.dot</c>/<c>.gv</c> as DOT only; <c>.svg</c>, <c>.png</c>
/// or <c>.pdf</c> as DOT beside the picture, which Graphviz's <c>dot</c> renders when it is
/// installed. Without <c>dot</c> the DOT file is still written and the message says how to
/// get pictures.
/// </summary>
public static class GraphvizRenderer
{
    public const string InstallHint = "graphviz is not installed (apt-get install graphviz)";
    private static readonly string[] ImageFormats = ["svg", "png", "pdf"];
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A file named dot that cannot be run (no execute bit, or a device put over it) is not a
    /// Graphviz installation: treating it as one would turn "install graphviz" into a failed
    /// process start.
    /// </summary>
    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    /// <summary>The full path of Graphviz's runnable <c>dot</c> on PATH, or null.</summary>
    public static string? FindDot()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "dot.exe" : "dot");
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Writes <paramref name="graph"/> to <paramref name="path"/> (see the class summary); IO errors propagate.</summary>
    public static GraphOutput Write(ObjectGraph graph, string path)
    {
        string dotText = DotWriter.Write(graph);
        string format = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        if (!ImageFormats.Contains(format))
        {
            File.WriteAllText(path, dotText);
            return new GraphOutput(path, null, $"Graph written to {path} ({graph.Nodes.Count} nodes)");
        }
        string dotPath = Path.ChangeExtension(path, ".dot");
        File.WriteAllText(dotPath, dotText);
        string? dot = FindDot();
        if (dot == null)
        {
            return new GraphOutput(dotPath, null,
                $"Graph written to {dotPath} ({graph.Nodes.Count} nodes); no {format.ToUpperInvariant()} made: {InstallHint}, then run: dot -T{format} -o {path} {dotPath}");
        }
        string? error = Render(dot, format, dotPath, path);
        return error == null
            ? new GraphOutput(dotPath, path, $"Graph written to {dotPath} ({graph.Nodes.Count} nodes)\nImage generated as {path}")
            : new GraphOutput(dotPath, null, $"Graph written to {dotPath} ({graph.Nodes.Count} nodes); dot failed to make {path}: {error}");
    }

    /// <summary>Runs dot; returns null on success, else what went wrong.</summary>
    private static string? Render(string dot, string format, string dotPath, string imagePath)
    {
        var info = new ProcessStartInfo(dot)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-T" + format);
        info.ArgumentList.Add("-o");
        info.ArgumentList.Add(imagePath);
        info.ArgumentList.Add(dotPath);
        try
        {
            using Process process = Process.Start(info) ?? throw new Win32Exception("could not start dot");
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(RenderTimeout))
            {
                process.Kill(entireProcessTree: true);
                return $"dot did not finish within {RenderTimeout.TotalSeconds} seconds";
            }
            return process.ExitCode == 0 ? null : $"exit code {process.ExitCode}: {stderr.Result.Trim()}";
        }
        catch (Win32Exception e)
        {
            return e.Message;
        }
    }
}
