using System.Globalization;
using System.Numerics;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Objects.Long;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    private void RegisterConstructors()
    {
        Constructor(St->type_int, "int", (_, a, kw) =>
        {
            Arity("int", a, 0, 2);
            if (a.Length == 0)
            {
                return Int(0);
            }
            PyObject* v = A(a, 0);
            int radix = a.Length == 2 ? (int)ToLong(A(a, 1)) : (Kw(kw, "base") != null ? (int)ToLong(Kw(kw, "base")) : -1);
            if (IsStr(v))
            {
                return ParseInt(PyUnicode.AsString(v), radix < 0 ? 10 : radix);
            }
            if (IsBytes(v) || IsByteArray(v))
            {
                // int(b"12"): the bytes are read as ASCII text, as CPython's _PyLong_FromBytes does.
                return ParseInt(System.Text.Encoding.Latin1.GetString(BytesDataOrNull(v)!), radix < 0 ? 10 : radix);
            }
            if (radix >= 0)
            {
                throw TypeErr("int() can't convert non-string with explicit base");
            }
            if (IsInt(v))
            {
                return Int(PyLong.ToBigInteger(v));
            }
            if (IsFloat(v))
            {
                double d = PyFloat.Value(v);
                if (double.IsNaN(d))
                {
                    throw ValueErr("cannot convert float NaN to integer");
                }
                if (double.IsInfinity(d))
                {
                    throw Error(OverflowError, "cannot convert float infinity to integer");
                }
                return Int(new BigInteger(Math.Truncate(d)));
            }
            PyObject* m = UserSpecial(v, "__int__") != null ? UserSpecial(v, "__int__") : UserSpecial(v, "__index__");
            if (m != null)
            {
                return CallWithSelf(m, v, []);
            }
            throw TypeErr($"int() argument must be a string, a bytes-like object or a real number, not '{TypeName(v)}'");
        });
        Constructor(St->type_float, "float", (_, a, _) =>
        {
            Arity("float", a, 0, 1);
            if (a.Length == 0)
            {
                return Float(0);
            }
            PyObject* v = A(a, 0);
            if (IsFloat(v))
            {
                // float(x) of a float subclass is a plain float.
                return v->ob_type == St->type_float ? NewRef(v) : Float(PyFloat.Value(v));
            }
            if (IsInt(v))
            {
                return Float(ToDouble(v));
            }
            if (IsStr(v))
            {
                string s = PyUnicode.AsString(v).Trim().Replace("_", "", StringComparison.Ordinal);
                string low = s.ToLowerInvariant();
                if (low is "inf" or "+inf" or "infinity" or "+infinity")
                {
                    return Float(double.PositiveInfinity);
                }
                if (low is "-inf" or "-infinity")
                {
                    return Float(double.NegativeInfinity);
                }
                if (low is "nan" or "+nan" or "-nan")
                {
                    return Float(double.NaN);
                }
                if (s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                {
                    return Float(d);
                }
                throw ValueErr($"could not convert string to float: {Repr(v)}");
            }
            PyObject* m = UserSpecial(v, "__float__");
            if (m != null)
            {
                return CallWithSelf(m, v, []);
            }
            throw TypeErr($"float() argument must be a string or a real number, not '{TypeName(v)}'");
        });
        Constructor(St->type_str, "str", (_, a, kw) =>
        {
            if (a.Length > 1 || kw != null)
            {
                return StrFromEncoded(a, kw);
            }
            Arity("str", a, 0, 1);
            return a.Length == 0 ? NewRef(St->empty_str) : (IsStr(A(a, 0)) ? NewRef(A(a, 0)) : Str(StrOf(A(a, 0))));
        });
        Constructor(St->type_bool, "bool", (_, a, _) =>
        {
            Arity("bool", a, 0, 1);
            return Bool(a.Length == 1 && IsTrue(A(a, 0)));
        });
        Constructor(St->type_list, "list", (_, a, _) =>
        {
            Arity("list", a, 0, 1);
            PyObject* l = PyList.New(St);
            if (a.Length == 1)
            {
                try
                {
                    ListExtend(l, A(a, 0));
                }
                catch
                {
                    Refcount.Decref(l);
                    throw;
                }
            }
            return l;
        });
        Constructor(St->type_tuple, "tuple", (_, a, _) =>
        {
            Arity("tuple", a, 0, 1);
            if (a.Length == 0)
            {
                return NewRef(St->empty_tuple);
            }
            if (IsTuple(A(a, 0)))
            {
                return NewRef(A(a, 0));
            }
            List<nint> items = CollectItems(A(a, 0), unpacking: false);
            return items.Count == 0 ? NewRef(St->empty_tuple) : TupleSteal(items);
        });
        Constructor(St->type_dict, "dict", (_, a, kw) =>
        {
            Arity("dict", a, 0, 1);
            PyObject* d = PyDict.New(St);
            try
            {
                if (a.Length == 1)
                {
                    DictUpdate(d, A(a, 0));
                }
                if (kw != null)
                {
                    foreach (var (n, v) in kw)
                    {
                        PyObject* k = Str(n);
                        PyDict.SetItem(d, k, (PyObject*)v);
                        Refcount.Decref(k);
                    }
                }
            }
            catch
            {
                Refcount.Decref(d);
                throw;
            }
            return d;
        });
        BuiltinFn setCtor = (self, a, _) =>
        {
            Arity(NameOfType((PyTypeObject*)self), a, 0, 1);
            PyObject* s = PySet.New((PyTypeObject*)self);
            if (a.Length == 1)
            {
                try
                {
                    SetAddIterable(s, A(a, 0));
                }
                catch
                {
                    Refcount.Decref(s);
                    throw;
                }
            }
            return s;
        };
        Constructor(St->type_set, "set", setCtor);
        Constructor(St->type_frozenset, "frozenset", setCtor);
        Constructor(St->type_object, "object", (_, a, _) =>
        {
            if (a.Length > 0)
            {
                throw TypeErr("object() takes no arguments");
            }
            return ObjectMemory.Allocate(St->type_object);
        });
        Constructor(St->type_type, "type", (_, a, kw) =>
        {
            if (a.Length == 3)
            {
                return (PyObject*)TypeNewFromArgs(St->type_type, A(a, 0), A(a, 1), A(a, 2), kw);
            }
            if (a.Length != 1)
            {
                throw TypeErr("type() takes 1 or 3 arguments");
            }
            return NewRef((PyObject*)A(a, 0)->ob_type);
        });
        Constructor(T.Range, "range", (_, a, _) =>
        {
            Arity("range", a, 1, 3);
            foreach (nint x in a)
            {
                if (!IsInt((PyObject*)x))
                {
                    throw TypeErr($"'{TypeName((PyObject*)x)}' object cannot be interpreted as an integer");
                }
            }
            long start = a.Length == 1 ? 0 : ToLong(A(a, 0));
            long stop = a.Length == 1 ? ToLong(A(a, 0)) : ToLong(A(a, 1));
            long step = a.Length == 3 ? ToLong(A(a, 2)) : 1;
            if (step == 0)
            {
                throw ValueErr("range() arg 3 must not be zero");
            }
            return NewRange(start, stop, step);
        });
        Constructor(T.Slice, "slice", (_, a, _) =>
        {
            Arity("slice", a, 1, 3);
            PyObject* s = ScriptTypes.New(T.Slice);
            var so = (PySliceObject*)s;
            so->start = NewRef(a.Length == 1 ? St->none : A(a, 0));
            so->stop = NewRef(a.Length == 1 ? A(a, 0) : A(a, 1));
            so->step = NewRef(a.Length == 3 ? A(a, 2) : St->none);
            return s;
        });
        RegisterBytesConstructors();
        RegisterMethods();
        RegisterDescriptors();
    }

    private PyObject* ParseInt(string text, int radix)
    {
        string s = text.Trim();
        bool neg = false, prefixed = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            neg = s[0] == '-';
            s = s[1..];
        }
        if (radix == 0 || radix == 16 || radix == 8 || radix == 2)
        {
            string low = s.ToLowerInvariant();
            if (low.StartsWith("0x", StringComparison.Ordinal) && radix is 0 or 16)
            {
                radix = 16;
                s = s[2..];
                prefixed = true;
            }
            else if (low.StartsWith("0o", StringComparison.Ordinal) && radix is 0 or 8)
            {
                radix = 8;
                s = s[2..];
                prefixed = true;
            }
            else if (low.StartsWith("0b", StringComparison.Ordinal) && radix is 0 or 2)
            {
                radix = 2;
                s = s[2..];
                prefixed = true;
            }
            else if (radix == 0)
            {
                radix = 10;
            }
        }
        // Underscores may stand singly between digits, or right after a base prefix.
        bool ok = s.Length > 0 && !s.Contains("__", StringComparison.Ordinal) && !s.EndsWith('_') && (prefixed || !s.StartsWith('_'));
        s = s.Replace("_", "", StringComparison.Ordinal);
        ok &= s.Length > 0;
        foreach (char c in s)
        {
            int d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= radix)
            {
                ok = false;
                break;
            }
        }
        if (!ok)
        {
            PyObject* t = Str(text);
            string r = Repr(t);
            Refcount.Decref(t);
            throw ValueErr($"invalid literal for int() with base {radix}: {r}");
        }
        return LongDecimal.Parse(St, s, radix, neg, St->int_max_str_digits);
    }
}
