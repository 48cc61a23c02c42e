using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>CPython 3.12's <c>PyDictObject</c> (48 bytes plus the GC header).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyDictObject
{
    public PyObject ob_base;
    /// <summary>Number of items.</summary>
    public nint ma_used;
    public ulong ma_version_tag;
    /// <summary>The keys table (indices then entries), or null for an empty dict (CPython's shared Py_EMPTY_KEYS).</summary>
    public DictKeys* ma_keys;
    /// <summary>Split-table values; always null here (instances keep values inline instead).</summary>
    public PyObject** ma_values;
}

/// <summary>CPython 3.12's <c>PyDictKeysObject</c> header (32 bytes); the index array and the entries follow.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct DictKeys
{
    public nint dk_refcnt;
    public byte dk_log2_size;
    public byte dk_log2_index_bytes;
    /// <summary>0 general (entries hold hash, key, value), 1 unicode (str keys only: key, value).</summary>
    public byte dk_kind;
    private readonly byte _padding;
    public uint dk_version;
    /// <summary>Entries that can still be added before a resize.</summary>
    public nint dk_usable;
    /// <summary>Entries used so far, deleted ones included.</summary>
    public nint dk_nentries;
}

/// <summary>
/// Insertion-ordered hash tables as CPython 3.12 builds them: a sparse index array of
/// 1/2/4/8-byte slots probed with the perturbation recurrence, pointing into a dense entry
/// array in insertion order. Tables start at 8 slots, hold 2/3 of their size, and grow to
/// the next power of two above 3 × used. Str-only tables use the short entry form until a
/// key of another type arrives. An empty dict has no table and is not tracked by the gc;
/// it becomes tracked when a value that could be part of a cycle is stored.
/// </summary>
public static unsafe class PyDict
{
    private const int LogMinSize = 3;
    private const int PerturbShift = 5;
    private const nint IndexEmpty = -1;
    private const nint IndexDummy = -2;
    /// <summary>Probe result: a key's <c>__eq__</c> changed the dict, look again (CPython's DKIX_KEY_CHANGED).</summary>
    private const nint IndexKeyChanged = -3;
    private const byte KindGeneral = 0;
    private const byte KindUnicode = 1;

    public static PyTypeObject* CreateType(TypeRegistry types)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Traverse = &Traverse, Clear = &ClearSlot, Hash = &ObjectProtocol.HashNotImplemented, RichCompare = &RichCompare };
        return types.Create("dict", sizeof(PyDictObject), 0, TypeFlags.HaveGc | TypeFlags.DictSubclass | TypeFlags.BaseType, slots);
    }

    /// <summary>dict's tp_richcompare: == and != against another dict; orderings and other types decline.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if ((w->ob_type->tp_flags & TypeFlags.DictSubclass) == 0 || op is not (RichCompareOp.Eq or RichCompareOp.Ne))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        return ObjectProtocol.Bool(st, EqualContents(v, w) == (op == RichCompareOp.Eq));
    }

    /// <summary>
    /// CPython's dict_equal: same size, and every key of <paramref name="a"/> maps in
    /// <paramref name="b"/> to an equal value. The key and both values are held across the
    /// comparisons (a script's <c>__eq__</c> may mutate either dict), the walk goes on over
    /// the current table, and the stored hash is used, so no <c>__hash__</c> runs again.
    /// </summary>
    public static bool EqualContents(PyObject* a, PyObject* b)
    {
        if (Size(a) != Size(b))
        {
            return false;
        }
        nint pos = 0;
        while (Next(a, ref pos, out PyObject* k, out PyObject* v, out nint hash))
        {
            Refcount.Incref(k);
            Refcount.Incref(v);
            try
            {
                PyObject* w = GetItemWithHash(b, k, hash);
                if (w == null)
                {
                    return false;
                }
                Refcount.Incref(w);
                try
                {
                    if (!ObjectProtocol.RichCompareBool(v, w, RichCompareOp.Eq))
                    {
                        return false;
                    }
                }
                finally
                {
                    Refcount.Decref(w);
                }
            }
            finally
            {
                Refcount.Decref(v);
                Refcount.Decref(k);
            }
        }
        return true;
    }

    /// <summary>A new, empty, untracked dict, on the newest parked dict's block when there is one.</summary>
    public static PyObject* New(HeapState* st)
    {
        PyObject* op = Freelists.TryReuse(&st->dict_freelist);
        if (op == null)
        {
            op = ObjectMemory.Allocate(st->type_dict);
        }
        var d = (PyDictObject*)op;
        d->ma_used = 0;
        d->ma_version_tag = 0;
        d->ma_keys = null;
        d->ma_values = null;
        return op;
    }

    public static nint Size(PyObject* op) => ((PyDictObject*)op)->ma_used;

    // ---- Table geometry ----

    private static nint TableSize(DictKeys* k) => (nint)1 << k->dk_log2_size;

    private static nint UsableFraction(nint size) => (size << 1) / 3;

    private static int EntrySize(DictKeys* k) => k->dk_kind == KindUnicode ? 2 * sizeof(nint) : 3 * sizeof(nint);

    private static byte* Indices(DictKeys* k) => (byte*)(k + 1);

    private static byte* Entries(DictKeys* k) => Indices(k) + ((nint)1 << k->dk_log2_index_bytes);

    /// <summary>Bytes of a keys object, as _PyDict_KeysSize counts them for sys.getsizeof.</summary>
    public static nint KeysSize(DictKeys* k) =>
        sizeof(DictKeys) + ((nint)1 << k->dk_log2_index_bytes) + UsableFraction(TableSize(k)) * EntrySize(k);

    private static nint GetIndex(DictKeys* k, nint i)
    {
        byte* ix = Indices(k);
        return k->dk_log2_size switch
        {
            < 8 => (sbyte)ix[i],
            < 16 => ((short*)ix)[i],
            < 32 => ((int*)ix)[i],
            _ => (nint)((long*)ix)[i],
        };
    }

    private static void SetIndex(DictKeys* k, nint i, nint value)
    {
        byte* ix = Indices(k);
        switch (k->dk_log2_size)
        {
            case < 8: ((sbyte*)ix)[i] = (sbyte)value; break;
            case < 16: ((short*)ix)[i] = (short)value; break;
            case < 32: ((int*)ix)[i] = (int)value; break;
            default: ((long*)ix)[i] = value; break;
        }
    }

    // Entry accessors: general entries are (hash, key, value); unicode entries (key, value) with the hash cached in the str.
    private static PyObject** EntryKey(DictKeys* k, nint i) =>
        k->dk_kind == KindUnicode ? (PyObject**)(Entries(k) + i * 16) : (PyObject**)(Entries(k) + i * 24 + 8);

    private static PyObject** EntryValue(DictKeys* k, nint i) => EntryKey(k, i) + 1;

    private static nint EntryHash(DictKeys* k, nint i) =>
        k->dk_kind == KindUnicode ? PyUnicode.Hash(*EntryKey(k, i)) : *(nint*)(Entries(k) + i * 24);

    private static DictKeys* NewKeys(HeapState* st, int log2Size, byte kind)
    {
        int log2Bytes = log2Size < 8 ? log2Size : log2Size < 16 ? log2Size + 1 : log2Size < 32 ? log2Size + 2 : log2Size + 3;
        nint usable = UsableFraction((nint)1 << log2Size);
        nint entrySize = kind == KindUnicode ? 16 : 24;
        nint bytes = sizeof(DictKeys) + ((nint)1 << log2Bytes) + usable * entrySize;
        DictKeys* k = null;
        FreeList* free = &st->dict_keys_freelist;
        if (log2Size == LogMinSize && kind == KindUnicode && free->count > 0)
        {
            k = (DictKeys*)free->items[--free->count];
        }
        else
        {
            k = (DictKeys*)st->allocator.Malloc(st->allocator.Context, (nuint)bytes);
        }
        if (k == null)
        {
            throw new OutOfHeapMemoryException((nuint)bytes);
        }
        k->dk_refcnt = 1;
        k->dk_log2_size = (byte)log2Size;
        k->dk_log2_index_bytes = (byte)log2Bytes;
        k->dk_kind = kind;
        k->dk_version = 0;
        k->dk_usable = usable;
        k->dk_nentries = 0;
        Unsafe.InitBlockUnaligned(Indices(k), 0xFF, 1u << log2Bytes); // every index DKIX_EMPTY
        NativeMemory.Clear(Entries(k), (nuint)usable * (nuint)entrySize);
        return k;
    }

    private static int Log2KeySize(nint minSize)
    {
        int log2 = LogMinSize;
        while (((nint)1 << log2) < minSize)
        {
            log2++;
        }
        return log2;
    }

    // ---- Lookup ----

    /// <summary>
    /// Index into the entries of <paramref name="key"/> in <paramref name="d"/>'s table, or -1.
    /// A key's <c>__eq__</c> is Python code that may mutate this very dict: as CPython's
    /// lookdict does, the candidate key is held by a strong reference across the comparison,
    /// and when the table was replaced or the entry rewritten meanwhile the probe starts over
    /// on the current table.
    /// </summary>
    private static nint Lookup(PyDictObject* d, PyObject* key, nint hash)
    {
        while (true)
        {
            DictKeys* k = d->ma_keys;
            if (k == null)
            {
                return -1;
            }
            nint ix = Probe(d, k, key, hash);
            if (ix != IndexKeyChanged)
            {
                return ix;
            }
        }
    }

    /// <summary>One probe sequence over <paramref name="k"/>; <see cref="IndexKeyChanged"/> when a comparison mutated the dict.</summary>
    private static nint Probe(PyDictObject* d, DictKeys* k, PyObject* key, nint hash)
    {
        nint mask = TableSize(k) - 1;
        nuint perturb = (nuint)hash;
        nint i = hash & mask;
        while (true)
        {
            nint ix = GetIndex(k, i);
            if (ix == IndexEmpty)
            {
                return -1;
            }
            if (ix >= 0)
            {
                PyObject* candidate = *EntryKey(k, ix);
                if (candidate == key)
                {
                    return ix;
                }
                if (EntryHash(k, ix) == hash)
                {
                    Refcount.Incref(candidate);
                    bool equal;
                    try
                    {
                        equal = ObjectProtocol.Equal(candidate, key);
                    }
                    finally
                    {
                        Refcount.Decref(candidate);
                    }
                    // Read the old table only while it is still the dict's: a replaced one is freed.
                    if (d->ma_keys != k || *EntryKey(k, ix) != candidate)
                    {
                        return IndexKeyChanged;
                    }
                    if (equal)
                    {
                        return ix;
                    }
                }
            }
            perturb >>= PerturbShift;
            i = (nint)(((nuint)i * 5 + perturb + 1) & (nuint)mask);
        }
    }

    /// <summary>First index slot that is empty (used when inserting a key known to be absent).</summary>
    private static nint FindEmptySlot(DictKeys* k, nint hash)
    {
        nint mask = TableSize(k) - 1;
        nuint perturb = (nuint)hash;
        nint i = hash & mask;
        while (GetIndex(k, i) >= 0 || GetIndex(k, i) == IndexDummy)
        {
            perturb >>= PerturbShift;
            i = (nint)(((nuint)i * 5 + perturb + 1) & (nuint)mask);
        }
        return i;
    }

    private static nint SlotOf(DictKeys* k, nint hash, nint entryIndex)
    {
        nint mask = TableSize(k) - 1;
        nuint perturb = (nuint)hash;
        nint i = hash & mask;
        while (GetIndex(k, i) != entryIndex)
        {
            perturb >>= PerturbShift;
            i = (nint)(((nuint)i * 5 + perturb + 1) & (nuint)mask);
        }
        return i;
    }

    /// <summary>The value for <paramref name="key"/> as a borrowed reference, or null when absent.</summary>
    public static PyObject* GetItem(PyObject* op, PyObject* key)
    {
        var d = (PyDictObject*)op;
        if (d->ma_keys == null)
        {
            return null;
        }
        // The hash first: a user __hash__ may change the dict, so the table is read after it.
        nint hash = ObjectProtocol.Hash(key);
        nint ix = Lookup(d, key, hash);
        return ix < 0 ? null : *EntryValue(d->ma_keys, ix);
    }

    /// <summary>
    /// <see cref="GetItem"/> with the key's hash already known (taken from another dict's
    /// entry): dict == dict, like CPython's dict_equal, does not call <c>__hash__</c> again.
    /// </summary>
    public static PyObject* GetItemWithHash(PyObject* op, PyObject* key, nint hash)
    {
        var d = (PyDictObject*)op;
        nint ix = d->ma_keys == null ? -1 : Lookup(d, key, hash);
        return ix < 0 ? null : *EntryValue(d->ma_keys, ix);
    }

    /// <summary>Looks up a str key given as .NET text (for C# callers; allocates a temporary str).</summary>
    public static PyObject* GetItemString(PyObject* op, string key)
    {
        HeapState* st = op->ob_type->tp_heap;
        PyObject* k = PyUnicode.FromString(st, key);
        try
        {
            return GetItem(op, k);
        }
        finally
        {
            Refcount.Decref(k);
        }
    }

    // ---- Insertion ----

    /// <summary>Sets <c>d[key] = value</c>, adding references to both (the dict keeps the first key object on replace).</summary>
    public static void SetItem(PyObject* op, PyObject* key, PyObject* value)
    {
        var d = (PyDictObject*)op;
        nint hash = ObjectHash_KeyHash(key);
        HeapState* st = op->ob_type->tp_heap;
        // The lookup may run a key's __eq__, which can empty or resize the table: decide
        // between the empty and the filled table only after it.
        nint ix = d->ma_keys == null ? -1 : Lookup(d, key, hash);
        if (d->ma_keys == null)
        {
            d->ma_keys = NewKeys(st, LogMinSize, key->ob_type == st->type_str ? KindUnicode : KindGeneral);
        }
        else
        {
            if (ix >= 0)
            {
                PyObject** slot = EntryValue(d->ma_keys, ix);
                Refcount.Incref(value);
                MaintainTracking(op, key, value);
                Refcount.Assign(slot, value);
                d->ma_version_tag++;
                return;
            }
            if (d->ma_keys->dk_kind == KindUnicode && key->ob_type != st->type_str)
            {
                Resize(d, Log2KeySize(d->ma_used * 3), KindGeneral);
            }
            else if (d->ma_keys->dk_usable <= 0)
            {
                Resize(d, Log2KeySize(d->ma_used * 3), d->ma_keys->dk_kind);
            }
        }
        Refcount.Incref(key);
        Refcount.Incref(value);
        MaintainTracking(op, key, value);
        DictKeys* keys = d->ma_keys;
        nint entry = keys->dk_nentries;
        SetIndex(keys, FindEmptySlot(keys, hash), entry);
        if (keys->dk_kind == KindGeneral)
        {
            *(nint*)(Entries(keys) + entry * 24) = hash;
        }
        *EntryKey(keys, entry) = key;
        *EntryValue(keys, entry) = value;
        keys->dk_nentries++;
        keys->dk_usable--;
        d->ma_used++;
        d->ma_version_tag++;
    }

    private static nint ObjectHash_KeyHash(PyObject* key) => ObjectProtocol.Hash(key);

    /// <summary>CPython's MAINTAIN_TRACKING: an untracked dict starts being tracked when it stores something that could form a cycle.</summary>
    private static void MaintainTracking(PyObject* op, PyObject* key, PyObject* value)
    {
        if (!GcList.IsTracked(op) && (ObjectProtocol.MayBeTracked(key) || ObjectProtocol.MayBeTracked(value)))
        {
            GcList.Track(op);
        }
    }

    /// <summary>Rebuilds the table at 2^<paramref name="log2Size"/> slots, dropping deleted entries and keeping order.</summary>
    private static void Resize(PyDictObject* d, int log2Size, byte kind)
    {
        HeapState* st = d->ob_base.ob_type->tp_heap;
        DictKeys* old = d->ma_keys;
        while (UsableFraction((nint)1 << log2Size) < d->ma_used)
        {
            log2Size++;
        }
        DictKeys* k = NewKeys(st, log2Size, kind);
        nint n = 0;
        for (nint i = 0; i < old->dk_nentries; i++)
        {
            PyObject* key = *EntryKey(old, i);
            PyObject* value = *EntryValue(old, i);
            if (value == null)
            {
                continue;
            }
            nint hash = EntryHash(old, i);
            if (kind == KindGeneral)
            {
                *(nint*)(Entries(k) + n * 24) = hash;
            }
            *EntryKey(k, n) = key;
            *EntryValue(k, n) = value;
            SetIndex(k, FindEmptySlot(k, hash), n);
            n++;
        }
        k->dk_nentries = n;
        k->dk_usable -= n;
        d->ma_keys = k;
        FreeKeys(st, old);
    }

    // ---- Deletion ----

    /// <summary>Removes <paramref name="key"/>; false when it was absent.</summary>
    public static bool DelItem(PyObject* op, PyObject* key)
    {
        var d = (PyDictObject*)op;
        if (d->ma_keys == null)
        {
            return false;
        }
        nint hash = ObjectProtocol.Hash(key);
        nint ix = Lookup(d, key, hash);
        if (ix < 0)
        {
            return false;
        }
        DictKeys* k = d->ma_keys;
        SetIndex(k, SlotOf(k, hash, ix), IndexDummy);
        PyObject* oldKey = *EntryKey(k, ix);
        PyObject* oldValue = *EntryValue(k, ix);
        *EntryKey(k, ix) = null;
        *EntryValue(k, ix) = null;
        d->ma_used--;
        d->ma_version_tag++;
        Refcount.Decref(oldKey);
        Refcount.Decref(oldValue);
        return true;
    }

    // ---- Iteration ----

    /// <summary>
    /// Advances <paramref name="position"/> to the next live entry (insertion order) and
    /// returns borrowed key and value; false at the end (PyDict_Next).
    /// </summary>
    public static bool Next(PyObject* op, ref nint position, out PyObject* key, out PyObject* value)
    {
        DictKeys* k = ((PyDictObject*)op)->ma_keys;
        if (k != null)
        {
            while (position < k->dk_nentries)
            {
                nint i = position++;
                PyObject* v = *EntryValue(k, i);
                if (v != null)
                {
                    key = *EntryKey(k, i);
                    value = v;
                    return true;
                }
            }
        }
        key = null;
        value = null;
        return false;
    }

    /// <summary><see cref="Next(PyObject*, ref nint, out PyObject*, out PyObject*)"/> that also gives the entry's stored hash.</summary>
    public static bool Next(PyObject* op, ref nint position, out PyObject* key, out PyObject* value, out nint hash)
    {
        if (!Next(op, ref position, out key, out value))
        {
            hash = 0;
            return false;
        }
        hash = EntryHash(((PyDictObject*)op)->ma_keys, position - 1);
        return true;
    }

    /// <summary>Removes every item (dict.clear(), and the clear slot that breaks cycles).</summary>
    public static void Clear(PyObject* op)
    {
        var d = (PyDictObject*)op;
        DictKeys* k = d->ma_keys;
        if (k == null)
        {
            return;
        }
        d->ma_keys = null;
        d->ma_used = 0;
        d->ma_version_tag++;
        ReleaseKeys(op->ob_type->tp_heap, k);
    }

    private static void ReleaseKeys(HeapState* st, DictKeys* k)
    {
        for (nint i = 0; i < k->dk_nentries; i++)
        {
            PyObject* key = *EntryKey(k, i);
            PyObject* value = *EntryValue(k, i);
            if (value != null)
            {
                Refcount.Decref(key);
                Refcount.Decref(value);
            }
        }
        FreeKeys(st, k);
    }

    /// <summary>
    /// Returns a key table to the allocator, or parks a minimum-size str-keyed one for the
    /// next new dict, as CPython 3.12's free_keys_object does.
    /// </summary>
    private static void FreeKeys(HeapState* st, DictKeys* k)
    {
        FreeList* free = &st->dict_keys_freelist;
        if (k->dk_log2_size == LogMinSize && k->dk_kind == KindUnicode && free->count < free->capacity)
        {
            free->items[free->count++] = k;
            return;
        }
        st->allocator.Free(st->allocator.Context, k);
    }

    private static int ClearSlot(PyObject* op)
    {
        Clear(op);
        return 0;
    }

    private static void Dealloc(PyObject* op)
    {
        GcList.Untrack(op);
        DictKeys* k = ((PyDictObject*)op)->ma_keys;
        if (k != null)
        {
            ReleaseKeys(op->ob_type->tp_heap, k);
        }
        HeapState* st = op->ob_type->tp_heap;
        if (op->ob_type != st->type_dict || !Freelists.TryPark(&st->dict_freelist, op))
        {
            ObjectMemory.Free(op);
        }
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        DictKeys* k = ((PyDictObject*)op)->ma_keys;
        if (k == null)
        {
            return 0;
        }
        for (nint i = 0; i < k->dk_nentries; i++)
        {
            PyObject* value = *EntryValue(k, i);
            if (value == null)
            {
                continue;
            }
            // CPython skips str keys (they cannot form cycles) but visits every value,
            // and in a general table the value before the key (3.12's dict_traverse).
            int rv = visit(value, arg);
            if (rv != 0)
            {
                return rv;
            }
            if (k->dk_kind == KindGeneral)
            {
                int rk = visit(*EntryKey(k, i), arg);
                if (rk != 0)
                {
                    return rk;
                }
            }
        }
        return 0;
    }

    /// <summary>
    /// CPython 3.12's _PyDict_MaybeUntrack, run by the collector: a dict whose keys and values
    /// can never be part of a cycle stops being tracked.
    /// </summary>
    public static void MaybeUntrack(PyObject* op)
    {
        if (!GcList.IsTracked(op))
        {
            return;
        }
        nint pos = 0;
        while (Next(op, ref pos, out PyObject* key, out PyObject* value))
        {
            if (ObjectProtocol.MayBeTracked(value) || ObjectProtocol.MayBeTracked(key))
            {
                return;
            }
        }
        GcList.Untrack(op);
    }

    /// <summary>sys.getsizeof without the GC header: the dict object plus its own keys table.</summary>
    public static nint SizeOf(PyObject* op)
    {
        DictKeys* k = ((PyDictObject*)op)->ma_keys;
        return sizeof(PyDictObject) + (k == null ? 0 : KeysSize(k));
    }
}
