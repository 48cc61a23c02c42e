using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// What the interpreter remembers for one <see cref="Syntax.AttributeExpr"/>, kept on the node
/// (<see cref="Syntax.Expr.EvaluatorCache"/>): the interned attribute name, and for the class of
/// the last instance seen there (CPython's inline cache, one entry) what its class dict says
/// about the name. A class-cache epoch other than <see cref="Epoch"/> means classes changed and
/// the entry must be worked out again.
/// </summary>
internal sealed unsafe class AttributeSite(Interpreter owner, PyObject* key, bool isSpecial)
{
    /// <summary>The interpreter whose heap <see cref="Key"/> belongs to.</summary>
    public Interpreter Owner { get; } = owner;

    /// <summary>The interned attribute name (immortal).</summary>
    public PyObject* Key { get; } = key;

    /// <summary><c>__class__</c>, <c>__dict__</c> or <c>__weakref__</c>: never on the fast paths.</summary>
    public bool IsSpecial { get; } = isSpecial;

    /// <summary>The class the entry describes (0: none yet).</summary>
    public nint Type { get; private set; }

    /// <summary><see cref="Interpreter.TypeCacheEpoch"/> when the entry was made.</summary>
    public int Epoch { get; private set; }

    /// <summary>Nothing on the class intercepts assignment (no <c>__setattr__</c>, no property): it goes straight to the instance.</summary>
    public bool PlainSet { get; private set; }

    /// <summary>The class has no attribute of this name: a read finds it on the instance or nowhere.</summary>
    public bool InstanceOnly { get; private set; }

    public bool Describes(PyTypeObject* type, int epoch) => Type == (nint)type && Epoch == epoch;

    public void Remember(PyTypeObject* type, int epoch, bool plainSet, bool instanceOnly)
    {
        Type = (nint)type;
        Epoch = epoch;
        PlainSet = plainSet;
        InstanceOnly = instanceOnly;
    }
}
