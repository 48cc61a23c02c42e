using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// The header every object starts with, as CPython 3.12 lays it out on 64-bit:
/// the reference count word, then the type pointer. <c>id(obj)</c> is the address of this struct.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyObject
{
    /// <summary>
    /// Reference count. Immortal objects (PEP 683) hold <see cref="Refcount.Immortal"/>; on
    /// 64-bit CPython 3.12 an object is immortal when the low 32 bits, read as a signed int, are negative.
    /// </summary>
    public nint ob_refcnt;

    /// <summary>The object's type; the only way to reach it.</summary>
    public PyTypeObject* ob_type;
}

/// <summary>Header of variable-size objects (tuple, list, int's digit count lives elsewhere in 3.12).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyVarObject
{
    public PyObject ob_base;

    /// <summary>Number of items.</summary>
    public nint ob_size;
}

/// <summary>
/// CPython's 16-byte GC header, placed immediately before the object header of every
/// container type. While tracked, the two words link the object into its generation's
/// doubly linked list; the low bits of <c>_gc_prev</c> carry collector flags, and during a
/// collection the rest of <c>_gc_prev</c> holds the object's gc_refs.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PyGC_Head
{
    /// <summary>Next object in the list; 0 when the object is not tracked.</summary>
    public nuint _gc_next;

    /// <summary>Previous object in the list, shifted flags in the low two bits.</summary>
    public nuint _gc_prev;
}
