using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>What a function's code is: its syntax and resolved scope (managed description only).</summary>
public sealed class CodeInfo(string name, string qualName, ParameterList parameters, IReadOnlyList<Stmt>? body, Expr? lambdaBody, Scope scope, string file, bool isGenerator = false)
{
    public string Name { get; } = name;
    public string QualName { get; } = qualName;
    public ParameterList Parameters { get; } = parameters;
    public IReadOnlyList<Stmt>? Body { get; } = body;
    public Expr? LambdaBody { get; } = lambdaBody;
    public Scope Scope { get; } = scope;
    public string File { get; } = file;

    /// <summary>True when the body contains <c>yield</c>: a call returns a generator instead of running it.</summary>
    public bool IsGenerator { get; } = isGenerator;

    /// <summary>An <c>async def</c>: the generator a call makes is a coroutine.</summary>
    public bool IsCoroutine { get; init; }

    /// <summary>The line of the <c>def</c> or <c>lambda</c> (co_firstlineno).</summary>
    public int FirstLine { get; init; }

    /// <summary>The compiled body, once the first call compiled it (see <see cref="Interpreter.BytecodeOf"/>).</summary>
    public Compiler.CodeObject? Bytecode { get; set; }

    /// <summary>True when this code runs on the tree-walker (a generator function).</summary>
    public bool BytecodeRefused { get; set; }

    /// <summary>Frame slot of each positional parameter (argument binding without name lookups).</summary>
    public int[] PositionalSlots { get; } = parameters.Positional.Select(p => scope.Slots[p.Name]).ToArray();

    /// <summary>How many positional parameters have no default.</summary>
    public int RequiredPositional { get; } = parameters.Positional.Count(p => p.Default is null);

    /// <summary>Prefix for qualnames of functions and classes defined in a call of this code.</summary>
    public string LocalsQualPrefix { get; } = qualName + ".<locals>.";

    /// <summary>
    /// True when a call with <paramref name="count"/> positional arguments and nothing else binds
    /// them straight into the frame's slots: no *args, **kwargs or keyword-only parameters,
    /// and the count needs no error message.
    /// </summary>
    public bool BindsPositionalOnly(int count) =>
        Parameters.VarArgs is null && Parameters.KwArgs is null && Parameters.KeywordOnly.Length == 0
        && count >= RequiredPositional && count <= PositionalSlots.Length;

    /// <summary>Finished frames of this code, reused by later calls (a call then allocates nothing managed).</summary>
    private readonly Stack<ExecFrame> _idleFrames = new();

    /// <summary>Recursion keeps more frames busy; only this many idle ones are kept.</summary>
    private const int MaxIdleFrames = 8;

    /// <summary>A frame for a call of this code, all locals unbound.</summary>
    public unsafe ExecFrame RentFrame(PyObject* globals, PyObject* closure, nint function)
    {
        if (_idleFrames.TryPop(out ExecFrame? frame))
        {
            frame.Reuse(globals, closure, function);
            return frame;
        }
        return new ExecFrame(Scope, globals, null, closure, null, Name, LocalsQualPrefix) { FunctionObject = function, File = File };
    }

    /// <summary>
    /// Takes back a frame whose call has returned and whose locals are released. Nothing may
    /// still refer to it: a generator's frame is never given back.
    /// </summary>
    public void ReturnFrame(ExecFrame frame)
    {
        if (_idleFrames.Count < MaxIdleFrames)
        {
            _idleFrames.Push(frame);
        }
    }
}

/// <summary>
/// An executing scope. A function frame holds its locals as references in slots (cells for
/// captured ones) and drops them all on exit — variables are labels. Module and class frames
/// keep names in their namespace dict.
/// </summary>
public sealed unsafe class ExecFrame
{
    public ExecFrame(Scope scope, PyObject* globals, PyObject* locals, PyObject* closure, ExecFrame? parent, string function, string qualPrefix)
    {
        Scope = scope;
        Globals = globals;
        Locals = locals;
        Closure = closure;
        Parent = parent;
        Function = function;
        QualPrefix = qualPrefix;
        Fast = scope.Kind == ScopeKind.Function ? new nint[scope.Slots.Count] : [];
    }

    public Scope Scope { get; }
    /// <summary>Borrowed: the module dict.</summary>
    public PyObject* Globals { get; private set; }
    /// <summary>Borrowed: the namespace dict of a module or class body; null in functions.</summary>
    public PyObject* Locals { get; }
    /// <summary>Borrowed: the running function's closure tuple, or null.</summary>
    public PyObject* Closure { get; private set; }
    /// <summary>The frame a class body runs inside (for closures of its methods).</summary>
    public ExecFrame? Parent { get; }
    /// <summary>The frame that was running when this one was entered (its caller), for walking the stack's locals.</summary>
    public ExecFrame? Back { get; set; }
    /// <summary>The evaluation loop's innermost frame when this one was entered (<see cref="Interpreter.RunningFrames"/> interleaves the two).</summary>
    public Eval.VmFrame* VmBelow { get; set; }
    /// <summary>
    /// True while this frame only lends a bytecode frame's locals to the tree-walker for a
    /// fallback statement: that bytecode frame is the one to list.
    /// </summary>
    public bool IsShadow { get; set; }
    /// <summary>Owned references (or null) per local slot.</summary>
    public nint[] Fast { get; }
    public string Function { get; }
    /// <summary>Prefix for qualnames of functions and classes defined here.</summary>
    public string QualPrefix { get; }
    public int Line { get; set; }
    /// <summary>The source file this frame's code came from ("" when unknown: the interpreter's file is meant).</summary>
    public string File { get; init; } = "";
    /// <summary>The function object running in this frame (borrowed; the caller holds it), or 0.</summary>
    public nint FunctionObject { get; set; }
    /// <summary>Owned: the value being returned.</summary>
    public nint ReturnValue { get; set; }
    /// <summary>
    /// Borrowed (the class statement holds it): the <c>__class__</c> cell of the class body
    /// running in this frame, made when the first method that needs it is defined; or 0.
    /// </summary>
    public nint ClassCell { get; set; }
    /// <summary>Comprehension loop variables (owned references), innermost last.</summary>
    public List<(string Name, nint Value, bool IsCell)>? CompVars { get; set; }

    /// <summary>Readies a released function frame (see <see cref="CodeInfo.RentFrame"/>) for another call of its code.</summary>
    public void Reuse(PyObject* globals, PyObject* closure, nint function)
    {
        Globals = globals;
        Closure = closure;
        FunctionObject = function;
        Line = 0;
        ReturnValue = 0;
        ClassCell = 0;
    }

    /// <summary>
    /// A function frame's locals() dict (owned), kept as CPython 3.12 keeps frame.f_locals:
    /// every locals() call refreshes and returns the same dict, so what exec() stored in it stays.
    /// </summary>
    public nint LocalsDict { get; set; }

    /// <summary>Drops every local: what a CPython frame does when it is cleared on return.</summary>
    public void Release()
    {
        if (LocalsDict != 0)
        {
            nint d = LocalsDict;
            LocalsDict = 0;
            Refcount.Decref((PyObject*)d);
        }
        for (int i = 0; i < Fast.Length; i++)
        {
            nint v = Fast[i];
            if (v != 0)
            {
                Fast[i] = 0;
                Refcount.Decref((PyObject*)v);
            }
        }
    }
}
