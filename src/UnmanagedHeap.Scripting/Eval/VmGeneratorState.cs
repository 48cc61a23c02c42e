using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Scripting.Eval;

/// <summary>
/// A generator whose body runs in the evaluation loop: a suspended <see cref="VmFrame"/> in
/// native memory the generator owns (CPython keeps the frame inside the generator object).
/// The shared generator protocol drives it through <see cref="IEnumerator{T}"/>: each
/// <c>MoveNext</c> re-enters the loop at the frame's saved instruction; <c>Dispose</c> drops
/// the frame without running any more of it (closing is the protocol's job).
/// </summary>
internal sealed unsafe class VmGeneratorState : GeneratorState, IEnumerator<nint>
{
    private readonly Vm _vm;
    private nint _current;
    private nint _returned;

    /// <param name="shadow">The tree-walker frame lent the locals for fallback statements; it also carries the traceback line.</param>
    public VmGeneratorState(Vm vm, VmFrame* frame, ExecFrame shadow, string name, string qualName)
        : base(shadow, name, qualName)
    {
        _vm = vm;
        Native = frame;
        Enumerator = this;
    }

    /// <summary>The frame (null once released).</summary>
    public VmFrame* Native { get; private set; }

    /// <summary>Owned, for a generator expression (no function object holds them): its closure tuple and globals dict.</summary>
    public nint OwnedClosure { get; set; }
    public nint OwnedGlobals { get; set; }

    public override bool RunsOnTreeFrame => false;

    /// <summary>
    /// The code whose idle frames <see cref="GeneratorState.Frame"/> came from: once the generator
    /// is finished nothing reads that frame, so it goes back for the next call to reuse.
    /// </summary>
    public CodeInfo? FrameOwner { get; set; }

    private bool _frameReturned;

    public nint Current => _current;

    object System.Collections.IEnumerator.Current => _current;

    public bool MoveNext()
    {
        _current = 0;
        if (Native == null)
        {
            return false;
        }
        bool yielded = _vm.ResumeGenerator(this, out nint value);
        if (yielded)
        {
            _current = value;
        }
        else
        {
            _returned = value;
        }
        return yielded;
    }

    public void Reset() => throw new NotSupportedException();

    /// <summary>Drops the frame's stack and locals, as CPython clears a finished or collected generator's frame.</summary>
    public void Dispose()
    {
        VmFrame* f = Native;
        if (f != null)
        {
            Native = null;
            _vm.ReleaseGeneratorFrame(f);
        }
    }

    public override nint TakeReturnValue()
    {
        nint r = _returned;
        _returned = 0;
        return r;
    }

    public override void ReleaseFrame()
    {
        Dispose();
        Frame.Release();
        if (FrameOwner != null && !_frameReturned)
        {
            _frameReturned = true;
            FrameOwner.ReturnFrame(Frame);
        }
        Refcount.XDecref((PyObject*)TakeReturnValue());
        nint closure = OwnedClosure;
        nint globals = OwnedGlobals;
        OwnedClosure = 0;
        OwnedGlobals = 0;
        Refcount.XDecref((PyObject*)closure);
        Refcount.XDecref((PyObject*)globals);
    }

    /// <summary>
    /// tp_traverse: the function, the locals, and, while suspended, the value stack (a loop's
    /// iterator, a delegate), so a suspended generator in a cycle is found like CPython's.
    /// A running frame's stack is not visited: its depth is only saved at suspension, and what
    /// it holds then counts as referenced from outside, which keeps it alive.
    /// </summary>
    public override int Traverse(delegate*<PyObject*, void*, int> visit, void* arg)
    {
        int r = VisitAll([OwnedClosure, OwnedGlobals], visit, arg);
        if (r != 0)
        {
            return r;
        }
        VmFrame* f = Native;
        if (f != null)
        {
            if (f->Function != null && (r = visit(f->Function, arg)) != 0)
            {
                return r;
            }
            if ((r = VisitAll(new ReadOnlySpan<nint>(f->Locals, f->LocalCount), visit, arg)) != 0)
            {
                return r;
            }
            if (!Running && (r = VisitAll(new ReadOnlySpan<nint>(f->Stack, f->StackDepth), visit, arg)) != 0)
            {
                return r;
            }
        }
        return _frameReturned ? 0 : VisitAll(Frame.Fast, visit, arg);
    }
}
