using UnmanagedHeap.Inspect;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The one walk over the running Python stack that tools outside the evaluator use
/// (allocation tracing, trace lines). Whatever the evaluator keeps its frames in, this is the
/// place that knows how to read them: innermost first, each frame's file, current line and
/// code name. It reads fields only, so it allocates nothing and never runs Python code.
/// </summary>
public sealed partial class Interpreter : ICallStackSource
{
    /// <inheritdoc/>
    public int CaptureStack(Span<AllocationFrame> frames, out int total)
    {
        int written = 0;
        int depth = 0;
        for (ExecFrame? f = Current; f != null; f = f.Back)
        {
            if (written < frames.Length)
            {
                frames[written++] = new AllocationFrame(f.File.Length != 0 ? f.File : FileName, f.Line, f.Function);
            }
            depth++;
        }
        total = depth;
        return written;
    }

    /// <summary>The innermost frame's file and line, or (null, 0) outside any frame.</summary>
    public (string? File, int Line) CurrentLocation()
    {
        ExecFrame? f = Current;
        return f == null ? (null, 0) : (f.File.Length != 0 ? f.File : FileName, f.Line);
    }
}
