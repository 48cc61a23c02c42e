using System.Globalization;
using System.Text;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    private delegate string StrFn(string s);

    private void StrMethod(string name, StrFn fn) =>
        Method(St->type_str, name, (self, a, _) =>
        {
            Arity(name, a, 0, 0);
            return Str(fn(PyUnicode.AsString(self)));
        });

    private void StrPredicate(string name, Func<string, bool> fn) =>
        Method(St->type_str, name, (self, a, _) =>
        {
            Arity(name, a, 0, 0);
            return Bool(fn(PyUnicode.AsString(self)));
        });

    private string? OptStr(nint[] a, int i, string func)
    {
        if (a.Length <= i || A(a, i) == St->none)
        {
            return null;
        }
        return AsStr(A(a, i), $"{func}() argument");
    }

    private void RegisterStrMethods()
    {
        PyTypeObject* str = St->type_str;
        StrMethod("upper", s => s.ToUpperInvariant());
        StrMethod("lower", s => s.ToLowerInvariant());
        StrMethod("casefold", s => s.ToLowerInvariant());
        StrMethod("swapcase", s => new string(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray()));
        StrMethod("capitalize", s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant());
        StrMethod("title", Title);
        StrPredicate("isupper", s => s.Any(char.IsLetter) && !s.Any(char.IsLower));
        StrPredicate("islower", s => s.Any(char.IsLetter) && !s.Any(char.IsUpper));
        StrPredicate("isdigit", s => s.Length > 0 && s.All(char.IsDigit));
        StrPredicate("isdecimal", s => s.Length > 0 && s.All(char.IsDigit));
        StrPredicate("isnumeric", s => s.Length > 0 && s.All(char.IsNumber));
        StrPredicate("isalpha", s => s.Length > 0 && s.All(char.IsLetter));
        StrPredicate("isalnum", s => s.Length > 0 && s.All(char.IsLetterOrDigit));
        StrPredicate("isspace", s => s.Length > 0 && s.All(char.IsWhiteSpace));
        StrPredicate("isascii", s => s.All(c => c < 128));
        StrPredicate("isidentifier", s => s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_'));
        StrPredicate("istitle", s => s.Any(char.IsLetter) && Title(s) == s);
        Method(str, "strip", (self, a, _) => Str(StripChars(PyUnicode.AsString(self), OptStr(a, 0, "strip"), true, true)));
        Method(str, "lstrip", (self, a, _) => Str(StripChars(PyUnicode.AsString(self), OptStr(a, 0, "lstrip"), true, false)));
        Method(str, "rstrip", (self, a, _) => Str(StripChars(PyUnicode.AsString(self), OptStr(a, 0, "rstrip"), false, true)));
        Method(str, "split", (self, a, kw) => SplitStr(self, a, kw, fromRight: false));
        Method(str, "rsplit", (self, a, kw) => SplitStr(self, a, kw, fromRight: true));
        Method(str, "splitlines", (self, a, kw) =>
        {
            string s = PyUnicode.AsString(self);
            bool keep = (a.Length > 0 && IsTrue(A(a, 0))) || KwTrue(kw, "keepends");
            var parts = new List<nint>();
            int start = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] is '\n' or '\r')
                {
                    int end = i;
                    if (s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                    {
                        i++;
                    }
                    parts.Add((nint)Str(keep ? s[start..(i + 1)] : s[start..end]));
                    start = i + 1;
                }
            }
            if (start < s.Length)
            {
                parts.Add((nint)Str(s[start..]));
            }
            return ListSteal(parts);
        });
        Method(str, "join", (self, a, _) =>
        {
            Arity("join", a, 1, 1);
            List<nint> items = CollectItems(A(a, 0), unpacking: false);
            try
            {
                var parts = new List<string>();
                for (int i = 0; i < items.Count; i++)
                {
                    var x = (PyObject*)items[i];
                    if (!IsStr(x))
                    {
                        throw TypeErr($"sequence item {i}: expected str instance, {TypeName(x)} found");
                    }
                    parts.Add(PyUnicode.AsString(x));
                }
                return Str(string.Join(PyUnicode.AsString(self), parts));
            }
            finally
            {
                foreach (nint x in items)
                {
                    Refcount.Decref((PyObject*)x);
                }
            }
        });
        Method(str, "replace", (self, a, _) =>
        {
            Arity("replace", a, 2, 3);
            string s = PyUnicode.AsString(self);
            string old = AsStr(A(a, 0), "replace() argument 1");
            string @new = AsStr(A(a, 1), "replace() argument 2");
            long count = a.Length == 3 ? ToLong(A(a, 2)) : -1;
            if (count < 0)
            {
                return Str(old.Length == 0 ? InsertBetween(s, @new) : s.Replace(old, @new, StringComparison.Ordinal));
            }
            var sb = new StringBuilder();
            int pos = 0;
            for (long n = 0; n < count; n++)
            {
                int i = s.IndexOf(old, pos, StringComparison.Ordinal);
                if (i < 0 || old.Length == 0)
                {
                    break;
                }
                sb.Append(s, pos, i - pos).Append(@new);
                pos = i + old.Length;
            }
            return Str(sb.Append(s, pos, s.Length - pos).ToString());
        });
        Method(str, "startswith", (self, a, _) => Bool(AffixMatch(self, a, start: true)));
        Method(str, "endswith", (self, a, _) => Bool(AffixMatch(self, a, start: false)));
        Method(str, "find", (self, a, _) => Int(FindStr(self, a, "find", right: false)));
        Method(str, "rfind", (self, a, _) => Int(FindStr(self, a, "rfind", right: true)));
        Method(str, "index", (self, a, _) =>
        {
            long i = FindStr(self, a, "index", right: false);
            return i < 0 ? throw ValueErr("substring not found") : Int(i);
        });
        Method(str, "rindex", (self, a, _) =>
        {
            long i = FindStr(self, a, "rindex", right: true);
            return i < 0 ? throw ValueErr("substring not found") : Int(i);
        });
        Method(str, "count", (self, a, _) =>
        {
            Arity("count", a, 1, 3);
            string s = Window(PyUnicode.AsString(self), a, 1, out int _);
            string sub = AsStr(A(a, 0), "must be str");
            if (sub.Length == 0)
            {
                return Int(s.Length + 1);
            }
            int n = 0, pos = 0;
            while ((pos = s.IndexOf(sub, pos, StringComparison.Ordinal)) >= 0)
            {
                n++;
                pos += sub.Length;
            }
            return Int(n);
        });
        Method(str, "zfill", (self, a, _) =>
        {
            Arity("zfill", a, 1, 1);
            string s = PyUnicode.AsString(self);
            int w = (int)ToLong(A(a, 0));
            if (s.Length >= w)
            {
                return NewRef(self);
            }
            string sign = s.Length > 0 && s[0] is '+' or '-' ? s[..1] : "";
            return Str(sign + new string('0', w - s.Length) + s[sign.Length..]);
        });
        Method(str, "center", (self, a, _) => Str(Justify(self, a, "center", '^')));
        Method(str, "ljust", (self, a, _) => Str(Justify(self, a, "ljust", '<')));
        Method(str, "rjust", (self, a, _) => Str(Justify(self, a, "rjust", '>')));
        Method(str, "partition", (self, a, _) => Partition(self, a, right: false));
        Method(str, "rpartition", (self, a, _) => Partition(self, a, right: true));
        Method(str, "removeprefix", (self, a, _) =>
        {
            string s = PyUnicode.AsString(self), p = AsStr(A(a, 0), "removeprefix() argument");
            return Str(s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s);
        });
        Method(str, "removesuffix", (self, a, _) =>
        {
            string s = PyUnicode.AsString(self), p = AsStr(A(a, 0), "removesuffix() argument");
            return Str(p.Length > 0 && s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s);
        });
        Method(str, "expandtabs", (self, a, _) =>
        {
            int size = a.Length > 0 ? (int)ToLong(A(a, 0)) : 8;
            var sb = new StringBuilder();
            int col = 0;
            foreach (char c in PyUnicode.AsString(self))
            {
                if (c == '\t')
                {
                    int n = size > 0 ? size - col % size : 0;
                    sb.Append(' ', n);
                    col += n;
                }
                else
                {
                    sb.Append(c);
                    col = c is '\n' or '\r' ? 0 : col + 1;
                }
            }
            return Str(sb.ToString());
        });
        Method(str, "format", (self, a, kw) => Str(StrFormat(PyUnicode.AsString(self), a, kw)));
        Method(str, "encode", (self, a, kw) =>
        {
            CheckKw("encode", kw, "encoding", "errors");
            Arity("encode", a, 0, 2);
            PyObject* enc = a.Length > 0 ? A(a, 0) : Kw(kw, "encoding");
            PyObject* errs = a.Length > 1 ? A(a, 1) : Kw(kw, "errors");
            return NewBytes(EncodeStr(PyUnicode.AsString(self), enc, errs, "encode"));
        });
    }

    private static string InsertBetween(string s, string ins)
    {
        var sb = new StringBuilder(ins);
        foreach (char c in s)
        {
            sb.Append(c).Append(ins);
        }
        return sb.ToString();
    }

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool prevCased = false;
        foreach (char c in s)
        {
            sb.Append(prevCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            prevCased = char.IsLetter(c);
        }
        return sb.ToString();
    }

    private static string StripChars(string s, string? chars, bool left, bool right)
    {
        if (chars == null)
        {
            return left && right ? s.Trim() : left ? s.TrimStart() : s.TrimEnd();
        }
        char[] set = chars.ToCharArray();
        return left && right ? s.Trim(set) : left ? s.TrimStart(set) : s.TrimEnd(set);
    }

    private PyObject* SplitStr(PyObject* self, nint[] a, KwArgs? kw, bool fromRight)
    {
        string s = PyUnicode.AsString(self);
        PyObject* sepObj = a.Length > 0 ? A(a, 0) : Kw(kw, "sep");
        PyObject* maxObj = a.Length > 1 ? A(a, 1) : Kw(kw, "maxsplit");
        long max = maxObj == null ? -1 : ToLong(maxObj);
        var parts = new List<string>();
        if (sepObj == null || sepObj == St->none)
        {
            string[] words = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (max < 0 || words.Length <= max)
            {
                parts.AddRange(words);
            }
            else if (!fromRight)
            {
                // Keep the remainder as written after max splits.
                string rest = s.TrimStart();
                for (long i = 0; i < max; i++)
                {
                    int end = 0;
                    while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
                    {
                        end++;
                    }
                    parts.Add(rest[..end]);
                    rest = rest[end..].TrimStart();
                }
                if (rest.Length > 0)
                {
                    parts.Add(rest);
                }
            }
            else
            {
                string rest = s.TrimEnd();
                var back = new List<string>();
                for (long i = 0; i < max; i++)
                {
                    int start = rest.Length;
                    while (start > 0 && !char.IsWhiteSpace(rest[start - 1]))
                    {
                        start--;
                    }
                    back.Insert(0, rest[start..]);
                    rest = rest[..start].TrimEnd();
                }
                if (rest.Length > 0)
                {
                    parts.Add(rest);
                }
                parts.AddRange(back);
            }
        }
        else
        {
            string sep = AsStr(sepObj, "must be str or None");
            if (sep.Length == 0)
            {
                throw ValueErr("empty separator");
            }
            string[] all = s.Split(sep);
            if (max < 0 || all.Length - 1 <= max)
            {
                parts.AddRange(all);
            }
            else if (!fromRight)
            {
                parts.AddRange(all.Take((int)max));
                parts.Add(string.Join(sep, all.Skip((int)max)));
            }
            else
            {
                parts.Add(string.Join(sep, all.Take(all.Length - (int)max)));
                parts.AddRange(all.Skip(all.Length - (int)max));
            }
        }
        return ListSteal(parts.Select(p => (nint)Str(p)).ToList());
    }

    private string Window(string s, nint[] a, int first, out int offset)
    {
        long n = s.Length;
        long start = a.Length > first && A(a, first) != St->none ? ToLong(A(a, first)) : 0;
        long end = a.Length > first + 1 && A(a, first + 1) != St->none ? ToLong(A(a, first + 1)) : n;
        if (start < 0)
        {
            start = Math.Max(0, start + n);
        }
        if (end < 0)
        {
            end = Math.Max(0, end + n);
        }
        start = Math.Min(start, n);
        end = Math.Min(end, n);
        offset = (int)start;
        return end <= start ? "" : s[(int)start..(int)end];
    }

    private long FindStr(PyObject* self, nint[] a, string name, bool right)
    {
        Arity(name, a, 1, 3);
        string sub = AsStr(A(a, 0), "must be str");
        string s = PyUnicode.AsString(self);
        string w = Window(s, a, 1, out int offset);
        if (a.Length > 1 && A(a, 1) != St->none && ToLong(A(a, 1)) > s.Length)
        {
            return -1;
        }
        int i = right ? w.LastIndexOf(sub, StringComparison.Ordinal) : w.IndexOf(sub, StringComparison.Ordinal);
        return i < 0 ? -1 : i + offset;
    }

    private bool AffixMatch(PyObject* self, nint[] a, bool start)
    {
        Arity(start ? "startswith" : "endswith", a, 1, 3);
        string s = Window(PyUnicode.AsString(self), a, 1, out int _);
        PyObject* p = A(a, 0);
        if (IsTuple(p))
        {
            for (nint i = 0; i < PyTuple.Size(p); i++)
            {
                string x = AsStr(PyTuple.Items(p)[i], "tuple for startswith must only contain str");
                if (start ? s.StartsWith(x, StringComparison.Ordinal) : s.EndsWith(x, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
        if (!IsStr(p))
        {
            throw TypeErr($"{(start ? "startswith" : "endswith")} first arg must be str or a tuple of str, not {TypeName(p)}");
        }
        string t = PyUnicode.AsString(p);
        return start ? s.StartsWith(t, StringComparison.Ordinal) : s.EndsWith(t, StringComparison.Ordinal);
    }

    private string Justify(PyObject* self, nint[] a, string name, char align)
    {
        Arity(name, a, 1, 2);
        string s = PyUnicode.AsString(self);
        int width = (int)ToLong(A(a, 0));
        char fill = a.Length == 2 ? AsStr(A(a, 1), $"{name}() argument 2")[0] : ' ';
        if (width <= s.Length)
        {
            return s;
        }
        int pad = width - s.Length;
        if (align == '^')
        {
            // CPython's centering puts the extra space on the right unless the width and length parities say otherwise.
            int left = pad / 2 + (pad & width & 1);
            return new string(fill, left) + s + new string(fill, pad - left);
        }
        return align == '<' ? s + new string(fill, pad) : new string(fill, pad) + s;
    }

    private PyObject* Partition(PyObject* self, nint[] a, bool right)
    {
        Arity(right ? "rpartition" : "partition", a, 1, 1);
        string s = PyUnicode.AsString(self);
        string sep = AsStr(A(a, 0), "must be str");
        if (sep.Length == 0)
        {
            throw ValueErr("empty separator");
        }
        int i = right ? s.LastIndexOf(sep, StringComparison.Ordinal) : s.IndexOf(sep, StringComparison.Ordinal);
        string[] parts = i < 0
            ? (right ? ["", "", s] : [s, "", ""])
            : [s[..i], sep, s[(i + sep.Length)..]];
        var items = parts.Select(p => (nint)Str(p)).ToList();
        return TupleSteal(items);
    }

    /// <summary>str.format: {} {0} {name} {x.attr} {x[0]} with !r/!s and format specs.</summary>
    private string StrFormat(string fmt, nint[] a, KwArgs? kw)
    {
        var sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c == '{')
            {
                if (i + 1 < fmt.Length && fmt[i + 1] == '{')
                {
                    sb.Append('{');
                    i++;
                    continue;
                }
                int depth = 1, j = i + 1;
                while (j < fmt.Length && depth > 0)
                {
                    if (fmt[j] == '{')
                    {
                        depth++;
                    }
                    else if (fmt[j] == '}')
                    {
                        depth--;
                    }
                    j++;
                }
                if (depth != 0)
                {
                    throw ValueErr("Single '{' encountered in format string");
                }
                string field = fmt[(i + 1)..(j - 1)];
                i = j - 1;
                string spec = "";
                char conv = '\0';
                int colon = field.IndexOf(':');
                if (colon >= 0)
                {
                    spec = StrFormat(field[(colon + 1)..], a, kw);
                    field = field[..colon];
                }
                int bang = field.IndexOf('!');
                if (bang >= 0)
                {
                    conv = field[bang + 1];
                    field = field[..bang];
                }
                int end = 0;
                while (end < field.Length && field[end] != '.' && field[end] != '[')
                {
                    end++;
                }
                string head = field[..end];
                PyObject* v;
                if (head.Length == 0)
                {
                    if (auto >= a.Length)
                    {
                        throw Error(IndexError, $"Replacement index {auto} out of range for positional args tuple");
                    }
                    v = NewRef(A(a, auto++));
                }
                else if (int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out int idx))
                {
                    if (idx >= a.Length)
                    {
                        throw Error(IndexError, $"Replacement index {idx} out of range for positional args tuple");
                    }
                    v = NewRef(A(a, idx));
                }
                else
                {
                    PyObject* kv = Kw(kw, head);
                    if (kv == null)
                    {
                        PyObject* key = Str(head);
                        PyObject* e = NewKeyError(key);
                        Refcount.Decref(key);
                        throw new PythonException(e);
                    }
                    v = NewRef(kv);
                }
                string rest = field[end..];
                while (rest.Length > 0)
                {
                    PyObject* next;
                    if (rest[0] == '.')
                    {
                        int k = 1;
                        while (k < rest.Length && rest[k] != '.' && rest[k] != '[')
                        {
                            k++;
                        }
                        next = GetAttr(v, rest[1..k]);
                        rest = rest[k..];
                    }
                    else
                    {
                        int close = rest.IndexOf(']');
                        string keyText = rest[1..close];
                        PyObject* key = int.TryParse(keyText, out int ki) ? Int(ki) : Str(keyText);
                        try
                        {
                            next = GetItem(v, key);
                        }
                        finally
                        {
                            Refcount.Decref(key);
                        }
                        rest = rest[(close + 1)..];
                    }
                    Refcount.Decref(v);
                    v = next;
                }
                try
                {
                    sb.Append(conv switch
                    {
                        'r' => FormatString(Repr(v), spec),
                        's' => FormatString(StrOf(v), spec),
                        'a' => FormatString(Ascii(Repr(v)), spec),
                        _ => Format(v, spec),
                    });
                }
                finally
                {
                    Refcount.Decref(v);
                }
            }
            else if (c == '}')
            {
                if (i + 1 < fmt.Length && fmt[i + 1] == '}')
                {
                    i++;
                }
                else
                {
                    throw ValueErr("Single '}' encountered in format string");
                }
                sb.Append('}');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
