using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>CPython 3.12's PyBytesObject: the var header, the cached hash, then the bytes and a NUL.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyBytesObject
{
    public PyVarObject ob_base;
    /// <summary>-1 until the hash is first asked for (3.12 still caches it here).</summary>
    public nint ob_shash;
    /// <summary>The first of ob_size bytes, followed by a NUL that is not counted.</summary>
    public byte ob_sval;
}

/// <summary>
/// Immutable byte strings laid out as CPython 3.12's: one block of 33 + n bytes (so
/// <c>sys.getsizeof(b"abc")</c> is 36). The empty bytes and the 256 one-byte bytes are
/// immortal singletons, as 3.12's <c>_Py_SINGLETON(bytes_empty)</c> and
/// <c>bytes_characters</c> are, so <c>b"a" is bytes([97])</c> holds there too.
/// </summary>
public static unsafe class PyBytes
{
    /// <summary>offsetof(ob_sval) + 1 for the NUL: CPython's PyBytesObject_SIZE, the type's tp_basicsize.</summary>
    public const int BasicSize = 33;

    public static PyTypeObject* CreateType(TypeRegistry types)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Hash = &Hash, RichCompare = &RichCompare };
        return types.Create("bytes", BasicSize, 1, TypeFlags.BaseType, slots);
    }

    public static nint Size(PyObject* op) => ((PyVarObject*)op)->ob_size;

    public static byte* Data(PyObject* op) => &((PyBytesObject*)op)->ob_sval;

    public static ReadOnlySpan<byte> AsSpan(PyObject* op) => new(Data(op), (int)Size(op));

    /// <summary>A new reference to a bytes object holding <paramref name="data"/> (a singleton for lengths 0 and 1).</summary>
    public static PyObject* FromSpan(HeapState* st, ReadOnlySpan<byte> data)
    {
        if (data.Length == 0 && st->bytes_empty != null)
        {
            return st->bytes_empty;
        }
        if (data.Length == 1 && st->bytes_chars != null)
        {
            return st->bytes_chars[data[0]];
        }
        PyObject* op = NewUninitialized(st, data.Length);
        data.CopyTo(new Span<byte>(Data(op), data.Length));
        return op;
    }

    /// <summary>
    /// A new bytes object of <paramref name="size"/> bytes to be filled by the caller (never a
    /// singleton: the caller writes into it). The NUL after the data is set.
    /// </summary>
    public static PyObject* NewUninitialized(HeapState* st, nint size)
    {
        PyObject* op = ObjectMemory.Allocate(st->type_bytes, size);
        var b = (PyBytesObject*)op;
        b->ob_base.ob_size = size;
        b->ob_shash = -1;
        Data(op)[size] = 0;
        return op;
    }

    internal static void CreateSingletons(HeapState* st)
    {
        st->bytes_empty = NewUninitialized(st, 0);
        Refcount.MakeImmortal(st->bytes_empty);
        st->bytes_chars = (PyObject**)st->allocator.Malloc(st->allocator.Context, 256 * (nuint)sizeof(nint));
        if (st->bytes_chars == null)
        {
            throw new OutOfHeapMemoryException(256 * (nuint)sizeof(nint));
        }
        for (int c = 0; c < 256; c++)
        {
            PyObject* one = NewUninitialized(st, 1);
            Data(one)[0] = (byte)c;
            Refcount.MakeImmortal(one);
            st->bytes_chars[c] = one;
        }
    }

    /// <summary>
    /// bytes_repr: single quotes unless the data has a ' and no ", printable ASCII as is,
    /// \t \n \r \\ and the rest \x escaped. bytearray_repr (<paramref name="bytearray"/>)
    /// chooses its quote the same way but escapes every ' whichever quote it uses.
    /// </summary>
    public static string Repr(ReadOnlySpan<byte> data, bool bytearray = false)
    {
        var sb = new System.Text.StringBuilder(data.Length + 3);
        char quote = data.Contains((byte)'\'') && !data.Contains((byte)'"') ? '"' : '\'';
        sb.Append('b').Append(quote);
        foreach (byte b in data)
        {
            switch (b)
            {
                case (byte)'\\': sb.Append("\\\\"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\r': sb.Append("\\r"); break;
                case (byte)'\t': sb.Append("\\t"); break;
                default:
                    if (b == quote || (bytearray && b == '\''))
                    {
                        sb.Append('\\').Append((char)b);
                    }
                    else if (b is >= 32 and < 127)
                    {
                        sb.Append((char)b);
                    }
                    else
                    {
                        sb.Append("\\x").Append(b.ToString("x2"));
                    }
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>bytes_hash: SipHash-1-3 of the data, cached; the same value a latin-1 str of the same code points has.</summary>
    public static nint Hash(PyObject* op)
    {
        var b = (PyBytesObject*)op;
        if (b->ob_shash != -1)
        {
            return b->ob_shash;
        }
        nint h = Size(op) == 0 ? 0 : (nint)SipHash13.Hash(Data(op), Size(op));
        if (h == -1)
        {
            h = -2;
        }
        b->ob_shash = h;
        return h;
    }

    /// <summary>Ordering of two byte strings as memcmp then length, what bytes_richcompare does.</summary>
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.SequenceCompareTo(b);

    /// <summary>bytes_richcompare: bytes (or a subclass) against bytes; anything else declines.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (!IsBytes(st, w))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        return ObjectProtocol.Bool(st, op.Holds(Compare(AsSpan(v), AsSpan(w))));
    }

    public static bool IsBytes(HeapState* st, PyObject* o)
    {
        for (PyTypeObject* t = o->ob_type; t != null; t = t->tp_base)
        {
            if (t == st->type_bytes)
            {
                return true;
            }
        }
        return false;
    }

    private static void Dealloc(PyObject* op) => ObjectMemory.Free(op);
}
