using System.Text;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Scripting.Runtime;

namespace PyHeap.Fuzz;

/// <summary>
/// The worker child's loop: reads one mutant path per stdin line, runs it through
/// <see cref="ScriptRunner.RunFile"/> as <c>pyheap run</c> does, and answers
/// <c>DONE exit base64(stderr)</c> on stdout. The program's own stdout is dropped.
/// </summary>
public static class WorkerMain
{
    public const string Ready = "pyheap-fuzz worker ready";
    public const string DonePrefix = "DONE ";

    private const string WarmUp =
        "class C:\n    def __init__(self, v):\n        self.v = v\n" +
        "xs = [C(i) for i in range(100)]\nd = {str(x.v): x for x in xs}\n" +
        "print(sum(x.v for x in xs), len(d), f'{1.5:>8.2f}', repr('a'), sorted(d)[:3])\n" +
        "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(e)\n";

    public static int Run(RunSettings settings)
    {
        var options = new RunOptions
        {
            Allocator = settings.Allocator == null ? AllocatorKind.PyMalloc : Allocators.Parse(settings.Allocator),
            DebugAlloc = settings.DebugAlloc,
            MaxHeapBytes = settings.MaxHeap,
        };
        var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        // Anything the interpreter might print to the console must not be taken for a reply.
        Console.SetOut(TextWriter.Null);
        // Compile the interpreter's common paths before the first mutant's clock starts: a
        // fresh worker's first run would otherwise spend its time limit in the JIT.
        ScriptRunner.RunSource(WarmUp, "warm-up.py", options, TextWriter.Null, TextWriter.Null);
        protocol.WriteLine(Ready);
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        while (input.ReadLine() is string path)
        {
            var stderr = new BoundedWriter { NewLine = "\n" };
            int exit = ScriptRunner.RunFile(path, options, TextWriter.Null, stderr);
            string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(stderr.Text.ToString()));
            protocol.WriteLine($"{DonePrefix}{exit.ToString(System.Globalization.CultureInfo.InvariantCulture)} {encoded}");
        }
        return 0;
    }
}
