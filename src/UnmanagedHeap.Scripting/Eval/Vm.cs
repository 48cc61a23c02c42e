using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Compiler;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Eval;

/// <summary>
/// The evaluation loop's state: the code objects it runs, the frame arena, the innermost
/// frame, and the tree-walker frames lent to fallback statements. The loop itself is in
/// <c>Vm.Loop.cs</c>; calls in <c>Vm.Calls.cs</c>.
/// </summary>
public sealed unsafe partial class Vm
{
    private readonly Interpreter _interp;
    private readonly HeapState* _st;
    private readonly FrameArena _arena = new();
    private readonly List<CodeObject> _codes = [];
    private readonly List<ExecFrame?> _shadows = [];
    private readonly Stack<int> _freeShadows = new();

    internal Vm(Interpreter interp)
    {
        _interp = interp;
        _st = interp.St;
        _listIterType = interp.T.Iter(IterKind.List);
        _rangeIterType = interp.T.Iter(IterKind.Range);
    }

    /// <summary>Counts of fallbacks run, when asked for (<see cref="RunOptions.ProfileFallbacks"/>); null otherwise, so the loop pays one null test.</summary>
    public FallbackProfile? Profile { get; set; }

    /// <summary>The iterator types FOR_ITER specializes for.</summary>
    private readonly PyTypeObject* _listIterType;
    private readonly PyTypeObject* _rangeIterType;

    /// <summary>The innermost running frame of the loop (null when none runs).</summary>
    public VmFrame* Top { get; private set; }

    public IReadOnlyList<CodeObject> Codes => _codes;

    internal void Register(CodeObject code)
    {
        code.Id = _codes.Count;
        _codes.Add(code);
    }

    /// <summary>
    /// Runs a function whose arguments the caller bound into <paramref name="bound"/> (cells
    /// made): the loop frame takes over its slots, and the tree-walker frame stays lent to it for
    /// fallback statements and for the caller's traceback line.
    /// </summary>
    public PyObject* RunFunction(PyObject* func, CodeObject code, ExecFrame bound)
    {
        VmFrame* f = _arena.Push(code.LocalCount + code.StackSize);
        f->CodeId = code.Id;
        f->LocalCount = code.LocalCount;
        f->Function = Interpreter.NewRef(func);
        var fn = (PyFunctionObject*)func;
        f->Globals = fn->func_globals;
        f->Closure = fn->func_closure;
        f->Flags = VmFrame.EntryFlag | VmFrame.BorrowedShadowFlag;
        f->Shadow = AddShadow(bound);
        nint[] fast = bound.Fast;
        nint* locals = f->Locals;
        for (int i = 0; i < fast.Length; i++)
        {
            locals[i] = fast[i];
            fast[i] = 0;
        }
        return Run(f);
    }

    /// <summary>Runs a module body; <paramref name="module"/> is its tree-walker frame (globals, traceback line).</summary>
    public PyObject* RunModule(CodeObject code, ExecFrame module)
    {
        VmFrame* f = _arena.Push(code.StackSize);
        f->CodeId = code.Id;
        f->Globals = module.Globals;
        f->Flags = VmFrame.EntryFlag | VmFrame.BorrowedShadowFlag;
        f->Shadow = AddShadow(module);
        // The module's own frame stands for this loop frame while it runs: stack walks list
        // the loop frame and skip this one, as they skip any shadow.
        bool wasShadow = module.IsShadow;
        module.IsShadow = true;
        try
        {
            return Run(f);
        }
        finally
        {
            module.IsShadow = wasShadow;
        }
    }

    private int AddShadow(ExecFrame frame)
    {
        if (_freeShadows.TryPop(out int i))
        {
            _shadows[i] = frame;
            return i;
        }
        _shadows.Add(frame);
        return _shadows.Count - 1;
    }

    /// <summary>The tree-walker frame lent this frame's locals for fallbacks (made on first need).</summary>
    private ExecFrame ShadowOf(VmFrame* f, CodeObject code)
    {
        if (f->Shadow < 0)
        {
            ExecFrame frame = code.Info!.RentFrame(f->Globals, f->Closure, (nint)f->Function);
            f->Shadow = AddShadow(frame);
        }
        return _shadows[f->Shadow]!;
    }

    /// <summary>Hands the locals to the shadow frame (references move; nothing is counted twice).</summary>
    private static void Lend(VmFrame* f, ExecFrame shadow)
    {
        // Only the scope's slots: slots past them belong to inlined comprehensions, which
        // contain no fallback (BytecodeCompiler.Comprehensions), so they are empty here.
        nint* locals = f->Locals;
        nint[] fast = shadow.Fast;
        int count = Math.Min(f->LocalCount, fast.Length);
        for (int i = 0; i < count; i++)
        {
            fast[i] = locals[i];
            locals[i] = 0;
        }
    }

    private static void TakeBack(VmFrame* f, ExecFrame shadow)
    {
        nint* locals = f->Locals;
        nint[] fast = shadow.Fast;
        int count = Math.Min(f->LocalCount, fast.Length);
        for (int i = 0; i < count; i++)
        {
            locals[i] = fast[i];
            fast[i] = 0;
        }
    }

    /// <summary>Runs fallback statement <paramref name="fb"/> on the tree-walker in this frame's locals.</summary>
    private Flow ExecFallback(VmFrame* f, CodeObject code, Stmt s, out PyObject* returned)
    {
        ExecFrame shadow = ShadowOf(f, code);
        Lend(f, shadow);
        ExecFrame? previous = _interp.Current;
        // A module's own frame is its shadow and may be Current already: never link it to itself.
        ExecFrame? savedBack = shadow.Back;
        if (previous != shadow)
        {
            shadow.Back = previous;
        }
        bool wasShadow = shadow.IsShadow;
        shadow.IsShadow = true;
        _interp.Current = shadow;
        Top = f;
        try
        {
            Flow flow = _interp.Exec(s, shadow);
            returned = null;
            if (flow == Flow.Return)
            {
                returned = (PyObject*)shadow.ReturnValue;
                shadow.ReturnValue = 0;
            }
            return flow;
        }
        finally
        {
            _interp.Current = previous;
            shadow.IsShadow = wasShadow;
            shadow.Back = savedBack;
            TakeBack(f, shadow);
        }
    }

    /// <summary>Evaluates fallback expression <paramref name="e"/> on the tree-walker in this frame's locals.</summary>
    private PyObject* EvalFallback(VmFrame* f, CodeObject code, Expr e, int line)
    {
        ExecFrame shadow = ShadowOf(f, code);
        Lend(f, shadow);
        ExecFrame? previous = _interp.Current;
        // A module's own frame is its shadow and may be Current already: never link it to itself.
        ExecFrame? savedBack = shadow.Back;
        if (previous != shadow)
        {
            shadow.Back = previous;
        }
        bool wasShadow = shadow.IsShadow;
        shadow.IsShadow = true;
        shadow.Line = line;
        _interp.Current = shadow;
        Top = f;
        try
        {
            return _interp.EngineEval(e, shadow);
        }
        finally
        {
            _interp.Current = previous;
            shadow.IsShadow = wasShadow;
            shadow.Back = savedBack;
            TakeBack(f, shadow);
        }
    }

    /// <summary>
    /// Drops everything frame <paramref name="f"/> owns: the values on its stack (below
    /// <paramref name="sp"/>), then its locals in slot order, as a CPython frame is cleared.
    /// </summary>
    private void Clear(VmFrame* f, nint* sp)
    {
        for (nint* p = f->Stack; p < sp; p++)
        {
            nint v = *p;
            *p = 0;
            Refcount.XDecref((PyObject*)v);
        }
        nint* locals = f->Locals;
        for (int i = 0; i < f->LocalCount; i++)
        {
            nint v = locals[i];
            locals[i] = 0;
            Refcount.XDecref((PyObject*)v);
        }
        f->StackDepth = 0;
        if (f->Constructed != null)
        {
            PyObject* c = f->Constructed;
            f->Constructed = null;
            Refcount.Decref(c);
        }
    }

    /// <summary>Releases a finished frame's function and shadow and gives its memory back.</summary>
    private void Pop(VmFrame* f)
    {
        if ((f->Flags & VmFrame.GeneratorFlag) != 0)
        {
            // The generator keeps its frame (function, shadow, memory) until it is released.
            Top = f->Back;
            return;
        }
        if (f->Shadow >= 0)
        {
            ExecFrame shadow = _shadows[f->Shadow]!;
            _shadows[f->Shadow] = null;
            _freeShadows.Push(f->Shadow);
            if ((f->Flags & VmFrame.BorrowedShadowFlag) == 0)
            {
                shadow.Release();
                _codes[f->CodeId].Info!.ReturnFrame(shadow);
            }
        }
        PyObject* fn = f->Function;
        f->Function = null;
        Top = f->Back;
        _arena.Pop(f);
        Refcount.XDecref(fn);
    }

    /// <summary>The line frame <paramref name="f"/> is at (<paramref name="ip"/>: the instruction after the current one).</summary>
    private int LineOf(VmFrame* f, int ip)
    {
        CodeObject code = _codes[f->CodeId];
        int at = Math.Clamp(ip - 1, 0, code.Lines.Length - 1);
        Opcode op = Instruction.OpOf(code.Code[at]);
        if (op is Opcode.ExecStatement && f->Shadow >= 0)
        {
            // A statement the tree-walker ran: its own line inside (a try body, a with block).
            return _shadows[f->Shadow]!.Line;
        }
        return code.Lines[at];
    }

    /// <summary>Frame <paramref name="f"/>'s file, current line and code name, reading fields only (stack captures allocate nothing).</summary>
    internal Inspect.AllocationFrame Describe(VmFrame* f, string defaultFile)
    {
        CodeObject code = _codes[f->CodeId];
        return new Inspect.AllocationFrame(code.File.Length != 0 ? code.File : defaultFile, LineOf(f, f->Ip), code.Name);
    }

    /// <summary>A view of a frame for <see cref="Interpreter.RunningFrames"/>.</summary>
    internal PythonFrameView View(VmFrame* f)
    {
        CodeObject code = _codes[f->CodeId];
        var locals = new nint[f->LocalCount];
        for (int i = 0; i < locals.Length; i++)
        {
            locals[i] = f->Locals[i];
        }
        if (f->Shadow >= 0 && _shadows[f->Shadow] is { IsShadow: true } shadow)
        {
            // The locals are lent to a fallback statement running now.
            for (int i = 0; i < locals.Length; i++)
            {
                locals[i] = shadow.Fast[i];
            }
        }
        int ip = f == Top ? f->Ip : f->Ip;
        return new PythonFrameView(code.Name, code.File, LineOf(f, ip), code.Scope, locals, (nint)f->Globals, 0);
    }
}
