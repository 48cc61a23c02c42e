using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// What the interpreter remembers for a call expression that constructed an instance (kept on
/// the node, <see cref="Syntax.Expr.EvaluatorCache"/>): for the class last called there, the
/// Python <c>__init__</c> its arguments can be bound into directly, or none. Valid while the
/// class-cache epoch is <see cref="Epoch"/> (a class dict change or a freed class moves it on),
/// which also keeps the borrowed <see cref="Init"/> alive: the class dict holds it.
/// </summary>
internal sealed unsafe class ConstructSite(Interpreter owner)
{
    public Interpreter Owner { get; } = owner;

    /// <summary>The class the entry describes (0: none yet).</summary>
    public nint Type { get; private set; }

    public int Epoch { get; private set; }

    /// <summary>Borrowed: the class's <c>__init__</c> function, or null when the general path must construct it.</summary>
    public PyObject* Init { get; private set; }

    public bool Describes(PyTypeObject* type, int epoch) => Type == (nint)type && Epoch == epoch;

    public void Remember(PyTypeObject* type, int epoch, PyObject* init)
    {
        Type = (nint)type;
        Epoch = epoch;
        Init = init;
    }
}
