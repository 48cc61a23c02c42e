using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// Raised when the heap's allocator (or its byte budget) cannot satisfy a request; the
/// script runner turns it into Python's MemoryError.
/// </summary>
public sealed class OutOfHeapMemoryException(nuint requested)
    : Exception($"the heap cannot allocate {requested} more bytes")
{
    public nuint Requested { get; } = requested;
}

/// <summary>
/// Allocation and release of object memory (CPython's PyObject_New / PyObject_GC_New /
/// PyObject_Free). A block holds, in order: the pre-header (3.12 managed dict and weakref
/// pointers, instances only), the GC header (containers only), then the object itself.
/// The object's address — its id — is the block start plus the type's <c>tp_prefix</c>.
/// </summary>
public static unsafe class ObjectMemory
{
    /// <summary>Item counts above this (2**48) are refused before any size arithmetic can overflow.</summary>
    public const long MaxItems = 1L << 48;

    /// <summary>Bytes of a block for an object of <paramref name="type"/> with <paramref name="items"/> items.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nuint BlockSize(PyTypeObject* type, nint items) =>
        (nuint)((type->tp_prefix + type->tp_basicsize + items * type->tp_itemsize + 7) & ~7);

    /// <summary>
    /// Allocates an object with refcount 1 and its type set; the prefix words are zeroed,
    /// a GC object is counted in generation 0 but not yet tracked (track it once its fields
    /// are valid), and the rest of the body is left for the type to initialise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* Allocate(PyTypeObject* type, nint items = 0)
    {
        HeapState* st = type->tp_heap;
        if ((ulong)items > MaxItems)
        {
            // A negative or absurd count would wrap the size computation below (CPython's
            // PyObject_NewVar refuses it the same way, with MemoryError).
            ThrowOutOfMemory(nuint.MaxValue);
        }
        nuint size = BlockSize(type, items);
        byte* block = (byte*)st->allocator.Allocate(size);
        if (block == null)
        {
            ThrowOutOfMemory(size);
        }
        nint prefix = type->tp_prefix;
        // Pre-header words and the GC header start out zero: untracked, no dict, no weakrefs.
        // (Plain stores: the prefix is 0, 16 or 32 bytes, too short to be worth a memset call.)
        if (prefix != 0)
        {
            ((nint*)block)[0] = 0;
            ((nint*)block)[1] = 0;
            if (prefix > 16)
            {
                ((nint*)block)[2] = 0;
                ((nint*)block)[3] = 0;
            }
        }
        PyObject* op = (PyObject*)(block + prefix);
        op->ob_refcnt = 1;
        op->ob_type = type;
        if ((type->tp_flags & TypeFlags.HeapType) != 0)
        {
            Refcount.Incref((PyObject*)type); // an instance holds a reference to its class, as in CPython
        }
        if ((type->tp_flags & TypeFlags.HaveGc) != 0)
        {
            CountGcAllocation(st);
        }
        st->live_objects++;
        if (ObjectTrace.Allocations)
        {
            ObjectTrace.Event("alloc", op);
        }
        return op;
    }

    /// <summary>Allocates and zero-fills the object body too.</summary>
    public static PyObject* AllocateZeroed(PyTypeObject* type, nint items = 0)
    {
        PyObject* op = Allocate(type, items);
        nint body = type->tp_basicsize + items * type->tp_itemsize - sizeof(PyObject);
        if (body > 0)
        {
            NativeMemory.Clear(op + 1, (nuint)body); // nuint: bodies past 4 GB must be cleared whole
        }
        return op;
    }

    /// <summary>
    /// CPython 3.12's _PyObject_GC_Link accounting: one more container; crossing gen0's
    /// threshold schedules a collection for the next safe point rather than running it
    /// here, in the middle of building an object.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CountGcAllocation(HeapState* st)
    {
        int count = ++st->gen0.count;
        if (count > st->gen0.threshold && st->gen0.threshold != 0 && st->gc_enabled != 0 && st->gc_collecting == 0)
        {
            st->gc_scheduled = 1;
        }
    }

    /// <summary>
    /// Takes a container just made back out of generation 0's allocation count. For objects
    /// that stand for ones CPython creates at start-up (a built-in type's method descriptors)
    /// but that are made here on first use: the program did not allocate them, so
    /// <c>gc.get_count()</c> must not see them.
    /// </summary>
    public static void DiscountGcAllocation(PyObject* op)
    {
        HeapState* st = op->ob_type->tp_heap;
        if ((op->ob_type->tp_flags & TypeFlags.HaveGc) != 0 && st->gen0.count > 0)
        {
            st->gen0.count--;
        }
    }

    /// <summary>
    /// Returns an object's block to the allocator and records the address in the free log.
    /// The type's dealloc calls this last, after releasing what the object referenced.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Free(PyObject* op)
    {
        if (ObjectTrace.Allocations)
        {
            ObjectTrace.Event("free", op);
        }
        PyTypeObject* type = op->ob_type;
        HeapState* st = type->tp_heap;
        if ((type->tp_flags & TypeFlags.HaveGc) != 0 && st->gen0.count > 0)
        {
            st->gen0.count--;
        }
        FreeLog.Record(st, op, type);
        st->live_objects--;
        st->allocator.Release((byte*)op - type->tp_prefix);
        if ((type->tp_flags & TypeFlags.HeapType) != 0)
        {
            Refcount.Decref((PyObject*)type);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfMemory(nuint size) => throw new OutOfHeapMemoryException(size);
}
