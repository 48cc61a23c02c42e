using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// Creates a heap's native state: the generation lists, the free log, the built-in type
/// objects and the immortal singletons (None, True, False, small ints, the empty tuple and
/// str, the one-character strs), all in the heap's own memory.
/// </summary>
public static unsafe class HeapBootstrap
{
    private const int CacheLine = 64;

    /// <summary>Frees what <see cref="CreateState"/> allocated (the objects go with the allocator).</summary>
    public static void DestroyState(HeapState* st)
    {
        NativeMemory.Free(st->free_log);
        Freelists.Release(st);
        NativeMemory.AlignedFree(st);
    }

    /// <param name="allocator">The heap's allocator entry points.</param>
    /// <param name="freelists">False under debug hooks: every free then reaches the allocator (see <see cref="Freelists"/>).</param>
    public static HeapState* CreateState(Memory.AllocatorFunctions allocator, bool freelists)
    {
        // Cache-line aligned and rounded to whole lines, so two heaps' hot counters
        // (refcount-free paths write gen0.count, live_objects, dealloc_depth on every
        // object) never share a line: heaps on different threads do not false-share.
        nuint bytes = ((nuint)sizeof(HeapState) + CacheLine - 1) & ~(nuint)(CacheLine - 1);
        var st = (HeapState*)NativeMemory.AlignedAlloc(bytes, CacheLine);
        NativeMemory.Clear(st, bytes);
        st->allocator = allocator;
        for (int g = 0; g < 3; g++)
        {
            GcList.Init(&st->Generation(g)->head);
        }
        GcList.Init(&st->permanent.head);
        st->gen0.threshold = 700;
        st->gen1.threshold = 10;
        st->gen2.threshold = 10;
        st->gc_enabled = 1;
        st->free_log = (FreeLogEntry*)NativeMemory.AllocZeroed((nuint)(FreeLog.Capacity * sizeof(FreeLogEntry)));
        st->free_log_next = st->free_log;
        st->free_log_end = st->free_log + FreeLog.Capacity;
        Freelists.Initialize(st, freelists);
        return st;
    }

    /// <summary>Creates the built-in types and singletons in dependency order.</summary>
    public static void CreateTypesAndSingletons(HeapState* st, TypeRegistry types)
    {
        // 'type' is a GC type: every type object has a GC header, and classes are tracked.
        st->type_type = types.Create("type", sizeof(PyTypeObject), 0, TypeFlags.TypeSubclass | TypeFlags.BaseType | TypeFlags.HaveGc,
            new TypeSlots { Dealloc = &TypeRegistry.DeallocType, Traverse = &TypeRegistry.TraverseType, Clear = &TypeRegistry.ClearType });
        st->type_type->ob_base.ob_base.ob_type = st->type_type;
        st->type_object = types.Create("object", sizeof(PyObject), 0, TypeFlags.BaseType, new TypeSlots { Dealloc = &FreeOnly, Hash = &HashByIdentity, RichCompare = &ObjectProtocol.ObjectRichCompare });
        st->type_none = PyNone.CreateType(types);
        st->type_int = PyLong.CreateType(types);
        st->type_bool = PyLong.CreateType(types, "bool");
        st->type_bool->tp_base = st->type_int;
        st->type_float = PyFloat.CreateType(types);
        st->type_str = PyUnicode.CreateType(types);
        st->type_tuple = PyTuple.CreateType(types);
        st->type_list = PyList.CreateType(types);
        st->type_bytes = PyBytes.CreateType(types);
        st->type_bytearray = PyByteArray.CreateType(types);
        st->type_dict = PyDict.CreateType(types);
        st->type_set = PySet.CreateType(types, frozen: false);
        st->type_frozenset = PySet.CreateType(types, frozen: true);
        st->type_weakref_ref = PyWeakref.CreateType(types, "weakref.ReferenceType");
        st->type_weakref_proxy = PyWeakref.CreateType(types, "weakref.ProxyType");
        PyTypeObject* notImplementedType = types.Create("NotImplementedType", sizeof(PyObject), 0, TypeFlags.None, new TypeSlots { Dealloc = &FreeOnly }, st->type_object);
        st->recursion_limit = 1000;

        st->none = ObjectMemory.Allocate(st->type_none);
        Refcount.MakeImmortal(st->none);
        st->not_implemented = ObjectMemory.Allocate(notImplementedType);
        Refcount.MakeImmortal(st->not_implemented);
        PyLong.CreateSmallInts(st);
        st->int_max_str_digits = Long.LongDecimal.DefaultMaxStrDigits;
        st->false_obj = PyLong.Create(st->type_bool, 0);
        Refcount.MakeImmortal(st->false_obj);
        st->true_obj = PyLong.Create(st->type_bool, 1);
        Refcount.MakeImmortal(st->true_obj);
        st->empty_tuple = PyTuple.CreateEmpty(st);
        st->empty_str = PyUnicode.Create(st->type_str, "", 0, 0);
        Refcount.MakeImmortal(st->empty_str);
        PyUnicode.MarkInterned(st->empty_str);
        st->latin1_chars = (PyObject**)st->allocator.Malloc(st->allocator.Context, 256 * (nuint)sizeof(nint));
        if (st->latin1_chars == null)
        {
            throw new OutOfHeapMemoryException(256 * (nuint)sizeof(nint));
        }
        for (int c = 0; c < 256; c++)
        {
            PyObject* ch = PyUnicode.Create(st->type_str, ((char)c).ToString(), 1, c);
            Refcount.MakeImmortal(ch);
            st->latin1_chars[c] = ch;
        }
        PyBytes.CreateSingletons(st);
        st->set_dummy = PyUnicode.Create(st->type_str, "<dummy key>", 11, 'y');
        Refcount.MakeImmortal(st->set_dummy);
    }

    private static void FreeOnly(PyObject* op) => ObjectMemory.Free(op);

    private static nint HashByIdentity(PyObject* op) => ObjectHash.Pointer(op);
}
