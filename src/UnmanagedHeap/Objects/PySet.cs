using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>One slot of a set's table: key and its cached hash (dummy: the heap's dummy key, hash -1).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SetEntry
{
    public PyObject* key;
    public nint hash;
}

/// <summary>CPython 3.12's <c>PySetObject</c>: 200 bytes with an 8-entry small table inline.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PySetObject
{
    public PyObject ob_base;
    /// <summary>Active plus dummy entries.</summary>
    public nint fill;
    /// <summary>Active entries.</summary>
    public nint used;
    public nint mask;
    public SetEntry* table;
    /// <summary>frozenset's cached hash, -1 until computed.</summary>
    public nint hash;
    public nint finger;
    public SetEntry smalltable0, smalltable1, smalltable2, smalltable3, smalltable4, smalltable5, smalltable6, smalltable7;
    public PyObject* weakreflist;
}

/// <summary>
/// set and frozenset with CPython's open addressing: linear probes of up to 9 neighbouring
/// slots, then the perturbation recurrence; the table grows when 3/5 full to the power of
/// two above 4 × used. Iteration walks the table, so a set of small ints lists them in the
/// same order CPython does.
/// </summary>
public static unsafe class PySet
{
    private const int MinSize = 8;
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;

    public static PyTypeObject* CreateType(TypeRegistry types, bool frozen)
    {
        var slots = new TypeSlots
        {
            Dealloc = &Dealloc,
            Traverse = &Traverse,
            Clear = &ClearSlot,
            Hash = frozen ? &FrozenHash : &ObjectProtocol.HashNotImplemented,
            RichCompare = &RichCompare,
        };
        PyTypeObject* type = types.Create(frozen ? "frozenset" : "set", sizeof(PySetObject), 0, TypeFlags.HaveGc | TypeFlags.BaseType, slots);
        type->tp_weaklistoffset = (nint)Marshal.OffsetOf<PySetObject>(nameof(PySetObject.weakreflist));
        return type;
    }

    /// <summary>
    /// set's and frozenset's tp_richcompare (set_richcompare): against another set or
    /// frozenset, by inclusion; anything else declines.
    /// </summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (w->ob_type != st->type_set && w->ob_type != st->type_frozenset)
        {
            return ObjectProtocol.NotImplemented(st);
        }
        bool result = op switch
        {
            RichCompareOp.Eq => Size(v) == Size(w) && IsSubset(v, w),
            RichCompareOp.Ne => !(Size(v) == Size(w) && IsSubset(v, w)),
            RichCompareOp.Le => IsSubset(v, w),
            RichCompareOp.Ge => IsSubset(w, v),
            RichCompareOp.Lt => Size(v) < Size(w) && IsSubset(v, w),
            _ => Size(v) > Size(w) && IsSubset(w, v),
        };
        return ObjectProtocol.Bool(st, result);
    }

    /// <summary>Every element of <paramref name="a"/> is in <paramref name="b"/>; each element held while it is looked up (with its stored hash).</summary>
    public static bool IsSubset(PyObject* a, PyObject* b)
    {
        if (Size(a) > Size(b))
        {
            return false;
        }
        nint pos = 0;
        while (Next(a, ref pos, out PyObject* k, out nint hash))
        {
            Refcount.Incref(k);
            try
            {
                if (!ContainsWithHash(b, k, hash))
                {
                    return false;
                }
            }
            finally
            {
                Refcount.Decref(k);
            }
        }
        return true;
    }

    /// <summary>A new, tracked, empty set (or frozenset when <paramref name="type"/> is frozenset).</summary>
    public static PyObject* New(PyTypeObject* type)
    {
        PyObject* op = ObjectMemory.AllocateZeroed(type);
        var s = (PySetObject*)op;
        s->mask = MinSize - 1;
        s->table = &s->smalltable0;
        s->hash = -1;
        GcList.Track(op);
        return op;
    }

    public static nint Size(PyObject* op) => ((PySetObject*)op)->used;

    private static PyObject* Dummy(PyObject* op) => op->ob_type->tp_heap->set_dummy;

    /// <summary>Adds <paramref name="key"/> (a reference is added); no effect when already present.</summary>
    public static void Add(PyObject* op, PyObject* key) => AddWithHash(op, key, ObjectProtocol.Hash(key));

    /// <summary>
    /// <see cref="Add"/> with the hash already known (taken from another set's entry), so
    /// that set operations, like CPython's, do not call a key's <c>__hash__</c> again.
    /// </summary>
    public static void AddWithHash(PyObject* op, PyObject* key, nint hash)
    {
        var s = (PySetObject*)op;
        SetEntry* entry;
        bool found;
        // A user __eq__ that changed the table sends the probe back to the start (set_add_entry's restart).
        while ((entry = Probe(s, key, hash, adding: true, out found)) == ProbeRestart)
        {
        }
        if (found)
        {
            return;
        }
        Refcount.Incref(key);
        s->fill++;
        s->used++;
        entry->key = key;
        entry->hash = hash;
        if ((nuint)s->fill * 5 >= (nuint)s->mask * 3)
        {
            TableResize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
        }
    }

    /// <summary>Marker returned by <see cref="Probe"/> when a comparison changed the set.</summary>
    private static readonly SetEntry* ProbeRestart = (SetEntry*)(nint)(-1);

    /// <summary>
    /// One probe sequence for <paramref name="key"/>: the entry holding an equal key
    /// (<paramref name="found"/> true), or the first unused entry, or
    /// <see cref="ProbeRestart"/> when a key's <c>__eq__</c> (Python code) replaced the table
    /// or the entry. As CPython's set_lookkey does, the compared key is held by a strong
    /// reference across the call. When <paramref name="adding"/>, an equal key counts as
    /// present even if the comparison changed the set (set_add_entry tests the result
    /// first; set_lookkey tests for the change first).
    /// </summary>
    private static SetEntry* Probe(PySetObject* s, PyObject* key, nint hash, bool adding, out bool found)
    {
        found = false;
        SetEntry* table = s->table;
        nint mask = s->mask;
        nuint perturb = (nuint)hash;
        nint i = hash & mask;
        while (true)
        {
            SetEntry* entry = &table[i];
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            do
            {
                if (entry->hash == 0 && entry->key == null)
                {
                    return entry;
                }
                if (entry->hash == hash)
                {
                    PyObject* start = entry->key;
                    if (start == key)
                    {
                        found = true;
                        return entry;
                    }
                    Refcount.Incref(start);
                    bool equal;
                    try
                    {
                        equal = ObjectProtocol.Equal(start, key);
                    }
                    finally
                    {
                        Refcount.Decref(start);
                    }
                    if (equal && adding)
                    {
                        found = true;
                        return entry;
                    }
                    if (s->table != table || s->mask != mask || entry->key != start)
                    {
                        return ProbeRestart;
                    }
                    if (equal)
                    {
                        found = true;
                        return entry;
                    }
                }
                entry++;
            }
            while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (nint)(((nuint)i * 5 + 1 + perturb) & (nuint)mask);
        }
    }

    private static SetEntry* Find(PySetObject* s, PyObject* key, nint hash)
    {
        SetEntry* entry;
        bool found;
        while ((entry = Probe(s, key, hash, adding: false, out found)) == ProbeRestart)
        {
        }
        return found ? entry : null;
    }

    public static bool Contains(PyObject* op, PyObject* key) => ContainsWithHash(op, key, ObjectProtocol.Hash(key));

    /// <summary><see cref="Contains"/> with the hash already known (see <see cref="AddWithHash"/>).</summary>
    public static bool ContainsWithHash(PyObject* op, PyObject* key, nint hash) => Find((PySetObject*)op, key, hash) != null;

    /// <summary>Removes <paramref name="key"/>; false when absent (set.discard).</summary>
    public static bool Discard(PyObject* op, PyObject* key) => DiscardWithHash(op, key, ObjectProtocol.Hash(key));

    /// <summary><see cref="Discard"/> with the hash already known (see <see cref="AddWithHash"/>).</summary>
    public static bool DiscardWithHash(PyObject* op, PyObject* key, nint hash)
    {
        var s = (PySetObject*)op;
        SetEntry* entry = Find(s, key, hash);
        if (entry == null)
        {
            return false;
        }
        PyObject* old = entry->key;
        entry->key = Dummy(op);
        entry->hash = -1;
        s->used--;
        Refcount.Decref(old);
        return true;
    }

    private static void InsertClean(SetEntry* table, nint mask, PyObject* key, nint hash)
    {
        nuint perturb = (nuint)hash;
        nint i = hash & mask;
        while (true)
        {
            SetEntry* entry = &table[i];
            if (entry->key == null)
            {
                goto Found;
            }
            if (i + LinearProbes <= mask)
            {
                for (int j = 0; j < LinearProbes; j++)
                {
                    entry++;
                    if (entry->key == null)
                    {
                        goto Found;
                    }
                }
            }
            perturb >>= PerturbShift;
            i = (nint)(((nuint)i * 5 + 1 + perturb) & (nuint)mask);
            continue;
        Found:
            entry->key = key;
            entry->hash = hash;
            return;
        }
    }

    private static void TableResize(PySetObject* s, nint minUsed)
    {
        nint newSize = MinSize;
        while (newSize <= minUsed)
        {
            newSize <<= 1;
        }
        HeapState* st = s->ob_base.ob_type->tp_heap;
        SetEntry* oldTable = s->table;
        nint oldMask = s->mask;
        SetEntry* small = &s->smalltable0;
        bool oldIsSmall = oldTable == small;
        SetEntry* copy = null;
        SetEntry* newTable;
        if (newSize == MinSize)
        {
            // Shrinking back into the inline table: copy the old (small) entries aside first.
            copy = (SetEntry*)st->allocator.Malloc(st->allocator.Context, (nuint)(MinSize * sizeof(SetEntry)));
            Buffer.MemoryCopy(oldTable, copy, MinSize * sizeof(SetEntry), (oldMask + 1) * sizeof(SetEntry));
            if (oldIsSmall)
            {
                oldTable = copy;
            }
            newTable = small;
        }
        else
        {
            newTable = (SetEntry*)st->allocator.Malloc(st->allocator.Context, (nuint)(newSize * sizeof(SetEntry)));
            if (newTable == null)
            {
                throw new OutOfHeapMemoryException((nuint)(newSize * sizeof(SetEntry)));
            }
        }
        NativeMemory.Clear(newTable, (nuint)newSize * (nuint)sizeof(SetEntry));
        s->mask = newSize - 1;
        s->table = newTable;
        PyObject* dummy = Dummy((PyObject*)s);
        for (nint i = 0; i <= oldMask; i++)
        {
            SetEntry* e = &oldTable[i];
            if (e->key != null && e->key != dummy)
            {
                InsertClean(newTable, newSize - 1, e->key, e->hash);
            }
        }
        s->fill = s->used;
        if (!oldIsSmall && oldTable != copy)
        {
            st->allocator.Free(st->allocator.Context, oldTable);
        }
        if (copy != null)
        {
            st->allocator.Free(st->allocator.Context, copy);
        }
    }

    /// <summary>Advances over the table (CPython's set iteration order); borrowed key; false at the end.</summary>
    public static bool Next(PyObject* op, ref nint position, out PyObject* key) => Next(op, ref position, out key, out _);

    /// <summary><see cref="Next(PyObject*, ref nint, out PyObject*)"/> that also gives the entry's stored hash.</summary>
    public static bool Next(PyObject* op, ref nint position, out PyObject* key, out nint hash)
    {
        var s = (PySetObject*)op;
        PyObject* dummy = Dummy(op);
        while (position <= s->mask)
        {
            SetEntry* e = &s->table[position++];
            if (e->key != null && e->key != dummy)
            {
                key = e->key;
                hash = e->hash;
                return true;
            }
        }
        key = null;
        hash = 0;
        return false;
    }

    /// <summary>Removes every element (set.clear(), and the clear slot).</summary>
    public static void Clear(PyObject* op)
    {
        var s = (PySetObject*)op;
        SetEntry* table = s->table;
        nint mask = s->mask;
        PyObject* dummy = Dummy(op);
        bool small = table == &s->smalltable0;
        SetEntry* saved = table;
        if (small)
        {
            HeapState* st0 = op->ob_type->tp_heap;
            saved = (SetEntry*)st0->allocator.Malloc(st0->allocator.Context, (nuint)(MinSize * sizeof(SetEntry)));
            Buffer.MemoryCopy(table, saved, MinSize * sizeof(SetEntry), MinSize * sizeof(SetEntry));
        }
        s->table = &s->smalltable0;
        Unsafe.InitBlockUnaligned(s->table, 0, (uint)(MinSize * sizeof(SetEntry)));
        s->mask = MinSize - 1;
        s->fill = 0;
        s->used = 0;
        for (nint i = 0; i <= mask; i++)
        {
            if (saved[i].key != null && saved[i].key != dummy)
            {
                Refcount.Decref(saved[i].key);
            }
        }
        HeapState* st = op->ob_type->tp_heap;
        st->allocator.Free(st->allocator.Context, saved);
    }

    private static int ClearSlot(PyObject* op)
    {
        Clear(op);
        return 0;
    }

    private static void Dealloc(PyObject* op)
    {
        GcList.Untrack(op);
        WeakrefHooks.ClearWeakrefs(op);
        var s = (PySetObject*)op;
        PyObject* dummy = Dummy(op);
        for (nint i = 0; i <= s->mask; i++)
        {
            PyObject* key = s->table[i].key;
            if (key != null && key != dummy)
            {
                Refcount.Decref(key);
            }
        }
        if (s->table != &s->smalltable0)
        {
            HeapState* st = op->ob_type->tp_heap;
            st->allocator.Free(st->allocator.Context, s->table);
        }
        ObjectMemory.Free(op);
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        nint pos = 0;
        while (Next(op, ref pos, out PyObject* key))
        {
            int r = visit(key, arg);
            if (r != 0)
            {
                return r;
            }
        }
        return 0;
    }

    private static ulong ShuffleBits(ulong h) => ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;

    /// <summary>CPython's frozenset hash: order-independent mix of the entry hashes.</summary>
    private static nint FrozenHash(PyObject* op)
    {
        var s = (PySetObject*)op;
        if (s->hash != -1)
        {
            return s->hash;
        }
        ulong hash = 0;
        for (nint i = 0; i <= s->mask; i++)
        {
            hash ^= ShuffleBits((ulong)s->table[i].hash);
        }
        if (((s->mask + 1 - s->fill) & 1) != 0)
        {
            hash ^= ShuffleBits(0);
        }
        if (((s->fill - s->used) & 1) != 0)
        {
            hash ^= ShuffleBits(unchecked((ulong)-1L));
        }
        hash ^= ((ulong)s->used + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        if (hash == ulong.MaxValue)
        {
            hash = 590923713UL;
        }
        s->hash = (nint)hash;
        return (nint)hash;
    }

    /// <summary>sys.getsizeof without the GC header: the object, plus the table when it is not the inline one.</summary>
    public static nint SizeOf(PyObject* op)
    {
        var s = (PySetObject*)op;
        nint size = sizeof(PySetObject);
        if (s->table != &s->smalltable0)
        {
            size += (s->mask + 1) * sizeof(SetEntry);
        }
        return size;
    }
}
