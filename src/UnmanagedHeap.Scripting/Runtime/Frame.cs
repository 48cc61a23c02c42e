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

    /// <summary>Frame slot of each positional parameter (argument binding without name lookups).</summary>
    public int[] PositionalSlots { get; } = parameters.Positional.Select(p => scope.Slots[p.Name]).ToArray();

    /// <summary>How many positional parameters have no default.</summary>
    public int RequiredPositional { get; } = parameters.Positional.Count(p => p.Default is null);
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
    public PyObject* Globals { get; }
    /// <summary>Borrowed: the namespace dict of a module or class body; null in functions.</summary>
    public PyObject* Locals { get; }
    /// <summary>Borrowed: the running function's closure tuple, or null.</summary>
    public PyObject* Closure { get; }
    /// <summary>The frame a class body runs inside (for closures of its methods).</summary>
    public ExecFrame? Parent { get; }
    /// <summary>Owned references (or null) per local slot.</summary>
    public nint[] Fast { get; }
    public string Function { get; }
    /// <summary>Prefix for qualnames of functions and classes defined here.</summary>
    public string QualPrefix { get; }
    public int Line { get; set; }
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

    /// <summary>Drops every local: what a CPython frame does when it is cleared on return.</summary>
    public void Release()
    {
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
