using PyHeap;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>Runs a pyheap command in-process and captures what it writes.</summary>
internal static class CommandHarness
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Dispatch(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
