namespace UnmanagedHeap.Objects;

/// <summary>The <c>tp_flags</c> bits of CPython 3.12 that this simulator uses, with CPython's values.</summary>
[Flags]
public enum TypeFlags : ulong
{
    None = 0,
    /// <summary>Instances keep their weakref list in the pre-header (3.12 managed weakref).</summary>
    ManagedWeakref = 1UL << 3,
    /// <summary>Instances keep their dict/values pointer in the pre-header (3.12 managed dict).</summary>
    ManagedDict = 1UL << 4,
    /// <summary>The type's instances cannot be subclassed further or mutated (static types).</summary>
    ImmutableType = 1UL << 8,
    /// <summary>Created at run time (a class statement or <c>Heap.DefineClass</c>).</summary>
    HeapType = 1UL << 9,
    /// <summary>Can be used as a base class.</summary>
    BaseType = 1UL << 10,
    /// <summary>The type is fully initialised.</summary>
    Ready = 1UL << 12,
    /// <summary>Instances carry a GC header and are tracked by the cycle collector.</summary>
    HaveGc = 1UL << 14,
    LongSubclass = 1UL << 24,
    ListSubclass = 1UL << 25,
    TupleSubclass = 1UL << 26,
    BytesSubclass = 1UL << 27,
    UnicodeSubclass = 1UL << 28,
    DictSubclass = 1UL << 29,
    BaseExceptionSubclass = 1UL << 30,
    TypeSubclass = 1UL << 31,
}
