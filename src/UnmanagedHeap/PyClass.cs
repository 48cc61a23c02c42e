using System.Runtime.CompilerServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap;

/// <summary>A handle to a class (a type object in the heap) defined through the C# API.</summary>
/// <remarks>The type object lives in the heap's memory, so reading it (<see cref="Name"/>) checks the heap first.</remarks>
public readonly unsafe struct PyClass
{
    private readonly Heap? _heap;

    internal PyClass(Heap heap, PyTypeObject* type)
    {
        _heap = heap;
        Type = type;
    }

    /// <summary>The type object without any check, for the layers built on the heap.</summary>
    internal PyTypeObject* Type { get; }

    /// <summary>The type object, for a call of <paramref name="heap"/>: refuses a class of another heap, and a disposed or wrong-thread heap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal PyTypeObject* TypeFor(Heap heap)
    {
        heap.CheckOwns(_heap);
        return Type;
    }

    /// <summary>The type object's address.</summary>
    public nint Address => (nint)Type;

    /// <summary>The class's name, read from its type object.</summary>
    public string Name
    {
        get
        {
            Heap heap = _heap ?? throw new ObjectDisposedException(nameof(PyClass), "this class handle was never assigned");
            return TypeRegistry.NameOf(TypeFor(heap));
        }
    }

    public override string ToString() => $"<class '{Name}'>";
}
