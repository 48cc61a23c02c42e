using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// bytearray's mutations. Every one first turns its arguments into plain values (which may
/// run Python: __index__, iterators), then checks the exports and the current size, then
/// touches the buffer without calling out again, so nothing a callback does can leave a
/// stale pointer or length in use.
/// </summary>
public sealed unsafe partial class Interpreter
{
    public PyTypeObject* BufferError { get; private set; }

    private void CheckResizable(PyObject* op)
    {
        if (PyByteArray.Exports(op) > 0)
        {
            throw Error(BufferError, "Existing exports of data: object cannot be re-sized");
        }
    }

    /// <summary>
    /// Replaces bytes [lo, hi) with <paramref name="data"/> as bytearray_setslice_linear does:
    /// deleting a prefix advances ob_start, other changes move the tail and resize.
    /// </summary>
    private void ByteArrayReplace(PyObject* op, long lo, long hi, ReadOnlySpan<byte> data)
    {
        long size = PyByteArray.Size(op);
        lo = Math.Clamp(lo, 0, size);
        hi = Math.Clamp(hi, lo, size);
        long growth = data.Length - (hi - lo);
        if (growth != 0)
        {
            CheckResizable(op);
        }
        if (growth < 0)
        {
            if (lo == 0)
            {
                PyByteArray.DropPrefix(op, (nint)(-growth));
            }
            else
            {
                byte* buf = PyByteArray.Data(op);
                Buffer.MemoryCopy(buf + hi, buf + lo + data.Length, size - hi, size - hi);
                PyByteArray.Resize(op, (nint)(size + growth));
            }
        }
        else if (growth > 0)
        {
            if (size + growth > Array.MaxLength || size + growth > HeapLimitBytes)
            {
                throw new PythonException(NewException(MemoryError, null));
            }
            PyByteArray.Resize(op, (nint)(size + growth));
            byte* buf = PyByteArray.Data(op);
            Buffer.MemoryCopy(buf + hi, buf + lo + data.Length, size - hi, size - hi);
        }
        if (data.Length > 0)
        {
            data.CopyTo(new Span<byte>(PyByteArray.Data(op) + lo, data.Length));
        }
    }

    /// <summary>
    /// Removes one byte by moving the tail down, then resizes: what pop, remove and
    /// <c>del b[i]</c> do in CPython (only slice operations advance ob_start).
    /// </summary>
    private void ByteArrayRemoveAt(PyObject* op, long index)
    {
        CheckResizable(op);
        long size = PyByteArray.Size(op);
        byte* buf = PyByteArray.Data(op);
        Buffer.MemoryCopy(buf + index + 1, buf + index, size - index - 1, size - index - 1);
        PyByteArray.Resize(op, (nint)(size - 1));
    }

    /// <summary>The data a slice assignment stores: a buffer's copy or an iterable's ints (never an int or a str).</summary>
    private byte[] ByteArrayAssignedData(PyObject* value)
    {
        byte[]? data = BytesDataOrNull(value);
        if (data != null)
        {
            return data;
        }
        if (IsInt(value) || IsFloat(value) || IsStr(value) || !IsIterable(value))
        {
            throw TypeErr("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        return BytesFromSource(value, "bytearray");
    }

    private void ByteArraySetItem(PyObject* op, PyObject* key, PyObject* value)
    {
        if (key->ob_type == T.Slice)
        {
            byte[] data = ByteArrayAssignedData(value);
            var (start, stop, step, count) = SliceIndices(key, PyByteArray.Size(op));
            if (step == 1)
            {
                ByteArrayReplace(op, start, Math.Max(start, stop), data);
                return;
            }
            if (data.Length != count)
            {
                throw ValueErr($"attempt to assign bytes of size {data.Length} to extended slice of size {count}");
            }
            byte* buf = PyByteArray.Data(op);
            for (long i = 0, j = start; i < count; i++, j += step)
            {
                buf[j] = data[i];
            }
            return;
        }
        if (!IsInt(key))
        {
            throw TypeErr($"bytearray indices must be integers or slices, not {TypeName(key)}");
        }
        byte b = ByteValue(value);
        long n = PyByteArray.Size(op);
        long index = PyLong.TryGetInt64(key, out long k) ? NormalizeIndex(k, n) : -1;
        if (index < 0 || index >= n)
        {
            throw Error(IndexError, "bytearray index out of range");
        }
        PyByteArray.Data(op)[index] = b;
    }

    private void ByteArrayDelItem(PyObject* op, PyObject* key)
    {
        long n = PyByteArray.Size(op);
        if (key->ob_type == T.Slice)
        {
            var (start, stop, step, count) = SliceIndices(key, n);
            if (count == 0)
            {
                return;
            }
            if (step == 1)
            {
                ByteArrayReplace(op, start, stop, []);
                return;
            }
            CheckResizable(op);
            var drop = new bool[n];
            for (long i = 0, j = start; i < count; i++, j += step)
            {
                drop[j] = true;
            }
            // Compacted in place, then one resize to the new length, as bytearray_ass_subscript does.
            byte* buf = PyByteArray.Data(op);
            long kept = 0;
            for (long i = 0; i < n; i++)
            {
                if (!drop[i])
                {
                    buf[kept++] = buf[i];
                }
            }
            PyByteArray.Resize(op, (nint)kept);
            return;
        }
        if (!IsInt(key))
        {
            throw TypeErr($"bytearray indices must be integers or slices, not {TypeName(key)}");
        }
        long index = PyLong.TryGetInt64(key, out long k) ? NormalizeIndex(k, n) : -1;
        if (index < 0 || index >= n)
        {
            throw Error(IndexError, "bytearray index out of range");
        }
        ByteArrayRemoveAt(op, index);
    }

    private void RegisterByteArrayMethods()
    {
        PyTypeObject* t = T.ByteArray;
        Method(t, "append", (self, a, _) =>
        {
            Arity("append", a, 1, 1);
            byte b = ByteValue(A(a, 0));
            ByteArrayReplace(self, PyByteArray.Size(self), PyByteArray.Size(self), [b]);
            return NewRef(St->none);
        });
        Method(t, "extend", (self, a, _) =>
        {
            Arity("extend", a, 1, 1);
            PyObject* src = A(a, 0);
            if (IsStr(src))
            {
                // A str is iterated like any iterable: its first character is not an int.
                if (PyUnicode.Length(src) > 0)
                {
                    throw TypeErr("'str' object cannot be interpreted as an integer");
                }
                return NewRef(St->none);
            }
            if (!IsBytesLike(src) && !IsIterable(src))
            {
                throw TypeErr($"can't extend bytearray with {TypeName(src)}");
            }
            // The whole source is drawn first, as CPython's bytearray_extend collects into a new buffer.
            byte[] data = BytesFromSource(src, "bytearray");
            ByteArrayReplace(self, PyByteArray.Size(self), PyByteArray.Size(self), data);
            return NewRef(St->none);
        });
        Method(t, "insert", (self, a, _) =>
        {
            Arity("insert", a, 2, 2);
            PyObject* idx = IndexArg(A(a, 0));
            long i = PyLong.TryGetInt64(idx, out long v) ? v : (PyLong.Sign(idx) < 0 ? long.MinValue / 2 : long.MaxValue / 2);
            Refcount.Decref(idx);
            byte b = ByteValue(A(a, 1));
            long n = PyByteArray.Size(self);
            i = i < 0 ? Math.Max(0, i + n) : Math.Min(i, n);
            ByteArrayReplace(self, i, i, [b]);
            return NewRef(St->none);
        });
        Method(t, "pop", (self, a, _) =>
        {
            Arity("pop", a, 0, 1);
            long i = -1;
            if (a.Length == 1)
            {
                PyObject* idx = IndexArg(A(a, 0));
                i = PyLong.TryGetInt64(idx, out long v) ? v : long.MaxValue;
                Refcount.Decref(idx);
            }
            long n = PyByteArray.Size(self);
            if (n == 0)
            {
                throw Error(IndexError, "pop from empty bytearray");
            }
            i = NormalizeIndex(i, n);
            if (i < 0 || i >= n)
            {
                throw Error(IndexError, "pop index out of range");
            }
            byte b = PyByteArray.Data(self)[i];
            ByteArrayRemoveAt(self, i);
            return Int(b);
        });
        Method(t, "remove", (self, a, _) =>
        {
            Arity("remove", a, 1, 1);
            byte b = ByteValue(A(a, 0));
            int at = PyByteArray.AsSpan(self).IndexOf(b);
            if (at < 0)
            {
                throw ValueErr("value not found in bytearray");
            }
            ByteArrayRemoveAt(self, at);
            return NewRef(St->none);
        });
        Method(t, "clear", (self, a, _) =>
        {
            Arity("clear", a, 0, 0);
            ByteArrayReplace(self, 0, PyByteArray.Size(self), []);
            return NewRef(St->none);
        });
        Method(t, "reverse", (self, a, _) =>
        {
            Arity("reverse", a, 0, 0);
            PyByteArray.AsSpan(self).Reverse();
            return NewRef(St->none);
        });
        Method(t, "copy", (self, a, _) =>
        {
            Arity("copy", a, 0, 0);
            return NewByteArray(PyByteArray.AsSpan(self));
        });
        Method(t, "__setitem__", (self, a, _) =>
        {
            Arity("__setitem__", a, 2, 2);
            SetItem(self, A(a, 0), A(a, 1));
            return NewRef(St->none);
        });
        Method(t, "__delitem__", (self, a, _) =>
        {
            Arity("__delitem__", a, 1, 1);
            DelItem(self, A(a, 0));
            return NewRef(St->none);
        });
        Method(t, "__alloc__", (self, _, _) => Int(((PyByteArrayObject*)self)->ob_alloc));
    }
}
