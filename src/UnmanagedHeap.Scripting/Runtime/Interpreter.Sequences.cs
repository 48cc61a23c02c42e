using System.Numerics;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    public bool IsIterable(PyObject* o)
    {
        PyTypeObject* t = o->ob_type;
        return t == St->type_list || t == St->type_tuple || t == St->type_str || t == St->type_dict || IsSet(o) || t == T.Range || t->tp_layout != null
            || t == T.DictKeys || t == T.DictValues || t == T.DictItems || T.IsIter(t) || IsIterableGenerator(o) || IsBytesLike(o) || IsNativeIterator(t) || UserSpecial(o, "__iter__") != null;
    }

    /// <summary>iter(o): a new iterator.</summary>
    public PyObject* GetIter(PyObject* o)
    {
        PyTypeObject* t = o->ob_type;
        PyObject* own = OwnSpecial("__iter__", ref t);
        if (own != null)
        {
            return CallWithSelf(own, o, []);
        }
        return GetIterAs(o, t);
    }

    /// <summary>iter(o) as built-in type <paramref name="t"/> does it.</summary>
    public PyObject* GetIterAs(PyObject* o, PyTypeObject* t)
    {
        IterKind kind;
        PyObject* source = o;
        if (t == St->type_list)
        {
            kind = IterKind.List;
        }
        else if (t == St->type_tuple)
        {
            kind = IterKind.Tuple;
        }
        else if (t == St->type_str)
        {
            kind = IterKind.Str;
        }
        else if (t == St->type_dict || t == T.DictKeys)
        {
            kind = IterKind.DictKeys;
            source = t == T.DictKeys ? ((PyDictViewObject*)o)->dv_dict : o;
        }
        else if (t == T.DictValues)
        {
            kind = IterKind.DictValues;
            source = ((PyDictViewObject*)o)->dv_dict;
        }
        else if (t == T.DictItems)
        {
            kind = IterKind.DictItems;
            source = ((PyDictViewObject*)o)->dv_dict;
        }
        else if (IsSet(o))
        {
            kind = IterKind.Set;
        }
        else if (t == T.Range)
        {
            kind = IterKind.Range;
        }
        else if (T.IsIter(t) || IsIterableGenerator(o) || IsNativeIterator(t))
        {
            return NewRef(o);
        }
        else if (IsBytes(o) || IsByteArray(o))
        {
            kind = IsByteArray(o) ? IterKind.ByteArray : IterKind.Bytes;
        }
        else if (t == T.MemoryView)
        {
            PyObject* list = ListSteal(BytesToInts(MemoryViewBytes(o)));
            try
            {
                return GetIter(list);
            }
            finally
            {
                Refcount.Decref(list);
            }
        }
        else
        {
            PyObject* m = UserSpecial(o, "__iter__");
            if (m != null)
            {
                return CallWithSelf(m, o, []);
            }
            if (t == St->type_weakref_proxy)
            {
                return GetIter(ProxyTarget(o));
            }
            throw TypeErr($"'{TypeName(o)}' object is not iterable");
        }
        PyObject* it = ScriptTypes.New(T.Iter(kind));
        var io = (PyIterObject*)it;
        io->it_seq = NewRef(source);
        io->it_kind = (nint)kind;
        io->it_len = kind switch
        {
            IterKind.DictKeys or IterKind.DictValues or IterKind.DictItems => PyDict.Size(source),
            IterKind.Set => PySet.Size(source),
            _ => 0,
        };
        ScriptTypes.Track(it);
        return it;
    }

    /// <summary>next(it): a new reference, or null when exhausted.</summary>
    public PyObject* Next(PyObject* it)
    {
        if (IsNativeIterator(it->ob_type))
        {
            return NativeTypes.IterNext(it->ob_type)(this, it);
        }
        if (IsIterableGenerator(it))
        {
            return GeneratorNext(it);
        }
        if (!T.IsIter(it->ob_type))
        {
            PyObject* m = UserSpecial(it, "__next__");
            if (m == null)
            {
                throw TypeErr($"'{TypeName(it)}' object is not an iterator");
            }
            try
            {
                return CallWithSelf(m, it, []);
            }
            catch (PythonException e) when (IsSubtype(e.Object->ob_type, StopIteration))
            {
                Refcount.Decref(e.Steal());
                return null;
            }
        }
        var io = (PyIterObject*)it;
        PyObject* seq = io->it_seq;
        if (seq == null)
        {
            return null;
        }
        if (io->it_kind >= (nint)IterKind.Map)
        {
            return LazyNext(io);
        }
        PyObject* result = null;
        switch ((IterKind)io->it_kind)
        {
            case IterKind.List:
                if (io->it_index < PyList.Size(seq))
                {
                    result = NewRef(PyList.Items(seq)[io->it_index++]);
                }
                break;
            case IterKind.Tuple:
                if (io->it_index < PyTuple.Size(seq))
                {
                    result = NewRef(PyTuple.Items(seq)[io->it_index++]);
                }
                break;
            case IterKind.Bytes:
            case IterKind.ByteArray:
                result = BytesIterNext(io);
                break;
            case IterKind.Str:
            {
                string s = PyUnicode.AsString(seq);
                if (io->it_index < s.Length)
                {
                    int i = (int)io->it_index;
                    int len = char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
                    result = Str(s.Substring(i, len));
                    io->it_index += len;
                }
                break;
            }
            case IterKind.DictKeys:
            case IterKind.DictValues:
            case IterKind.DictItems:
            {
                if (PyDict.Size(seq) != io->it_len)
                {
                    io->it_len = -1;
                    throw Error(RuntimeError, "dictionary changed size during iteration");
                }
                nint pos = io->it_index;
                if (PyDict.Next(seq, ref pos, out PyObject* k, out PyObject* v))
                {
                    io->it_index = pos;
                    result = (IterKind)io->it_kind switch
                    {
                        IterKind.DictKeys => NewRef(k),
                        IterKind.DictValues => NewRef(v),
                        _ => Tuple([(nint)k, (nint)v]),
                    };
                }
                break;
            }
            case IterKind.Set:
            {
                if (PySet.Size(seq) != io->it_len)
                {
                    io->it_len = -1;
                    throw Error(RuntimeError, "Set changed size during iteration");
                }
                nint pos = io->it_index;
                if (PySet.Next(seq, ref pos, out PyObject* k))
                {
                    io->it_index = pos;
                    result = NewRef(k);
                }
                break;
            }
            case IterKind.Range:
            {
                var r = (PyRangeObject*)seq;
                if (io->it_index < r->length)
                {
                    result = Int(r->start + r->step * io->it_index);
                    io->it_index++;
                }
                break;
            }
        }
        if (result == null)
        {
            Refcount.Clear(&io->it_seq);
        }
        return result;
    }

    /// <summary>All items of an iterable as owned references.</summary>
    public List<nint> CollectItems(PyObject* o, bool unpacking)
    {
        var items = new List<nint>();
        if (o->ob_type == St->type_list || o->ob_type == St->type_tuple || ((IsList(o) || IsTuple(o)) && !Overrides(o, "__iter__")))
        {
            bool list = IsList(o);
            nint n = list ? PyList.Size(o) : PyTuple.Size(o);
            PyObject** src = list ? PyList.Items(o) : PyTuple.Items(o);
            for (nint i = 0; i < n; i++)
            {
                items.Add((nint)NewRef(src[i]));
            }
            return items;
        }
        if (o->ob_type == T.Range && ((PyRangeObject*)o)->length > HeapLimitBytes / sizeof(nint))
        {
            // CPython sizes the list from the range's length first: too many slots is MemoryError at once.
            throw new PythonException(NewException(MemoryError, null));
        }
        PyObject* it;
        try
        {
            it = GetIter(o);
        }
        catch (PythonException) when (unpacking && !IsIterable(o))
        {
            throw TypeErr($"cannot unpack non-iterable {TypeName(o)} object");
        }
        try
        {
            while (true)
            {
                PyObject* x = Next(it);
                if (x == null)
                {
                    break;
                }
                items.Add((nint)x);
            }
        }
        catch
        {
            foreach (nint x in items)
            {
                Refcount.Decref((PyObject*)x);
            }
            throw;
        }
        finally
        {
            Refcount.Decref(it);
        }
        return items;
    }

    public long Length(PyObject* o)
    {
        PyTypeObject* t = o->ob_type;
        if (t->tp_layout != null && OwnSpecial("__len__", ref t) != null)
        {
            t = o->ob_type; // the class's own __len__, below
        }
        return LengthAs(o, t);
    }

    /// <summary>len(o) as type <paramref name="t"/> (o's type or the built-in it derives from) measures it.</summary>
    public long LengthAs(PyObject* o, PyTypeObject* t)
    {
        if (t == St->type_list)
        {
            return PyList.Size(o);
        }
        if (t == St->type_tuple)
        {
            return PyTuple.Size(o);
        }
        if (t == St->type_str)
        {
            return PyUnicode.Length(o);
        }
        if (t == St->type_dict)
        {
            return PyDict.Size(o);
        }
        if (IsSet(o))
        {
            return PySet.Size(o);
        }
        if (t == T.Range)
        {
            return ((PyRangeObject*)o)->length;
        }
        if (IsBytesLike(o))
        {
            return BytesLength(o);
        }
        if (t == T.DictKeys || t == T.DictValues || t == T.DictItems)
        {
            return PyDict.Size(((PyDictViewObject*)o)->dv_dict);
        }
        if (t == St->type_weakref_proxy)
        {
            return Length(ProxyTarget(o));
        }
        PyObject* m = UserSpecial(o, "__len__");
        if (m != null)
        {
            PyObject* r = CallWithSelf(m, o, []);
            try
            {
                long n = ToLong(r);
                if (n < 0)
                {
                    throw ValueErr("__len__() should return >= 0");
                }
                return n;
            }
            finally
            {
                Refcount.Decref(r);
            }
        }
        throw TypeErr($"object of type '{TypeName(o)}' has no len()");
    }

    // ---- Subscripts ----

    private static long NormalizeIndex(long i, long n) => i < 0 ? i + n : i;

    /// <summary>Resolves a slice against a length (CPython's PySlice_GetIndicesEx).</summary>
    public (long Start, long Stop, long Step, long Count) SliceIndices(PyObject* slice, long length)
    {
        var s = (PySliceObject*)slice;
        foreach (nint part in new[] { (nint)s->start, (nint)s->stop, (nint)s->step })
        {
            if ((PyObject*)part != St->none && !IsInt((PyObject*)part))
            {
                throw TypeErr("slice indices must be integers or None or have an __index__ method");
            }
        }
        long step = s->step == St->none ? 1 : ToLong(s->step);
        if (step == 0)
        {
            throw ValueErr("slice step cannot be zero");
        }
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? length - 1 : length;
        long Bound(PyObject* v, long dflt)
        {
            if (v == St->none)
            {
                return dflt;
            }
            BigInteger b = PyLong.ToBigInteger(IsInt(v) ? v : throw TypeErr("slice indices must be integers or None or have an __index__ method"));
            if (b < 0)
            {
                b += length;
                return b < lower ? lower : (long)b;
            }
            return b > upper ? upper : (long)b;
        }
        long start = Bound(s->start, step < 0 ? upper : lower);
        long stop = Bound(s->stop, step < 0 ? lower : upper);
        long count = step < 0 ? (stop < start ? (start - stop - 1) / -step + 1 : 0) : (start < stop ? (stop - start - 1) / step + 1 : 0);
        return (start, stop, step, count);
    }

    /// <summary><c>obj[key]</c>.</summary>
    public PyObject* GetItem(PyObject* obj, PyObject* key)
    {
        if (KeyNeedsIndexCalls(key) && IsIndexedSequence(obj->ob_type))
        {
            // __index__ runs before the sequence's size is read (it may change the sequence).
            PyObject* resolved = ResolvedIndexKey(key);
            try
            {
                return GetItem(obj, resolved);
            }
            finally
            {
                Refcount.Decref(resolved);
            }
        }
        PyTypeObject* t = obj->ob_type;
        PyObject* own = OwnSpecial("__getitem__", ref t);
        if (own != null)
        {
            return CallWithSelf(own, obj, [(nint)NewRef(key)]);
        }
        return GetItemAs(obj, key, t);
    }

    /// <summary><c>obj[key]</c> as built-in type <paramref name="t"/> (obj's type or the built-in it derives from) does it.</summary>
    public PyObject* GetItemAs(PyObject* obj, PyObject* key, PyTypeObject* t)
    {
        if (t == St->type_dict)
        {
            PyObject* v = PyDict.GetItem(obj, key);
            if (v == null)
            {
                return DictMissing(obj, key);
            }
            return NewRef(v);
        }
        if (t == St->type_list || t == St->type_tuple || t == St->type_str || t == T.Range)
        {
            long n = t == St->type_list ? PyList.Size(obj) : Length(obj);
            if (key->ob_type == T.Slice)
            {
                var (start, _, step, count) = SliceIndices(key, n);
                if ((t == St->type_str || t == St->type_tuple) && obj->ob_type == t && start == 0 && step == 1 && count == n)
                {
                    return NewRef(obj);
                }
                if (t == St->type_str)
                {
                    string s = PyUnicode.AsString(obj);
                    var sb = new System.Text.StringBuilder((int)count);
                    for (long i = 0, j = start; i < count; i++, j += step)
                    {
                        sb.Append(s[(int)j]);
                    }
                    return Str(sb.ToString());
                }
                if (t == T.Range)
                {
                    var r = (PyRangeObject*)obj;
                    return NewRange(r->start + start * r->step, r->start + (start + count * step) * r->step, r->step * step);
                }
                var items = new List<nint>((int)count);
                PyObject** src = t == St->type_list ? PyList.Items(obj) : PyTuple.Items(obj);
                for (long i = 0, j = start; i < count; i++, j += step)
                {
                    items.Add((nint)NewRef(src[j]));
                }
                return t == St->type_list ? ListSteal(items) : (items.Count == 0 ? NewRef(St->empty_tuple) : TupleSteal(items));
            }
            if (!IsInt(key))
            {
                throw TypeErr(t == St->type_str
                    ? $"string indices must be integers, not '{TypeName(key)}'"
                    : $"{NameOfType(t)} indices must be integers or slices, not {TypeName(key)}");
            }
            long index = NormalizeIndex(ToLong(key), n);
            if (index < 0 || index >= n)
            {
                string what = t == St->type_str ? "string" : NameOfType(t);
                throw Error(IndexError, $"{what} index out of range");
            }
            if (t == St->type_list)
            {
                return NewRef(PyList.Items(obj)[index]);
            }
            if (t == St->type_tuple)
            {
                return NewRef(PyTuple.Items(obj)[index]);
            }
            if (t == T.Range)
            {
                var r = (PyRangeObject*)obj;
                return Int(r->start + index * r->step);
            }
            return Str(CodePointText(PyUnicode.Read(obj, (nint)index)));
        }
        if (IsBytes(obj) || IsByteArray(obj))
        {
            return BytesGetItem(obj, key);
        }
        if (t == T.MemoryView)
        {
            return MemoryViewGetItem(obj, key);
        }
        PyObject* m = UserSpecial(obj, "__getitem__");
        if (m != null)
        {
            return CallWithSelf(m, obj, [(nint)NewRef(key)]);
        }
        if (t == St->type_weakref_proxy)
        {
            return GetItem(ProxyTarget(obj), key);
        }
        if (IsType(obj))
        {
            PyObject* classGetItem = LookupInType((PyTypeObject*)obj, "__class_getitem__");
            if (classGetItem != null && classGetItem->ob_type == T.ClassMethod)
            {
                PyObject* bound = BindDescriptor(classGetItem, obj);
                try
                {
                    return CallBorrowed(bound, (nint)key);
                }
                finally
                {
                    Refcount.Decref(bound);
                }
            }
            // list[int] and friends: generic aliases are only used in annotations here.
            return NewRef(obj);
        }
        throw TypeErr($"'{TypeName(obj)}' object is not subscriptable");
    }

    public PyObject* NewKeyError(PyObject* key)
    {
        PyObject* args = Tuple([(nint)key]);
        PyObject* e = NewExceptionWithArgs(KeyError, args);
        Refcount.Decref(args);
        return e;
    }

    public void SetItem(PyObject* obj, PyObject* key, PyObject* value)
    {
        if (KeyNeedsIndexCalls(key) && IsIndexedSequence(obj->ob_type))
        {
            // __index__ runs before the sequence's size is read (it may change the sequence).
            PyObject* resolved = ResolvedIndexKey(key);
            try
            {
                SetItem(obj, resolved, value);
                return;
            }
            finally
            {
                Refcount.Decref(resolved);
            }
        }
        PyTypeObject* t = obj->ob_type;
        PyObject* own = OwnSpecial("__setitem__", ref t);
        if (own != null)
        {
            Refcount.Decref(CallWithSelf(own, obj, [(nint)NewRef(key), (nint)NewRef(value)]));
            return;
        }
        SetItemAs(obj, key, value, t);
    }

    /// <summary><c>obj[key] = value</c> as built-in type <paramref name="t"/> does it.</summary>
    public void SetItemAs(PyObject* obj, PyObject* key, PyObject* value, PyTypeObject* t)
    {
        if (t == St->type_dict)
        {
            PyDict.SetItem(obj, key, value);
            return;
        }
        if (IsByteArray(obj))
        {
            ByteArraySetItem(obj, key, value);
            return;
        }
        if (t == T.MemoryView)
        {
            MemoryViewSetItem(obj, key, value);
            return;
        }
        if (t == St->type_list)
        {
            long n = PyList.Size(obj);
            if (key->ob_type == T.Slice)
            {
                var (start, stop, step, count) = SliceIndices(key, n);
                List<nint> items = CollectItems(value, unpacking: false);
                if (step == 1)
                {
                    ListReplaceRange(obj, start, Math.Max(start, stop), items);
                    return;
                }
                try
                {
                    if (items.Count != count)
                    {
                        throw ValueErr($"attempt to assign sequence of size {items.Count} to extended slice of size {count}");
                    }
                    for (long i = 0, j = start; i < count; i++, j += step)
                    {
                        Refcount.Incref((PyObject*)items[(int)i]);
                        Refcount.Assign(&PyList.Items(obj)[j], (PyObject*)items[(int)i]);
                    }
                }
                finally
                {
                    foreach (nint x in items)
                    {
                        Refcount.Decref((PyObject*)x);
                    }
                }
                return;
            }
            if (!IsInt(key))
            {
                throw TypeErr($"list indices must be integers or slices, not {TypeName(key)}");
            }
            long index = NormalizeIndex(ToLong(key), n);
            if (index < 0 || index >= n)
            {
                throw Error(IndexError, "list assignment index out of range");
            }
            Refcount.Incref(value);
            Refcount.Assign(&PyList.Items(obj)[index], value);
            return;
        }
        PyObject* m = UserSpecial(obj, "__setitem__");
        if (m != null)
        {
            Refcount.Decref(CallWithSelf(m, obj, [(nint)NewRef(key), (nint)NewRef(value)]));
            return;
        }
        if (t == St->type_weakref_proxy)
        {
            SetItem(ProxyTarget(obj), key, value);
            return;
        }
        throw TypeErr($"'{TypeName(obj)}' object does not support item assignment");
    }

    public void DelItem(PyObject* obj, PyObject* key)
    {
        if (KeyNeedsIndexCalls(key) && IsIndexedSequence(obj->ob_type))
        {
            // __index__ runs before the sequence's size is read (it may change the sequence).
            PyObject* resolved = ResolvedIndexKey(key);
            try
            {
                DelItem(obj, resolved);
                return;
            }
            finally
            {
                Refcount.Decref(resolved);
            }
        }
        PyTypeObject* t = obj->ob_type;
        PyObject* own = OwnSpecial("__delitem__", ref t);
        if (own != null)
        {
            Refcount.Decref(CallWithSelf(own, obj, [(nint)NewRef(key)]));
            return;
        }
        DelItemAs(obj, key, t);
    }

    /// <summary><c>del obj[key]</c> as built-in type <paramref name="t"/> does it.</summary>
    public void DelItemAs(PyObject* obj, PyObject* key, PyTypeObject* t)
    {
        if (t == St->type_dict)
        {
            if (!PyDict.DelItem(obj, key))
            {
                throw new PythonException(NewKeyError(key));
            }
            return;
        }
        if (IsByteArray(obj))
        {
            ByteArrayDelItem(obj, key);
            return;
        }
        if (t == St->type_list)
        {
            long n = PyList.Size(obj);
            if (key->ob_type == T.Slice)
            {
                var (start, _, step, count) = SliceIndices(key, n);
                var keep = new List<nint>();
                var drop = new HashSet<long>();
                for (long i = 0, j = start; i < count; i++, j += step)
                {
                    drop.Add(j);
                }
                for (long i = 0; i < n; i++)
                {
                    if (!drop.Contains(i))
                    {
                        keep.Add((nint)NewRef(PyList.Items(obj)[i]));
                    }
                }
                ListReplaceRange(obj, 0, n, keep);
                return;
            }
            long index = NormalizeIndex(ToLong(key), n);
            if (index < 0 || index >= n)
            {
                throw Error(IndexError, "list assignment index out of range");
            }
            ListReplaceRange(obj, index, index + 1, []);
            return;
        }
        PyObject* m = UserSpecial(obj, "__delitem__");
        if (m != null)
        {
            Refcount.Decref(CallWithSelf(m, obj, [(nint)NewRef(key)]));
            return;
        }
        throw TypeErr($"'{TypeName(obj)}' object doesn't support item deletion");
    }

    /// <summary>Replaces list items [lo, hi) with <paramref name="items"/> (owned, consumed), resizing as CPython's list_ass_slice does.</summary>
    public void ListReplaceRange(PyObject* list, long lo, long hi, List<nint> items)
    {
        var lo_ = (PyListObject*)list;
        long n = PyList.Size(list);
        // Callers may have run Python code (an __eq__ in list.remove) since they chose the
        // range: clamp it to the list as it is now, as list_ass_slice does.
        lo = Math.Clamp(lo, 0, n);
        hi = Math.Clamp(hi, lo, n);
        var old = new List<nint>();
        for (long i = lo; i < hi; i++)
        {
            old.Add((nint)PyList.Items(list)[i]);
        }
        var tail = new List<nint>();
        for (long i = hi; i < n; i++)
        {
            tail.Add((nint)PyList.Items(list)[i]);
        }
        long newSize = lo + items.Count + tail.Count;
        if (newSize == 0)
        {
            // Detach the old items first: clear then frees the array without touching them.
            lo_->ob_base.ob_size = 0;
            PyList.Clear(list);
        }
        else
        {
            if (newSize > n)
            {
                PyList.Resize(lo_, (nint)newSize);
            }
            else if (newSize < n)
            {
                lo_->ob_base.ob_size = (nint)newSize;
                PyList.Resize(lo_, (nint)newSize);
            }
            PyObject** dst = PyList.Items(list);
            long k = lo;
            foreach (nint x in items)
            {
                dst[k++] = (PyObject*)x;
            }
            foreach (nint x in tail)
            {
                dst[k++] = (PyObject*)x;
            }
            lo_->ob_base.ob_size = (nint)newSize;
        }
        foreach (nint x in old)
        {
            Refcount.Decref((PyObject*)x);
        }
    }

    public void ListExtend(PyObject* list, PyObject* iterable)
    {
        List<nint> items = CollectItems(iterable, unpacking: false);
        foreach (nint x in items)
        {
            PyList.Append(list, (PyObject*)x);
            Refcount.Decref((PyObject*)x);
        }
    }

    public void ListClear(PyObject* list) => ListReplaceRange(list, 0, PyList.Size(list), []);

    public void DictUpdate(PyObject* dict, PyObject* other)
    {
        if (IsDict(other))
        {
            List<(nint Key, nint Value)> pairs = OwnedDictPairs(other);
            try
            {
                foreach (var (k, v) in pairs)
                {
                    PyDict.SetItem(dict, (PyObject*)k, (PyObject*)v);
                }
            }
            finally
            {
                DecrefAll(pairs);
            }
            return;
        }
        List<nint> items = CollectItems(other, unpacking: false);
        try
        {
            int index = 0;
            foreach (nint pair in items)
            {
                if (!IsIterable((PyObject*)pair))
                {
                    throw TypeErr($"cannot convert dictionary update sequence element #{index} to a sequence");
                }
                List<nint> kv = CollectItems((PyObject*)pair, unpacking: false);
                try
                {
                    if (kv.Count != 2)
                    {
                        throw ValueErr($"dictionary update sequence element #{index} has length {kv.Count}; 2 is required");
                    }
                    PyDict.SetItem(dict, (PyObject*)kv[0], (PyObject*)kv[1]);
                    index++;
                }
                finally
                {
                    foreach (nint x in kv)
                    {
                        Refcount.Decref((PyObject*)x);
                    }
                }
            }
        }
        finally
        {
            foreach (nint x in items)
            {
                Refcount.Decref((PyObject*)x);
            }
        }
    }

    /// <summary>
    /// <c>a | b</c>, <c>a &amp; b</c>, <c>a - b</c>, <c>a ^ b</c> and the in-place forms, for two
    /// sets, in CPython's order of work (setobject.c): which set is walked and which is
    /// probed decides what a key's <c>__eq__</c> that changes a set can affect. Sets are
    /// walked live, each key held while it is probed or added.
    /// </summary>
    public PyObject* SetOperation(BinaryOperator op, PyObject* a, PyObject* b, bool inplace)
    {
        if (inplace)
        {
            SetOperationInPlace(op, a, b);
            return NewRef(a);
        }
        PyObject* result = PySet.New(a->ob_type);
        try
        {
            switch (op)
            {
                case BinaryOperator.BitOr:
                    SetAddAll(result, a, SetStep.Add);
                    SetAddAll(result, b, SetStep.Add);
                    break;
                case BinaryOperator.BitAnd:
                {
                    // set_intersection walks the other set unless it is the larger one.
                    bool swap = PySet.Size(b) > PySet.Size(a);
                    SetWalk(swap ? a : b, swap ? b : a, result, SetStep.AddIfIn);
                    break;
                }
                case BinaryOperator.Sub:
                    SetWalk(a, b, result, SetStep.AddIfNotIn);
                    break;
                default:
                    // set_symmetric_difference: a copy of the other set, toggled by each key of this one.
                    SetAddAll(result, b, SetStep.Add);
                    SetAddAll(result, a, SetStep.Toggle);
                    break;
            }
        }
        catch
        {
            Refcount.Decref(result);
            throw;
        }
        return result;
    }

    private void SetOperationInPlace(BinaryOperator op, PyObject* a, PyObject* b)
    {
        switch (op)
        {
            case BinaryOperator.BitOr:
                SetAddAll(a, b, SetStep.Add);
                break;
            case BinaryOperator.BitAnd:
            {
                // set_intersection_update: the intersection, then it becomes a's contents.
                PyObject* common = SetOperation(BinaryOperator.BitAnd, a, b, inplace: false);
                try
                {
                    PySet.Clear(a);
                    SetAddAll(a, common, SetStep.Add);
                }
                finally
                {
                    Refcount.Decref(common);
                }
                break;
            }
            case BinaryOperator.Sub:
                if (a == b)
                {
                    PySet.Clear(a);
                    break;
                }
                SetAddAll(a, b, SetStep.Discard);
                break;
            default:
                if (a == b)
                {
                    PySet.Clear(a);
                    break;
                }
                SetAddAll(a, b, SetStep.Toggle);
                break;
        }
    }

    private enum SetStep
    {
        Add,
        Discard,
        Toggle,
        AddIfIn,
        AddIfNotIn,
    }

    /// <summary>Applies <paramref name="step"/> to <paramref name="target"/> for each key of <paramref name="source"/>.</summary>
    private void SetAddAll(PyObject* target, PyObject* source, SetStep step) => SetWalk(source, null, target, step);

    /// <summary>
    /// Walks <paramref name="walked"/> live (set_next: a position checked against the
    /// current table, so a set that changes is walked as it is now), each key held across
    /// the probe of <paramref name="probed"/> and the change to <paramref name="target"/>.
    /// </summary>
    private static void SetWalk(PyObject* walked, PyObject* probed, PyObject* target, SetStep step)
    {
        nint pos = 0;
        // Each entry's stored hash is reused: set operations never call __hash__ again.
        while (PySet.Next(walked, ref pos, out PyObject* k, out nint hash))
        {
            Refcount.Incref(k);
            try
            {
                switch (step)
                {
                    case SetStep.Add:
                        PySet.AddWithHash(target, k, hash);
                        break;
                    case SetStep.Discard:
                        PySet.DiscardWithHash(target, k, hash);
                        break;
                    case SetStep.Toggle:
                        if (!PySet.DiscardWithHash(target, k, hash))
                        {
                            PySet.AddWithHash(target, k, hash);
                        }
                        break;
                    case SetStep.AddIfIn:
                        if (PySet.ContainsWithHash(probed, k, hash))
                        {
                            PySet.AddWithHash(target, k, hash);
                        }
                        break;
                    default:
                        if (!PySet.ContainsWithHash(probed, k, hash))
                        {
                            PySet.AddWithHash(target, k, hash);
                        }
                        break;
                }
            }
            finally
            {
                Refcount.Decref(k);
            }
        }
    }

    public PyObject* NewRange(long start, long stop, long step)
    {
        PyObject* r = ScriptTypes.New(T.Range);
        var ro = (PyRangeObject*)r;
        ro->start = start;
        ro->stop = stop;
        ro->step = step;
        ro->length = step > 0 ? (start < stop ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0);
        return r;
    }
}
