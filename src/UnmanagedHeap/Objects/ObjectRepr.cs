using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Objects;

/// <summary>
/// repr() of built-in objects as .NET text, for the C# API, the demo and inspection tools.
/// (The script runner has its own repr that also calls <c>__repr__</c> methods.)
/// Recursion is bounded: deep or self-containing containers print <c>[...]</c>.
/// </summary>
public static unsafe class ObjectRepr
{
    public static string Repr(PyObject* op, int depth = 0)
    {
        PyTypeObject* type = op->ob_type;
        HeapState* st = type->tp_heap;
        if (depth > 20)
        {
            return "...";
        }
        if (op == st->none)
        {
            return "None";
        }
        if (op == st->true_obj)
        {
            return "True";
        }
        if (op == st->false_obj)
        {
            return "False";
        }
        if (type == st->type_int)
        {
            return Long.LongDecimal.ToDecimalString(op, st->int_max_str_digits);
        }
        if (type == st->type_float)
        {
            return PyFloat.Repr(PyFloat.Value(op));
        }
        if (type == st->type_str)
        {
            return QuoteString(PyUnicode.AsString(op));
        }
        if (type == st->type_bytes)
        {
            return PyBytes.Repr(PyBytes.AsSpan(op));
        }
        if (type == st->type_bytearray)
        {
            return $"bytearray({PyBytes.Repr(PyByteArray.AsSpan(op), bytearray: true)})";
        }
        if (type == st->type_list || type == st->type_tuple)
        {
            bool list = type == st->type_list;
            nint n = list ? PyList.Size(op) : PyTuple.Size(op);
            PyObject** items = list ? PyList.Items(op) : PyTuple.Items(op);
            var sb = new StringBuilder(list ? "[" : "(");
            for (nint i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }
                sb.Append(items[i] == op ? (list ? "[...]" : "(...)") : Repr(items[i], depth + 1));
            }
            if (!list && n == 1)
            {
                sb.Append(',');
            }
            return sb.Append(list ? ']' : ')').ToString();
        }
        if (type == st->type_dict)
        {
            var sb = new StringBuilder("{");
            nint pos = 0;
            bool first = true;
            while (PyDict.Next(op, ref pos, out PyObject* key, out PyObject* value))
            {
                if (!first)
                {
                    sb.Append(", ");
                }
                first = false;
                sb.Append(Repr(key, depth + 1)).Append(": ").Append(value == op ? "{...}" : Repr(value, depth + 1));
            }
            return sb.Append('}').ToString();
        }
        if (type == st->type_set || type == st->type_frozenset)
        {
            if (PySet.Size(op) == 0)
            {
                return type == st->type_set ? "set()" : "frozenset()";
            }
            var parts = new List<string>();
            nint pos = 0;
            while (PySet.Next(op, ref pos, out PyObject* key))
            {
                parts.Add(Repr(key, depth + 1));
            }
            string body = "{" + string.Join(", ", parts) + "}";
            return type == st->type_set ? body : $"frozenset({body})";
        }
        if (type == st->type_type)
        {
            return $"<class '{TypeRegistry.NameOf((PyTypeObject*)op)}'>";
        }
        if (type == st->type_weakref_ref)
        {
            PyObject* referent = PyWeakref.Referent(op);
            return referent == st->none
                ? $"<weakref at 0x{(nint)op:x}; dead>"
                : $"<weakref at 0x{(nint)op:x}; to '{TypeRegistry.NameOf(referent->ob_type)}' at 0x{(nint)referent:x}>";
        }
        string name = TypeRegistry.NameOf(type);
        string module = (type->tp_flags & TypeFlags.HeapType) != 0 ? "__main__." : "";
        return $"<{module}{name} object at 0x{(nint)op:x}>";
    }

    /// <summary>Python's str repr: single quotes unless the text has a single quote and no double quote.</summary>
    public static string QuoteString(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
                sb.Append(c).Append(s[++i]);
                continue;
            }
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (cp < 0x20 || cp == 0x7f)
                    {
                        sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (cp >= 0x80 && !IsPrintable(cp))
                    {
                        sb.Append(cp <= 0xff ? "\\x" + cp.ToString("x2", CultureInfo.InvariantCulture)
                            : cp <= 0xffff ? "\\u" + cp.ToString("x4", CultureInfo.InvariantCulture)
                            : "\\U" + cp.ToString("x8", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>An approximation of Python's str.isprintable for one code point.</summary>
    public static bool IsPrintable(int cp)
    {
        if (cp == 0xa0 || cp == 0xad)
        {
            return false;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator) || cp == ' ';
    }
}
