using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Compiler;

/// <summary>
/// One compiled code object (a module body, function or lambda): instructions, constants,
/// names, the line of every instruction, and the inline caches the evaluation loop
/// specializes in place. The constants and names are heap objects the code owns (interned
/// names and small ints are immortal); the tables are managed descriptions of them, read by
/// index in the loop so it allocates nothing.
/// </summary>
public sealed class CodeObject
{
    internal CodeObject(string name, string qualName, string file, int firstLine, CodeInfo? info, Scope scope,
        int[] code, int[] lines, nint[] consts, nint[] names, object[] nodes, nint[] nodeKeys, Fallback[] fallbacks, int localCount, int stackSize)
    {
        Name = name;
        QualName = qualName;
        File = file;
        FirstLine = firstLine;
        Info = info;
        Scope = scope;
        Code = code;
        Lines = lines;
        Consts = consts;
        Names = names;
        Nodes = nodes;
        NodeKeys = nodeKeys;
        Fallbacks = fallbacks;
        LocalCount = localCount;
        StackSize = stackSize;
        GlobalCaches = new GlobalCache[code.Length];
        MethodCaches = new MethodCache[code.Length];
        VarNames = new string[localCount];
        foreach (var (n, slot) in scope.Slots)
        {
            if (slot < localCount)
            {
                VarNames[slot] = n;
            }
        }
    }

    /// <summary>Index in the evaluation loop's code table (-1 until registered).</summary>
    public int Id { get; internal set; } = -1;
    public string Name { get; }
    public string QualName { get; }
    public string File { get; }
    public int FirstLine { get; }
    /// <summary>The function's description (null for a module body).</summary>
    public CodeInfo? Info { get; }
    public Scope Scope { get; }
    /// <summary>Instruction words (see <see cref="Instruction"/>).</summary>
    public int[] Code { get; }
    /// <summary>Source line of each instruction (the line of the statement it belongs to, as tracebacks print it).</summary>
    public int[] Lines { get; }
    /// <summary>Constants (owned references).</summary>
    public nint[] Consts { get; }
    /// <summary>Interned names (immortal) for LOAD_GLOBAL and STORE_GLOBAL.</summary>
    public nint[] Names { get; }
    /// <summary>Syntax nodes instructions refer to: attribute nodes (their site caches), call nodes (keyword names).</summary>
    public object[] Nodes { get; }
    /// <summary>The interned attribute name of each attribute node in <see cref="Nodes"/> (0 for other nodes).</summary>
    public nint[] NodeKeys { get; }
    /// <summary>Statements and expressions run by the tree-walking interpreter.</summary>
    public Fallback[] Fallbacks { get; }
    /// <summary>Local slots (parameters first), as the scope numbers them.</summary>
    public int LocalCount { get; }
    /// <summary>Most values the stack holds at once.</summary>
    public int StackSize { get; }
    /// <summary>Local names by slot (CPython's co_varnames).</summary>
    public string[] VarNames { get; }

    /// <summary>
    /// A fallback node holding a yield of this code (a generator's yield inside a statement the
    /// tree-walker runs cannot suspend the frame): such a generator runs on the tree-walker.
    /// </summary>
    public Node? YieldInFallback { get; init; }

    internal GlobalCache[] GlobalCaches { get; }
    internal MethodCache[] MethodCaches { get; }

    /// <summary>True when nothing in the code runs on the tree-walking interpreter.</summary>
    public bool IsPure => Fallbacks.Length == 0;
}

/// <summary>A statement or expression the compiler hands to the tree-walking interpreter, with the loop it sits in.</summary>
public sealed class Fallback(Node node, int breakTarget, int continueTarget)
{
    public Node Node { get; } = node;
    /// <summary>Where a <c>break</c> inside the statement goes (-1: not in a loop).</summary>
    public int BreakTarget { get; set; } = breakTarget;
    /// <summary>Where a <c>continue</c> inside it goes (-1: not in a loop).</summary>
    public int ContinueTarget { get; set; } = continueTarget;
}

/// <summary>LOAD_GLOBAL's inline cache: the value found while both dicts had these versions.</summary>
internal struct GlobalCache
{
    public nint Globals;
    public ulong GlobalsVersion;
    public ulong BuiltinsVersion;
    /// <summary>Borrowed: valid while the versions match.</summary>
    public nint Value;
}

/// <summary>LOAD_METHOD's inline cache: what the class said about the name, for one class and type-cache epoch.</summary>
internal struct MethodCache
{
    public nint Type;
    public int Epoch;
    /// <summary>Borrowed: the class's plain function (instances), or the unbound built-in method (built-in types).</summary>
    public nint Method;
    /// <summary>1: a user class whose instances must be checked for a shadowing attribute first; 2: a built-in type.</summary>
    public int Kind;
}
