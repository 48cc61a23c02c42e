using System.Text;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The methods bytes and bytearray share (CPython's bytes_methods.c): each reads a copy of
/// the data, works on it, and returns a result of the receiver's kind. "Whitespace", "digit"
/// and the case of a letter are ASCII only, as in CPython.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private delegate PyObject* BytesFn(PyObject* self, byte[] data, nint[] a, KwArgs? kw);

    private void BytesMethod(string name, BytesFn fn)
    {
        foreach (nint tp in new[] { (nint)T.Bytes, (nint)T.ByteArray })
        {
            Method((PyTypeObject*)tp, name, (self, a, kw) => CallBytesMethod(fn, self, a, kw));
        }
    }

    /// <summary>
    /// Runs a shared method with its __index__ arguments converted first and the data read
    /// after, the order CPython's argument clinic gives: a conversion that changes a
    /// bytearray is seen by the method.
    /// </summary>
    private PyObject* CallBytesMethod(BytesFn fn, PyObject* self, nint[] a, KwArgs? kw)
    {
        nint[]? converted = null;
        for (int i = 0; i < a.Length; i++)
        {
            if (NeedsIndexCall((PyObject*)a[i]))
            {
                converted ??= (nint[])a.Clone();
                converted[i] = 0;
            }
        }
        if (converted == null)
        {
            return fn(self, BytesDataOrNull(self)!, a, kw);
        }
        try
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (converted[i] == 0)
                {
                    converted[i] = (nint)IndexValueOrNull((PyObject*)a[i]);
                }
            }
            return fn(self, BytesDataOrNull(self)!, converted, kw);
        }
        finally
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (converted[i] != a[i] && converted[i] != 0)
                {
                    Refcount.Decref((PyObject*)converted[i]);
                }
            }
        }
    }

    private static bool IsAsciiSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c;
    private static bool IsAsciiDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
    private static bool IsAsciiLower(byte b) => b is >= (byte)'a' and <= (byte)'z';
    private static bool IsAsciiUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';
    private static bool IsAsciiAlpha(byte b) => IsAsciiLower(b) || IsAsciiUpper(b);

    /// <summary>The sub argument of count/find/index: bytes-like, or an int standing for one byte.</summary>
    private byte[] SubArg(PyObject* v, string func)
    {
        byte[]? data = BytesDataOrNull(v);
        if (data != null)
        {
            return data;
        }
        if (IsIndexable(v))
        {
            return [ByteValue(v)];
        }
        throw TypeErr($"argument should be integer or bytes-like object, not '{TypeName(v)}'");
    }

    /// <summary>Optional start/end arguments (None allowed) resolved as slice bounds on <paramref name="n"/>.</summary>
    private (int Start, int End) Bounds(nint[] a, int first, int n)
    {
        long Get(int i, long dflt)
        {
            if (a.Length <= i || A(a, i) == St->none)
            {
                return dflt;
            }
            PyObject* idx = IndexValueOrNull(A(a, i));
            if (idx == null)
            {
                throw TypeErr("slice indices must be integers or None or have an __index__ method");
            }
            long v = PyLong.TryGetInt64(idx, out long x) ? x : (PyLong.Sign(idx) < 0 ? long.MinValue / 2 : long.MaxValue / 2);
            Refcount.Decref(idx);
            return v;
        }
        long s = Get(first, 0), e = Get(first + 1, n);
        if (s < 0) s = Math.Max(0, s + n);
        if (e < 0) e = Math.Max(0, e + n);
        return ((int)Math.Min(s, n + 1L), (int)Math.Min(e, n));
    }

    private static int FindIn(byte[] data, byte[] sub, int start, int end, bool fromRight)
    {
        if (start > data.Length || end - start < sub.Length)
        {
            return -1;
        }
        ReadOnlySpan<byte> window = data.AsSpan(start, end - start);
        int at = fromRight ? window.LastIndexOf(sub) : window.IndexOf(sub);
        return at < 0 ? -1 : at + start;
    }

    private static int CountIn(byte[] data, byte[] sub, int start, int end)
    {
        if (start > data.Length || end < start)
        {
            return 0;
        }
        if (sub.Length == 0)
        {
            return end - start + 1;
        }
        int count = 0;
        for (int i = start; i + sub.Length <= end;)
        {
            int at = data.AsSpan(i, end - i).IndexOf(sub);
            if (at < 0)
            {
                break;
            }
            count++;
            i += at + sub.Length;
        }
        return count;
    }

    private PyObject* FindMethod(byte[] data, nint[] a, string name, bool fromRight, bool raise)
    {
        Arity(name, a, 1, 3);
        byte[] sub = SubArg(A(a, 0), name);
        var (start, end) = Bounds(a, 1, data.Length);
        int at = FindIn(data, sub, start, end, fromRight);
        if (at < 0 && raise)
        {
            throw ValueErr("subsection not found");
        }
        return Int(at);
    }

    /// <summary>The separator of split/partition: bytes-like, never empty where the caller says so.</summary>
    private byte[] SepArg(PyObject* v)
    {
        byte[]? sep = BytesDataOrNull(v);
        if (sep == null)
        {
            throw TypeErr($"a bytes-like object is required, not '{TypeName(v)}'");
        }
        if (sep.Length == 0)
        {
            throw ValueErr("empty separator");
        }
        return sep;
    }

    private PyObject* SplitBytes(PyObject* self, byte[] data, nint[] a, KwArgs? kw, bool fromRight)
    {
        string name = fromRight ? "rsplit" : "split";
        CheckKw(name, kw, "sep", "maxsplit");
        Arity(name, a, 0, 2);
        PyObject* sepObj = a.Length > 0 ? A(a, 0) : Kw(kw, "sep");
        PyObject* maxObj = a.Length > 1 ? A(a, 1) : Kw(kw, "maxsplit");
        long max = maxObj == null ? -1 : ToLong(maxObj);
        if (max < 0)
        {
            max = long.MaxValue;
        }
        var parts = new List<byte[]>();
        if (sepObj == null || sepObj == St->none)
        {
            // Runs of ASCII whitespace separate; none at the ends.
            if (!fromRight)
            {
                int i = 0;
                while (true)
                {
                    while (i < data.Length && IsAsciiSpace(data[i])) i++;
                    if (i == data.Length) break;
                    if (parts.Count == max)
                    {
                        parts.Add(data[i..]);
                        break;
                    }
                    int j = i;
                    while (j < data.Length && !IsAsciiSpace(data[j])) j++;
                    parts.Add(data[i..j]);
                    i = j;
                }
            }
            else
            {
                int i = data.Length;
                while (true)
                {
                    while (i > 0 && IsAsciiSpace(data[i - 1])) i--;
                    if (i == 0) break;
                    if (parts.Count == max)
                    {
                        parts.Add(data[..i]);
                        break;
                    }
                    int j = i;
                    while (j > 0 && !IsAsciiSpace(data[j - 1])) j--;
                    parts.Add(data[j..i]);
                    i = j;
                }
                parts.Reverse();
            }
        }
        else
        {
            byte[] sep = SepArg(sepObj);
            if (!fromRight)
            {
                int i = 0;
                while (parts.Count < max)
                {
                    int at = data.AsSpan(i).IndexOf(sep);
                    if (at < 0) break;
                    parts.Add(data[i..(i + at)]);
                    i += at + sep.Length;
                }
                parts.Add(data[i..]);
            }
            else
            {
                int end = data.Length;
                while (parts.Count < max)
                {
                    int at = data.AsSpan(0, end).LastIndexOf(sep);
                    if (at < 0) break;
                    parts.Add(data[(at + sep.Length)..end]);
                    end = at;
                }
                parts.Add(data[..end]);
                parts.Reverse();
            }
        }
        var items = new List<nint>(parts.Count);
        foreach (byte[] p in parts)
        {
            items.Add((nint)NewBytesLike(self, p));
        }
        return ListSteal(items);
    }

    private PyObject* PartitionBytes(PyObject* self, byte[] data, nint[] a, bool fromRight)
    {
        Arity(fromRight ? "rpartition" : "partition", a, 1, 1);
        byte[] sep = SepArg(A(a, 0));
        int at = fromRight ? data.AsSpan().LastIndexOf(sep) : data.AsSpan().IndexOf(sep);
        byte[] head, mid, tail;
        if (at < 0)
        {
            (head, mid, tail) = fromRight ? (Array.Empty<byte>(), Array.Empty<byte>(), data) : (data, Array.Empty<byte>(), Array.Empty<byte>());
        }
        else
        {
            (head, mid, tail) = (data[..at], sep, data[(at + sep.Length)..]);
        }
        return TupleSteal(new List<nint> { (nint)NewBytesLike(self, head), (nint)NewBytesLike(self, mid), (nint)NewBytesLike(self, tail) });
    }

    private byte[] StripBytes(byte[] data, nint[] a, string name, bool left, bool right)
    {
        Arity(name, a, 0, 1);
        byte[]? chars = a.Length == 0 || A(a, 0) == St->none ? null : BytesDataOrNull(A(a, 0)) ?? throw TypeErr($"a bytes-like object is required, not '{TypeName(A(a, 0))}'");
        bool Strip(byte b) => chars == null ? IsAsciiSpace(b) : Array.IndexOf(chars, b) >= 0;
        int s = 0, e = data.Length;
        if (left) while (s < e && Strip(data[s])) s++;
        if (right) while (e > s && Strip(data[e - 1])) e--;
        return data[s..e];
    }

    /// <summary>ljust/rjust/center: width and a fill that must be one byte.</summary>
    private byte[] PadBytes(byte[] data, nint[] a, string name, int mode)
    {
        Arity(name, a, 1, 2);
        long width = ToLong(A(a, 0));
        byte fill = (byte)' ';
        if (a.Length == 2)
        {
            byte[]? f = BytesDataOrNull(A(a, 1));
            if (f == null || f.Length != 1)
            {
                throw TypeErr($"{name}() argument 2 must be a byte string of length 1, not {TypeName(A(a, 1))}");
            }
            fill = f[0];
        }
        if (width <= data.Length)
        {
            return data;
        }
        if (width > Array.MaxLength || width > HeapLimitBytes)
        {
            throw new PythonException(NewException(MemoryError, null));
        }
        long marg = width - data.Length;
        long left = mode switch { 0 => 0, 1 => marg, _ => marg / 2 + (marg & width & 1) };
        var result = new byte[width];
        Array.Fill(result, fill);
        data.CopyTo(result, left);
        return result;
    }

    private bool StartsOrEnds(byte[] data, nint[] a, string name, bool ends)
    {
        Arity(name, a, 1, 3);
        var (start, end) = Bounds(a, 1, data.Length);
        bool Test(byte[] p)
        {
            if (start > data.Length || end - start < p.Length)
            {
                return false;
            }
            return ends ? data.AsSpan(start, end - start).EndsWith(p) : data.AsSpan(start, end - start).StartsWith(p);
        }
        PyObject* arg = A(a, 0);
        if (IsTuple(arg))
        {
            for (nint i = 0; i < PyTuple.Size(arg); i++)
            {
                byte[]? p = BytesDataOrNull(PyTuple.Items(arg)[i]) ?? throw TypeErr($"a bytes-like object is required, not '{TypeName(PyTuple.Items(arg)[i])}'");
                if (Test(p))
                {
                    return true;
                }
            }
            return false;
        }
        byte[]? prefix = BytesDataOrNull(arg) ?? throw TypeErr($"{name} first arg must be bytes or a tuple of bytes, not {TypeName(arg)}");
        return Test(prefix);
    }

    private static byte[] MapBytes(byte[] data, Func<byte, byte> f)
    {
        var r = new byte[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            r[i] = f(data[i]);
        }
        return r;
    }

    private static byte Upper(byte b) => IsAsciiLower(b) ? (byte)(b - 32) : b;
    private static byte Lower(byte b) => IsAsciiUpper(b) ? (byte)(b + 32) : b;

    private void RegisterBytesMethods()
    {
        BytesMethod("decode", (self, d, a, kw) =>
        {
            CheckKw("decode", kw, "encoding", "errors");
            Arity("decode", a, 0, 2);
            PyObject* enc = a.Length > 0 ? A(a, 0) : Kw(kw, "encoding");
            PyObject* errs = a.Length > 1 ? A(a, 1) : Kw(kw, "errors");
            return Str(DecodeBytes(d, enc, errs));
        });
        BytesMethod("hex", (self, d, a, kw) => Str(HexOf(d, a, kw)));
        BytesMethod("count", (self, d, a, _) =>
        {
            Arity("count", a, 1, 3);
            byte[] sub = SubArg(A(a, 0), "count");
            var (s, e) = Bounds(a, 1, d.Length);
            return Int(CountIn(d, sub, s, e));
        });
        BytesMethod("find", (self, d, a, _) => FindMethod(d, a, "find", false, false));
        BytesMethod("rfind", (self, d, a, _) => FindMethod(d, a, "rfind", true, false));
        BytesMethod("index", (self, d, a, _) => FindMethod(d, a, "index", false, true));
        BytesMethod("rindex", (self, d, a, _) => FindMethod(d, a, "rindex", true, true));
        BytesMethod("startswith", (self, d, a, _) => Bool(StartsOrEnds(d, a, "startswith", false)));
        BytesMethod("endswith", (self, d, a, _) => Bool(StartsOrEnds(d, a, "endswith", true)));
        BytesMethod("split", (self, d, a, kw) => SplitBytes(self, d, a, kw, false));
        BytesMethod("rsplit", (self, d, a, kw) => SplitBytes(self, d, a, kw, true));
        BytesMethod("partition", (self, d, a, _) => PartitionBytes(self, d, a, false));
        BytesMethod("rpartition", (self, d, a, _) => PartitionBytes(self, d, a, true));
        BytesMethod("strip", (self, d, a, _) => NewBytesLike(self, StripBytes(d, a, "strip", true, true)));
        BytesMethod("lstrip", (self, d, a, _) => NewBytesLike(self, StripBytes(d, a, "lstrip", true, false)));
        BytesMethod("rstrip", (self, d, a, _) => NewBytesLike(self, StripBytes(d, a, "rstrip", false, true)));
        BytesMethod("ljust", (self, d, a, _) => NewBytesLike(self, PadBytes(d, a, "ljust", 0)));
        BytesMethod("rjust", (self, d, a, _) => NewBytesLike(self, PadBytes(d, a, "rjust", 1)));
        BytesMethod("center", (self, d, a, _) => NewBytesLike(self, PadBytes(d, a, "center", 2)));
        BytesMethod("upper", (self, d, a, _) => NewBytesLike(self, MapBytes(d, Upper)));
        BytesMethod("lower", (self, d, a, _) => NewBytesLike(self, MapBytes(d, Lower)));
        BytesMethod("swapcase", (self, d, a, _) => NewBytesLike(self, MapBytes(d, b => IsAsciiLower(b) ? Upper(b) : Lower(b))));
        BytesMethod("capitalize", (self, d, a, _) =>
        {
            byte[] r = MapBytes(d, Lower);
            if (r.Length > 0)
            {
                r[0] = Upper(r[0]);
            }
            return NewBytesLike(self, r);
        });
        BytesMethod("isdigit", (self, d, a, _) => Bool(d.Length > 0 && d.All(IsAsciiDigit)));
        BytesMethod("isalpha", (self, d, a, _) => Bool(d.Length > 0 && d.All(IsAsciiAlpha)));
        BytesMethod("isalnum", (self, d, a, _) => Bool(d.Length > 0 && d.All(b => IsAsciiAlpha(b) || IsAsciiDigit(b))));
        BytesMethod("isspace", (self, d, a, _) => Bool(d.Length > 0 && d.All(IsAsciiSpace)));
        BytesMethod("islower", (self, d, a, _) => Bool(d.Any(IsAsciiLower) && !d.Any(IsAsciiUpper)));
        BytesMethod("isupper", (self, d, a, _) => Bool(d.Any(IsAsciiUpper) && !d.Any(IsAsciiLower)));
        BytesMethod("isascii", (self, d, a, _) => Bool(d.All(b => b < 128)));
        BytesMethod("zfill", (self, d, a, _) =>
        {
            Arity("zfill", a, 1, 1);
            long width = ToLong(A(a, 0));
            if (width <= d.Length)
            {
                return NewBytesLike(self, d);
            }
            byte[] r = PadBytes(d, [a[0]], "zfill", 1);
            int fill = r.Length - d.Length;
            Array.Fill(r, (byte)'0', 0, fill);
            if (d.Length > 0 && d[0] is (byte)'+' or (byte)'-')
            {
                r[0] = d[0];
                r[fill] = (byte)'0';
            }
            return NewBytesLike(self, r);
        });
        BytesMethod("replace", (self, d, a, _) =>
        {
            Arity("replace", a, 2, 3);
            byte[] old = BytesArg(A(a, 0));
            byte[] @new = BytesArg(A(a, 1));
            long count = a.Length == 3 ? ToLong(A(a, 2)) : -1;
            if (count < 0)
            {
                count = long.MaxValue;
            }
            var r = new List<byte>(d.Length);
            int i = 0;
            long done = 0;
            if (old.Length == 0)
            {
                for (; i <= d.Length; i++)
                {
                    if (done < count)
                    {
                        r.AddRange(@new);
                        done++;
                    }
                    if (i < d.Length)
                    {
                        r.Add(d[i]);
                    }
                }
                return NewBytesLike(self, r.ToArray());
            }
            while (done < count)
            {
                int at = d.AsSpan(i).IndexOf(old);
                if (at < 0)
                {
                    break;
                }
                r.AddRange(d.AsSpan(i, at));
                r.AddRange(@new);
                i += at + old.Length;
                done++;
            }
            r.AddRange(d.AsSpan(i));
            return NewBytesLike(self, r.ToArray());
        });
        BytesMethod("join", (self, d, a, _) =>
        {
            Arity("join", a, 1, 1);
            List<nint> items = CollectItems(A(a, 0), unpacking: false);
            try
            {
                var r = new List<byte>();
                for (int i = 0; i < items.Count; i++)
                {
                    byte[]? part = BytesDataOrNull((PyObject*)items[i]) ?? throw TypeErr($"sequence item {i}: expected a bytes-like object, {TypeName((PyObject*)items[i])} found");
                    if (i > 0)
                    {
                        r.AddRange(d);
                    }
                    r.AddRange(part);
                }
                return NewBytesLike(self, r.ToArray());
            }
            finally
            {
                foreach (nint x in items)
                {
                    Refcount.Decref((PyObject*)x);
                }
            }
        });
        BytesMethod("splitlines", (self, d, a, kw) =>
        {
            bool keep = (a.Length > 0 && IsTrue(A(a, 0))) || KwTrue(kw, "keepends");
            var items = new List<nint>();
            int start = 0;
            for (int i = 0; i < d.Length; i++)
            {
                if (d[i] is (byte)'\n' or (byte)'\r')
                {
                    int end = i;
                    if (d[i] == '\r' && i + 1 < d.Length && d[i + 1] == '\n')
                    {
                        i++;
                    }
                    items.Add((nint)NewBytesLike(self, keep ? d[start..(i + 1)] : d[start..end]));
                    start = i + 1;
                }
            }
            if (start < d.Length)
            {
                items.Add((nint)NewBytesLike(self, d[start..]));
            }
            return ListSteal(items);
        });
        BytesMethod("__len__", (self, d, a, _) => Int(d.Length));
        BytesMethod("__getitem__", (self, d, a, _) => BytesGetItem(self, A(a, 0)));
        BytesMethod("__contains__", (self, d, a, _) => Bool(BytesContains(self, A(a, 0))));
        BytesMethod("__iter__", (self, d, a, _) => GetIter(self));
        BytesMethod("__repr__", (self, d, a, _) => Str(Repr(self)));
        BytesMethod("__str__", (self, d, a, _) => Str(Repr(self)));
        BytesMethod("__eq__", (self, d, a, _) => Bool(ValueEquals(self, A(a, 0))));
        Method(T.Bytes, "__hash__", (self, _, _) => Int(PyBytes.Hash(self)));
        Method(T.Bytes, "__bytes__", (self, _, _) => NewRef(self));
        foreach (nint tp in new[] { (nint)T.Bytes, (nint)T.ByteArray })
        {
            var t = (PyTypeObject*)tp;
            TypeMethod(t, "fromhex", (_, a, _) =>
            {
                Arity("fromhex", a, 1, 1);
                byte[] data = FromHex(AsStr(A(a, 0), "fromhex() argument"));
                return t == T.ByteArray ? NewByteArray(data) : NewBytes(data);
            });
        }
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>bytes.fromhex: pairs of hex digits, ASCII whitespace allowed between pairs.</summary>
    private byte[] FromHex(string s)
    {
        var r = new List<byte>(s.Length / 2);
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] is ' ' or '\t' or '\n' or '\r' or '\v' or '\f')
            {
                i++;
                continue;
            }
            int hi = HexDigit(s[i]);
            if (hi < 0)
            {
                throw ValueErr($"non-hexadecimal number found in fromhex() arg at position {i}");
            }
            if (i + 1 >= s.Length || HexDigit(s[i + 1]) < 0)
            {
                throw ValueErr($"non-hexadecimal number found in fromhex() arg at position {i + 1}");
            }
            r.Add((byte)(hi * 16 + HexDigit(s[i + 1])));
            i += 2;
        }
        return [.. r];
    }

    /// <summary>b.hex([sep[, bytes_per_sep]]): a separator every n bytes, counted from the right when n &gt; 0.</summary>
    private string HexOf(byte[] d, nint[] a, KwArgs? kw)
    {
        CheckKw("hex", kw, "sep", "bytes_per_sep");
        PyObject* sepObj = a.Length > 0 ? A(a, 0) : Kw(kw, "sep");
        PyObject* perObj = a.Length > 1 ? A(a, 1) : Kw(kw, "bytes_per_sep");
        string hex = Convert.ToHexString(d).ToLowerInvariant();
        if (sepObj == null)
        {
            return hex;
        }
        string sep = IsStr(sepObj) ? PyUnicode.AsString(sepObj) : Encoding.Latin1.GetString(BytesArg(sepObj));
        if (sep.Length != 1)
        {
            throw ValueErr("sep must be length 1.");
        }
        long per = perObj == null ? 1 : ToLong(perObj);
        if (per == 0 || d.Length == 0)
        {
            return hex;
        }
        int group = (int)Math.Min(Math.Abs(per), d.Length);
        var sb = new StringBuilder();
        int first = per > 0 ? d.Length % group : group;
        if (first == 0)
        {
            first = group;
        }
        for (int i = 0; i < d.Length; i++)
        {
            bool boundary = per > 0 ? i > 0 && (i - first) % group == 0 && i >= first : i > 0 && i % group == 0;
            if (boundary)
            {
                sb.Append(sep);
            }
            sb.Append(hex, i * 2, 2);
        }
        return sb.ToString();
    }
}
