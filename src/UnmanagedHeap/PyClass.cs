using UnmanagedHeap.Objects;

namespace UnmanagedHeap;

/// <summary>A handle to a class (a type object in the heap) defined through the C# API.</summary>
public readonly unsafe struct PyClass
{
    internal PyClass(PyTypeObject* type) => Type = type;

    internal PyTypeObject* Type { get; }

    /// <summary>The type object's address.</summary>
    public nint Address => (nint)Type;

    public string Name => TypeRegistry.NameOf(Type);

    public override string ToString() => $"<class '{Name}'>";
}
