using System.Numerics;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Objects.Long;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>int's own methods: bit_length, bit_count, to_bytes and the class method from_bytes.</summary>
public sealed unsafe partial class Interpreter
{
    private void RegisterIntMethods()
    {
        PyTypeObject* type = St->type_int;
        Method(type, "bit_length", (self, a, _) =>
        {
            Arity("bit_length", a, 0, 0);
            return Int(BitLength(self));
        });
        Method(type, "bit_count", (self, a, _) =>
        {
            Arity("bit_count", a, 0, 0);
            long count = 0;
            uint* d = PyLong.Digits(self);
            for (int i = 0; i < PyLong.DigitCount(self); i++)
            {
                count += BitOperations.PopCount(d[i]);
            }
            return Int(count);
        });
        Method(type, "to_bytes", (self, a, kw) =>
        {
            CheckKw("to_bytes", kw, "length", "byteorder", "signed");
            Arity("to_bytes", a, 0, 2);
            long length = a.Length > 0 ? ToLong(A(a, 0)) : Kw(kw, "length") is var l && l != null ? ToLong(l) : 1;
            bool big = ByteOrderIsBig(a.Length > 1 ? A(a, 1) : Kw(kw, "byteorder"));
            if (length < 0)
            {
                throw ValueErr("length argument must be non-negative");
            }
            return NewBytes(IntToBytes(self, length, big, KwTrue(kw, "signed")));
        });
        TypeMethod(type, "from_bytes", (_, a, kw) =>
        {
            CheckKw("from_bytes", kw, "bytes", "byteorder", "signed");
            Arity("from_bytes", a, 0, 2);
            PyObject* source = a.Length > 0 ? A(a, 0) : Kw(kw, "bytes");
            if (source == null)
            {
                throw TypeErr("from_bytes() missing required argument 'bytes' (pos 1)");
            }
            bool big = ByteOrderIsBig(a.Length > 1 ? A(a, 1) : Kw(kw, "byteorder"));
            byte[] data = BytesOfIterable(source);
            var value = new BigInteger(data, isUnsigned: !KwTrue(kw, "signed"), isBigEndian: big);
            return Int(value);
        });
    }

    /// <summary>'big' or 'little' (big when not given, as in 3.11+).</summary>
    private bool ByteOrderIsBig(PyObject* order)
    {
        if (order == null)
        {
            return true;
        }
        if (!IsStr(order))
        {
            throw TypeErr($"to_bytes() argument 'byteorder' must be str, not {TypeName(order)}");
        }
        return PyUnicode.AsString(order) switch
        {
            "big" => true,
            "little" => false,
            _ => throw ValueErr("byteorder must be either 'little' or 'big'"),
        };
    }

    /// <summary>The int in exactly <paramref name="length"/> bytes, refused as CPython refuses what does not fit.</summary>
    private byte[] IntToBytes(PyObject* v, long length, bool big, bool signed)
    {
        BigInteger x = PyLong.ToBigInteger(v);
        if (x.Sign < 0 && !signed)
        {
            throw Error(OverflowError, "can't convert negative int to unsigned");
        }
        long needed = signed ? (long)(x.Sign < 0 ? (-x - 1).GetBitLength() : x.GetBitLength()) + 1 : (long)x.GetBitLength();
        if ((needed + 7) / 8 > length)
        {
            throw Error(OverflowError, "int too big to convert");
        }
        CheckIntBits(length * 8.0);
        var result = new byte[length];
        byte[] minimal = x.ToByteArray(isUnsigned: !signed, isBigEndian: false);
        byte fill = x.Sign < 0 ? (byte)0xFF : (byte)0;
        for (long i = 0; i < length; i++)
        {
            result[i] = i < minimal.Length ? minimal[i] : fill;
        }
        if (big)
        {
            Array.Reverse(result);
        }
        return result;
    }

    /// <summary>The bytes of a bytes object, or of any iterable of ints in range(256).</summary>
    private byte[] BytesOfIterable(PyObject* source)
    {
        if (BytesDataOrNull(source) is byte[] direct)
        {
            return direct;
        }
        if (IsStr(source))
        {
            throw TypeErr("cannot convert 'str' object to bytes");
        }
        PyObject* list = PyList.New(St);
        try
        {
            ListExtend(list, source);
            var data = new byte[PyList.Size(list)];
            for (nint i = 0; i < data.Length; i++)
            {
                PyObject* item = PyList.Items(list)[i];
                if (!IsInt(item))
                {
                    throw TypeErr($"'{TypeName(item)}' object cannot be interpreted as an integer");
                }
                if (!PyLong.TryGetInt64(item, out long b) || b is < 0 or > 255)
                {
                    throw ValueErr("bytes must be in range(0, 256)");
                }
                data[i] = (byte)b;
            }
            return data;
        }
        finally
        {
            Refcount.Decref(list);
        }
    }
}
