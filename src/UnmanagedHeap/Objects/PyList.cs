using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>CPython's <c>PyListObject</c>: var header, pointer to the item array, allocated slots.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyListObject
{
    public PyVarObject ob_base;
    public PyObject** ob_item;
    public nint allocated;
}

/// <summary>
/// Lists: the object holds a pointer to a separately allocated item array that grows by
/// CPython's over-allocation rule, so <c>sys.getsizeof</c> after 3, 5 and 9 appends is 88,
/// 120 and 184 as in CPython 3.12.
/// </summary>
public static unsafe class PyList
{
    public static PyTypeObject* CreateType(TypeRegistry types)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Traverse = &Traverse, Clear = &Clear, Hash = &ObjectProtocol.HashNotImplemented, RichCompare = &RichCompare };
        return types.Create("list", sizeof(PyListObject), 0, TypeFlags.HaveGc | TypeFlags.ListSubclass | TypeFlags.BaseType, slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Size(PyObject* op) => ((PyVarObject*)op)->ob_size;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject** Items(PyObject* op) => ((PyListObject*)op)->ob_item;

    /// <summary>list's tp_richcompare: against another list, item by item; anything else declines.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        if ((w->ob_type->tp_flags & TypeFlags.ListSubclass) == 0)
        {
            return ObjectProtocol.NotImplemented(v->ob_type->tp_heap);
        }
        return SequenceCompare.Compare(v, w, op, list: true);
    }

    /// <summary>
    /// A new, tracked, empty list with room for <paramref name="capacity"/> items, on the
    /// newest parked list's block when there is one (CPython's PyList_New).
    /// </summary>
    public static PyObject* New(HeapState* st, nint capacity = 0)
    {
        PyObject* op = Freelists.TryReuse(&st->list_freelist);
        if (op == null)
        {
            op = ObjectMemory.Allocate(st->type_list);
        }
        var list = (PyListObject*)op;
        list->ob_base.ob_size = 0;
        list->ob_item = null;
        list->allocated = 0;
        if (capacity > 0)
        {
            list->ob_item = AllocateItems(st, capacity);
            list->allocated = capacity;
        }
        GcList.Track(op);
        return op;
    }

    /// <summary>A new list holding <paramref name="items"/>, preallocated exactly as a list display is in 3.12 (rounded up to even).</summary>
    public static PyObject* FromItems(HeapState* st, ReadOnlySpan<nint> items)
    {
        PyObject* op = New(st, items.Length == 0 ? 0 : (items.Length + 1) & ~1);
        PyObject** dst = Items(op);
        for (int i = 0; i < items.Length; i++)
        {
            var item = (PyObject*)items[i];
            Refcount.Incref(item);
            dst[i] = item;
        }
        ((PyVarObject*)op)->ob_size = items.Length;
        return op;
    }

    /// <summary>Appends <paramref name="item"/>, adding a reference (list.append).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Append(PyObject* op, PyObject* item)
    {
        var list = (PyListObject*)op;
        nint n = list->ob_base.ob_size;
        // >=, not ==: list.sort marks the list it empties with allocated == -1.
        if (n >= list->allocated)
        {
            Resize(list, n + 1);
        }
        Refcount.Incref(item);
        list->ob_item[n] = item;
        list->ob_base.ob_size = n + 1;
    }

    /// <summary>
    /// CPython's list_resize: sets the size to <paramref name="newSize"/>, reallocating when
    /// the allocation is too small or more than twice too large. Growth goes to newsize +
    /// newsize/8 + 6, rounded down to a multiple of 4, unless that is closer to the old size
    /// than the new one, in which case the new size rounded up to a multiple of 4. As in
    /// CPython, slots past the old size are not initialised: the caller fills them.
    /// </summary>
    public static void Resize(PyListObject* list, nint newSize)
    {
        nint allocated = list->allocated;
        if (allocated >= newSize && newSize >= (allocated >> 1))
        {
            list->ob_base.ob_size = newSize;
            return;
        }
        nint newAllocated = (newSize + (newSize >> 3) + 6) & ~(nint)3;
        if (newSize - list->ob_base.ob_size > newAllocated - newSize)
        {
            newAllocated = (newSize + 3) & ~(nint)3;
        }
        if (newSize == 0)
        {
            newAllocated = 0;
        }
        Reallocate(list, newAllocated);
        list->ob_base.ob_size = newSize;
    }

    /// <summary>Moves the items to an array of exactly <paramref name="capacity"/> slots.</summary>
    public static void Reallocate(PyListObject* list, nint capacity)
    {
        HeapState* st = list->ob_base.ob_base.ob_type->tp_heap;
        PyObject** items = capacity == 0 ? null : AllocateItems(st, capacity);
        nint keep = Math.Min(list->ob_base.ob_size, capacity);
        if (list->ob_item != null)
        {
            if (keep > 0)
            {
                Buffer.MemoryCopy(list->ob_item, items, capacity * sizeof(nint), keep * sizeof(nint));
            }
            st->allocator.Release(list->ob_item);
        }
        list->ob_item = items;
        list->allocated = capacity;
    }

    private static PyObject** AllocateItems(HeapState* st, nint capacity)
    {
        if ((ulong)capacity > ObjectMemory.MaxItems)
        {
            // capacity * 8 would wrap; CPython's list_resize raises MemoryError here too.
            throw new OutOfHeapMemoryException(nuint.MaxValue);
        }
        nuint bytes = (nuint)(capacity * sizeof(nint));
        var items = (PyObject**)st->allocator.Allocate(bytes);
        if (items == null)
        {
            throw new OutOfHeapMemoryException(bytes);
        }
        return items;
    }

    /// <summary>Drops the items, then parks an exact list for reuse while the freelist has room (CPython's list_dealloc).</summary>
    private static void Dealloc(PyObject* op)
    {
        GcList.Untrack(op);
        if (((PyListObject*)op)->ob_item != null)
        {
            DropItems((PyListObject*)op);
        }
        HeapState* st = op->ob_type->tp_heap;
        if (op->ob_type != st->type_list || !Freelists.TryPark(&st->list_freelist, op))
        {
            ObjectMemory.Free(op);
        }
    }

    /// <summary>
    /// Dealloc's work for a list that has an item array: a call of its own, so that freeing
    /// a list that never held anything (the common empty list) needs no loop registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropItems(PyListObject* list)
    {
        PyObject** items = list->ob_item;
        nint n = list->ob_base.ob_size;
        // Drop items last-to-first as CPython does, so ids free in the same order.
        for (nint i = n - 1; i >= 0; i--)
        {
            Refcount.XDecref(items[i]);
        }
        HeapState* st = list->ob_base.ob_base.ob_type->tp_heap;
        st->allocator.Release(items);
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var list = (PyListObject*)op;
        for (nint i = list->ob_base.ob_size - 1; i >= 0; i--)
        {
            PyObject* item = list->ob_item[i];
            if (item != null)
            {
                int r = visit(item, arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }
        return 0;
    }

    /// <summary>Empties the list (the clear slot used to break cycles, and list.clear()).</summary>
    public static int Clear(PyObject* op)
    {
        var list = (PyListObject*)op;
        PyObject** items = list->ob_item;
        if (items == null)
        {
            return 0;
        }
        nint n = list->ob_base.ob_size;
        list->ob_item = null;
        list->ob_base.ob_size = 0;
        list->allocated = 0;
        for (nint i = n - 1; i >= 0; i--)
        {
            Refcount.XDecref(items[i]);
        }
        HeapState* st = op->ob_type->tp_heap;
        st->allocator.Release(items);
        return 0;
    }

    /// <summary>sys.getsizeof: header plus the allocated item slots.</summary>
    public static nint SizeOf(PyObject* op) => sizeof(PyListObject) + ((PyListObject*)op)->allocated * sizeof(nint);
}
