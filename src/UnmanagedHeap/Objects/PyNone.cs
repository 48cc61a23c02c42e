namespace UnmanagedHeap.Objects;

/// <summary><c>None</c>: a bare 16-byte object header, immortal, never freed.</summary>
public static unsafe class PyNone
{
    public static PyTypeObject* CreateType(TypeRegistry types)
    {
        var slots = new TypeSlots { Dealloc = &NeverFreed, Hash = &Hash };
        return types.Create("NoneType", sizeof(PyObject), 0, TypeFlags.ImmutableType, slots);
    }

    /// <summary>Immortal objects have no dealloc path; reaching it means the count was corrupted.</summary>
    internal static void NeverFreed(PyObject* op) =>
        throw new InvalidOperationException($"immortal object at 0x{(nint)op:x} reached dealloc: its reference count was corrupted");

    // CPython 3.12 hashes None by its address (a constant only from 3.13 on).
    private static nint Hash(PyObject* op) => ObjectHash.Pointer(op);
}
