using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Compiler;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Eval;

/// <summary>
/// Generators as suspended frames (CPython 3.12's RETURN_GENERATOR / YIELD_VALUE / SEND): a
/// call of a generator function moves its bound arguments into a frame of its own, outside the
/// arena's stack order; each resumption links that frame on top of the running ones and
/// re-enters the loop where it stopped. <c>throw</c> raises at the yield (after passing through
/// a <c>yield from</c> delegate, as <c>_gen_throw</c> does); <c>close</c> is a throw of
/// GeneratorExit, done by the shared protocol.
/// </summary>
public sealed unsafe partial class Vm
{
    /// <summary>
    /// What calling generator function <paramref name="func"/> returns: a generator owning a
    /// frame that takes over the slots bound into <paramref name="bound"/> (cells made), which
    /// stays lent to it for fallback statements.
    /// </summary>
    public PyObject* MakeGenerator(PyObject* func, CodeObject code, ExecFrame bound)
    {
        VmFrame* f = NewGeneratorFrame(code);
        var fn = (PyFunctionObject*)func;
        f->Function = Interpreter.NewRef(func);
        f->Globals = fn->func_globals;
        f->Closure = fn->func_closure;
        f->Shadow = AddShadow(bound);
        nint[] fast = bound.Fast;
        nint* locals = f->Locals;
        // The scope's slots; any past them (inlined comprehensions) start empty.
        for (int i = 0; i < fast.Length; i++)
        {
            locals[i] = fast[i];
            fast[i] = 0;
        }
        var state = new VmGeneratorState(this, f, bound, code.Name, code.QualName) { FrameOwner = code.Info };
        f->GenSlot = AddGeneratorState(state);
        PyObject* gen = _interp.EngineNewGenerator(state);
        _generatorType = gen->ob_type;
        return gen;
    }

    /// <summary>
    /// A generator expression's generator: a frame for <paramref name="code"/> whose hidden first
    /// local past the scope's is the first iterable's iterator (owned, moved in), whose closure is
    /// <paramref name="closure"/> (owned, 0 when none), and which reads the enclosing frame's globals.
    /// </summary>
    private PyObject* MakeExpressionGenerator(CodeObject code, VmFrame* enclosing, nint iterator, nint closure)
    {
        VmFrame* f = NewGeneratorFrame(code);
        // The hidden iterator is the first slot past the scope's (BytecodeCompiler.Generators).
        f->Locals[code.Scope.Slots.Count] = iterator;
        f->Globals = enclosing->Globals;
        f->Closure = (PyObject*)closure;
        if (code.Scope.Cells.Count > 0)
        {
            Interpreter.EngineMakeCells(_interp, code.Scope, f->Locals);
        }
        // No fallbacks run here (the code is pure): this frame only carries the traceback line.
        var traceFrame = new ExecFrame(code.Scope, f->Globals, null, (PyObject*)closure, null, code.Name, code.QualName + ".<locals>.") { File = code.File, Line = code.FirstLine };
        f->Shadow = AddShadow(traceFrame);
        var state = new VmGeneratorState(this, f, traceFrame, code.Name, code.QualName)
        {
            OwnedClosure = closure,
            OwnedGlobals = (nint)Interpreter.NewRef(f->Globals),
        };
        f->GenSlot = AddGeneratorState(state);
        PyObject* gen = _interp.EngineNewGenerator(state);
        _generatorType = gen->ob_type;
        return gen;
    }

    /// <summary>The generator type, once the loop has made a generator (what SEND and FOR_ITER test for their inline paths).</summary>
    private PyTypeObject* _generatorType;

    /// <summary>The states of live generator frames, by <see cref="VmFrame.GenSlot"/>.</summary>
    private readonly List<VmGeneratorState?> _genStates = [];
    private readonly Stack<int> _freeGenSlots = new();

    private int AddGeneratorState(VmGeneratorState state)
    {
        if (_freeGenSlots.TryPop(out int i))
        {
            _genStates[i] = state;
            return i;
        }
        _genStates.Add(state);
        return _genStates.Count - 1;
    }

    /// <summary>
    /// SEND_GEN / FOR_ITER_GEN: readies generator <paramref name="gen"/>'s frame to run on top of
    /// the current one, in this loop, with <paramref name="sent"/> (owned, 0 for None; consumed
    /// only on success) as its yield's value. Null when the protocol's general path must handle
    /// it: a generator of the tree-walker, one already running or finished, a non-None value
    /// sent to a fresh one, or the recursion limit reached (that path raises the right error).
    /// </summary>
    private VmFrame* TryEnterInline(PyObject* gen, nint sent, int kind, int returnIp)
    {
        if (_interp.EngineGeneratorState(gen) is not VmGeneratorState { Running: false, Done: false, Native: not null } g)
        {
            return null;
        }
        VmFrame* f = g.Native;
        bool suspended = (f->Flags & VmFrame.SuspendedFlag) != 0;
        if ((!suspended && sent != 0 && sent != (nint)_st->none) || _interp.Depth + 1 >= _interp.RecursionLimit)
        {
            return null;
        }
        g.Started = true;
        g.Running = true;
        g.Delegate = 0;
        _interp.Depth++;
        if (suspended)
        {
            f->Stack[f->StackDepth++] = sent != 0 ? sent : (nint)Interpreter.NewRef(_st->none);
        }
        else
        {
            Refcount.XDecref((PyObject*)sent);
        }
        f->Flags = (f->Flags & ~(VmFrame.EntryFlag | VmFrame.SuspendedFlag | VmFrame.InlineSendFlag | VmFrame.InlineForIterFlag)) | kind;
        f->ReturnIp = returnIp;
        return f;
    }

    /// <summary>An inline generator frame has yielded back to its resumer.</summary>
    private void LeaveInline(VmFrame* f)
    {
        VmGeneratorState g = _genStates[f->GenSlot]!;
        g.Running = false;
        _interp.Depth--;
        if (YieldFromExit(f) >= 0)
        {
            g.Delegate = f->Stack[f->StackDepth - 1];
        }
    }

    /// <summary>An inline generator frame has returned or raised (its frame already cleared, unlinked): the generator is finished.</summary>
    private void FinishInline(VmFrame* f)
    {
        VmGeneratorState g = _genStates[f->GenSlot]!;
        g.Running = false;
        _interp.EngineFinishGenerator(g);
    }

    /// <summary>PEP 479: StopIteration leaving a generator's frame becomes RuntimeError.</summary>
    private PythonException GeneratorRaised(PythonException e)
    {
        if (e.Object == null || !Interpreter.IsSubtype(e.Object->ob_type, _interp.StopIteration))
        {
            return e;
        }
        _interp.DropException(e);
        return _interp.Error(_interp.RuntimeError, "generator raised StopIteration");
    }

    /// <summary>A zeroed frame in memory of its own (it outlives the call that made it).</summary>
    private static VmFrame* NewGeneratorFrame(CodeObject code)
    {
        int bytes = sizeof(VmFrame) + (code.LocalCount + code.StackSize) * sizeof(nint);
        var f = (VmFrame*)NativeMemory.AllocZeroed((nuint)bytes);
        f->CodeId = code.Id;
        f->LocalCount = code.LocalCount;
        f->Shadow = -1;
        f->Flags = VmFrame.EntryFlag | VmFrame.BorrowedShadowFlag | VmFrame.GeneratorFlag;
        return f;
    }

    /// <summary>
    /// Runs the generator to its next yield (true, the value in <paramref name="value"/>) or to
    /// its end (false, the return value there). The resumption the protocol stored (a sent
    /// value or a thrown exception) is taken here. An exception escaping the frame propagates,
    /// the frame already cleared.
    /// </summary>
    internal bool ResumeGenerator(VmGeneratorState g, out nint value)
    {
        VmFrame* f = g.Native;
        nint sent = g.TakeResumption(out PythonException? thrown);
        g.Delegate = 0;
        // Resumed from C#: returning or yielding leaves the loop.
        f->Flags = (f->Flags & ~(VmFrame.InlineSendFlag | VmFrame.InlineForIterFlag)) | VmFrame.EntryFlag;
        if ((f->Flags & VmFrame.SuspendedFlag) != 0)
        {
            int exit = YieldFromExit(f);
            bool delegated = thrown != null && exit >= 0;
            if (delegated)
            {
                Refcount.XDecref((PyObject*)sent);
                sent = 0;
                if (ThrowIntoDelegate(g, f, exit, ref thrown, out value))
                {
                    return true;
                }
            }
            f->Flags &= ~VmFrame.SuspendedFlag;
            if (thrown == null && !delegated)
            {
                // What the yield expression evaluates to.
                f->Stack[f->StackDepth++] = sent != 0 ? sent : (nint)Interpreter.NewRef(_st->none);
                sent = 0;
            }
        }
        Refcount.XDecref((PyObject*)sent);
        PyObject* r = Run(f, thrown);
        value = (nint)r;
        if ((f->Flags & VmFrame.SuspendedFlag) == 0)
        {
            return false;
        }
        if (YieldFromExit(f) >= 0)
        {
            // Borrowed: the delegate under the yielded value, for gi_yieldfrom.
            g.Delegate = f->Stack[f->StackDepth - 1];
        }
        return true;
    }

    /// <summary>Where the <c>yield from</c> a suspended frame is in continues (its END_SEND), or -1 for a plain yield.</summary>
    private int YieldFromExit(VmFrame* f) => Instruction.ArgOf(_codes[f->CodeId].Code[f->Ip - 1]) - 1;

    /// <summary>
    /// throw() while suspended in <c>yield from</c>: GeneratorExit closes the delegate and is then
    /// raised here; anything else is thrown into the delegate. True when the delegate yields
    /// again (the frame stays suspended); otherwise the frame goes on at the END_SEND with the
    /// delegate's return value, or <paramref name="thrown"/> is what to raise at the yield.
    /// </summary>
    private bool ThrowIntoDelegate(VmGeneratorState g, VmFrame* f, int exit, ref PythonException? thrown, out nint value)
    {
        value = 0;
        nint it = f->Stack[f->StackDepth - 1];
        try
        {
            if (_interp.IsGeneratorExit(thrown!))
            {
                _interp.CloseDelegate(it, thrown!);
                return false;
            }
            PythonException t = thrown!;
            thrown = null;
            nint yielded = _interp.DelegateStep(it, 0, t, out nint result);
            if (yielded != 0)
            {
                g.Delegate = it;
                value = yielded;
                return true;
            }
            // The delegate finished: [iter, result], continuing at END_SEND.
            f->Stack[f->StackDepth++] = result;
            f->Ip = exit;
            return false;
        }
        catch (Exception raw)
        {
            thrown = raw as PythonException ?? _interp.Translate(raw);
            return false;
        }
    }

    /// <summary>Drops a generator's frame: its stack and locals, its function and shadow slot, its memory.</summary>
    internal void ReleaseGeneratorFrame(VmFrame* f)
    {
        Clear(f, f->Stack + f->StackDepth);
        if (f->Shadow >= 0)
        {
            _shadows[f->Shadow] = null;
            _freeShadows.Push(f->Shadow);
            f->Shadow = -1;
        }
        _genStates[f->GenSlot] = null;
        _freeGenSlots.Push(f->GenSlot);
        PyObject* fn = f->Function;
        f->Function = null;
        NativeMemory.Free(f);
        Refcount.XDecref(fn);
    }
}
