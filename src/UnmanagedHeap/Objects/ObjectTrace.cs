namespace UnmanagedHeap.Objects;

/// <summary>
/// Event tracing for <c>pyheap run --trace refs,alloc</c>: one line per incref, decref,
/// allocation or free — where the host was running (the script's file:line), event,
/// address, type, new reference count — optionally only for one type or one address
/// (<c>--trace-filter</c>). The switches are plain
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

    /// <summary>The host's current source location ("prog.py:12"), or null outside its code; asked only when a line is written.</summary>
    public static Func<string?>? Location;

    /// <summary>Only events on objects of the type with this name (null: every type).</summary>
    public static string? TypeFilter;

    /// <summary>Only events on the object at this address (0: every address).</summary>
    public static nint AddressFilter;

    /// <summary>Turns tracing on for the given categories, writing to <paramref name="output"/>.</summary>
    public static void Start(TextWriter output, bool refs, bool allocations)
    {
        Output = output;
        Refs = refs;
        Allocations = allocations;
    }

    /// <summary>Turns all tracing off and forgets the location source and the filters.</summary>
    public static void Stop()
    {
        Refs = false;
        Allocations = false;
        Output = null;
        Location = null;
        TypeFilter = null;
        AddressFilter = 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void Event(string name, PyObject* op)
    {
        if (AddressFilter != 0 && (nint)op != AddressFilter)
        {
            return;
        }
        string type = TypeRegistry.NameOf(op->ob_type);
        if (TypeFilter != null && type != TypeFilter)
        {
            return;
        }
        string? at = Location?.Invoke();
        Output?.WriteLine(at == null
            ? $"{name} 0x{(nint)op:x} {type} {op->ob_refcnt}"
            : $"{at}: {name} 0x{(nint)op:x} {type} {op->ob_refcnt}");
    }
}
