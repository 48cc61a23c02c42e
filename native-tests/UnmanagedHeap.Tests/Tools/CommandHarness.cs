using PyHeap;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>Runs a pyheap command in-process and captures what it writes.</summary>
internal static class CommandHarness
{
    public static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput("", args);

    /// <summary>The same, with <paramref name="stdin"/> as the command's standard input.</summary>
    public static (int Code, string Out, string Err) RunWithInput(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = CommandLine.Dispatch(args, new CommandIo(new StringReader(stdin), stdout, stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The non-empty lines of a command's stderr.</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
