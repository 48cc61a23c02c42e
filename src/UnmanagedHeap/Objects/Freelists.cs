using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>One bounded last-in-first-out cache of freed blocks of one shape.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FreeList
{
    /// <summary>The parked blocks; the newest is at <c>items[count - 1]</c>.</summary>
    public void** items;
    public int count;
    /// <summary>How many it may hold; 0 turns the freelist off (debug hooks).</summary>
    public int capacity;
}

/// <summary>
/// CPython 3.12's freelists: deallocating an exact float, tuple of 1..20 items, list or
/// dict parks the object on a bounded per-type cache instead of returning its block, and
/// the next object of that type (and size) takes the newest parked block back. So ids are
/// reused the way CPython reuses them (a float freed and the next float made share an id)
/// and the allocator is skipped on both ends. The sizes are CPython's
/// (PyFloat_MAXFREELIST, PyTuple_MAXSAVESIZE × PyTuple_MAXFREELIST, PyList_MAXFREELIST,
/// PyDict_MAXFREELIST); dict key tables of the minimum size have a freelist too.
/// <para>
/// A parked object is dead: count 0, untracked, out of <see cref="HeapState.live_objects"/>
/// and logged in the free log when its block goes back to the allocator. It keeps its type word, so the checked cast
/// can recognise it and say it was freed (and by which collection, kept in the object
/// itself because the free log is a ring that a parked object can outlive). As in CPython,
/// parking does not give back the generation-0 allocation count and reuse does not add to
/// it, and a full collection empties every freelist.
/// </para>
/// <para>
/// Under debug hooks the freelists are off (capacity 0): every free then reaches the
/// debug allocator, which fills the block with 0xDD, so a use after free of a float or a
/// list is caught exactly as CPython's debug build catches it with its freelists disabled.
/// </para>
/// </summary>
public static unsafe class Freelists
{
    public const int FloatCapacity = 100;
    /// <summary>Tuples of 1..<see cref="TupleMaxSaveSize"/> items are cached, one freelist per size.</summary>
    public const int TupleMaxSaveSize = 20;
    public const int TupleCapacity = 2000;
    public const int ListCapacity = 80;
    public const int DictCapacity = 80;
    public const int DictKeysCapacity = 80;

    private const int Slots = FloatCapacity + TupleMaxSaveSize * TupleCapacity + ListCapacity + DictCapacity + DictKeysCapacity;

    /// <summary>
    /// Allocates the freelists' pointer arrays (untouched, so not resident until used) and
    /// the per-size tuple headers; with <paramref name="enabled"/> false every capacity is 0.
    /// </summary>
    public static void Initialize(HeapState* st, bool enabled)
    {
        var slots = (void**)NativeMemory.Alloc(Slots, (nuint)sizeof(void*));
        st->freelist_storage = slots;
        st->tuple_freelists = (FreeList*)NativeMemory.AllocZeroed(TupleMaxSaveSize, (nuint)sizeof(FreeList));
        slots = Carve(&st->float_freelist, slots, FloatCapacity, enabled);
        slots = Carve(&st->list_freelist, slots, ListCapacity, enabled);
        slots = Carve(&st->dict_freelist, slots, DictCapacity, enabled);
        slots = Carve(&st->dict_keys_freelist, slots, DictKeysCapacity, enabled);
        for (int i = 0; i < TupleMaxSaveSize; i++)
        {
            slots = Carve(&st->tuple_freelists[i], slots, TupleCapacity, enabled);
        }
    }

    private static void** Carve(FreeList* list, void** slots, int capacity, bool enabled)
    {
        list->items = slots;
        list->count = 0;
        list->capacity = enabled ? capacity : 0;
        return slots + capacity;
    }

    /// <summary>Frees the pointer arrays (the parked blocks go with the allocator).</summary>
    public static void Release(HeapState* st)
    {
        NativeMemory.Free(st->freelist_storage);
        NativeMemory.Free(st->tuple_freelists);
    }

    /// <summary>The tuple freelist for <paramref name="size"/> items, or null when that size is not cached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FreeList* ForTuple(HeapState* st, nint size) =>
        (nuint)(size - 1) < TupleMaxSaveSize ? &st->tuple_freelists[size - 1] : null;

    /// <summary>
    /// The word of a parked object that keeps the number of the collection that freed it
    /// (0: reference counting): the float's value, or for a container the word after its
    /// var header / ma_used (a tuple's first item, a list's item pointer, a dict's version
    /// tag) — never the type word or a tuple's size, which identify the parked object.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long* CollectionWord(PyObject* op) =>
        (long*)((byte*)op + ((op->ob_type->tp_flags & TypeFlags.HaveGc) != 0 ? 24 : 16));

    /// <summary>
    /// Parks a dead object whose references are already dropped, in place of
    /// <see cref="ObjectMemory.Free"/>; false when the freelist is full (then free it).
    /// The caller has checked that the object's type is exactly the freelist's type.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPark(FreeList* list, PyObject* op)
    {
        int count = list->count;
        if (count >= list->capacity)
        {
            return false;
        }
        if (ObjectTrace.Allocations)
        {
            ObjectTrace.Event("free", op);
        }
        HeapState* st = op->ob_type->tp_heap;
        // No free-log record yet: while parked the object itself says what freed it (the
        // collection word), and the record is written when the block really goes back to
        // the allocator (ClearObjects), so the ring keeps it for as long as possible.
        st->live_objects--;
        st->parked_objects++;
        op->ob_refcnt = 0;
        *CollectionWord(op) = st->gc_current_collection;
        list->items[count] = op;
        list->count = count + 1;
        return true;
    }

    /// <summary>
    /// The newest parked object, alive again with count 1 and its type and (for tuples)
    /// size as they were, or null when the freelist is empty. The caller initialises the
    /// body; a container comes back untracked with a clean GC header.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* TryReuse(FreeList* list)
    {
        int count = list->count - 1;
        if (count < 0)
        {
            return null;
        }
        list->count = count;
        var op = (PyObject*)list->items[count];
        PyTypeObject* type = op->ob_type;
        HeapState* st = type->tp_heap;
        st->live_objects++;
        st->parked_objects--;
        op->ob_refcnt = 1;
        if ((type->tp_flags & TypeFlags.HaveGc) != 0)
        {
            GcList.AsGc(op)->_gc_prev = 0; // no FINALIZED flag left from the object's previous life
        }
        if (ObjectTrace.Allocations)
        {
            ObjectTrace.Event("alloc", op);
        }
        return op;
    }

    /// <summary>
    /// True when <paramref name="op"/> is parked on its type's freelist (the checked cast's
    /// question, on its error path only: a linear search of at most one freelist).
    /// </summary>
    public static bool IsParked(HeapState* st, PyObject* op)
    {
        if (op->ob_refcnt != 0)
        {
            return false;
        }
        PyTypeObject* type = op->ob_type;
        FreeList* list = type == st->type_float ? &st->float_freelist
            : type == st->type_list ? &st->list_freelist
            : type == st->type_dict ? &st->dict_freelist
            : type == st->type_tuple ? ForTuple(st, ((PyVarObject*)op)->ob_size)
            : null;
        if (list == null)
        {
            return false;
        }
        for (int i = 0; i < list->count; i++)
        {
            if (list->items[i] == op)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Adds the block start of everything parked (objects and dict key tables) to <paramref name="blocks"/>.</summary>
    public static void AddParkedBlocks(HeapState* st, HashSet<nint> blocks)
    {
        AddBlocks(&st->float_freelist, blocks);
        AddBlocks(&st->list_freelist, blocks);
        AddBlocks(&st->dict_freelist, blocks);
        for (int i = 0; i < TupleMaxSaveSize; i++)
        {
            AddBlocks(&st->tuple_freelists[i], blocks);
        }
        FreeList* keys = &st->dict_keys_freelist;
        for (int i = 0; i < keys->count; i++)
        {
            blocks.Add((nint)keys->items[i]);
        }
    }

    private static void AddBlocks(FreeList* list, HashSet<nint> blocks)
    {
        for (int i = 0; i < list->count; i++)
        {
            var op = (PyObject*)list->items[i];
            blocks.Add((nint)op - op->ob_type->tp_prefix);
        }
    }

    /// <summary>
    /// Returns every parked block to the allocator (CPython's _PyGC_ClearAllFreeLists, run
    /// by each full collection). The objects were accounted as freed when parked.
    /// </summary>
    public static void ClearAll(HeapState* st)
    {
        ClearObjects(st, &st->float_freelist);
        ClearObjects(st, &st->list_freelist);
        ClearObjects(st, &st->dict_freelist);
        for (int i = 0; i < TupleMaxSaveSize; i++)
        {
            ClearObjects(st, &st->tuple_freelists[i]);
        }
        FreeList* keys = &st->dict_keys_freelist;
        for (int i = 0; i < keys->count; i++)
        {
            st->allocator.Release(keys->items[i]);
        }
        keys->count = 0;
    }

    private static void ClearObjects(HeapState* st, FreeList* list)
    {
        for (int i = 0; i < list->count; i++)
        {
            var op = (PyObject*)list->items[i];
            FreeLog.Record(st, op, op->ob_type, *CollectionWord(op));
            st->allocator.Release((byte*)op - op->ob_type->tp_prefix);
        }
        st->parked_objects -= list->count;
        list->count = 0;
    }
}
