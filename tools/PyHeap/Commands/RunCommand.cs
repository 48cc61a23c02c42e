using System.Text;
using UnmanagedHeap;
using UnmanagedHeap.Scripting.Runtime;

namespace PyHeap;

/// <summary>
/// <c>pyheap run FILE.py</c>: executes a Python program on a native heap. Its stdout and
/// stderr are the process's (UTF-8, <c>\n</c> line ends); the exit code is the program's.
/// </summary>
public static class RunCommand
{
    public static readonly IReadOnlyDictionary<string, FlagKind> Flags = new Dictionary<string, FlagKind>
    {
        ["allocator"] = FlagKind.Value,
        ["debug-alloc"] = FlagKind.Switch,
        ["max-heap"] = FlagKind.Value,
        ["trace"] = FlagKind.Value,
        ["stats"] = FlagKind.Switch,
    };

    public static readonly IReadOnlyDictionary<string, FlagKind> ReplFlags = new Dictionary<string, FlagKind>
    {
        ["allocator"] = FlagKind.Value,
        ["debug-alloc"] = FlagKind.Switch,
        ["max-heap"] = FlagKind.Value,
    };

    /// <summary><c>pyheap repl</c>: the same semantics interactively, echoing expression values.</summary>
    public static int Repl(Options options, TextReader input, TextWriter stdout, TextWriter stderr)
    {
        if (options.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{options.Positional[0]}'");
        }
        HeapOptions heap = options.HeapOptions();
        var run = new RunOptions { Allocator = heap.Allocator, DebugAlloc = heap.DebugHooks, MaxHeapBytes = heap.MaxHeapBytes };
        return ScriptRepl.Run(run, input, stdout, stderr);
    }

    private static readonly string[] TraceCategories = ["refs", "alloc", "gc"];

    public static int Run(Options options, TextWriter stderr)
    {
        if (options.Positional.Count != 1)
        {
            throw new UsageException(options.Positional.Count == 0 ? "missing FILE.py" : $"unexpected argument '{options.Positional[1]}'");
        }
        HeapOptions heap = options.HeapOptions();
        var trace = new HashSet<string>(StringComparer.Ordinal);
        if (options.Value("trace") is string t)
        {
            foreach (string part in t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Array.IndexOf(TraceCategories, part) < 0)
                {
                    throw new UsageException($"unknown trace category '{part}': expected {string.Join(", ", TraceCategories)}");
                }
                trace.Add(part);
            }
        }
        var run = new RunOptions
        {
            Allocator = heap.Allocator,
            DebugAlloc = heap.DebugHooks,
            MaxHeapBytes = heap.MaxHeapBytes,
            Stats = options.Has("stats"),
            Trace = trace,
        };
        var utf8 = new UTF8Encoding(false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16) { NewLine = "\n", AutoFlush = false };
        using var err = new StreamWriter(Console.OpenStandardError(), utf8) { NewLine = "\n", AutoFlush = true };
        return ScriptRunner.RunFile(options.Positional[0], run, stdout, err);
    }
}
