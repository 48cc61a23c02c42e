namespace UnmanagedHeap.Inspect;

/// <summary>
/// One frame of the call stack that made an allocation: the source file, the line being run
/// and the function's name (tracemalloc's Frame has the first two; the flame graph shows all three).
/// </summary>
public readonly record struct AllocationFrame(string File, int Line, string Function)
{
    public override string ToString() => $"{Function} {File}:{Line}";
}

/// <summary>
/// Where an <see cref="AllocationTracer"/> learns who is allocating: the host's running
/// stack (the script interpreter's frames). Called on every traced allocation, so it must
/// only read the stack: no heap allocation, no Python code.
/// </summary>
public interface ICallStackSource
{
    /// <summary>
    /// Writes the innermost frames into <paramref name="frames"/>, most recent first, and
    /// returns how many it wrote; <paramref name="total"/> is the stack's whole depth.
    /// </summary>
    int CaptureStack(Span<AllocationFrame> frames, out int total);
}
