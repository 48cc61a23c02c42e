namespace PyHeap;

/// <summary>
/// The <c>pyheap</c> command: picks the subcommand and turns every failure into a message
/// on stderr and a non-zero exit code, never an unhandled exception.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    private const string UsageText = """
        usage: pyheap <command> [options]

        commands:
          demo [--allocator pymalloc|mimalloc|system]
                      narrate the seed's story on a native heap: a reference cycle built in a
                      scope outlives it, its real addresses and header bytes, the checked cast
          run FILE.py [--allocator pymalloc|mimalloc|system] [--debug-alloc] [--max-heap BYTES]
                      [--trace refs,alloc,gc] [--stats]
                      run a Python program whose every value is an object of the native heap
          repl [--allocator ...] [--debug-alloc] [--max-heap BYTES]
                      the same, interactively: expression values are echoed
          stress [--objects N] [--rounds N] [--cycle-percent P] [--allocator ...] [--debug-alloc]
                      drive Nodes through the allocator and the collector; report throughput
                      and collection pauses
          help        show this text
        """;

    public static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            (args.Length == 0 ? stderr : stdout).Write(UsageText);
            return args.Length == 0 ? Usage : Ok;
        }
        try
        {
            string[] rest = args[1..];
            return args[0] switch
            {
                "demo" => DemoCommand.Run(Options.Parse(rest, DemoCommand.Flags), stdout),
                "run" => RunCommand.Run(Options.Parse(rest, RunCommand.Flags), stderr),
                "repl" => RunCommand.Repl(Options.Parse(rest, RunCommand.ReplFlags), Console.In, stdout, stderr),
                "stress" => StressCommand.Run(Options.Parse(rest, StressCommand.Flags), stdout),
                _ => Fail(stderr, $"pyheap: unknown command '{args[0]}'\n\n{UsageText}", Usage),
            };
        }
        catch (UsageException e)
        {
            return Fail(stderr, $"pyheap {args[0]}: {e.Message}", Usage);
        }
        catch (UnmanagedHeap.Memory.AllocatorUnavailableException e)
        {
            return Fail(stderr, $"pyheap: {e.Message}", Failure);
        }
    }

    private static int Fail(TextWriter stderr, string message, int code)
    {
        stderr.WriteLine(message.TrimEnd());
        return code;
    }
}

/// <summary>A command line the user got wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
