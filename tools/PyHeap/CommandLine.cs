using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;

namespace PyHeap;

/// <summary>
/// The <c>pyheap</c> command line, on System.CommandLine (which stays trimming- and
/// AOT-safe): one subcommand per job, <c>--help</c> on each, <c>--version</c>, and
/// <c>pyheap -c CODE</c> as Python has it. Every failure becomes a message on stderr and
/// one of <see cref="ExitCodes"/>, never an unhandled exception.
/// </summary>
public static class CommandLine
{
    /// <summary>Runs <c>pyheap ARGS</c> in-process: the process's entry point, and the tests'.</summary>
    public static int Dispatch(string[] args, CommandIo io)
    {
        // Everything after the script (or -c CODE) belongs to the script's sys.argv, even
        // words that look like pyheap's options, so it is kept away from the parser.
        try
        {
            _ = UnmanagedHeap.Scripting.Runtime.Interpreter.EngineFromEnvironment();
        }
        catch (ArgumentException e)
        {
            return Fail(io, $"pyheap: {e.Message}", ExitCodes.Usage);
        }
        (string[] own, string[] scriptArgs) = ScriptArguments.Split(args, RunCommand.ValueOptionNames);
        Command root = Build(io, scriptArgs);
        ParseResult result = root.Parse(own);
        string command = CommandName(result);
        if (result.Errors.Count > 0 && result.Action is ParseErrorAction)
        {
            return Fail(io, $"{command}: {result.Errors[0].Message}", ExitCodes.Usage);
        }
        try
        {
            return result.Invoke(new InvocationConfiguration
            {
                Output = io.Out,
                Error = io.Err,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            return Fail(io, $"{command}: {e.Message}", ExitCodes.Usage);
        }
        catch (UnmanagedHeap.Memory.AllocatorUnavailableException e)
        {
            return Fail(io, $"pyheap: {e.Message}", ExitCodes.Failure);
        }
        catch (IOException e)
        {
            return Fail(io, $"{command}: {e.Message}", ExitCodes.Failure);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(io, $"{command}: {e.Message}", ExitCodes.Failure);
        }
    }

    /// <summary>Convenience for tests: no standard input, not a terminal.</summary>
    public static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr) =>
        Dispatch(args, new CommandIo(TextReader.Null, stdout, stderr));

    private static Command Build(CommandIo io, string[] scriptArgs)
    {
        // A plain Command rather than RootCommand, whose name would be the host process's
        // (testhost under the tests); help and version are added as RootCommand would.
        var root = new Command("pyheap",
            "A CPython 3.12 object model in native memory. Tell the seed's story (demo), run Python on the heap (run, repl, -c), stress the allocator and the collector (stress), guided debugging exercises (exercise). Exit codes: 0 done, 1 failure or uncaught Python exception, 2 usage error, 3 stopped by --max-rss.");
        root.Add(new HelpOption { Recursive = true });
        root.Add(new VersionOption());
        root.Add(DemoCommand.Create(io));
        root.Add(RunCommand.Create(io, scriptArgs));
        root.Add(RunCommand.CreateRepl(io));
        root.Add(StressCommand.Create(io));
        root.Add(ExerciseCommand.Create(io));
        RunCommand.AddInlineCode(root, io, scriptArgs);
        return root;
    }

    /// <summary>"pyheap" or "pyheap stress": the prefix of an error line.</summary>
    private static string CommandName(ParseResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result.CommandResult; at is CommandResult c; at = c.Parent)
        {
            names.Insert(0, c.Command.Name);
        }
        return string.Join(' ', names);
    }

    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private static int Fail(CommandIo io, string message, int code)
    {
        io.Out.Flush();
        io.Err.WriteLine(message.TrimEnd());
        return code;
    }
}
