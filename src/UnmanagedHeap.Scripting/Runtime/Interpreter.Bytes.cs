using System.Text;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// bytes and bytearray in the interpreter's protocols: making them, reading a bytes-like
/// operand, length, subscripts, concatenation, repetition, <c>in</c> and iteration.
/// Operands are copied out before anything that can call Python runs, and a bytearray's
/// buffer is read again after every such call, so a callback that resizes it cannot make
/// this code read or write freed memory.
/// </summary>
public sealed unsafe partial class Interpreter
{
    public bool IsBytes(PyObject* o) => PyBytes.IsBytes(St, o);

    public bool IsByteArray(PyObject* o) => PyByteArray.IsByteArray(St, o);

    /// <summary>bytes, bytearray or a memoryview: what CPython's buffer protocol accepts here.</summary>
    public bool IsBytesLike(PyObject* o) => IsBytes(o) || IsByteArray(o) || o->ob_type == T.MemoryView;

    public PyObject* NewBytes(ReadOnlySpan<byte> data) => PyBytes.FromSpan(St, data);

    public PyObject* NewByteArray(ReadOnlySpan<byte> data) => PyByteArray.FromSpan(St, data);

    /// <summary>A result of the same kind as <paramref name="self"/> (bytearray methods return bytearrays).</summary>
    private PyObject* NewBytesLike(PyObject* self, ReadOnlySpan<byte> data) =>
        IsByteArray(self) ? NewByteArray(data) : NewBytes(data);

    /// <summary>A copy of a bytes-like object's data, or null when <paramref name="o"/> is not one.</summary>
    public byte[]? BytesDataOrNull(PyObject* o)
    {
        if (IsBytes(o))
        {
            return PyBytes.AsSpan(o).ToArray();
        }
        if (IsByteArray(o))
        {
            return PyByteArray.AsSpan(o).ToArray();
        }
        if (o->ob_type == T.MemoryView)
        {
            return MemoryViewBytes(o);
        }
        return null;
    }

    /// <summary>A bytes-like argument's data, or CPython's TypeError naming what was passed.</summary>
    private byte[] BytesArg(PyObject* o) =>
        BytesDataOrNull(o) ?? throw TypeErr($"a bytes-like object is required, not '{TypeName(o)}'");

    /// <summary>The bytes of a bytes object as latin-1 text (one char per byte), for code that works on strings.</summary>
    public static string BytesText(PyObject* o) => Encoding.Latin1.GetString(PyBytes.AsSpan(o));

    private static string KindName(bool array) => array ? "bytearray" : "bytes";

    public static string BytesRepr(ReadOnlySpan<byte> data) => PyBytes.Repr(data);

    /// <summary>repr of bytes, bytearray (<c>bytearray(b'..')</c>) or null for anything else.</summary>
    private string? BytesLikeRepr(PyObject* o)
    {
        if (IsBytes(o))
        {
            return BytesRepr(PyBytes.AsSpan(o));
        }
        if (IsByteArray(o))
        {
            return $"{TypeName(o)}({PyBytes.Repr(PyByteArray.AsSpan(o), bytearray: true)})";
        }
        if (o->ob_type == T.MemoryView)
        {
            return $"<{(MemoryViewReleased(o) ? "released " : "")}memory at 0x{(nint)o:x}>";
        }
        return null;
    }

    private long BytesLength(PyObject* o) => IsBytes(o) ? PyBytes.Size(o) : IsByteArray(o) ? PyByteArray.Size(o) : MemoryViewLength(o);

    /// <summary>An index argument (int or __index__) as a new int reference, or the TypeError CPython gives.</summary>
    private PyObject* IndexArg(PyObject* v)
    {
        PyObject* index = IndexValueOrNull(v);
        if (index == null)
        {
            throw TypeErr($"'{TypeName(v)}' object cannot be interpreted as an integer");
        }
        return index;
    }

    /// <summary>A byte value from an int (or __index__) argument: TypeError or ValueError as CPython's _getbytevalue.</summary>
    private byte ByteValue(PyObject* v, string range = "byte must be in range(0, 256)")
    {
        PyObject* index = IndexValueOrNull(v);
        if (index == null)
        {
            throw TypeErr($"'{TypeName(v)}' object cannot be interpreted as an integer");
        }
        bool fits = PyLong.TryGetInt64(index, out long n);
        Refcount.Decref(index);
        if (!fits || n is < 0 or > 255)
        {
            throw ValueErr(range);
        }
        return (byte)n;
    }

    /// <summary>
    /// The data bytes(x) / bytearray(x) make from a source that is not a str: a buffer's copy,
    /// zeros for an integer count, or each int of an iterable (its items checked one by one).
    /// </summary>
    private byte[] BytesFromSource(PyObject* source, string func)
    {
        byte[]? direct = BytesDataOrNull(source);
        if (direct != null)
        {
            return direct;
        }
        if (IsStr(source))
        {
            throw TypeErr("string argument without an encoding");
        }
        PyObject* count = IndexValueOrNull(source);
        if (count != null)
        {
            bool fits = PyLong.TryGetInt64(count, out long n);
            Refcount.Decref(count);
            if (!fits)
            {
                throw Error(OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            if (n < 0)
            {
                throw ValueErr("negative count");
            }
            if (n > HeapLimitBytes || n > Array.MaxLength)
            {
                throw new PythonException(NewException(MemoryError, null));
            }
            return new byte[n];
        }
        if (!IsIterable(source))
        {
            throw TypeErr($"cannot convert '{TypeName(source)}' object to {func}");
        }
        PyObject* it = GetIter(source);
        var data = new List<byte>();
        try
        {
            for (PyObject* item = Next(it); item != null; item = Next(it))
            {
                try
                {
                    data.Add(ByteValue(item, func == "bytes" ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)"));
                }
                finally
                {
                    Refcount.Decref(item);
                }
            }
        }
        finally
        {
            Refcount.Decref(it);
        }
        return [.. data];
    }

    /// <summary>bytes(...) and bytearray(...): (source[, encoding[, errors]]), or __bytes__ for bytes.</summary>
    private byte[] BytesConstructorData(nint[] a, KwArgs? kw, bool array)
    {
        string func = KindName(array);
        CheckKw(func, kw, "source", "encoding", "errors");
        if (a.Length > 3)
        {
            throw TypeErr($"{func}() takes at most 3 arguments ({a.Length} given)");
        }
        PyObject* source = a.Length > 0 ? A(a, 0) : Kw(kw, "source");
        PyObject* enc = a.Length > 1 ? A(a, 1) : Kw(kw, "encoding");
        PyObject* errs = a.Length > 2 ? A(a, 2) : Kw(kw, "errors");
        if (source == null)
        {
            if (enc != null || errs != null)
            {
                throw TypeErr(enc != null ? "encoding without a string argument" : "errors without a string argument");
            }
            return [];
        }
        if (enc != null || errs != null)
        {
            if (!IsStr(source))
            {
                throw TypeErr(enc != null ? "encoding without a string argument" : "errors without a string argument");
            }
            return EncodeStr(PyUnicode.AsString(source), enc, errs, func);
        }
        if (!array && IsInstanceLayout(source->ob_type))
        {
            PyObject* m = LookupInType(source->ob_type, "__bytes__");
            if (m != null)
            {
                PyObject* r = CallWithSelf(m, source, []);
                try
                {
                    if (!IsBytes(r))
                    {
                        throw TypeErr($"__bytes__ returned non-bytes (type {TypeName(r)})");
                    }
                    return PyBytes.AsSpan(r).ToArray();
                }
                finally
                {
                    Refcount.Decref(r);
                }
            }
        }
        return BytesFromSource(source, func);
    }

    private void RegisterBytesConstructors()
    {
        Constructor(T.Bytes, "bytes", (_, a, kw) => NewBytes(BytesConstructorData(a, kw, array: false)));
        Constructor(T.ByteArray, "bytearray", (_, a, kw) =>
        {
            byte[] data = BytesConstructorData(a, kw, array: true);
            PyObject* source = a.Length > 0 ? A(a, 0) : Kw(kw, "source");
            bool appended = source != null && a.Length < 2 && Kw(kw, "encoding") == null && !IsBytesLike(source)
                && !IsList(source) && !IsTuple(source) && !IsStr(source) && !IsIndexable(source);
            return appended ? ByteArrayByAppends(data) : NewByteArray(data);
        });
        RegisterBytesMethods();
        RegisterByteArrayMethods();
        RegisterMemoryView();
    }

    /// <summary>
    /// A bytearray filled one append at a time, as bytearray_init fills from an iterator
    /// of unknown length: its buffer ends with the over-allocation those appends leave.
    /// </summary>
    private PyObject* ByteArrayByAppends(byte[] data)
    {
        PyObject* op = NewByteArray([]);
        try
        {
            for (int i = 0; i < data.Length; i++)
            {
                PyByteArray.Resize(op, i + 1);
                PyByteArray.Data(op)[i] = data[i];
            }
        }
        catch
        {
            Refcount.Decref(op);
            throw;
        }
        return op;
    }

    /// <summary>x in b: an int is one byte, a bytes-like operand a subsequence.</summary>
    private bool BytesContains(PyObject* container, PyObject* item)
    {
        byte[]? sub = BytesDataOrNull(item);
        if (sub == null)
        {
            // __index__ runs once, before the container is read (it may change a bytearray).
            PyObject* index = IndexValueOrNull(item);
            if (index == null)
            {
                throw TypeErr($"a bytes-like object is required, not '{TypeName(item)}'");
            }
            byte value;
            try
            {
                value = ByteValue(index);
            }
            finally
            {
                Refcount.Decref(index);
            }
            return BytesDataOrNull(container)!.AsSpan().IndexOf(value) >= 0;
        }
        return BytesDataOrNull(container)!.AsSpan().IndexOf(sub) >= 0;
    }

    /// <summary>b[i] (an int) or b[a:b:c] (the same kind as b).</summary>
    private PyObject* BytesGetItem(PyObject* obj, PyObject* key)
    {
        bool array = IsByteArray(obj);
        if (key->ob_type == T.Slice)
        {
            byte[] data = BytesDataOrNull(obj)!;
            var (start, _, step, count) = SliceIndices(key, data.Length);
            if (!array && start == 0 && step == 1 && count == data.Length && obj->ob_type == T.Bytes)
            {
                return NewRef(obj);
            }
            var part = new byte[count];
            for (long i = 0, j = start; i < count; i++, j += step)
            {
                part[i] = data[j];
            }
            return NewBytesLike(obj, part);
        }
        if (!IsInt(key))
        {
            throw TypeErr($"{(array ? "bytearray" : "byte")} indices must be integers or slices, not {TypeName(key)}");
        }
        long n = BytesLength(obj);
        if (!PyLong.TryGetInt64(key, out long index))
        {
            throw Error(IndexError, "cannot fit 'int' into an index-sized integer");
        }
        index = NormalizeIndex(index, n);
        if (index < 0 || index >= n)
        {
            throw Error(IndexError, array ? "bytearray index out of range" : "index out of range");
        }
        return Int(array ? PyByteArray.Data(obj)[index] : PyBytes.Data(obj)[index]);
    }

    /// <summary>a + b for bytes and bytearray: the left operand's kind; null when b is not bytes-like.</summary>
    private PyObject* BytesConcat(PyObject* a, PyObject* b, bool inplace)
    {
        byte[]? right = BytesDataOrNull(b);
        if (right == null)
        {
            throw TypeErr($"can't concat {TypeName(b)} to {TypeName(a)}");
        }
        if (inplace && IsByteArray(a))
        {
            if (a == b)
            {
                // CPython exports a's buffer to read b, so growing a then fails the same way.
                CheckResizable(a);
                throw Error(BufferError, "Existing exports of data: object cannot be re-sized");
            }
            ByteArrayReplace(a, PyByteArray.Size(a), PyByteArray.Size(a), right);
            return NewRef(a);
        }
        byte[] left = BytesDataOrNull(a)!;
        if ((long)left.Length + right.Length > Array.MaxLength)
        {
            throw new PythonException(NewException(MemoryError, null));
        }
        var joined = new byte[left.Length + right.Length];
        left.CopyTo(joined, 0);
        right.CopyTo(joined, left.Length);
        return NewBytesLike(a, joined);
    }

    /// <summary>b * n (and bytearray *= n): the count's __index__ runs before the data is read.</summary>
    private PyObject* BytesRepeat(PyObject* seq, PyObject* count, bool inplace)
    {
        PyObject* index = IndexValueOrNull(count);
        bool fits = PyLong.TryGetInt64(index, out long n);
        Refcount.Decref(index);
        byte[] data = BytesDataOrNull(seq)!;
        if (!fits && data.Length > 0)
        {
            throw Error(OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        n = Math.Max(n, 0);
        if (data.Length != 0 && (n > Array.MaxLength / data.Length || n * data.Length > HeapLimitBytes))
        {
            throw new PythonException(NewException(MemoryError, null));
        }
        var result = new byte[data.Length * n];
        for (long at = 0; at < result.Length; at += data.Length)
        {
            data.CopyTo(result, at);
        }
        if (inplace && IsByteArray(seq))
        {
            ByteArrayReplace(seq, 0, PyByteArray.Size(seq), result);
            return NewRef(seq);
        }
        if (n == 1 && seq->ob_type == T.Bytes)
        {
            return NewRef(seq);
        }
        return NewBytesLike(seq, result);
    }

    /// <summary>The bytes or bytearray operators: +, *, %; null when neither operand is bytes-like in the right place.</summary>
    private PyObject* BytesSequenceOp(BinaryOperator op, PyObject* a, PyObject* b, bool inplace)
    {
        bool left = IsBytes(a) || IsByteArray(a);
        if (op == BinaryOperator.Add && left && IsBytesLike(b))
        {
            return BytesConcat(a, b, inplace);
        }
        if (op == BinaryOperator.Mult)
        {
            if (left && IsIndexable(b))
            {
                return BytesRepeat(a, b, inplace);
            }
            if ((IsBytes(b) || IsByteArray(b)) && IsIndexable(a))
            {
                return BytesRepeat(b, a, false);
            }
        }
        if (op == BinaryOperator.Mod && left)
        {
            return NewBytesLike(a, BytesPercentFormat(BytesDataOrNull(a)!, b));
        }
        return null;
    }

    /// <summary>The TypeError for an unsupported bytes operator, or null to use the generic message.</summary>
    private string? BytesOperatorError(BinaryOperator op, PyObject* a, PyObject* b)
    {
        bool left = IsBytes(a) || IsByteArray(a);
        if (op == BinaryOperator.Add && left)
        {
            return $"can't concat {TypeName(b)} to {TypeName(a)}";
        }
        if (op == BinaryOperator.Mult && (left || IsBytes(b) || IsByteArray(b)))
        {
            return $"can't multiply sequence by non-int of type '{TypeName(left ? b : a)}'";
        }
        return null;
    }

    private List<nint> BytesToInts(byte[] data)
    {
        var items = new List<nint>(data.Length);
        foreach (byte b in data)
        {
            items.Add((nint)Int(b));
        }
        return items;
    }

    /// <summary>One step of a bytes or bytearray iterator; a bytearray is read as it is now.</summary>
    private PyObject* BytesIterNext(PyIterObject* io)
    {
        PyObject* seq = io->it_seq;
        long n = BytesLength(seq);
        if (io->it_index >= n)
        {
            return null;
        }
        byte b = IsByteArray(seq) ? PyByteArray.Data(seq)[io->it_index] : PyBytes.Data(seq)[io->it_index];
        io->it_index++;
        return Int(b);
    }
}
