using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>Runs a Python snippet in process and captures what it printed.</summary>
internal static class ScriptHarness
{
    public static (string Out, string Err, int Exit) Run(string source, RunOptions? options = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ScriptRunner.RunSource(source.ReplaceLineEndings("\n"), "test.py", options ?? new RunOptions(), stdout, stderr);
        return (stdout.ToString(), stderr.ToString(), exit);
    }

    public static string LastLine(string text) =>
        text.Split('\n').Select(l => l.TrimEnd()).LastOrDefault(l => l.Length > 0) ?? "";
}
