using System.Buffers.Binary;
using System.Numerics;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// struct, natively: pack, unpack, unpack_from, iter_unpack and calcsize over the format
/// language of https://docs.python.org/3.12/library/struct.html (byte order @ = &lt; &gt; !,
/// counts, x c b B ? h H i I l L q Q n N e f d s p P). '@' is native size and alignment
/// (x86-64 Linux: long is 8 bytes, little-endian); the others are standard sizes, unaligned.
/// Errors are struct.error, the class the module's Python part (Modules/Python/struct.py) defines.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyObject* _structModule;

    private readonly record struct StructItem(char Code, int Count, int Offset, int Size);

    private PyObject* CreateStructModule()
    {
        PyObject* m = NewModule("struct");
        _structModule = m;
        ModuleFunction(m, "calcsize", (_, a, kw) =>
        {
            CheckKw("calcsize", kw);
            Arity("calcsize", a, 1, 1);
            return Int(StructCalcSize(A(a, 0)));
        });
        ModuleFunction(m, "pack", (_, a, kw) =>
        {
            CheckKw("pack", kw);
            if (a.Length == 0)
            {
                throw TypeErr("pack expected at least 1 argument, got 0");
            }
            return NewBytes(StructPack(A(a, 0), a[1..]));
        });
        ModuleFunction(m, "unpack", (_, a, kw) =>
        {
            CheckKw("unpack", kw);
            Arity("unpack", a, 2, 2);
            byte[] data = StructBuffer(A(a, 1));
            int size = StructCalcSize(A(a, 0));
            if (data.Length != size)
            {
                throw StructError($"unpack requires a buffer of {size} bytes");
            }
            return StructUnpack(A(a, 0), data, 0);
        });
        ModuleFunction(m, "unpack_from", (_, a, kw) =>
        {
            CheckKw("unpack_from", kw, "buffer", "offset");
            Arity("unpack_from", a, 1, 3);
            PyObject* buffer = Arg(a, kw, 1, "buffer");
            PyObject* offsetObj = Arg(a, kw, 2, "offset");
            if (buffer == null)
            {
                throw TypeErr("unpack_from() missing required argument 'buffer' (pos 2)");
            }
            byte[] data = StructBuffer(buffer);
            long offset = offsetObj == null ? 0 : ToLong(offsetObj);
            if (offset < 0)
            {
                offset += data.Length;
            }
            int size = StructCalcSize(A(a, 0));
            if (offset < 0 || offset + size > data.Length)
            {
                throw StructError($"unpack_from requires a buffer of at least {size + offset} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {data.Length})");
            }
            return StructUnpack(A(a, 0), data, (int)offset);
        });
        ModuleFunction(m, "iter_unpack", (_, a, kw) =>
        {
            CheckKw("iter_unpack", kw);
            Arity("iter_unpack", a, 2, 2);
            byte[] data = StructBuffer(A(a, 1));
            int size = StructCalcSize(A(a, 0));
            if (size == 0)
            {
                throw StructError("cannot iteratively unpack with a struct of length 0");
            }
            if (data.Length % size != 0)
            {
                throw StructError($"iterative unpacking requires a buffer of a multiple of {size} bytes");
            }
            var tuples = new List<nint>();
            try
            {
                for (int off = 0; off < data.Length; off += size)
                {
                    tuples.Add((nint)StructUnpack(A(a, 0), data, off));
                }
            }
            catch
            {
                foreach (nint t in tuples)
                {
                    Refcount.Decref((PyObject*)t);
                }
                throw;
            }
            PyObject* list = ListSteal(tuples);
            try
            {
                return GetIter(list);
            }
            finally
            {
                Refcount.Decref(list);
            }
        });
        return m;
    }

    private int StructCalcSize(PyObject* format) => StructLayout(format, out _, out _);

    private PythonException StructError(string message)
    {
        PyObject* error = _structModule == null ? null : PyDict.GetItem(((PyModuleObject*)_structModule)->md_dict, Intern("error"));
        return Error(error != null && IsType(error) ? (PyTypeObject*)error : ValueError, message);
    }

    private byte[] StructBuffer(PyObject* o)
    {
        if (o->ob_type != T.Bytes)
        {
            throw TypeErr($"a bytes-like object is required, not '{TypeName(o)}'");
        }
        string text = BytesText(o);
        var data = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            data[i] = (byte)text[i];
        }
        return data;
    }

    /// <summary>Parses a format; returns its size and the items with their offsets.</summary>
    private int StructLayout(PyObject* format, out List<StructItem> items, out bool little)
    {
        string fmt = format->ob_type == T.Bytes ? BytesText(format) : IsStr(format) ? PyUnicode.AsString(format)
            : throw TypeErr($"Struct() argument 1 must be a str or bytes object, not {TypeName(format)}");
        int i = 0;
        bool native = true;
        little = BitConverter.IsLittleEndian;
        if (fmt.Length > 0 && "@=<>!".Contains(fmt[0]))
        {
            native = fmt[0] == '@';
            little = fmt[0] switch { '<' => true, '>' or '!' => false, _ => BitConverter.IsLittleEndian };
            i = 1;
        }
        items = [];
        int offset = 0;
        while (i < fmt.Length)
        {
            char ch = fmt[i];
            if (char.IsWhiteSpace(ch))
            {
                i++;
                continue;
            }
            int count = 1;
            if (char.IsAsciiDigit(ch))
            {
                long n = 0;
                while (i < fmt.Length && char.IsAsciiDigit(fmt[i]))
                {
                    n = (n * 10) + (fmt[i] - '0');
                    if (n > int.MaxValue)
                    {
                        throw StructError("total struct size too long");
                    }
                    i++;
                }
                if (i >= fmt.Length)
                {
                    throw StructError("repeat count given without format specifier");
                }
                count = (int)n;
                ch = fmt[i];
            }
            int size = StructSize(ch, native);
            if (native && size > 1 && ch is not ('s' or 'p'))
            {
                offset = (offset + size - 1) / size * size;
            }
            items.Add(new StructItem(ch, count, offset, size));
            offset += ch is 's' or 'p' ? count : size * count;
            i++;
        }
        return offset;
    }

    private int StructSize(char code, bool native) => code switch
    {
        'x' or 'c' or 'b' or 'B' or '?' or 's' or 'p' => 1,
        'h' or 'H' or 'e' => 2,
        'i' or 'I' or 'f' => 4,
        'l' or 'L' => native ? 8 : 4,
        'q' or 'Q' or 'd' => 8,
        'n' or 'N' or 'P' when native => 8,
        _ => throw StructError("bad char in struct format"),
    };

    private static int StructArgCount(List<StructItem> items)
    {
        int n = 0;
        foreach (StructItem it in items)
        {
            n += it.Code == 'x' ? 0 : it.Code is 's' or 'p' ? 1 : it.Count;
        }
        return n;
    }

    private byte[] StructPack(PyObject* format, nint[] args)
    {
        int size = StructLayout(format, out List<StructItem> items, out bool little);
        int expected = StructArgCount(items);
        if (args.Length != expected)
        {
            throw StructError($"pack expected {expected} items for packing (got {args.Length})");
        }
        var data = new byte[size];
        int arg = 0;
        foreach (StructItem it in items)
        {
            if (it.Code == 'x')
            {
                continue;
            }
            if (it.Code is 's' or 'p')
            {
                PyObject* v = (PyObject*)args[arg++];
                if (v->ob_type != T.Bytes)
                {
                    throw StructError($"argument for '{it.Code}' must be a bytes object");
                }
                string text = BytesText(v);
                int start = it.Code == 'p' ? 1 : 0;
                int n = Math.Min(text.Length, Math.Max(0, it.Count - start));
                for (int k = 0; k < n; k++)
                {
                    data[it.Offset + start + k] = (byte)text[k];
                }
                if (it.Code == 'p' && it.Count > 0)
                {
                    data[it.Offset] = (byte)Math.Min(n, 255);
                }
                continue;
            }
            for (int k = 0; k < it.Count; k++)
            {
                StructPackOne(it.Code, (PyObject*)args[arg++], data.AsSpan(it.Offset + (k * it.Size), it.Size), little);
            }
        }
        return data;
    }

    private void StructPackOne(char code, PyObject* v, Span<byte> dest, bool little)
    {
        switch (code)
        {
            case 'c':
                if (v->ob_type != T.Bytes || BytesText(v).Length != 1)
                {
                    throw StructError("char format requires a bytes object of length 1");
                }
                dest[0] = (byte)BytesText(v)[0];
                return;
            case '?':
                dest[0] = IsTrue(v) ? (byte)1 : (byte)0;
                return;
            case 'e':
            case 'f':
            case 'd':
            {
                if (!IsInt(v) && v->ob_type != St->type_float)
                {
                    throw StructError("required argument is not a float");
                }
                double x = ToDouble(v);
                if (code == 'd')
                {
                    long bits = BitConverter.DoubleToInt64Bits(x);
                    if (little) BinaryPrimitives.WriteInt64LittleEndian(dest, bits); else BinaryPrimitives.WriteInt64BigEndian(dest, bits);
                }
                else if (code == 'f')
                {
                    float f = (float)x;
                    if (float.IsInfinity(f) && !double.IsInfinity(x))
                    {
                        throw Error(OverflowError, "float too large to pack with f format");
                    }
                    int bits = BitConverter.SingleToInt32Bits(f);
                    if (little) BinaryPrimitives.WriteInt32LittleEndian(dest, bits); else BinaryPrimitives.WriteInt32BigEndian(dest, bits);
                }
                else
                {
                    Half h = (Half)x;
                    if (Half.IsInfinity(h) && !double.IsInfinity(x))
                    {
                        throw Error(OverflowError, "float too large to pack with e format");
                    }
                    short bits = BitConverter.HalfToInt16Bits(h);
                    if (little) BinaryPrimitives.WriteInt16LittleEndian(dest, bits); else BinaryPrimitives.WriteInt16BigEndian(dest, bits);
                }
                return;
            }
        }
        if (!IsInt(v))
        {
            throw StructError("required argument is not an integer");
        }
        BigInteger value = PyLong.ToBigInteger(v);
        bool unsigned = code is 'B' or 'H' or 'I' or 'L' or 'Q' or 'N' or 'P';
        int bitsCount = dest.Length * 8;
        BigInteger min = unsigned ? BigInteger.Zero : -(BigInteger.One << (bitsCount - 1));
        BigInteger max = unsigned ? (BigInteger.One << bitsCount) - 1 : (BigInteger.One << (bitsCount - 1)) - 1;
        if (value < min || value > max)
        {
            throw StructError($"'{code}' format requires {min} <= number <= {max}");
        }
        ulong raw = (ulong)(value & ulong.MaxValue);
        for (int k = 0; k < dest.Length; k++)
        {
            byte b = (byte)(raw >> (8 * k));
            dest[little ? k : dest.Length - 1 - k] = b;
        }
    }

    private PyObject* StructUnpack(PyObject* format, byte[] data, int start)
    {
        StructLayout(format, out List<StructItem> items, out bool little);
        var values = new List<nint>();
        try
        {
            foreach (StructItem it in items)
            {
                if (it.Code == 'x')
                {
                    continue;
                }
                if (it.Code is 's' or 'p')
                {
                    int from = start + it.Offset, n = it.Count;
                    if (it.Code == 'p' && n > 0)
                    {
                        int len = Math.Min(data[from], n - 1);
                        from++;
                        n = len;
                    }
                    values.Add((nint)NewBytes(data.AsSpan(from, n).ToArray()));
                    continue;
                }
                for (int k = 0; k < it.Count; k++)
                {
                    values.Add((nint)StructUnpackOne(it.Code, data.AsSpan(start + it.Offset + (k * it.Size), it.Size), little));
                }
            }
        }
        catch
        {
            foreach (nint v in values)
            {
                Refcount.Decref((PyObject*)v);
            }
            throw;
        }
        return TupleSteal(values);
    }

    private PyObject* StructUnpackOne(char code, ReadOnlySpan<byte> src, bool little)
    {
        switch (code)
        {
            case 'c':
                return NewBytes([src[0]]);
            case '?':
                return Bool(src[0] != 0);
            case 'd':
                return Float(BitConverter.Int64BitsToDouble(little ? BinaryPrimitives.ReadInt64LittleEndian(src) : BinaryPrimitives.ReadInt64BigEndian(src)));
            case 'f':
                return Float(BitConverter.Int32BitsToSingle(little ? BinaryPrimitives.ReadInt32LittleEndian(src) : BinaryPrimitives.ReadInt32BigEndian(src)));
            case 'e':
                return Float((double)BitConverter.Int16BitsToHalf(little ? BinaryPrimitives.ReadInt16LittleEndian(src) : BinaryPrimitives.ReadInt16BigEndian(src)));
        }
        ulong raw = 0;
        for (int k = 0; k < src.Length; k++)
        {
            raw |= (ulong)src[little ? k : src.Length - 1 - k] << (8 * k);
        }
        bool unsigned = code is 'B' or 'H' or 'I' or 'L' or 'Q' or 'N' or 'P';
        if (unsigned)
        {
            return Int(new BigInteger(raw));
        }
        int shift = 64 - (src.Length * 8);
        return Int((long)(raw << shift) >> shift);
    }
}
