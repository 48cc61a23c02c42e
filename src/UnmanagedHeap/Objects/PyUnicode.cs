using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace UnmanagedHeap.Objects;

/// <summary>CPython 3.12's <c>PyASCIIObject</c> (40 bytes): the header of every compact str.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct PyASCIIObject
{
    public PyObject ob_base;
    /// <summary>Number of code points.</summary>
    public nint length;
    /// <summary>Cached hash, -1 until computed.</summary>
    public nint hash;
    /// <summary>Bit field: interned (2 bits), kind (3), compact (1), ascii (1), statically allocated (1).</summary>
    public uint state;
    private readonly uint _padding;
}

/// <summary>CPython 3.12's <c>PyCompactUnicodeObject</c> (56 bytes): non-ASCII compact strs add the UTF-8 cache.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyCompactUnicodeObject
{
    public PyASCIIObject _base;
    public nint utf8_length;
    /// <summary>UTF-8 copy (NUL-terminated) in its own block, or null.</summary>
    public byte* utf8;
}

/// <summary>
/// str in CPython 3.12's compact form: one block holding the header and the code points
/// as 1, 2 or 4 bytes each (the "kind") plus a NUL; ASCII strings use the shorter header.
/// Non-ASCII strings carry their UTF-8 form, as a string that came from source code does in
/// CPython, which is why <c>sys.getsizeof('é')</c> is 61.
/// </summary>
public static unsafe class PyUnicode
{
    private const uint InternedMask = 3;
    /// <summary>3.12's SSTATE_INTERNED_IMMORTAL.</summary>
    public const uint InternedImmortal = 2;
    private const int KindShift = 2;
    private const uint CompactBit = 1u << 5;
    private const uint AsciiBit = 1u << 6;

    public static PyTypeObject* CreateType(TypeRegistry types)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Hash = &Hash, RichCompare = &RichCompare };
        // tp_basicsize is the ASCII header; the rest of the block is sized per string.
        return types.Create("str", sizeof(PyASCIIObject), 1, TypeFlags.UnicodeSubclass | TypeFlags.BaseType, slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Length(PyObject* op) => ((PyASCIIObject*)op)->length;

    public static bool IsAscii(PyObject* op) => (((PyASCIIObject*)op)->state & AsciiBit) != 0;

    /// <summary>Bytes per code point: 1, 2 or 4.</summary>
    public static int Kind(PyObject* op) => (int)((((PyASCIIObject*)op)->state >> KindShift) & 7);

    public static bool IsInterned(PyObject* op) => (((PyASCIIObject*)op)->state & InternedMask) != 0;

    public static void MarkInterned(PyObject* op) => ((PyASCIIObject*)op)->state |= InternedImmortal;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* Data(PyObject* op) =>
        IsAscii(op) ? (byte*)op + sizeof(PyASCIIObject) : (byte*)op + sizeof(PyCompactUnicodeObject);

    /// <summary>A new str holding <paramref name="text"/> (not interned, not cached).</summary>
    public static PyObject* FromString(HeapState* st, ReadOnlySpan<char> text)
    {
        int maxChar = 0;
        nint codePoints = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            maxChar = Math.Max(maxChar, rune.Value);
            codePoints++;
        }
        if (codePoints == 0 && st->empty_str != null)
        {
            return st->empty_str;
        }
        if (codePoints == 1 && maxChar < 256 && st->latin1_chars != null)
        {
            return st->latin1_chars[maxChar];
        }
        return Create(st->type_str, text, codePoints, maxChar);
    }

    internal static PyObject* Create(PyTypeObject* type, ReadOnlySpan<char> text, nint codePoints, int maxChar)
    {
        bool ascii = maxChar < 128;
        int kind = maxChar < 256 ? 1 : maxChar < 65536 ? 2 : 4;
        nint header = ascii ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
        nint dataBytes = (codePoints + 1) * kind;
        PyObject* op = ObjectMemory.Allocate(type, header + dataBytes - sizeof(PyASCIIObject));
        var a = (PyASCIIObject*)op;
        a->length = codePoints;
        a->hash = -1;
        a->state = ((uint)kind << KindShift) | CompactBit | (ascii ? AsciiBit : 0);
        byte* data = (byte*)op + header;
        nint i = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            Write(data, kind, i++, rune.Value);
        }
        Write(data, kind, codePoints, 0);
        if (!ascii)
        {
            var c = (PyCompactUnicodeObject*)op;
            int utf8Length = Encoding.UTF8.GetByteCount(text);
            HeapState* st = type->tp_heap;
            c->utf8 = (byte*)st->allocator.Malloc(st->allocator.Context, (nuint)utf8Length + 1);
            if (c->utf8 == null)
            {
                throw new OutOfHeapMemoryException((nuint)utf8Length + 1);
            }
            Encoding.UTF8.GetBytes(text, new Span<byte>(c->utf8, utf8Length));
            c->utf8[utf8Length] = 0;
            c->utf8_length = utf8Length;
        }
        return op;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(byte* data, int kind, nint index, int value)
    {
        switch (kind)
        {
            case 1: data[index] = (byte)value; break;
            case 2: ((ushort*)data)[index] = (ushort)value; break;
            default: ((uint*)data)[index] = (uint)value; break;
        }
    }

    /// <summary>The code point at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read(PyObject* op, nint index)
    {
        byte* data = Data(op);
        return Kind(op) switch
        {
            1 => data[index],
            2 => ((ushort*)data)[index],
            _ => (int)((uint*)data)[index],
        };
    }

    /// <summary>The str as a .NET string.</summary>
    public static string AsString(PyObject* op)
    {
        nint length = Length(op);
        byte* data = Data(op);
        switch (Kind(op))
        {
            case 1:
                return Encoding.Latin1.GetString(data, (int)length);
            case 2:
                return new string((char*)data, 0, (int)length);
            default:
                var sb = new StringBuilder((int)length);
                for (nint i = 0; i < length; i++)
                {
                    sb.Append(char.ConvertFromUtf32((int)((uint*)data)[i]));
                }
                return sb.ToString();
        }
    }

    /// <summary>The cached SipHash-1-3 of the code points in their stored kind, as CPython hashes them.</summary>
    public static nint Hash(PyObject* op)
    {
        var a = (PyASCIIObject*)op;
        if (a->hash != -1)
        {
            return a->hash;
        }
        nint length = a->length;
        nint h = length == 0 ? 0 : (nint)SipHash13.Hash(Data(op), length * Kind(op));
        if (h == -1)
        {
            h = -2;
        }
        a->hash = h;
        return h;
    }

    /// <summary>Code-point equality (CPython's unicode_eq): same kind, same length, same bytes.</summary>
    public static bool Equal(PyObject* a, PyObject* b)
    {
        if (a == b)
        {
            return true;
        }
        nint length = Length(a);
        if (length != Length(b) || Kind(a) != Kind(b))
        {
            return false;
        }
        return new ReadOnlySpan<byte>(Data(a), (int)(length * Kind(a))).SequenceEqual(new ReadOnlySpan<byte>(Data(b), (int)(length * Kind(b))));
    }

    /// <summary>Three-way comparison by code points (CPython's unicode_compare).</summary>
    public static int Compare(PyObject* a, PyObject* b)
    {
        nint la = Length(a), lb = Length(b);
        int ka = Kind(a), kb = Kind(b);
        if (ka == 1 && kb == 1)
        {
            return new ReadOnlySpan<byte>(Data(a), (int)la).SequenceCompareTo(new ReadOnlySpan<byte>(Data(b), (int)lb));
        }
        nint n = Math.Min(la, lb);
        for (nint i = 0; i < n; i++)
        {
            int ca = Read(a, i), cb = Read(b, i);
            if (ca != cb)
            {
                return ca < cb ? -1 : 1;
            }
        }
        return la.CompareTo(lb);
    }

    /// <summary>str's tp_richcompare: str against str by code points; anything else declines.</summary>
    private static PyObject* RichCompare(PyObject* self, PyObject* other, RichCompareOp op)
    {
        HeapState* st = self->ob_type->tp_heap;
        if ((other->ob_type->tp_flags & TypeFlags.UnicodeSubclass) == 0)
        {
            return ObjectProtocol.NotImplemented(st);
        }
        if (op is RichCompareOp.Eq or RichCompareOp.Ne)
        {
            return ObjectProtocol.Bool(st, Equal(self, other) == (op == RichCompareOp.Eq));
        }
        return ObjectProtocol.Bool(st, op.Holds(Compare(self, other)));
    }

    /// <summary>True when the str equals the ASCII/.NET text <paramref name="text"/> (no allocation for kind 1).</summary>
    public static bool EqualsString(PyObject* op, string text)
    {
        if (Kind(op) == 1 && Length(op) == text.Length)
        {
            byte* data = Data(op);
            for (int i = 0; i < text.Length; i++)
            {
                if (data[i] != text[i])
                {
                    return false;
                }
            }
            return true;
        }
        return AsString(op) == text;
    }

    /// <summary>sys.getsizeof: header, code points plus NUL, and the UTF-8 copy when present.</summary>
    public static nint SizeOf(PyObject* op)
    {
        nint length = Length(op);
        if (IsAscii(op))
        {
            return sizeof(PyASCIIObject) + length + 1;
        }
        var c = (PyCompactUnicodeObject*)op;
        nint size = sizeof(PyCompactUnicodeObject) + (length + 1) * Kind(op);
        if (c->utf8 != null)
        {
            size += c->utf8_length + 1;
        }
        return size;
    }

    private static void Dealloc(PyObject* op)
    {
        if (!IsAscii(op))
        {
            var c = (PyCompactUnicodeObject*)op;
            if (c->utf8 != null)
            {
                HeapState* st = op->ob_type->tp_heap;
                st->allocator.Free(st->allocator.Context, c->utf8);
            }
        }
        ObjectMemory.Free(op);
    }
}
