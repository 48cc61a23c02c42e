using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>Visit callback handed to a traverse slot, as CPython's <c>visitproc</c>: return non-zero to stop.</summary>
public unsafe struct VisitProc
{
    public delegate*<PyObject*, void*, int> Function;
}

/// <summary>
/// A type object, laid out field for field as CPython 3.12's <c>PyTypeObject</c> on 64-bit
/// (416 bytes), followed by a few fields of this simulator's own. Slots CPython keeps as C
/// function pointers are C# function pointers here; slots this simulator does not use stay
/// zero so that offsets (tp_flags at 168, tp_weaklistoffset at 208, ...) match a CPython dump.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyTypeObject
{
    public PyVarObject ob_base;                       // 0
    public byte* tp_name;                             // 24: NUL-terminated UTF-8 in the same heap
    public nint tp_basicsize;                         // 32: bytes of the object itself (no GC header, no pre-header)
    public nint tp_itemsize;                          // 40
    public delegate*<PyObject*, void> tp_dealloc;     // 48: release references, free memory
    public nint tp_vectorcall_offset;                 // 56
    public nint tp_getattr;                           // 64
    public nint tp_setattr;                           // 72
    public nint tp_as_async;                          // 80
    public delegate*<PyObject*, PyObject*> tp_repr;   // 88: new reference to a str
    public PyNumberMethods* tp_as_number;             // 96: null when the type is no number
    public nint tp_as_sequence;                       // 104
    public nint tp_as_mapping;                        // 112
    public delegate*<PyObject*, nint> tp_hash;        // 120: -1 (or a throw) means unhashable
    public nint tp_call;                              // 128
    public delegate*<PyObject*, PyObject*> tp_str;    // 136
    public nint tp_getattro;                          // 144
    public nint tp_setattro;                          // 152
    public nint tp_as_buffer;                         // 160
    public TypeFlags tp_flags;                        // 168
    public byte* tp_doc;                              // 176
    public delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> tp_traverse; // 184
    public delegate*<PyObject*, int> tp_clear;        // 192: drop references to break cycles
    public delegate*<PyObject*, PyObject*, RichCompareOp, PyObject*> tp_richcompare; // 200: new reference, or NotImplemented
    public nint tp_weaklistoffset;                    // 208: negative = in the pre-header (managed weakref)
    public nint tp_iter;                              // 216
    public nint tp_iternext;                          // 224
    public nint tp_methods;                           // 232
    public nint tp_members;                           // 240
    public nint tp_getset;                            // 248
    public PyTypeObject* tp_base;                     // 256
    public PyObject* tp_dict;                         // 264: class attributes (a dict), or null
    public nint tp_descr_get;                         // 272
    public nint tp_descr_set;                         // 280
    public nint tp_dictoffset;                        // 288: negative = managed dict in the pre-header
    public nint tp_init;                              // 296
    public nint tp_alloc;                             // 304
    public nint tp_new;                               // 312
    public nint tp_free;                              // 320
    public nint tp_is_gc;                             // 328
    public PyObject* tp_bases;                        // 336
    public PyObject* tp_mro;                          // 344
    public nint tp_cache;                             // 352
    public nint tp_subclasses;                        // 360
    public nint tp_weaklist;                          // 368
    public nint tp_del;                               // 376
    public uint tp_version_tag;                       // 384
    public delegate*<PyObject*, void> tp_finalize;    // 392: PEP 442 finalizer (__del__), run at most once
    public nint tp_vectorcall;                        // 400
    public byte tp_watched;                           // 408

    // ---- This simulator's own fields (after CPython's 416 bytes) ----

    /// <summary>The runtime state of the heap that owns this type (allocator, GC lists, free log).</summary>
    public HeapState* tp_heap;                        // 416

    /// <summary>Bytes in front of the object header: 16 for the GC header, plus 16 for a 3.12 pre-header.</summary>
    public nint tp_prefix;                            // 424

    /// <summary>For classes: a tuple of the attribute names whose values are stored inline in instances.</summary>
    public PyObject* tp_inline_keys;                  // 432

    /// <summary>For classes: how many inline value slots an instance of this type gets.</summary>
    public nint tp_inline_capacity;                   // 440

    /// <summary>Index of this type in its heap's managed type registry.</summary>
    public nint tp_registry_index;                    // 448

    /// <summary>For classes derived from a built-in with its own layout (list, dict, set): that built-in; otherwise null.</summary>
    public PyTypeObject* tp_layout;                   // 456
}
