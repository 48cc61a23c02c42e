using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>CPython 3.12's PyByteArrayObject: 56 bytes, the data in a separate buffer.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyByteArrayObject
{
    public PyVarObject ob_base;
    /// <summary>Bytes in the buffer, counting the trailing NUL (0 when there is no buffer).</summary>
    public nint ob_alloc;
    /// <summary>The buffer from the allocator, or null for an empty bytearray that never grew.</summary>
    public byte* ob_bytes;
    /// <summary>Where the logical data starts inside ob_bytes: deleting a prefix only moves this.</summary>
    public byte* ob_start;
    /// <summary>How many memoryviews hold the buffer; while nonzero the buffer may not move.</summary>
    public nint ob_exports;
}

/// <summary>
/// Mutable byte arrays as CPython 3.12 keeps them: the object holds a pointer to a buffer
/// grown by bytearray_resize's rule (exact for a first fill, about 1/8 extra when growing
/// step by step), so <c>sys.getsizeof</c>, which is 56 + ob_alloc, agrees with CPython's.
/// </summary>
public static unsafe class PyByteArray
{
    public static PyTypeObject* CreateType(TypeRegistry types)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Hash = &ObjectProtocol.HashNotImplemented, RichCompare = &RichCompare };
        return types.Create("bytearray", sizeof(PyByteArrayObject), 0, TypeFlags.BaseType, slots);
    }

    public static nint Size(PyObject* op) => ((PyVarObject*)op)->ob_size;

    public static byte* Data(PyObject* op) => ((PyByteArrayObject*)op)->ob_start;

    public static nint Exports(PyObject* op) => ((PyByteArrayObject*)op)->ob_exports;

    /// <summary>The current contents. Valid only until the next resize: copy before calling out.</summary>
    public static Span<byte> AsSpan(PyObject* op) => Size(op) == 0 ? default : new(Data(op), (int)Size(op));

    /// <summary>sizeof: the object plus the whole buffer, as bytearray___sizeof__ counts it.</summary>
    public static nint SizeOf(PyObject* op) => sizeof(PyByteArrayObject) + ((PyByteArrayObject*)op)->ob_alloc;

    /// <summary>PyByteArray_FromStringAndSize: a buffer of exactly size + 1, none for size 0.</summary>
    public static PyObject* FromSpan(HeapState* st, ReadOnlySpan<byte> data)
    {
        PyObject* op = ObjectMemory.Allocate(st->type_bytearray);
        var b = (PyByteArrayObject*)op;
        b->ob_base.ob_size = 0;
        b->ob_alloc = 0;
        b->ob_bytes = null;
        b->ob_start = null;
        b->ob_exports = 0;
        if (data.Length > 0)
        {
            try
            {
                SetBuffer(b, data.Length + 1, data.Length);
            }
            catch
            {
                ObjectMemory.Free(op);
                throw;
            }
            data.CopyTo(new Span<byte>(b->ob_bytes, data.Length));
        }
        return op;
    }

    /// <summary>
    /// bytearray_resize of 3.12 (the caller has checked there are no exports): shrinking a
    /// little keeps the buffer, shrinking below half or growing reallocates; growing by at
    /// most 1/8 over-allocates like list_resize. New bytes are zero. The data is realigned
    /// to the buffer's start whenever the buffer is replaced.
    /// </summary>
    public static void Resize(PyObject* op, nint size)
    {
        var b = (PyByteArrayObject*)op;
        if (size < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size));
        }
        if (b->ob_exports > 0)
        {
            throw new InvalidOperationException("bytearray with exports resized");
        }
        nint old = b->ob_base.ob_size;
        if (size == old)
        {
            return;
        }
        nint alloc = b->ob_alloc;
        nint offset = (nint)(b->ob_start - b->ob_bytes);
        if (size + offset + 1 <= alloc)
        {
            if (size >= alloc / 2)
            {
                b->ob_base.ob_size = size;
                if (size > old)
                {
                    new Span<byte>(b->ob_start + old, (int)(size - old)).Clear();
                }
                b->ob_start[size] = 0;
                return;
            }
            alloc = size + 1;
        }
        else
        {
            alloc = size <= alloc * 1.125 ? size + (size >> 3) + (size < 9 ? 3 : 6) : size + 1;
        }
        SetBuffer(b, alloc, size);
    }

    /// <summary>Moves the data into a new buffer of <paramref name="alloc"/> bytes holding <paramref name="size"/> of them.</summary>
    private static void SetBuffer(PyByteArrayObject* b, nint alloc, nint size)
    {
        HeapState* st = b->ob_base.ob_base.ob_type->tp_heap;
        if ((ulong)alloc > ObjectMemory.MaxItems)
        {
            throw new OutOfHeapMemoryException(nuint.MaxValue);
        }
        byte* buffer = (byte*)st->allocator.Allocate((nuint)alloc);
        if (buffer == null)
        {
            throw new OutOfHeapMemoryException((nuint)alloc);
        }
        nint keep = Math.Min(size, b->ob_base.ob_size);
        if (keep > 0)
        {
            Buffer.MemoryCopy(b->ob_start, buffer, alloc, keep);
        }
        new Span<byte>(buffer + keep, (int)(alloc - keep)).Clear();
        if (b->ob_bytes != null)
        {
            st->allocator.Release(b->ob_bytes);
        }
        b->ob_bytes = buffer;
        b->ob_start = buffer;
        b->ob_alloc = alloc;
        b->ob_base.ob_size = size;
    }

    /// <summary>
    /// Drops the first <paramref name="count"/> bytes by advancing ob_start, as
    /// bytearray_setslice_linear does for a deleted prefix, then lets the resize rule decide.
    /// </summary>
    public static void DropPrefix(PyObject* op, nint count)
    {
        var b = (PyByteArrayObject*)op;
        nint size = b->ob_base.ob_size - count;
        b->ob_start += count;
        // ob_size still counts the old length here, as in CPython: the resize copies from the new start.
        Resize(op, size);
    }

    /// <summary>bytearray compares with bytes and bytearray by content.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        ReadOnlySpan<byte> other;
        if (IsByteArray(st, w))
        {
            other = AsSpan(w);
        }
        else if (PyBytes.IsBytes(st, w))
        {
            other = PyBytes.AsSpan(w);
        }
        else
        {
            return ObjectProtocol.NotImplemented(st);
        }
        return ObjectProtocol.Bool(st, op.Holds(PyBytes.Compare(AsSpan(v), other)));
    }

    public static bool IsByteArray(HeapState* st, PyObject* o)
    {
        for (PyTypeObject* t = o->ob_type; t != null; t = t->tp_base)
        {
            if (t == st->type_bytearray)
            {
                return true;
            }
        }
        return false;
    }

    private static void Dealloc(PyObject* op)
    {
        var b = (PyByteArrayObject*)op;
        if (b->ob_bytes != null)
        {
            op->ob_type->tp_heap->allocator.Release(b->ob_bytes);
        }
        ObjectMemory.Free(op);
    }
}
