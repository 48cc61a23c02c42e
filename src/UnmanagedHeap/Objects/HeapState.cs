using System.Runtime.InteropServices;
using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Objects;

/// <summary>One generation of the cycle collector, as CPython 3.12's <c>gc_generation</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct GcGeneration
{
    /// <summary>List head: a sentinel GC header whose next/prev link the generation's objects.</summary>
    public PyGC_Head head;

    /// <summary>Collect this generation when <see cref="count"/> exceeds this.</summary>
    public int threshold;

    /// <summary>
    /// Generation 0: container allocations minus deallocations since the last collection.
    /// Older generations: collections of the next younger generation since this one's last.
    /// </summary>
    public int count;
}

/// <summary>
/// The runtime state of one heap, in unmanaged memory so that static slot functions, which
/// receive only an object pointer, reach it through <c>ob_type->tp_heap</c>. It holds the
/// allocator's hot-path entry points, the collector's generation lists, the deferred-dealloc
/// chain, the free log and the singletons. Everything here is owned by exactly one
/// <see cref="Heap"/> and used from its thread only.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HeapState
{
    public AllocatorFunctions allocator;

    // ---- Cycle collector state (mirrors CPython's struct _gc_runtime_state) ----
    public GcGeneration gen0;
    public GcGeneration gen1;
    public GcGeneration gen2;
    /// <summary>Objects moved here by gc.freeze(): never collected.</summary>
    public GcGeneration permanent;
    public int gc_enabled;
    public int gc_debug;
    /// <summary>Non-zero while a collection runs; allocations then never schedule another.</summary>
    public int gc_collecting;
    /// <summary>Set when gen0's count passed its threshold; the next safe point runs the collector.</summary>
    public int gc_scheduled;
    public long gc_long_lived_total;
    public long gc_long_lived_pending;
    /// <summary>Number of the collection in progress (1-based), or 0 outside a collection.</summary>
    public long gc_current_collection;
    /// <summary>Collections run so far.</summary>
    public long gc_collections;

    // ---- Deferred deallocation (CPython's trashcan) ----
    /// <summary>How many tp_dealloc calls are on the C# stack right now.</summary>
    public int dealloc_depth;
    /// <summary>Containers whose dealloc was deferred, chained through their GC header's _gc_prev.</summary>
    public PyObject* trash_head;

    // ---- Free log: which id was freed, and by what ----
    /// <summary>The ring of <see cref="FreeLog.Capacity"/> records.</summary>
    public FreeLogEntry* free_log;
    /// <summary>Where the next record goes; the newest record is just before it.</summary>
    public FreeLogEntry* free_log_next;
    /// <summary>One past the ring's last entry.</summary>
    public FreeLogEntry* free_log_end;
    /// <summary>1 once the ring has been filled, so every entry holds a record.</summary>
    public int free_log_wrapped;

    // ---- Bookkeeping ----
    public long live_objects;

    // ---- Freelists (CPython 3.12's caches of freed floats, tuples, lists, dicts; see Freelists) ----
    public FreeList float_freelist;
    public FreeList list_freelist;
    public FreeList dict_freelist;
    /// <summary>Minimum-size str-keyed dict key tables.</summary>
    public FreeList dict_keys_freelist;
    /// <summary>Tuples of 1..20 items, index = size - 1.</summary>
    public FreeList* tuple_freelists;
    /// <summary>The one native array all freelists' slots are carved from.</summary>
    public void** freelist_storage;
    /// <summary>Dead objects parked on the freelists (not counted in <see cref="live_objects"/>).</summary>
    public long parked_objects;
    /// <summary>GCHandle (as nint) of the managed Heap, for the rare slot that must call managed code.</summary>
    public nint managed_heap;

    // ---- Protocol state (see ObjectProtocol) ----
    /// <summary>Rich comparisons in progress (nested through containers and scripts' <c>__eq__</c>).</summary>
    public int compare_depth;
    /// <summary>Python frames active, kept by the script runner (0 without one): comparisons count against the same limit.</summary>
    public int eval_depth;
    /// <summary>sys.getrecursionlimit(): how deep frames plus nested comparisons may go.</summary>
    public int recursion_limit;
    /// <summary>GCHandle (as nint) of the script runner working on this heap, for the slot wrappers of its classes; 0 without one.</summary>
    public nint scripting_runtime;
    /// <summary>Calls a weakref callback with the weakref (installed by whoever can call Python objects).</summary>
    public delegate*<PyObject*, PyObject*, void> weakref_callback_hook;

    // ---- Built-in types ----
    public PyTypeObject* type_type;
    public PyTypeObject* type_object;
    public PyTypeObject* type_none;
    public PyTypeObject* type_bool;
    public PyTypeObject* type_int;
    public PyTypeObject* type_float;
    public PyTypeObject* type_str;
    public PyTypeObject* type_tuple;
    public PyTypeObject* type_list;
    public PyTypeObject* type_dict;
    public PyTypeObject* type_set;
    public PyTypeObject* type_frozenset;
    public PyTypeObject* type_bytes;
    public PyTypeObject* type_bytearray;
    public PyTypeObject* type_weakref_ref;
    public PyTypeObject* type_weakref_proxy;

    // ---- Singletons (immortal) ----
    public PyObject* none;
    public PyObject* true_obj;
    public PyObject* false_obj;
    public PyObject* empty_tuple;
    public PyObject* empty_str;
    /// <summary>The empty bytes object (immortal).</summary>
    public PyObject* bytes_empty;
    /// <summary>The one-byte bytes objects, index = the byte (immortal).</summary>
    public PyObject** bytes_chars;
    /// <summary>Small ints -5..256, index = value + 5.</summary>
    public PyObject** small_ints;
    /// <summary>The one-character latin-1 strings, index = code point (0..255).</summary>
    public PyObject** latin1_chars;
    /// <summary>The NotImplemented singleton, what a binary or comparison slot returns to decline.</summary>
    public PyObject* not_implemented;
    /// <summary>The key that marks a deleted set slot.</summary>
    public PyObject* set_dummy;
    /// <summary>sys.get_int_max_str_digits(): most digits int &lt;-&gt; decimal str converts (0: no limit).</summary>
    public int int_max_str_digits;

    public GcGeneration* Generation(int i)
    {
        fixed (GcGeneration* g = &gen0)
        {
            return g + i;
        }
    }
}

/// <summary>One record of the free log: an object address and what freed it.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FreeLogEntry
{
    public nint address;
    public PyTypeObject* type;
    /// <summary>0 when reference counting freed it; otherwise the number of the collection that did.</summary>
    public long collection;
}
