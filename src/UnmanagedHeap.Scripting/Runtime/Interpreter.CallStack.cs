using UnmanagedHeap.Inspect;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The one walk over the running Python stack that tools outside the evaluator use
/// (allocation tracing, trace lines). Whatever the evaluator keeps its frames in, this is the
/// place that knows how to read them: innermost first, each frame's file, current line and
/// code name. It reads fields only, so it allocates nothing and never runs Python code.
/// </summary>
public sealed unsafe partial class Interpreter : ICallStackSource
{
    /// <inheritdoc/>
    public int CaptureStack(Span<AllocationFrame> frames, out int total)
    {
        // The same interleaving as RunningFrames: a tree-walker frame entered above a loop
        // frame comes before it; a shadow frame only lends a loop frame its locals.
        int written = 0;
        int depth = 0;
        ExecFrame? tree = Current;
        Eval.VmFrame* vm = _vm == null ? null : _vm.Top;
        while (tree != null || vm != null)
        {
            AllocationFrame frame;
            if (tree != null && tree.IsShadow)
            {
                tree = tree.Back;
                continue;
            }
            if (tree != null && (nint)tree.VmBelow == (nint)vm)
            {
                frame = new AllocationFrame(tree.File.Length != 0 ? tree.File : FileName, tree.Line, tree.Function);
                tree = tree.Back;
            }
            else if (vm != null)
            {
                frame = _vm!.Describe(vm, FileName);
                vm = vm->Back;
            }
            else
            {
                break;
            }
            if (written < frames.Length)
            {
                frames[written++] = frame;
            }
            depth++;
        }
        total = depth;
        return written;
    }

    /// <summary>The innermost frame's file and line, or (null, 0) outside any frame.</summary>
    public (string? File, int Line) CurrentLocation()
    {
        AllocationFrame innermost = default;
        return CaptureStack(new Span<AllocationFrame>(ref innermost), out _) == 0 ? (null, 0) : (innermost.File, innermost.Line);
    }
}
