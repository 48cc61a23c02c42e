using System.Text;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>str.encode, bytes.decode and bytes % args: the codec arguments checked as CPython checks them, failures raised as its exceptions.</summary>
public sealed unsafe partial class Interpreter
{
    public PyTypeObject* UnicodeEncodeError { get; private set; }
    public PyTypeObject* UnicodeDecodeError { get; private set; }
    public PyTypeObject* LookupError { get; private set; }

    private (string Encoding, string Errors) CodecArgs(PyObject* enc, PyObject* errs, string func)
    {
        string encoding = enc == null ? "utf-8" : AsStr(enc, $"{func}() argument 'encoding'");
        string errors = errs == null ? "strict" : AsStr(errs, $"{func}() argument 'errors'");
        string canonical = Codecs.Normalize(encoding) ?? throw Error(LookupError, $"unknown encoding: {encoding}");
        return (canonical, errors);
    }

    private PythonException CodecError(CodecFailure f, string errors)
    {
        if (!Codecs.IsKnownHandler(errors))
        {
            return Error(LookupError, $"unknown error handler name '{errors}'");
        }
        return Error(f.IsEncode ? UnicodeEncodeError : UnicodeDecodeError, f.Message);
    }

    /// <summary>str(object, encoding, errors): decodes a bytes-like object (anything else is a TypeError).</summary>
    private PyObject* StrFromEncoded(nint[] a, KwArgs? kw)
    {
        CheckKw("str", kw, "object", "encoding", "errors");
        if (a.Length > 3)
        {
            throw TypeErr($"str() takes at most 3 arguments ({a.Length} given)");
        }
        PyObject* source = a.Length > 0 ? A(a, 0) : Kw(kw, "object");
        PyObject* enc = a.Length > 1 ? A(a, 1) : Kw(kw, "encoding");
        PyObject* errs = a.Length > 2 ? A(a, 2) : Kw(kw, "errors");
        if (source == null)
        {
            return NewRef(St->empty_str);
        }
        if (enc == null && errs == null)
        {
            return IsStr(source) ? NewRef(source) : Str(StrOf(source));
        }
        if (IsStr(source))
        {
            throw TypeErr("decoding str is not supported");
        }
        byte[] data = BytesDataOrNull(source) ?? throw TypeErr($"decoding to str: need a bytes-like object, {TypeName(source)} found");
        return Str(DecodeBytes(data, enc, errs));
    }

    public byte[] EncodeStr(string text, PyObject* enc, PyObject* errs, string func)
    {
        var (encoding, errors) = CodecArgs(enc, errs, func);
        byte[] data = Codecs.Encode(text, encoding, errors, out CodecFailure? failure);
        if (failure != null)
        {
            throw CodecError(failure, errors);
        }
        return data;
    }

    public string DecodeBytes(ReadOnlySpan<byte> data, PyObject* enc, PyObject* errs)
    {
        var (encoding, errors) = CodecArgs(enc, errs, "decode");
        string text = Codecs.Decode(data, encoding, errors, out CodecFailure? failure);
        if (failure != null)
        {
            throw CodecError(failure, errors);
        }
        return text;
    }

    /// <summary>
    /// bytes % args (PEP 461): %s and %b take bytes-like objects (or __bytes__), %c an int or
    /// one byte, %r and %a an ASCII repr; the numeric conversions format as str % does, in ASCII.
    /// </summary>
    private byte[] BytesPercentFormat(byte[] fmt, PyObject* args)
    {
        var output = new List<byte>(fmt.Length + 16);
        bool tuple = IsTuple(args);
        bool mapping = !tuple && IsDict(args);
        int argIndex = 0;
        int argCount = tuple ? (int)PyTuple.Size(args) : 1;
        PyObject* NextArg()
        {
            if (argIndex >= argCount)
            {
                throw TypeErr("not enough arguments for format string");
            }
            return tuple ? PyTuple.Items(args)[argIndex++] : (argIndex++ == 0 ? args : null);
        }
        int i = 0;
        while (i < fmt.Length)
        {
            byte c = fmt[i++];
            if (c != '%')
            {
                output.Add(c);
                continue;
            }
            if (i >= fmt.Length)
            {
                throw ValueErr("incomplete format");
            }
            PyObject* arg = null;
            PyObject* owned = null;
            if (fmt[i] == '(')
            {
                int close = Array.IndexOf(fmt, (byte)')', i);
                if (close < 0)
                {
                    throw ValueErr("incomplete format key");
                }
                if (!mapping)
                {
                    throw TypeErr("format requires a mapping");
                }
                PyObject* key = NewBytes(fmt.AsSpan((i + 1)..close));
                try
                {
                    owned = GetItem(args, key);
                }
                finally
                {
                    Refcount.Decref(key);
                }
                arg = owned;
                i = close + 1;
            }
            int specStart = i;
            while (i < fmt.Length && "-+ #0".IndexOf((char)fmt[i]) >= 0) i++;
            while (i < fmt.Length && (IsAsciiDigit(fmt[i]) || fmt[i] == '*' || fmt[i] == '.')) i++;
            while (i < fmt.Length && fmt[i] is (byte)'h' or (byte)'l' or (byte)'L') i++;
            if (i >= fmt.Length)
            {
                throw ValueErr("incomplete format");
            }
            char conv = (char)fmt[i++];
            string spec = Encoding.ASCII.GetString(fmt, specStart, i - 1 - specStart);
            if (conv == '%' && arg == null)
            {
                output.Add((byte)'%');
                continue;
            }
            try
            {
                if (arg == null)
                {
                    arg = NextArg();
                }
                byte[] piece;
                switch (conv)
                {
                    case 's':
                    case 'b':
                        piece = BytesDataOrNull(arg) ?? BytesOfDunder(arg)
                            ?? throw TypeErr($"%b requires a bytes-like object, or an object that implements __bytes__, not '{TypeName(arg)}'");
                        piece = PadPiece(piece, spec);
                        break;
                    case 'c':
                        if (IsInt(arg))
                        {
                            long v = ToLong(arg);
                            if (v is < 0 or > 255)
                            {
                                throw Error(OverflowError, "%c arg not in range(256)");
                            }
                            piece = [(byte)v];
                        }
                        else
                        {
                            piece = BytesDataOrNull(arg) is { Length: 1 } one ? one : throw TypeErr($"%c requires an integer in range(256) or a single byte, not {TypeName(arg)}");
                        }
                        piece = PadPiece(piece, spec);
                        break;
                    case 'r':
                    case 'a':
                        piece = Codecs.Encode(Ascii(Repr(arg)), "ascii", "strict", out _);
                        piece = PadPiece(piece, spec);
                        break;
                    default:
                        PyObject* single = Tuple([(nint)arg]);
                        try
                        {
                            piece = Encoding.Latin1.GetBytes(PercentFormat("%" + spec + conv, single));
                        }
                        finally
                        {
                            Refcount.Decref(single);
                        }
                        break;
                }
                output.AddRange(piece);
            }
            finally
            {
                if (owned != null)
                {
                    Refcount.Decref(owned);
                }
            }
        }
        if (tuple && argIndex < argCount)
        {
            throw TypeErr("not all arguments converted during bytes formatting");
        }
        if (!tuple && !mapping && argIndex == 0 && !IsBytesLike(args))
        {
            throw TypeErr("not all arguments converted during bytes formatting");
        }
        return [.. output];
    }

    private byte[]? BytesOfDunder(PyObject* o)
    {
        if (!IsInstanceLayout(o->ob_type) || LookupInType(o->ob_type, "__bytes__") == null)
        {
            return null;
        }
        PyObject* r = CallWithSelf(LookupInType(o->ob_type, "__bytes__"), o, []);
        try
        {
            return IsBytes(r) ? PyBytes.AsSpan(r).ToArray() : throw TypeErr($"__bytes__ returned non-bytes (type {TypeName(r)})");
        }
        finally
        {
            Refcount.Decref(r);
        }
    }

    /// <summary>Width and '-' of a %s-like spec applied to bytes (precision truncates).</summary>
    private static byte[] PadPiece(byte[] piece, string spec)
    {
        bool left = spec.Contains('-');
        string digits = spec.TrimStart('-', '+', ' ', '#', '0');
        int dot = digits.IndexOf('.');
        if (dot >= 0)
        {
            if (int.TryParse(digits[(dot + 1)..], out int precision) && precision < piece.Length)
            {
                piece = piece[..precision];
            }
            digits = digits[..dot];
        }
        if (!int.TryParse(digits, out int width) || width <= piece.Length)
        {
            return piece;
        }
        var r = new byte[width];
        Array.Fill(r, (byte)' ');
        piece.CopyTo(r, left ? 0 : width - piece.Length);
        return r;
    }
}
