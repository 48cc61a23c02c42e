namespace UnmanagedHeap.Objects;

/// <summary>
/// Event tracing for <c>pyheap run --trace refs,alloc</c>: one line per incref, decref,
/// allocation or free — event, address, type, new reference count. The switches are plain
/// static fields, so with tracing off the hot paths pay one load and a predictable branch;
/// they are process-wide, meant for one traced heap at a time.
/// </summary>
public static unsafe class ObjectTrace
{
    /// <summary>Trace every incref and decref.</summary>
    public static bool Refs;

    /// <summary>Trace every object allocation and free.</summary>
    public static bool Allocations;

    /// <summary>Where trace lines go (stderr for pyheap run).</summary>
    public static TextWriter? Output;

    /// <summary>Turns tracing on for the given categories, writing to <paramref name="output"/>.</summary>
    public static void Start(TextWriter output, bool refs, bool allocations)
    {
        Output = output;
        Refs = refs;
        Allocations = allocations;
    }

    /// <summary>Turns all tracing off.</summary>
    public static void Stop()
    {
        Refs = false;
        Allocations = false;
        Output = null;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void Event(string name, PyObject* op) =>
        Output?.WriteLine($"{name} 0x{(nint)op:x} {TypeRegistry.NameOf(op->ob_type)} {op->ob_refcnt}");
}
