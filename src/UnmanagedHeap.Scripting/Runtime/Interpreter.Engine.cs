using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Compiler;
using UnmanagedHeap.Scripting.Eval;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>Which evaluator runs code (<c>PYHEAP_ENGINE</c>).</summary>
public enum EngineKind
{
    /// <summary>The tree-walking interpreter only.</summary>
    Tree,
    /// <summary>Bytecode, with the tree-walker for what the compiler does not handle yet (the default).</summary>
    Bytecode,
    /// <summary>Bytecode only: code that would need the tree-walker raises SystemError naming the construct.</summary>
    Strict,
}

/// <summary>
/// The narrow surface the compiler (<c>Compiler/</c>) and the evaluation loop (<c>Eval/</c>)
/// use: the runtime's operations by their existing names, so moving type behaviour elsewhere
/// changes only these forwards.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>From <c>PYHEAP_ENGINE</c> (tree, bytecode, strict); bytecode when unset.</summary>
    public EngineKind Engine { get; set; } = EngineFromEnvironment();

    /// <summary>
    /// The engine <c>PYHEAP_ENGINE</c> names. Unset or empty is the bytecode loop; a name
    /// that is none of the three is refused, so a typo never silently measures the wrong engine.
    /// </summary>
    public static EngineKind EngineFromEnvironment() => ParseEngine(Environment.GetEnvironmentVariable("PYHEAP_ENGINE"));

    public static EngineKind ParseEngine(string? name) => name switch
    {
        null or "" or "bytecode" => EngineKind.Bytecode,
        "tree" => EngineKind.Tree,
        "strict" => EngineKind.Strict,
        _ => throw new ArgumentException($"PYHEAP_ENGINE={name}: expected tree, bytecode or strict"),
    };

    private Vm? _vm;

    /// <summary>The evaluation loop of this interpreter (made on first use).</summary>
    public Vm Vm => _vm ??= new Vm(this);

    /// <summary>The loop's fallback counts (<c>PYHEAP_FALLBACK_PROFILE=1</c>), or null.</summary>
    public FallbackProfile? FallbackProfile => _vm?.Profile;

    /// <summary>
    /// The bytecode of a function's code, compiled on its first call; null when it runs on the
    /// tree-walker (a generator, or the tree engine chosen).
    /// </summary>
    internal CodeObject? BytecodeOf(CodeInfo code)
    {
        if (code.Bytecode is { } compiled)
        {
            return compiled;
        }
        if (code.BytecodeRefused || Engine == EngineKind.Tree)
        {
            return null;
        }
        if (code.Body != null && MentionsFrameIntrospection(code.Body) || code.LambdaBody != null && MentionsFrameIntrospection(code.LambdaBody))
        {
            // eval/exec/locals() read the caller's frame, which only the tree-walker has as a namespace.
            code.BytecodeRefused = true;
            return null;
        }
        if (code.IsCoroutine)
        {
            // await suspends the coroutine, which only the tree-walker's generator machinery
            // does for now: the loop has no GET_AWAITABLE.
            code.BytecodeRefused = true;
            if (Engine == EngineKind.Strict)
            {
                throw Error(SystemError, $"PYHEAP_ENGINE=strict: coroutine {code.QualName}() runs on the tree-walker");
            }
            return null;
        }
        CodeObject c = BytecodeCompiler.CompileFunction(this, code, code.FirstLine);
        if (c.YieldInFallback is { } yieldNode)
        {
            // A yield the loop cannot suspend at: the whole generator runs on the tree-walker.
            code.BytecodeRefused = true;
            ReleaseConstants(c);
            if (Engine == EngineKind.Strict)
            {
                throw Error(SystemError, $"PYHEAP_ENGINE=strict: a yield inside {yieldNode.GetType().Name} at line {yieldNode.Line} of {code.QualName} runs on the tree-walker");
            }
            return null;
        }
        RequirePure(c);
        Vm.Register(c);
        code.Bytecode = c;
        return c;
    }

    /// <summary>Drops the constants of code that will never run.</summary>
    internal static void EngineReleaseConstants(CodeObject c) => ReleaseConstants(c);

    private static void ReleaseConstants(CodeObject c)
    {
        foreach (nint k in c.Consts)
        {
            Refcount.XDecref((PyObject*)k);
        }
    }

    /// <summary>Under the strict engine, code with tree-walker fallbacks is refused.</summary>
    internal void RequirePure(CodeObject c)
    {
        if (Engine == EngineKind.Strict && !c.IsPure)
        {
            Node n = c.Fallbacks[0].Node;
            string what = n.GetType().Name;
            throw Error(SystemError, $"PYHEAP_ENGINE=strict: {what} at line {n.Line} of {c.QualName} runs on the tree-walker");
        }
    }

    // ---- Forwards to the runtime's operations ----

    internal PyObject* EngineGetAttr(PyObject* obj, AttributeExpr a) => GetAttr(obj, a);

    internal void EngineSetAttr(PyObject* obj, AttributeExpr a, PyObject* value) => SetAttr(obj, a, value);

    internal PyObject* EngineLookupMethod(PyObject* obj, string name, out bool unbound) => LookupMethod(obj, name, out unbound);

    internal int EngineBuiltinMethodIndex(PyObject* obj, string name) => BuiltinMethodIndex(obj, name);

    internal PyObject* EngineUnboundBuiltin(int index) => UnboundBuiltin(index);

    internal BuiltinEntry EngineBuiltin(int index) => _builtinTable[index];

    internal PyObject* EngineLookupInType(PyTypeObject* t, string name) => LookupInType(t, name);

    internal bool EngineHasConstructor(PyTypeObject* t) => _constructors.ContainsKey((nint)t);

    internal PythonException EngineUnbound(string name) => Unbound(name);

    internal PyObject* EngineBuildList(ListExpr node, ReadOnlySpan<nint> items) => BuildListDisplay(node, items);

    internal PyObject* EngineEval(Expr e, ExecFrame f) => Eval(e, f);

    internal CodeInfo EngineCodeOf(PyFunctionObject* fn) => Codes[(int)fn->func_code];

    internal bool EngineHasRoomForCall() => HasRoomForCall();

    /// <summary>The scope the analyzer resolved for a function, lambda or comprehension node.</summary>
    internal Scope EngineScopeOf(Node node) => _scopes[node];

    /// <summary>A new generator object driven by <paramref name="state"/> (a frame of the loop).</summary>
    internal PyObject* EngineNewGenerator(GeneratorState state) => NewGeneratorObject(state, null);

    /// <summary>The state behind generator object <paramref name="gen"/>, or null once cleared.</summary>
    internal GeneratorState? EngineGeneratorState(PyObject* gen) => StateOf(gen);

    /// <summary>Ends a generator whose frame has returned or raised in the loop (drops its frame; runs none of its code).</summary>
    internal void EngineFinishGenerator(GeneratorState state) => FinishGenerator(state);

    /// <summary>A tuple of constants, built once and never tracked (what the tree-walker makes of the same display).</summary>
    internal PyObject* EngineConstantTuple(TupleExpr t)
    {
        PyObject* tuple = PyTuple.NewUninitialized(St, t.Elements.Length);
        for (int i = 0; i < t.Elements.Length; i++)
        {
            PyTuple.Items(tuple)[i] = Eval(t.Elements[i], null!);
        }
        return tuple;
    }

    /// <summary>
    /// Binds arguments for a call the loop cannot bind by position alone (keywords, *args,
    /// defaults of keyword-only parameters): the general binder fills a tree-walker frame, whose
    /// slots the loop then takes over.
    /// </summary>
    internal ExecFrame EngineBind(PyObject* func, CodeInfo code, nint[] args, KwArgs? kw)
    {
        var fn = (PyFunctionObject*)func;
        ExecFrame frame = code.RentFrame(fn->func_globals, fn->func_closure, (nint)func);
        try
        {
            BindArguments(code, fn, frame, args, kw);
        }
        catch
        {
            frame.Release();
            code.ReturnFrame(frame);
            throw;
        }
        return frame;
    }

    /// <summary>Wraps each captured local in a cell, as a call does on entry.</summary>
    internal static void EngineMakeCells(Interpreter interp, Scope scope, nint* locals)
    {
        foreach (string cellName in scope.Cells)
        {
            int slot = scope.Slots[cellName];
            PyObject* cell = ScriptTypes.New(interp.T.Cell);
            ((PyCellObject*)cell)->ob_ref = (PyObject*)locals[slot];
            ScriptTypes.Track(cell);
            locals[slot] = (nint)cell;
        }
    }

    // ---- The running Python frames, for C# callers (heapdebug.why_alive, stack captures) ----

    /// <summary>
    /// Every running Python frame, innermost first: the loop's frames and the tree-walker's,
    /// interleaved in call order.
    /// </summary>
    public List<PythonFrameView> RunningFrames()
    {
        var frames = new List<PythonFrameView>();
        ExecFrame? tree = Current;
        VmFrame* vm = _vm == null ? null : _vm.Top;
        while (tree != null || vm != null)
        {
            if (tree != null && tree.IsShadow)
            {
                tree = tree.Back;
                continue;
            }
            if (tree != null && (nint)tree.VmBelow == (nint)vm)
            {
                frames.Add(PythonFrameView.Of(tree, FileName));
                tree = tree.Back;
                continue;
            }
            if (vm == null)
            {
                break;
            }
            frames.Add(_vm!.View(vm));
            vm = vm->Back;
        }
        return frames;
    }
}

/// <summary>One running Python frame as C# code sees it: names, line, locals (borrowed references).</summary>
public sealed unsafe class PythonFrameView(string function, string file, int line, Scope scope, nint[] locals, nint globals, nint namespaceDict)
{
    public string Function { get; } = function;
    public string File { get; } = file;
    public int Line { get; } = line;
    public Scope Scope { get; } = scope;
    /// <summary>Borrowed references (0: unbound) by slot; cells as cells.</summary>
    public nint[] Locals { get; } = locals;
    public PyObject* Globals => (PyObject*)globals;
    /// <summary>The namespace dict of a class body running here, or null.</summary>
    public PyObject* Namespace => (PyObject*)namespaceDict;

    internal static PythonFrameView Of(ExecFrame f, string file) =>
        new(f.Function, file, f.Line, f.Scope, (nint[])f.Fast.Clone(), (nint)f.Globals,
            f.Locals != null && f.Locals != f.Globals ? (nint)f.Locals : 0);
}
