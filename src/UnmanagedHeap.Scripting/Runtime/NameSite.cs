using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>Where a name expression's variable lives, as its scope resolved it.</summary>
internal enum NameAccess
{
    /// <summary>A function's plain local: frame slot <see cref="NameSite.Index"/>.</summary>
    Fast,
    /// <summary>A function's captured local: the cell in slot <see cref="NameSite.Index"/>.</summary>
    Cell,
    /// <summary>An enclosing function's variable: closure cell <see cref="NameSite.Index"/>.</summary>
    Free,
    /// <summary>Module globals, then builtins (module code, and names a function does not bind).</summary>
    Global,
    /// <summary>A class body: its namespace, then globals and builtins; stores go to the namespace unless declared global.</summary>
    ClassBody,
}

/// <summary>
/// What the interpreter worked out for one <see cref="Syntax.NameExpr"/>: its binding in the
/// scope it runs in and its interned key, kept on the node (<see cref="Syntax.Expr.EvaluatorCache"/>)
/// so that reading or binding the name again costs no lookup by name.
/// </summary>
internal sealed unsafe class NameSite(Interpreter owner, Scope scope, NameAccess access, int index, PyObject* key, bool storesGlobal)
{
    /// <summary>The interpreter whose heap <see cref="Key"/> belongs to.</summary>
    public Interpreter Owner { get; } = owner;

    /// <summary>The scope the binding was resolved in (a node always runs in the same one).</summary>
    public Scope Scope { get; } = scope;

    public NameAccess Access { get; } = access;

    /// <summary>Frame slot or closure index, for <see cref="NameAccess.Fast"/>, <see cref="NameAccess.Cell"/> and <see cref="NameAccess.Free"/>.</summary>
    public int Index { get; } = index;

    /// <summary>The interned name (immortal): the key in globals, builtins and class namespaces.</summary>
    public PyObject* Key { get; } = key;

    /// <summary>In a class body, a name declared <c>global</c>: bound in the module's globals.</summary>
    public bool StoresGlobal { get; } = storesGlobal;
}
