using System.Globalization;
using System.Numerics;
using System.Text;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    private readonly HashSet<nint> _reprActive = [];

    /// <summary>repr(o) as .NET text, calling <c>__repr__</c> of classes.</summary>
    public string Repr(PyObject* o)
    {
        PyTypeObject* t = o->ob_type;
        if (t == St->type_str)
        {
            return ObjectRepr.QuoteString(PyUnicode.AsString(o));
        }
        if (t == St->type_int || t == St->type_bool || o == St->none)
        {
            return ObjectRepr.Repr(o);
        }
        if (t == St->type_float)
        {
            return PyFloat.Repr(PyFloat.Value(o));
        }
        if (IsInstanceLayout(t) || t->tp_layout != null)
        {
            PyObject* m = LookupInType(t, "__repr__");
            if (m != null)
            {
                PyObject* r = CallWithSelf(m, o, []);
                try
                {
                    if (!IsStr(r))
                    {
                        throw TypeErr($"__repr__ returned non-string (type {TypeName(r)})");
                    }
                    return PyUnicode.AsString(r);
                }
                finally
                {
                    Refcount.Decref(r);
                }
            }
            if (t->tp_layout != null)
            {
                t = t->tp_layout; // a class derived from a built-in shows as the built-in does
            }
            else if (IsSubtype(t, BaseException))
            {
                return ExceptionRepr(o);
            }
            else
            {
                return $"<{ModuleOf(t)}{NameOfType(t)} object at 0x{(nint)o:x}>";
            }
        }
        if (NativeRepr(o) is string native)
        {
            return native;
        }
        return ReprAs(o, t);
    }

    /// <summary>repr(o) as built-in container type <paramref name="t"/> (o's type or the built-in it derives from) writes it.</summary>
    public string ReprAs(PyObject* o, PyTypeObject* t)
    {
        if (t == St->type_int)
        {
            return Objects.Long.LongDecimal.ToDecimalString(o, St->int_max_str_digits);
        }
        if (t == St->type_float)
        {
            return PyFloat.Repr(PyFloat.Value(o));
        }
        if (!_reprActive.Add((nint)o))
        {
            return t == St->type_list ? "[...]" : t == St->type_dict ? "{...}" : "...";
        }
        if (_reprActive.Count + Depth > RecursionLimit)
        {
            _reprActive.Remove((nint)o);
            throw Error(RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        }
        try
        {
            return ReprContainer(o, t);
        }
        finally
        {
            _reprActive.Remove((nint)o);
        }
    }

    private string ModuleOf(PyTypeObject* t)
    {
        PyObject* m = t->tp_dict == null ? null : PyDict.GetItem(t->tp_dict, Intern("__module__"));
        return m != null && IsStr(m) ? PyUnicode.AsString(m) + "." : "";
    }

    private string ReprContainer(PyObject* o, PyTypeObject* t)
    {
        if (t == St->type_list || t == St->type_tuple)
        {
            bool list = t == St->type_list;
            var sb = new StringBuilder(list ? "[" : "(");
            // list_repr: an item's __repr__ may shrink or grow the list, so the size is read
            // before each item and the item is held while its repr runs.
            for (nint i = 0; i < SequenceSize(o); i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }
                sb.Append(HeldRepr(SequenceItems(o)[i]));
            }
            if (!list && PyTuple.Size(o) == 1)
            {
                sb.Append(',');
            }
            return sb.Append(list ? ']' : ')').ToString();
        }
        if (t == St->type_dict)
        {
            var sb = new StringBuilder("{");
            nint pos = 0;
            bool first = true;
            // dict_repr: key and value held across both reprs; the walk goes on over the current table.
            while (PyDict.Next(o, ref pos, out PyObject* k, out PyObject* v))
            {
                if (!first)
                {
                    sb.Append(", ");
                }
                first = false;
                PyObject* key = NewRef(k);
                PyObject* value = NewRef(v);
                try
                {
                    sb.Append(Repr(key)).Append(": ").Append(Repr(value));
                }
                finally
                {
                    Refcount.Decref(value);
                    Refcount.Decref(key);
                }
            }
            return sb.Append('}').ToString();
        }
        if (IsSet(o))
        {
            // set_repr: other than a set itself, the type's name wraps the elements (frozenset({1}), S({1})).
            string name = o->ob_type == St->type_set ? "set" : o->ob_type == St->type_frozenset ? "frozenset" : ShortName(o->ob_type);
            if (PySet.Size(o) == 0)
            {
                return name + "()";
            }
            // set_repr: the elements are first copied out (owned), then each repr'd.
            List<nint> keys = OwnedSetKeys(o);
            try
            {
                var parts = new List<string>(keys.Count);
                foreach (nint k in keys)
                {
                    parts.Add(Repr((PyObject*)k));
                }
                string body = "{" + string.Join(", ", parts) + "}";
                return o->ob_type == St->type_set ? body : $"{name}({body})";
            }
            finally
            {
                DecrefAll(keys);
            }
        }
        if (t == St->type_type)
        {
            var c = (PyTypeObject*)o;
            return $"<class '{ModuleOf(c).Replace("builtins.", "", StringComparison.Ordinal)}{NameOfType(c)}'>";
        }
        if (t == T.Complex)
        {
            return UnmanagedHeap.Scripting.Types.ComplexType.Repr(UnmanagedHeap.Scripting.Types.ComplexType.Real(o), UnmanagedHeap.Scripting.Types.ComplexType.Imag(o));
        }
        if (BytesLikeRepr(o) is string bytesRepr)
        {
            return bytesRepr;
        }
        if (IsGenerator(o))
        {
            return GeneratorRepr(o);
        }
        if (t == T.Function)
        {
            return $"<function {PyUnicode.AsString(((PyFunctionObject*)o)->func_qualname)} at 0x{(nint)o:x}>";
        }
        if (t == T.Method)
        {
            var m = (PyMethodObject*)o;
            string q = m->im_func->ob_type == T.Function ? PyUnicode.AsString(((PyFunctionObject*)m->im_func)->func_qualname) : "?";
            return $"<bound method {q} of {Repr(m->im_self)}>";
        }
        if (t == T.Builtin)
        {
            var b = (PyBuiltinObject*)o;
            string name = _builtinTable[(int)b->m_index].Name;
            return b->m_self == null || IsType(b->m_self) && !IsInstanceLayout((PyTypeObject*)b->m_self) && b->m_self->ob_type == St->type_type && false
                ? $"<built-in function {name}>"
                : $"<built-in method {name} of {TypeName(b->m_self)} object at 0x{(nint)b->m_self:x}>";
        }
        if (t == T.Module)
        {
            return $"<module '{PyUnicode.AsString(((PyModuleObject*)o)->md_name)}' (built-in)>";
        }
        if (t == T.Range)
        {
            var r = (PyRangeObject*)o;
            return r->step == 1 ? $"range({r->start}, {r->stop})" : $"range({r->start}, {r->stop}, {r->step})";
        }
        if (t == T.DictKeys || t == T.DictValues || t == T.DictItems)
        {
            PyObject* list = PyList.New(St);
            try
            {
                ListExtend(list, o);
                return $"{NameOfType(t)}({Repr(list)})";
            }
            finally
            {
                Refcount.Decref(list);
            }
        }
        if (t == T.Slice)
        {
            var s = (PySliceObject*)o;
            return $"slice({Repr(s->start)}, {Repr(s->stop)}, {Repr(s->step)})";
        }
        if (t == T.GetSetDescriptor)
        {
            var d = (PyGetSetDescrObject*)o;
            string owner = NameOfType((PyTypeObject*)d->d_type);
            return $"<attribute '{PyUnicode.AsString(d->d_name)}' of '{owner[(owner.LastIndexOf('.') + 1)..]}' objects>";
        }
        if (t == T.Cell)
        {
            PyObject* v = ((PyCellObject*)o)->ob_ref;
            return v == null ? $"<cell at 0x{(nint)o:x}: empty>" : $"<cell at 0x{(nint)o:x}: {TypeName(v)} object at 0x{(nint)v:x}>";
        }
        if (t == St->type_weakref_ref)
        {
            PyObject* r = PyWeakref.Referent(o);
            return PyWeakref.IsAlive(o)
                ? $"<weakref at 0x{(nint)o:x}; to '{ModuleOf(r->ob_type)}{TypeName(r)}' at 0x{(nint)r:x}{ReferentName(r)}>"
                : $"<weakref at 0x{(nint)o:x}; dead>";
        }
        if (t == St->type_weakref_proxy)
        {
            PyObject* r = PyWeakref.Referent(o);
            return PyWeakref.IsAlive(o)
                ? $"<weakproxy at 0x{(nint)o:x}; to '{ModuleOf(r->ob_type)}{TypeName(r)}' at 0x{(nint)r:x}>"
                : $"<weakproxy at 0x{(nint)o:x}; dead>";
        }
        if (T.IsCData(t))
        {
            if (t == T.PyObjectC)
            {
                return $"py_object({SafeRepr((PyObject*)((PyCDataObject*)o)->b_address)})";
            }
            PyObject* v = CDataValue(o);
            try
            {
                return $"{NameOfType(t)}({Repr(v)})";
            }
            finally
            {
                Refcount.Decref(v);
            }
        }
        if (t == T.Finalize)
        {
            return $"<finalize object at 0x{(nint)o:x}>";
        }
        if (o == St->not_implemented)
        {
            return "NotImplemented";
        }
        return ObjectRepr.Repr(o);
    }

    /// <summary>repr of an object borrowed from a container, held while its <c>__repr__</c> runs.</summary>
    private string HeldRepr(PyObject* item)
    {
        Refcount.Incref(item);
        try
        {
            return Repr(item);
        }
        finally
        {
            Refcount.Decref(item);
        }
    }

    /// <summary>repr() that never throws (for diagnostics).</summary>
    public string SafeRepr(PyObject* o)
    {
        try
        {
            return Repr(o);
        }
        catch (PythonException e)
        {
            Refcount.XDecref(e.Steal());
            return $"<{TypeName(o)} object at 0x{(nint)o:x}>";
        }
    }

    /// <summary>BaseException.__str__ (KeyError.__str__ when <paramref name="asType"/> is one): the args, one shown alone.</summary>
    private string ExceptionStr(PyObject* o, PyTypeObject* asType)
    {
        PyObject* args = ExceptionArgs(o);
        if (args == null || PyTuple.Size(args) == 0)
        {
            return "";
        }
        if (PyTuple.Size(args) == 1)
        {
            PyObject* a0 = PyTuple.Items(args)[0];
            return IsSubtype(asType, KeyError) ? Repr(a0) : StrOf(a0);
        }
        return Repr(args);
    }

    /// <summary>BaseException.__repr__: the class name and the args.</summary>
    private string ExceptionRepr(PyObject* o)
    {
        PyObject* args = ExceptionArgs(o);
        // One argument shows as its repr (a tuple keeps its parentheses); several as the args tuple's items.
        string inner = args == null || PyTuple.Size(args) == 0 ? "" : PyTuple.Size(args) == 1 ? Repr(PyTuple.Items(args)[0]) : Repr(args)[1..^1];
        return $"{NameOfType(o->ob_type)}({inner})";
    }

    /// <summary>str(o) as .NET text.</summary>
    public string StrOf(PyObject* o)
    {
        PyTypeObject* t = o->ob_type;
        if (t == St->type_str)
        {
            return PyUnicode.AsString(o);
        }
        if (IsInstanceLayout(t))
        {
            PyObject* m = LookupInType(t, "__str__");
            if (m != null)
            {
                PyObject* r = CallWithSelf(m, o, []);
                try
                {
                    if (!IsStr(r))
                    {
                        throw TypeErr($"__str__ returned non-string (type {TypeName(r)})");
                    }
                    return PyUnicode.AsString(r);
                }
                finally
                {
                    Refcount.Decref(r);
                }
            }
            if (IsGroupType(t) && GroupStr(o) is string groupText)
            {
                return groupText;
            }
            if (IsSubtype(t, BaseException) && LookupInType(t, "__repr__") == null)
            {
                return ExceptionStr(o, t);
            }
        }
        return Repr(o);
    }

    public static string Ascii(string repr)
    {
        var sb = new StringBuilder();
        foreach (Rune r in repr.EnumerateRunes())
        {
            int v = r.Value;
            if (v < 128)
            {
                sb.Append((char)v);
            }
            else if (v < 256)
            {
                sb.Append($"\\x{v:x2}");
            }
            else if (v < 0x10000)
            {
                sb.Append($"\\u{v:x4}");
            }
            else
            {
                sb.Append($"\\U{v:x8}");
            }
        }
        return sb.ToString();
    }

    // ---- format() and the format-spec mini-language ----

    private readonly record struct Spec(char Fill, char Align, char Sign, bool Alt, bool Zero, long Width, char Grouping, long Precision, char Type);

    /// <summary>
    /// A padded field or a float's digits longer than this raise MemoryError, as a str
    /// repeat does: CPython would build it, but not within any sane heap.
    /// </summary>
    private const long MaxFormattedChars = 100_000_000;

    /// <summary>
    /// The text of one code point. Lone surrogates (U+D800..U+DFFF) are valid Python
    /// characters; char.ConvertFromUtf32 refuses them.
    /// </summary>
    public static string CodePointText(int c) => c < 0x10000 ? ((char)c).ToString() : char.ConvertFromUtf32(c);

    /// <summary>A width or precision of the mini-language: CPython reads a Py_ssize_t and refuses more digits.</summary>
    private long SpecNumber(ReadOnlySpan<char> digits)
    {
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n))
        {
            throw ValueErr("Too many decimal digits in format string");
        }
        return n;
    }

    private Spec ParseSpec(string spec)
    {
        int i = 0;
        char fill = ' ', align = '\0', sign = '\0', grouping = '\0', type = '\0';
        bool alt = false, zero = false;
        long width = -1, precision = -1;
        if (spec.Length >= 2 && spec[1] is '<' or '>' or '^' or '=')
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if (spec.Length >= 1 && spec[0] is '<' or '>' or '^' or '=')
        {
            align = spec[0];
            i = 1;
        }
        if (i < spec.Length && spec[i] is '+' or '-' or ' ')
        {
            sign = spec[i++];
        }
        if (i < spec.Length && spec[i] == '#')
        {
            alt = true;
            i++;
        }
        if (i < spec.Length && spec[i] == '0')
        {
            zero = true;
            i++;
        }
        int start = i;
        while (i < spec.Length && char.IsAsciiDigit(spec[i]))
        {
            i++;
        }
        if (i > start)
        {
            width = SpecNumber(spec.AsSpan(start, i - start));
        }
        if (i < spec.Length && spec[i] is ',' or '_')
        {
            grouping = spec[i++];
        }
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            start = i;
            while (i < spec.Length && char.IsAsciiDigit(spec[i]))
            {
                i++;
            }
            if (i == start)
            {
                throw ValueErr("Format specifier missing precision");
            }
            precision = SpecNumber(spec.AsSpan(start, i - start));
        }
        if (i < spec.Length)
        {
            type = spec[i++];
        }
        if (i < spec.Length)
        {
            throw ValueErr("Invalid format specifier");
        }
        return new Spec(fill, align, sign, alt, zero, width, grouping, precision, type);
    }

    /// <summary>format(value, spec).</summary>
    public string Format(PyObject* v, string spec)
    {
        if (IsInstanceLayout(v->ob_type))
        {
            PyObject* m = LookupInType(v->ob_type, "__format__");
            if (m != null)
            {
                PyObject* s = Str(spec);
                PyObject* r = CallWithSelf(m, v, [(nint)s]);
                try
                {
                    return StrOf(r);
                }
                finally
                {
                    Refcount.Decref(r);
                }
            }
            if (v->ob_type->tp_layout == null)
            {
                if (spec.Length > 0)
                {
                    throw TypeErr($"unsupported format string passed to {TypeName(v)}.__format__");
                }
                return StrOf(v);
            }
            // A class derived from a built-in formats as the built-in does.
        }
        if (spec.Length == 0)
        {
            return StrOf(v);
        }
        Spec s2 = ParseSpec(spec);
        if (IsInt(v) && s2.Type is not ('e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%'))
        {
            if (v->ob_type == St->type_bool && s2.Type == '\0')
            {
                return Pad(StrOf(v), s2, '<');
            }
            return FormatInt(PyLong.ToBigInteger(v), s2);
        }
        if (IsInt(v) || IsFloat(v))
        {
            return FormatFloat(ToDouble(v), s2);
        }
        if (IsStr(v))
        {
            if (s2.Type is not ('\0' or 's'))
            {
                throw ValueErr($"Unknown format code '{s2.Type}' for object of type 'str'");
            }
            string text = PyUnicode.AsString(v);
            if (s2.Precision >= 0 && text.Length > s2.Precision)
            {
                text = text[..(int)s2.Precision];
            }
            return Pad(text, s2, '<');
        }
        throw TypeErr($"unsupported format string passed to {TypeName(v)}.__format__");
    }

    private string FormatString(string text, string spec) => spec.Length == 0 ? text : Pad(text, ParseSpec(spec), '<');

    private string Pad(string body, Spec s, char defaultAlign, string prefix = "")
    {
        char align = s.Align == '\0' ? (s.Zero ? '=' : defaultAlign) : s.Align;
        char fill = s.Align == '\0' && s.Zero ? '0' : s.Fill;
        int total = prefix.Length + body.Length;
        if (s.Width <= total)
        {
            return prefix + body;
        }
        if (s.Width > MaxFormattedChars)
        {
            throw Error(MemoryError, "");
        }
        int pad = (int)s.Width - total;
        return align switch
        {
            '<' => prefix + body + new string(fill, pad),
            '>' => new string(fill, pad) + prefix + body,
            '^' => new string(fill, pad / 2) + prefix + body + new string(fill, pad - pad / 2),
            _ => prefix + new string(fill, pad) + body,
        };
    }

    private static string Group(string digits, char sep, int every)
    {
        if (sep == '\0')
        {
            return digits;
        }
        var sb = new StringBuilder();
        for (int i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % every == 0)
            {
                sb.Append(sep);
            }
            sb.Append(digits[i]);
        }
        return sb.ToString();
    }

    private string FormatInt(BigInteger x, Spec s)
    {
        if (s.Precision >= 0)
        {
            throw ValueErr("Precision not allowed in integer format specifier");
        }
        bool neg = x.Sign < 0;
        BigInteger a = BigInteger.Abs(x);
        string digits;
        string prefix = "";
        switch (s.Type)
        {
            case 'x':
            case 'X':
                digits = a.IsZero ? "0" : a.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
                if (s.Type == 'X')
                {
                    digits = digits.ToUpperInvariant();
                }
                prefix = s.Alt ? (s.Type == 'x' ? "0x" : "0X") : "";
                digits = Group(digits, s.Grouping == '_' ? '_' : '\0', 4);
                break;
            case 'o':
                digits = ToBase(a, 8);
                prefix = s.Alt ? "0o" : "";
                break;
            case 'b':
                digits = ToBase(a, 2);
                prefix = s.Alt ? "0b" : "";
                digits = Group(digits, s.Grouping == '_' ? '_' : '\0', 4);
                break;
            case 'c':
                if (x.Sign < 0 || x > 0x10FFFF)
                {
                    throw Error(OverflowError, "%c arg not in range(0x110000)");
                }
                return Pad(CodePointText((int)x), s, '<');
            case 'd':
            case 'n':
            case '\0':
                digits = a.ToString(CultureInfo.InvariantCulture);
                if (St->int_max_str_digits > 0 && digits.Length > St->int_max_str_digits)
                {
                    throw ValueErr(Objects.Long.LongDecimal.ToStringLimitMessage(St->int_max_str_digits));
                }
                digits = Group(digits, s.Grouping, 3);
                break;
            default:
                throw ValueErr($"Unknown format code '{s.Type}' for object of type 'int'");
        }
        string sign = neg ? "-" : s.Sign == '+' ? "+" : s.Sign == ' ' ? " " : "";
        return Pad(digits, s, '>', sign + prefix);
    }

    private static string ToBase(BigInteger a, int b)
    {
        if (a.IsZero)
        {
            return "0";
        }
        var sb = new StringBuilder();
        while (!a.IsZero)
        {
            sb.Insert(0, (char)('0' + (int)(a % b)));
            a /= b;
        }
        return sb.ToString();
    }

    private string FormatFloat(double d, Spec s)
    {
        bool neg = d < 0 || (d == 0 && double.IsNegative(d));
        double a = Math.Abs(d);
        string body;
        if (s.Precision > int.MaxValue)
        {
            throw ValueErr("precision too big");
        }
        if (s.Precision > MaxFormattedChars)
        {
            throw Error(MemoryError, "");
        }
        int p = s.Precision < 0 ? 6 : (int)s.Precision;
        switch (s.Type)
        {
            case 'f':
            case 'F':
                body = double.IsFinite(a) ? a.ToString("F" + p, CultureInfo.InvariantCulture) : FloatSpecial(a, s.Type == 'F');
                body = GroupFloat(body, s.Grouping);
                break;
            case '%':
                body = (a * 100).ToString("F" + p, CultureInfo.InvariantCulture) + "%";
                break;
            case 'e':
            case 'E':
                body = double.IsFinite(a) ? ExpFormat(a, p, s.Type) : FloatSpecial(a, s.Type == 'E');
                break;
            case 'g':
            case 'G':
            case '\0':
                if (s.Type == '\0' && s.Precision < 0)
                {
                    body = GroupFloat(PyFloat.Repr(a), s.Grouping);
                }
                else
                {
                    body = GeneralFormat(a, s.Precision < 0 ? (s.Type == '\0' ? 12 : 6) : Math.Max(p, 1), s.Type == 'G', s.Alt, s.Type == '\0');
                }
                break;
            default:
                throw ValueErr($"Unknown format code '{s.Type}' for object of type 'float'");
        }
        string sign = neg ? "-" : s.Sign == '+' ? "+" : s.Sign == ' ' ? " " : "";
        return Pad(body, s, '>', sign);
    }

    private static string FloatSpecial(double a, bool upper)
    {
        string r = double.IsNaN(a) ? "nan" : "inf";
        return upper ? r.ToUpperInvariant() : r;
    }

    private static string GroupFloat(string body, char sep)
    {
        if (sep == '\0')
        {
            return body;
        }
        int dot = body.IndexOfAny(['.', 'e']);
        string intPart = dot < 0 ? body : body[..dot];
        return Group(intPart, sep, 3) + (dot < 0 ? "" : body[dot..]);
    }

    private static string ExpFormat(double a, int p, char type)
    {
        string s = a.ToString((type == 'E' ? "E" : "e") + p, CultureInfo.InvariantCulture);
        // .NET writes e+006; Python writes e+06.
        int e = s.IndexOfAny(['e', 'E']);
        string mant = s[..e];
        string exp = s[(e + 1)..];
        char sign = exp[0];
        string digits = exp[1..].TrimStart('0');
        if (digits.Length < 2)
        {
            digits = digits.PadLeft(2, '0');
        }
        return $"{mant}{s[e]}{sign}{digits}";
    }

    private static string GeneralFormat(double a, int p, bool upper, bool alt, bool noType)
    {
        if (!double.IsFinite(a))
        {
            return FloatSpecial(a, upper);
        }
        if (a == 0)
        {
            return noType ? "0.0" : "0";
        }
        int exp = (int)Math.Floor(Math.Log10(a));
        string rounded = ExpFormat(a, p - 1, 'e');
        exp = int.Parse(rounded[(rounded.IndexOf('e') + 1)..], CultureInfo.InvariantCulture);
        string body;
        if (exp >= -4 && exp < p)
        {
            body = a.ToString("F" + Math.Max(p - 1 - exp, 0), CultureInfo.InvariantCulture);
            if (!alt && body.Contains('.'))
            {
                body = body.TrimEnd('0').TrimEnd('.');
            }
            if (noType && !body.Contains('.'))
            {
                body += ".0";
            }
        }
        else
        {
            string m = rounded[..rounded.IndexOf('e')];
            if (!alt && m.Contains('.'))
            {
                m = m.TrimEnd('0').TrimEnd('.');
            }
            body = m + rounded[rounded.IndexOf('e')..];
            if (upper)
            {
                body = body.ToUpperInvariant();
            }
        }
        return body;
    }

    /// <summary>printf-style <c>str % args</c>.</summary>
    public string PercentFormat(string fmt, PyObject* args)
    {
        var values = new List<nint>();
        if (IsTuple(args))
        {
            for (nint i = 0; i < PyTuple.Size(args); i++)
            {
                values.Add((nint)PyTuple.Items(args)[i]);
            }
        }
        else
        {
            values.Add((nint)args);
        }
        var sb = new StringBuilder();
        int next = 0;
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            i++;
            if (i >= fmt.Length)
            {
                throw ValueErr("incomplete format");
            }
            if (fmt[i] == '%')
            {
                sb.Append('%');
                continue;
            }
            PyObject* mapped = null;
            if (fmt[i] == '(')
            {
                int close = fmt.IndexOf(')', i);
                if (close < 0 || !IsDict(args))
                {
                    throw TypeErr("format requires a mapping");
                }
                PyObject* key = Str(fmt[(i + 1)..close]);
                mapped = PyDict.GetItem(args, key);
                if (mapped == null)
                {
                    PyObject* e = NewKeyError(key);
                    Refcount.Decref(key);
                    throw new PythonException(e);
                }
                Refcount.Decref(key);
                i = close + 1;
            }
            int start = i;
            while (i < fmt.Length && "-+ #0123456789.".Contains(fmt[i]))
            {
                i++;
            }
            string flags = fmt[start..i];
            char type = fmt[i];
            if (mapped == null && next >= values.Count)
            {
                throw TypeErr("not enough arguments for format string");
            }
            var v = mapped != null ? mapped : (PyObject*)values[next++];
            string spec = flags.StartsWith('-') ? "<" + flags[1..] : flags;
            switch (type)
            {
                case 's':
                    sb.Append(FormatString(StrOf(v), spec.Replace("<", "", StringComparison.Ordinal).Length == spec.Length ? (spec.Length > 0 ? ">" + spec : "") : spec));
                    break;
                case 'r':
                    sb.Append(FormatString(Repr(v), spec.Length > 0 && spec[0] != '<' ? ">" + spec : spec));
                    break;
                case 'd':
                case 'i':
                    if (!IsInt(v) && !IsFloat(v))
                    {
                        throw TypeErr($"%{type} format: a real number is required, not {TypeName(v)}");
                    }
                    {
                        PyObject* iv = IsFloat(v) ? Int(new BigInteger(Math.Truncate(PyFloat.Value(v)))) : NewRef(v);
                        try
                        {
                            sb.Append(Format(iv, spec + "d"));
                        }
                        finally
                        {
                            Refcount.Decref(iv);
                        }
                    }
                    break;
                case 'f':
                case 'e':
                case 'g':
                case 'x':
                case 'X':
                case 'o':
                    sb.Append(Format(v, spec + type));
                    break;
                default:
                    throw ValueErr($"unsupported format character '{type}' (0x{(int)type:x}) at index {i}");
            }
        }
        if (next > 0 && next < values.Count && IsTuple(args))
        {
            throw TypeErr("not all arguments converted during string formatting");
        }
        return sb.ToString();
    }

    /// <summary>
    /// weakref_repr's " (name)" suffix: the referent's <c>__name__</c> when its type defines
    /// one, as classes and functions do (an instance of a class has none).
    /// </summary>
    private string ReferentName(PyObject* r)
    {
        if (r->ob_type == St->type_type)
        {
            string full = NameOfType((PyTypeObject*)r);
            return $" ({full[(full.LastIndexOf('.') + 1)..]})";
        }
        return r->ob_type == T.Function ? $" ({PyUnicode.AsString(((PyFunctionObject*)r)->func_name)})" : "";
    }
}
