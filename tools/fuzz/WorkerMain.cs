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
