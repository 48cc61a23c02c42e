using System.CommandLine;
using UnmanagedHeap;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Runtime.Repl;

namespace PyHeap;

/// <summary>
/// <c>pyheap run FILE.py ARGS...</c>, <c>pyheap run -</c> (the program from standard input)
/// and <c>pyheap -c CODE ARGS...</c>: execute a Python program on a native heap, with
/// <c>sys.argv</c> as CPython sets it. Its stdout and stderr are the command's; the exit
/// code is the program's (1 for an uncaught exception). <c>pyheap repl</c> is the same
/// interactively.
/// </summary>
public static class RunCommand
{
    private static readonly string[] TraceCategories = ["refs", "alloc", "gc"];

    /// <summary>Options of <c>run</c> that take a value: the words after them are not the program.</summary>
    public static IReadOnlySet<string> ValueOptionNames { get; } = ValueOptions();

    public static Command Create(CommandIo io, string[] scriptArgs)
    {
        var heap = new HeapOptionSet(withMaxHeap: true);
        var trace = new Option<string[]>("--trace")
        {
            Description = "print one line per event on stderr: refs (incref/decref), alloc (alloc/free), gc (each collection)",
            HelpName = "refs,alloc,gc",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = result =>
            {
                var categories = new List<string>();
                foreach (string part in result.Tokens[^1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (Array.IndexOf(TraceCategories, part) < 0)
                    {
                        result.AddError($"unknown trace category '{part}' for --trace: expected {string.Join(", ", TraceCategories)}");
                    }
                    categories.Add(part);
                }
                return [.. categories];
            },
        };
        var traceFilter = new Option<TraceFilter>("--trace-filter")
        {
            Description = "with --trace refs/alloc: only events on objects of one type or at one address",
            HelpName = "type=NAME|address=0xHEX",
            CustomParser = TraceFilter.Parse,
        };
        var flamegraph = new Option<string>("--alloc-flamegraph")
        {
            Description = "trace allocations by Python call stack and write a flame graph (SVG) of the memory live at the peak",
            HelpName = "FILE.svg",
        };
        var stats = new Option<bool>("--stats") { Description = "at exit, print live objects by type, their bytes and the collections per generation on stderr" };
        var graph = new Option<string>("--graph")
        {
            Description = "at exit, write the reference graph of the objects the program left alive: .svg/.png/.pdf rendered by Graphviz's dot, any other name as DOT",
            HelpName = "FILE",
        };
        var graphGarbage = new Option<bool>("--graph-garbage") { Description = "with --graph: draw the last collection's garbage instead" };
        var census = new Option<bool>("--census") { Description = "at exit, print a table of live types by count and bytes, with the growth since start, on stderr" };
        var code = new Option<string>("-c") { Description = "run CODE instead of a file (sys.argv[0] is '-c')", HelpName = "CODE" };
        var file = new Argument<string>("FILE.py")
        {
            Description = "the program to run; - reads it from standard input. Words after it are the program's sys.argv[1:]",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("run", "Run a Python program whose every value is an object of the native heap.");
        heap.AddTo(command);
        command.Add(trace);
        command.Add(traceFilter);
        command.Add(flamegraph);
        command.Add(stats);
        command.Add(graph);
        command.Add(graphGarbage);
        command.Add(census);
        command.Add(code);
        command.Add(file);
        command.SetAction(result =>
        {
            string? path = result.GetValue(file);
            string? source = result.GetValue(code);
            if (path == null && source == null)
            {
                throw new UsageException("missing FILE.py (or - for standard input, or -c CODE)");
            }
            if (path != null && source != null)
            {
                throw new UsageException($"give FILE.py or -c CODE, not both ('{path}' and -c)");
            }
            if (result.GetValue(graphGarbage) && result.GetValue(graph) == null)
            {
                throw new UsageException("--graph-garbage needs --graph FILE");
            }
            HeapOptions heapOptions = heap.Read(result);
            var trace_ = new HashSet<string>(result.GetValue(trace) ?? [], StringComparer.Ordinal);
            TraceFilter? filter = result.GetValue(traceFilter);
            if (filter != null && !trace_.Contains("refs") && !trace_.Contains("alloc"))
            {
                throw new UsageException("--trace-filter needs --trace refs or --trace alloc");
            }
            var options = new RunOptions
            {
                Allocator = heapOptions.Allocator,
                DebugAlloc = heapOptions.DebugHooks,
                MaxHeapBytes = heapOptions.MaxHeapBytes,
                Stats = result.GetValue(stats),
                Trace = trace_,
                TraceType = filter?.Type,
                TraceAddress = filter?.Address ?? 0,
                AllocFlamegraphPath = result.GetValue(flamegraph),
                GraphPath = result.GetValue(graph),
                GraphGarbage = result.GetValue(graphGarbage),
                Census = result.GetValue(census),
                CensusReport = rows => CensusTable.Write(rows, io),
            };
            return Execute(io, options, path, source, scriptArgs);
        });
        return command;
    }

    /// <summary><c>pyheap -c CODE ARGS...</c> on the root command, as <c>python -c</c>.</summary>
    public static void AddInlineCode(Command root, CommandIo io, string[] scriptArgs)
    {
        var code = new Option<string>("-c") { Description = "run the Python program CODE (sys.argv is ['-c', ARGS...]); pyheap run -c takes run's options", HelpName = "CODE" };
        root.Add(code);
        root.SetAction(result =>
        {
            string? source = result.GetValue(code);
            if (source == null)
            {
                throw new UsageException("a command is required: demo, run, repl, stress or exercise (pyheap --help lists them)");
            }
            return Execute(io, new RunOptions(), null, source, scriptArgs);
        });
    }

    private static int Execute(CommandIo io, RunOptions options, string? path, string? code, string[] scriptArgs)
    {
        var interrupt = new InterruptFlag();
        using IDisposable sigint = interrupt.ListenForSigint();
        options = options with { Interrupt = interrupt };
        try
        {
            return ExecuteOnce(io, options, path, code, scriptArgs);
        }
        catch (MaxHeapTooSmallException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static int ExecuteOnce(CommandIo io, RunOptions options, string? path, string? code, string[] scriptArgs)
    {
        if (code != null)
        {
            return ScriptRunner.RunSource(code, "<string>", options with { Argv = ["-c", .. scriptArgs] }, io.Out, io.Err);
        }
        if (path == "-")
        {
            string source = io.In.ReadToEnd();
            return ScriptRunner.RunSource(source, "<stdin>", options with { Argv = ["-", .. scriptArgs] }, io.Out, io.Err);
        }
        return ScriptRunner.RunFile(path!, options with { Argv = [path!, .. scriptArgs] }, io.Out, io.Err);
    }

    public static Command CreateRepl(CommandIo io)
    {
        var heap = new HeapOptionSet(withMaxHeap: true);
        var command = new Command("repl", "Python's prompt on the heap: line editing and history at a terminal, values echoed, %dump/%refs/%why/%census; with stdin not a terminal, no prompts.");
        heap.AddTo(command);
        command.SetAction(result =>
        {
            HeapOptions options = heap.Read(result);
            var interrupt = new InterruptFlag();
            using IDisposable sigint = interrupt.ListenForSigint();
            var run = new RunOptions
            {
                Allocator = options.Allocator,
                DebugAlloc = options.DebugHooks,
                MaxHeapBytes = options.MaxHeapBytes,
                Interrupt = interrupt,
                CensusReport = rows => CensusTable.Write(rows, io.Out, io.Terminal, "census of live objects (growth since the session started)"),
            };
            // The line editor only where both ends are the process's own terminal (its prompts on
            // stdout, as readline's); otherwise plain reading, with prompts on stderr only when
            // stdin is a terminal, as CPython reads without readline.
            ILineSource lines = io.In == Console.In && io.InputTerminal && io.Terminal && TerminalLineEditor.IsUsable
                ? TerminalLineEditor.ForConsole(io.Out)
                : new TextLineSource(io.In, io.Err, prompts: io.InputTerminal, interrupt);
            try
            {
                return ScriptRepl.Run(run, lines, io.Out, io.Err);
            }
            catch (MaxHeapTooSmallException e)
            {
                throw new UsageException(e.Message);
            }
        });
        return command;
    }

    private static HashSet<string> ValueOptions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Option option in Create(new CommandIo(TextReader.Null, TextWriter.Null, TextWriter.Null), []).Options)
        {
            if (option.Arity.MinimumNumberOfValues > 0)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }
        }
        return names;
    }
}
