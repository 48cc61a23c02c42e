using UnmanagedHeap;
using UnmanagedHeap.Scripting.Runtime;

namespace PyHeap.Exercises;

/// <summary>
/// What a check looks at: the finished program's heap (before teardown) and what the
/// program printed. Valid only while the check runs, on the interpreter's thread.
/// </summary>
public sealed class CheckContext(ProgramExit exit, string stdout, string stderr)
{
    public ProgramExit Exit { get; } = exit;
    public Heap Heap => Exit.Heap;
    public string Stdout { get; } = stdout;
    public string Stderr { get; } = stderr;

    /// <summary>Objects the collector has reclaimed during the run, over all generations.</summary>
    public long CollectedByGc => Heap.Gc.GetStats().Sum(s => s.Collected);
}
