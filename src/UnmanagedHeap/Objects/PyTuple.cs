using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// Tuples: a variable-size container whose item pointers follow the 24-byte header in the
/// same block. The empty tuple is an immortal singleton. A tuple is tracked at creation;
/// the collector untracks one whose items can never form a cycle (CPython's
/// _PyTuple_MaybeUntrack), which is why <c>gc.is_tracked((1, 2))</c> turns False after a collection.
/// </summary>
public static unsafe class PyTuple
{
    public static PyTypeObject* CreateType(TypeRegistry types)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Traverse = &Traverse, Hash = &Hash, RichCompare = &RichCompare };
        return types.Create("tuple", sizeof(PyVarObject), sizeof(nint), TypeFlags.HaveGc | TypeFlags.TupleSubclass | TypeFlags.BaseType, slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject** Items(PyObject* op) => (PyObject**)((PyVarObject*)op + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Size(PyObject* op) => ((PyVarObject*)op)->ob_size;

    /// <summary>
    /// A new tuple of <paramref name="size"/> null items, to be filled with stolen references
    /// through <see cref="Items"/>; it is tracked by the caller (<see cref="GcList.Track"/>) once filled.
    /// A parked tuple of the same size is reused when there is one (CPython's tuple_alloc).
    /// </summary>
    public static PyObject* NewUninitialized(HeapState* st, nint size)
    {
        if (size == 0)
        {
            return st->empty_tuple;
        }
        FreeList* free = Freelists.ForTuple(st, size);
        PyObject* op = free == null ? null : Freelists.TryReuse(free);
        if (op == null)
        {
            op = ObjectMemory.Allocate(st->type_tuple, size);
        }
        ((PyVarObject*)op)->ob_size = size;
        NativeMemory.Clear(Items(op), (nuint)size * (nuint)sizeof(nint));
        return op;
    }

    /// <summary>A new, tracked tuple of the given items (references are added, not stolen).</summary>
    public static PyObject* Pack(HeapState* st, ReadOnlySpan<nint> items)
    {
        PyObject* op = NewUninitialized(st, items.Length);
        if (items.Length == 0)
        {
            return op;
        }
        PyObject** dst = Items(op);
        for (int i = 0; i < items.Length; i++)
        {
            var item = (PyObject*)items[i];
            Refcount.Incref(item);
            dst[i] = item;
        }
        GcList.Track(op);
        return op;
    }

    internal static PyObject* CreateEmpty(HeapState* st)
    {
        PyObject* op = ObjectMemory.Allocate(st->type_tuple, 0);
        ((PyVarObject*)op)->ob_size = 0;
        Refcount.MakeImmortal(op);
        return op;
    }

    /// <summary>Drops the items, then parks an exact tuple of 1..20 items on its size's freelist while it has room.</summary>
    private static void Dealloc(PyObject* op)
    {
        GcList.Untrack(op);
        PyObject** items = Items(op);
        // Last to first, as CPython's tupledealloc does.
        for (nint i = Size(op) - 1; i >= 0; i--)
        {
            Refcount.XDecref(items[i]);
        }
        HeapState* st = op->ob_type->tp_heap;
        FreeList* free = op->ob_type == st->type_tuple ? Freelists.ForTuple(st, Size(op)) : null;
        if (free == null || !Freelists.TryPark(free, op))
        {
            ObjectMemory.Free(op);
        }
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        PyObject** items = Items(op);
        for (nint i = Size(op) - 1; i >= 0; i--)
        {
            if (items[i] != null)
            {
                int r = visit(items[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }
        return 0;
    }

    /// <summary>tuple's tp_richcompare: against another tuple, item by item; anything else declines.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        if ((w->ob_type->tp_flags & TypeFlags.TupleSubclass) == 0)
        {
            return ObjectProtocol.NotImplemented(v->ob_type->tp_heap);
        }
        return SequenceCompare.Compare(v, w, op, list: false);
    }

    /// <summary>
    /// CPython 3.12's tuple hash (the xxHash-based tuplehash). Each item hashes through its own
    /// slot, so an unhashable item's error names the item's type, as in CPython.
    /// </summary>
    private static nint Hash(PyObject* op)
    {
        const ulong prime1 = 11400714785074694791UL;
        const ulong prime2 = 14029467366897019727UL;
        const ulong prime5 = 2870177450012600261UL;
        nint n = Size(op);
        PyObject** items = Items(op);
        ulong acc = prime5;
        for (nint i = 0; i < n; i++)
        {
            nint lane = ObjectProtocol.Hash(items[i]);
            acc += (ulong)lane * prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= prime1;
        }
        acc += (ulong)n ^ (prime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : (nint)acc;
    }

    /// <summary>sys.getsizeof: GC header, header, item pointers.</summary>
    public static nint SizeOf(PyObject* op) => sizeof(PyVarObject) + Size(op) * sizeof(nint);
}
