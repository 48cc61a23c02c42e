using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>The native object that stands for a C# delegate in the heap: header plus a slot number.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ManagedCallableObject
{
    public PyObject ob_base;
    /// <summary>Index of the delegate in the owning heap's <see cref="ManagedCallables"/> table.</summary>
    public nint slot;
}

/// <summary>
/// A weak reference's callback must be an object in the heap (the weakref holds a reference
/// to it and its traverse slot visits it). For callbacks written in C#, this type provides
/// one: a small, non-container object whose slot indexes a table of delegates. Its dealloc
/// frees the slot, so a delegate lives exactly as long as the heap object that stands for it.
/// </summary>
internal sealed unsafe class ManagedCallables
{
    private readonly List<Delegate?> _slots = [];
    private readonly Stack<int> _free = new();

    public ManagedCallables(TypeRegistry types) =>
        Type = types.Create("managed_callback", sizeof(ManagedCallableObject), 0, TypeFlags.None, new TypeSlots { Dealloc = &Dealloc });

    public PyTypeObject* Type { get; }

    /// <summary>A new heap object (refcount 1) standing for <paramref name="callback"/>.</summary>
    public PyObject* New(Delegate callback)
    {
        int slot;
        if (_free.Count > 0)
        {
            slot = _free.Pop();
            _slots[slot] = callback;
        }
        else
        {
            slot = _slots.Count;
            _slots.Add(callback);
        }
        PyObject* op;
        try
        {
            op = ObjectMemory.Allocate(Type);
        }
        catch
        {
            Release(slot);
            throw;
        }
        ((ManagedCallableObject*)op)->slot = slot;
        return op;
    }

    /// <summary>The delegate <paramref name="op"/> stands for, if it is one of these objects.</summary>
    public T? Get<T>(PyObject* op) where T : Delegate =>
        op->ob_type == Type ? _slots[(int)((ManagedCallableObject*)op)->slot] as T : null;

    private void Release(int slot)
    {
        _slots[slot] = null;
        _free.Push(slot);
    }

    private static void Dealloc(PyObject* op)
    {
        Heap heap = Heap.FromState(op->ob_type->tp_heap);
        heap.Weakrefs.Callables.Release((int)((ManagedCallableObject*)op)->slot);
        ObjectMemory.Free(op);
    }
}
