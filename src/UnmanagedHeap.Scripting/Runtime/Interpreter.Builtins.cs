using System.Numerics;
using System.Text;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Types;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>A built-in function: self (bound object, type for constructors, or null) and borrowed arguments.</summary>
public unsafe delegate PyObject* BuiltinFn(PyObject* self, nint[] args, KwArgs? kw);

public sealed record BuiltinEntry(string Name, BuiltinFn Fn, bool IsMethod);

public sealed unsafe partial class Interpreter
{
    private readonly List<BuiltinEntry> _builtinTable = [];
    private readonly Dictionary<(nint Type, string Name), int> _methods = [];
    private readonly Dictionary<nint, BuiltinFn> _constructors = [];

    public int Def(string name, BuiltinFn fn, bool isMethod = false)
    {
        _builtinTable.Add(new BuiltinEntry(name, isMethod ? Unbind(fn) : fn, isMethod));
        return _builtinTable.Count - 1;
    }

    /// <summary>Called unbound (<c>str.upper("a")</c>), a method takes self from the first argument.</summary>
    private BuiltinFn Unbind(BuiltinFn fn) => (self, args, kw) =>
    {
        if (self != null)
        {
            return fn(self, args, kw);
        }
        if (args.Length == 0)
        {
            throw TypeErr("unbound method needs an argument");
        }
        return fn((PyObject*)args[0], args[1..], kw);
    };

    private void Global(string name, BuiltinFn fn)
    {
        PyObject* b = NewBuiltin(Def(name, fn), null);
        PyDict.SetItem(Builtins, Intern(name), b);
        Refcount.Decref(b);
    }

    public void Method(PyTypeObject* t, string name, BuiltinFn fn) => _methods[((nint)t, name)] = Def(name, fn, isMethod: true);

    /// <summary>A class-level built-in (dict.fromkeys, c_int.from_address): self is the type.</summary>
    public void TypeMethod(PyTypeObject* t, string name, BuiltinFn fn) => _methods[((nint)t, name)] = Def(name, fn);

    public void Constructor(PyTypeObject* t, string name, BuiltinFn fn)
    {
        _constructors[(nint)t] = fn;
        PyDict.SetItem(Builtins, Intern(name), (PyObject*)t);
    }

    // ---- Argument helpers ----

    private bool KwTrue(KwArgs? kw, string name)
    {
        PyObject* v = Kw(kw, name);
        return v != null && IsTrue(v);
    }

    public static PyObject* Kw(KwArgs? kw, string name)
    {
        if (kw == null)
        {
            return null;
        }
        foreach (var (n, v) in kw)
        {
            if (n == name)
            {
                return (PyObject*)v;
            }
        }
        return null;
    }

    private void CheckKw(string func, KwArgs? kw, params string[] allowed)
    {
        if (kw == null)
        {
            return;
        }
        foreach (var (n, _) in kw)
        {
            if (Array.IndexOf(allowed, n) < 0)
            {
                throw TypeErr($"{func}() got an unexpected keyword argument '{n}'");
            }
        }
    }

    private void Arity(string func, nint[] args, int min, int max)
    {
        if (args.Length >= min && args.Length <= max)
        {
            return;
        }
        if (min == max)
        {
            throw TypeErr(min == 1 ? $"{func}() takes exactly one argument ({args.Length} given)" : $"{func}() takes exactly {min} arguments ({args.Length} given)");
        }
        if (args.Length < min)
        {
            throw TypeErr($"{func} expected at least {min} argument{(min == 1 ? "" : "s")}, got {args.Length}");
        }
        throw TypeErr($"{func} expected at most {max} argument{(max == 1 ? "" : "s")}, got {args.Length}");
    }

    private static PyObject* A(nint[] args, int i) => (PyObject*)args[i];

    public bool IsCallable(PyObject* o)
    {
        PyTypeObject* t = o->ob_type;
        return t == T.Function || t == T.Method || t == T.Builtin || IsType(o) || t == St->type_weakref_ref || t == T.Finalize || UserSpecial(o, "__call__") != null;
    }

    private string AttrName(PyObject* v)
    {
        if (!IsStr(v))
        {
            throw TypeErr($"attribute name must be string, not '{TypeName(v)}'");
        }
        return PyUnicode.AsString(v);
    }

    private string AsStr(PyObject* v, string what)
    {
        if (!IsStr(v))
        {
            throw TypeErr($"{what} must be str, not {TypeName(v)}");
        }
        return PyUnicode.AsString(v);
    }

    // ---- The builtins module ----

    private void RegisterBuiltins()
    {
        foreach (var (name, type) in _exceptionTypes)
        {
            PyDict.SetItem(Builtins, Intern(name), (PyObject*)type);
        }
        PyDict.SetItem(Builtins, Intern("NotImplemented"), St->not_implemented);
        PyDict.SetItem(Builtins, Intern("Ellipsis"), St->none);
        PyDict.SetItem(Builtins, Intern("__name__"), Intern("builtins"));

        PyObject* excInit = NewBuiltin(Def("__init__", (self, a, _) =>
        {
            PyObject* args = Tuple(a);
            PyInstance.SetAttr(self, Intern("args"), args);
            Refcount.Decref(args);
            return None;
        }, isMethod: true), null);
        PyDict.SetItem(BaseException->tp_dict, Intern("__init__"), excInit);
        RegisterExceptionMethods();
        InvalidateTypeCache();
        Refcount.Decref(excInit);
        Global("print", BPrint);
        RegisterSuper();
        Global("id", (_, a, _) =>
        {
            Arity("id", a, 1, 1);
            return Int((long)a[0]);
        });
        Global("len", (_, a, _) =>
        {
            Arity("len", a, 1, 1);
            return Int(Length(A(a, 0)));
        });
        Global("repr", (_, a, _) =>
        {
            Arity("repr", a, 1, 1);
            return Str(Repr(A(a, 0)));
        });
        Global("ascii", (_, a, _) =>
        {
            Arity("ascii", a, 1, 1);
            return Str(Ascii(Repr(A(a, 0))));
        });
        Global("isinstance", (_, a, _) =>
        {
            Arity("isinstance", a, 2, 2);
            return Bool(IsInstance(A(a, 0), A(a, 1)));
        });
        Global("issubclass", (_, a, _) =>
        {
            Arity("issubclass", a, 2, 2);
            if (!IsType(A(a, 0)))
            {
                throw TypeErr("issubclass() arg 1 must be a class");
            }
            return Bool(IsSubclassSpec((PyTypeObject*)A(a, 0), A(a, 1)));
        });
        Global("hex", (_, a, _) => Str(FormatIntPrefixed(a, "hex", 'x', "0x")));
        Global("oct", (_, a, _) => Str(FormatIntPrefixed(a, "oct", 'o', "0o")));
        Global("bin", (_, a, _) => Str(FormatIntPrefixed(a, "bin", 'b', "0b")));
        Global("chr", (_, a, _) =>
        {
            Arity("chr", a, 1, 1);
            long c = ToLong(A(a, 0));
            if (c < 0 || c > 0x10FFFF)
            {
                throw ValueErr("chr() arg not in range(0x110000)");
            }
            return Str(CodePointText((int)c));
        });
        Global("ord", (_, a, _) =>
        {
            Arity("ord", a, 1, 1);
            string s = AsStr(A(a, 0), "ord() argument");
            if (s.Length == 0 || (s.Length > 1 && !(s.Length == 2 && char.IsSurrogatePair(s[0], s[1]))))
            {
                throw TypeErr($"ord() expected a character, but string of length {s.Length} found");
            }
            return Int(char.ConvertToUtf32(s, 0));
        });
        Global("abs", (_, a, _) =>
        {
            Arity("abs", a, 1, 1);
            PyObject* v = A(a, 0);
            if (IsInt(v))
            {
                return Int(BigInteger.Abs(PyLong.ToBigInteger(v)));
            }
            if (IsFloat(v))
            {
                return Float(Math.Abs(PyFloat.Value(v)));
            }
            if (v->ob_type->tp_as_number != null && v->ob_type->tp_as_number->nb_absolute != null)
            {
                return v->ob_type->tp_as_number->nb_absolute(v);
            }
            PyObject* m = UserSpecial(v, "__abs__");
            if (m != null)
            {
                return CallWithSelf(m, v, []);
            }
            throw TypeErr($"bad operand type for abs(): '{TypeName(v)}'");
        });
        Global("hash", (_, a, _) =>
        {
            Arity("hash", a, 1, 1);
            return Int(Hash(A(a, 0)));
        });
        Global("callable", (_, a, _) =>
        {
            Arity("callable", a, 1, 1);
            return Bool(IsCallable(A(a, 0)));
        });
        RegisterLazyIterators();
        Global("next", (_, a, _) =>
        {
            Arity("next", a, 1, 2);
            if (!T.IsIter(A(a, 0)->ob_type) && !IsNativeIterator(A(a, 0)->ob_type) && !IsIterableGenerator(A(a, 0)) && UserSpecial(A(a, 0), "__next__") == null)
            {
                throw TypeErr($"'{TypeName(A(a, 0))}' object is not an iterator");
            }
            if (IsIterableGenerator(A(a, 0)) && a.Length == 1)
            {
                // A generator's StopIteration carries its return value.
                return YieldedOrStop(A(a, 0), null, null);
            }
            PyObject* r = Next(A(a, 0));
            if (r != null)
            {
                return r;
            }
            if (a.Length == 2)
            {
                return NewRef(A(a, 1));
            }
            throw new PythonException(NewException(StopIteration, null));
        });
        Global("getattr", (_, a, _) =>
        {
            Arity("getattr", a, 2, 3);
            string name = AttrName(A(a, 1));
            if (a.Length == 3)
            {
                try
                {
                    return GetAttr(A(a, 0), name);
                }
                catch (PythonException e) when (IsSubtype(e.Object->ob_type, AttributeError))
                {
                    Refcount.Decref(e.Steal());
                    return NewRef(A(a, 2));
                }
            }
            return GetAttr(A(a, 0), name);
        });
        Global("setattr", (_, a, _) =>
        {
            Arity("setattr", a, 3, 3);
            SetAttr(A(a, 0), AttrName(A(a, 1)), A(a, 2));
            return None;
        });
        Global("delattr", (_, a, _) =>
        {
            Arity("delattr", a, 2, 2);
            DelAttr(A(a, 0), AttrName(A(a, 1)));
            return None;
        });
        Global("hasattr", (_, a, _) =>
        {
            Arity("hasattr", a, 2, 2);
            try
            {
                Refcount.Decref(GetAttr(A(a, 0), AttrName(A(a, 1))));
                return Bool(true);
            }
            catch (PythonException e) when (IsSubtype(e.Object->ob_type, AttributeError))
            {
                Refcount.Decref(e.Steal());
                return Bool(false);
            }
        });
        Global("sorted", (_, a, kw) =>
        {
            Arity("sorted", a, 1, 1);
            CheckKw("sorted", kw, "key", "reverse");
            PyObject* list = PyList.New(St);
            try
            {
                ListExtend(list, A(a, 0));
                SortList(list, Kw(kw, "key"), KwTrue(kw, "reverse"));
            }
            catch
            {
                Refcount.Decref(list);
                throw;
            }
            return list;
        });
        Global("min", (_, a, kw) => MinMax("min", a, kw, CompareOperatorLess: true));
        Global("max", (_, a, kw) => MinMax("max", a, kw, CompareOperatorLess: false));
        Global("sum", (_, a, kw) =>
        {
            Arity("sum", a, 1, 2);
            PyObject* acc = a.Length == 2 ? NewRef(A(a, 1)) : (Kw(kw, "start") != null ? NewRef(Kw(kw, "start")) : Int(0));
            if (IsStr(acc))
            {
                Refcount.Decref(acc);
                throw TypeErr("sum() can't sum strings [use ''.join(seq) instead]");
            }
            List<nint> items = CollectItems(A(a, 0), unpacking: false);
            if ((IsInt(acc) || IsFloat(acc)) && items.Count > 0 && items.All(x => IsFloat((PyObject*)x) || IsInt((PyObject*)x))
                && (IsFloat(acc) || items.Any(x => IsFloat((PyObject*)x))))
            {
                // CPython 3.12 adds floats with Neumaier compensation: sum([0.1] * 10) == 1.0.
                double total = 0, compensation = 0;
                foreach (nint x in items.Prepend((nint)acc))
                {
                    double v = ToDouble((PyObject*)x);
                    double t = total + v;
                    compensation += Math.Abs(total) >= Math.Abs(v) ? (total - t) + v : (v - t) + total;
                    total = t;
                }
                foreach (nint x in items)
                {
                    Refcount.Decref((PyObject*)x);
                }
                Refcount.Decref(acc);
                return Float(total + compensation);
            }
            try
            {
                foreach (nint x in items)
                {
                    PyObject* next = BinaryOp(Syntax.BinaryOperator.Add, acc, (PyObject*)x, inplace: false);
                    Refcount.Decref(acc);
                    acc = next;
                }
            }
            finally
            {
                foreach (nint x in items)
                {
                    Refcount.Decref((PyObject*)x);
                }
            }
            return acc;
        });
        Global("any", (_, a, _) =>
        {
            Arity("any", a, 1, 1);
            return Bool(AnyAll(A(a, 0), any: true));
        });
        Global("all", (_, a, _) =>
        {
            Arity("all", a, 1, 1);
            return Bool(AnyAll(A(a, 0), any: false));
        });
        Global("round", (_, a, kw) =>
        {
            Arity("round", a, 1, 2);
            PyObject* nd = a.Length == 2 ? A(a, 1) : Kw(kw, "ndigits");
            PyObject* v = A(a, 0);
            // A class's own __round__ first (Fraction, Decimal-likes), as round() asks the type.
            PyObject* own = (v->ob_type->tp_flags & TypeFlags.HeapType) != 0 ? LookupInType(v->ob_type, "__round__") : null;
            if (own != null)
            {
                return nd == null ? CallWithSelf(own, v, []) : CallWithSelf(own, v, [(nint)NewRef(nd)]);
            }
            if (!IsInt(v) && !IsFloat(v))
            {
                throw TypeErr($"type {TypeName(v)} doesn't define __round__ method");
            }
            if (IsInt(v))
            {
                if (nd == null || nd == St->none || ToLong(nd) >= 0)
                {
                    return Int(PyLong.ToBigInteger(v));
                }
                BigInteger p = BigInteger.Pow(10, (int)-ToLong(nd));
                BigInteger q = IntType.FloorDiv(PyLong.ToBigInteger(v) + p / 2, p) * p;
                return Int(q);
            }
            double d = ToDouble(v);
            if (nd == null || nd == St->none)
            {
                if (double.IsNaN(d))
                {
                    throw ValueErr("cannot convert float NaN to integer");
                }
                if (double.IsInfinity(d))
                {
                    throw Error(OverflowError, "cannot convert float infinity to integer");
                }
                return Int(new BigInteger(Math.Round(d, MidpointRounding.ToEven)));
            }
            int digits = (int)ToLong(nd);
            return Float(RoundFloat(d, digits));
        });
        Global("divmod", (_, a, _) =>
        {
            Arity("divmod", a, 2, 2);
            PyObject* q = BinaryOp(Syntax.BinaryOperator.FloorDiv, A(a, 0), A(a, 1), false);
            PyObject* r = BinaryOp(Syntax.BinaryOperator.Mod, A(a, 0), A(a, 1), false);
            PyObject* t = Tuple([(nint)q, (nint)r]);
            Refcount.Decref(q);
            Refcount.Decref(r);
            return t;
        });
        Global("pow", (_, a, _) =>
        {
            Arity("pow", a, 2, 3);
            if (a.Length == 3)
            {
                return ModularPow(A(a, 0), A(a, 1), A(a, 2));
            }
            return BinaryOp(Syntax.BinaryOperator.Pow, A(a, 0), A(a, 1), false);
        });
        Global("format", (_, a, _) =>
        {
            Arity("format", a, 1, 2);
            return Str(Format(A(a, 0), a.Length == 2 ? AsStr(A(a, 1), "format spec") : ""));
        });
        Global("vars", (_, a, _) =>
        {
            Arity("vars", a, 1, 1);
            return GetAttr(A(a, 0), "__dict__");
        });
        Global("dir", (_, a, _) =>
        {
            Arity("dir", a, 1, 1);
            var names = new SortedSet<string>(StringComparer.Ordinal);
            PyObject* o = A(a, 0);
            if (IsInstanceLayout(o->ob_type))
            {
                nint pos = 0;
                while (PyInstance.NextAttr(o, ref pos, out PyObject* k, out _))
                {
                    names.Add(PyUnicode.AsString(k));
                }
            }
            foreach (PyTypeObject* c in new TypeMro(IsType(o) ? (PyTypeObject*)o : o->ob_type))
            {
                if (c->tp_dict != null)
                {
                    nint pos = 0;
                    while (PyDict.Next(c->tp_dict, ref pos, out PyObject* k, out _))
                    {
                        names.Add(PyUnicode.AsString(k));
                    }
                }
            }
            var items = names.Select(n => (nint)Str(n)).ToList();
            return ListSteal(items);
        });
        RegisterExec();
        RegisterConstructors();
        RegisterSubclassing();
        RegisterMetaclasses();
        RegisterComplex();
    }

    /// <summary>round(x, n) on the exact binary value of x, half to even, as CPython's correctly rounded round() does.</summary>
    private static double RoundFloat(double d, int digits)
    {
        if (!double.IsFinite(d) || d == 0 || digits > 300)
        {
            return d;
        }
        long bits = BitConverter.DoubleToInt64Bits(d);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }
        exponent -= 1075;
        BigInteger num = mantissa;
        BigInteger den = BigInteger.One;
        if (exponent > 0)
        {
            num <<= exponent;
        }
        else
        {
            den <<= -exponent;
        }
        BigInteger scale = BigInteger.Pow(10, Math.Abs(digits));
        if (digits >= 0)
        {
            num *= scale;
        }
        else
        {
            den *= scale;
        }
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger rem);
        BigInteger twice = rem * 2;
        if (twice > den || (twice == den && !q.IsEven))
        {
            q += 1;
        }
        string text = digits >= 0 ? $"{q}e-{digits}" : $"{q * scale}";
        double r = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return negative ? -r : r;
    }

    /// <summary>An iterator over a fresh list of owned items (what enumerate/zip/map/reversed return here).</summary>
    private PyObject* IterOverList(List<nint> items, string typeName)
    {
        PyObject* list = ListSteal(items);
        try
        {
            PyObject* it = GetIter(list);
            // enumerate, zip, map... are eager here; their iterator wears the lazy type's name.
            it->ob_type = T.NamedListIter(typeName);
            return it;
        }
        finally
        {
            Refcount.Decref(list);
        }
    }

    private string FormatIntPrefixed(nint[] a, string name, char type, string prefix)
    {
        Arity(name, a, 1, 1);
        PyObject* v = A(a, 0);
        if (!IsInt(v))
        {
            throw TypeErr($"'{TypeName(v)}' object cannot be interpreted as an integer");
        }
        BigInteger x = PyLong.ToBigInteger(v);
        string digits = FormatInt(BigInteger.Abs(x), new Spec(' ', '\0', '\0', false, false, -1, '\0', -1, type));
        return (x.Sign < 0 ? "-" : "") + prefix + digits;
    }

    private bool AnyAll(PyObject* iterable, bool any)
    {
        PyObject* it = GetIter(iterable);
        try
        {
            while (true)
            {
                PyObject* x = Next(it);
                if (x == null)
                {
                    return !any;
                }
                bool t = IsTrue(x);
                Refcount.Decref(x);
                if (t == any)
                {
                    return any;
                }
            }
        }
        finally
        {
            Refcount.Decref(it);
        }
    }

    /// <summary>
    /// min/max (CPython's min_max): one pass over an iterator, the key called on each item as
    /// it arrives and compared with the best so far. Lazy, as CPython is: a key function that
    /// shrinks the list being walked ends the walk early, and nothing is read that the
    /// iterator does not hand out (with its own reference).
    /// </summary>
    private PyObject* MinMax(string name, nint[] a, KwArgs? kw, bool CompareOperatorLess)
    {
        CheckKw(name, kw, "key", "default");
        if (a.Length == 0)
        {
            throw TypeErr($"{name} expected at least 1 argument, got 0");
        }
        PyObject* key = Kw(kw, "key");
        bool hasKey = key != null && key != St->none;
        PyObject* source = a.Length == 1 ? NewRef(A(a, 0)) : Tuple(a);
        PyObject* it;
        try
        {
            it = GetIter(source);
        }
        finally
        {
            Refcount.Decref(source);
        }
        PyObject* best = null;
        PyObject* bestKey = null;
        try
        {
            PyObject* item;
            while ((item = Next(it)) != null)
            {
                PyObject* k;
                try
                {
                    k = hasKey ? CallBorrowed(key, (nint)item) : NewRef(item);
                }
                catch
                {
                    Refcount.Decref(item);
                    throw;
                }
                if (best == null)
                {
                    best = item;
                    bestKey = k;
                    continue;
                }
                bool better;
                try
                {
                    better = Order(CompareOperatorLess ? Syntax.CompareOperator.Lt : Syntax.CompareOperator.Gt, k, bestKey);
                }
                catch
                {
                    Refcount.Decref(k);
                    Refcount.Decref(item);
                    throw;
                }
                if (better)
                {
                    Refcount.Decref(best);
                    Refcount.Decref(bestKey);
                    best = item;
                    bestKey = k;
                }
                else
                {
                    Refcount.Decref(k);
                    Refcount.Decref(item);
                }
            }
            if (best == null)
            {
                PyObject* dflt = Kw(kw, "default");
                if (dflt != null)
                {
                    return NewRef(dflt);
                }
                throw ValueErr($"{name}() iterable argument is empty");
            }
            PyObject* result = best;
            best = null;
            return result;
        }
        finally
        {
            Refcount.XDecref(best);
            Refcount.XDecref(bestKey);
            Refcount.Decref(it);
        }
    }

    public bool IsInstance(PyObject* o, PyObject* spec)
    {
        if (IsTuple(spec))
        {
            for (nint i = 0; i < PyTuple.Size(spec); i++)
            {
                if (IsInstance(o, PyTuple.Items(spec)[i]))
                {
                    return true;
                }
            }
            return false;
        }
        if (!IsType(spec))
        {
            throw TypeErr("isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
        var t = (PyTypeObject*)spec;
        if (t == St->type_object)
        {
            return true;
        }
        return IsExceptionSubtype(o->ob_type, t);
    }

    private bool IsSubclassSpec(PyTypeObject* c, PyObject* spec)
    {
        if (IsTuple(spec))
        {
            for (nint i = 0; i < PyTuple.Size(spec); i++)
            {
                if (IsSubclassSpec(c, PyTuple.Items(spec)[i]))
                {
                    return true;
                }
            }
            return false;
        }
        if (!IsType(spec))
        {
            throw TypeErr("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        return (PyTypeObject*)spec == St->type_object || IsExceptionSubtype(c, (PyTypeObject*)spec);
    }

    private PyObject* BPrint(PyObject* self, nint[] args, KwArgs? kw)
    {
        CheckKw("print", kw, "sep", "end", "file", "flush");
        PyObject* sepObj = Kw(kw, "sep");
        PyObject* endObj = Kw(kw, "end");
        string sep = sepObj == null || sepObj == St->none ? " " : AsStr(sepObj, "sep");
        string end = endObj == null || endObj == St->none ? "\n" : AsStr(endObj, "end");
        var sb = new StringBuilder();
        for (int i = 0; i < args.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(sep);
            }
            sb.Append(StrOf(A(args, i)));
        }
        sb.Append(end);
        PyObject* file = Kw(kw, "file");
        TextWriter w = file != null && file != St->none && IsStderr(file) ? Err : Out;
        if (w == Err)
        {
            Out.Flush();
        }
        w.Write(sb.ToString());
        return None;
    }

    /// <summary>
    /// list.sort: a stable merge sort whose comparisons and key calls may raise. As CPython's
    /// list_sort_impl does, the list is emptied while it sorts (its item array set aside,
    /// <c>allocated</c> set to -1), so a key function or <c>__lt__</c> that changes the list
    /// touches only the empty stand-in; afterwards anything put into the stand-in is dropped,
    /// the sorted items come back, and a change is reported as
    /// <c>ValueError: list modified during sort</c>. The set-aside array owns the items
    /// throughout, so no callback can free one.
    /// </summary>
    public void SortList(PyObject* list, PyObject* key, bool reverse)
    {
        var l = (PyListObject*)list;
        nint n = l->ob_base.ob_size;
        PyObject** saved = l->ob_item;
        nint savedAllocated = l->allocated;
        l->ob_base.ob_size = 0;
        l->ob_item = null;
        l->allocated = -1;
        bool hasKey = key != null && key != St->none;
        var keys = new nint[n];
        int[]? order = null;
        bool modified = false;
        try
        {
            for (nint i = 0; i < n; i++)
            {
                keys[i] = hasKey ? (nint)CallBorrowed(key, (nint)saved[i]) : (nint)saved[i];
            }
            var idx = Enumerable.Range(0, (int)n).ToArray();
            if (reverse)
            {
                Array.Reverse(idx);
            }
            idx = MergeSort(idx, keys);
            if (reverse)
            {
                Array.Reverse(idx);
            }
            order = idx;
        }
        finally
        {
            if (hasKey)
            {
                foreach (nint k in keys)
                {
                    Refcount.XDecref((PyObject*)k);
                }
            }
            modified = l->allocated != -1;
            PyObject** stray = l->ob_item;
            nint strayCount = l->ob_base.ob_size;
            if (order != null)
            {
                var sorted = new nint[n];
                for (nint i = 0; i < n; i++)
                {
                    sorted[i] = (nint)saved[order[i]];
                }
                for (nint i = 0; i < n; i++)
                {
                    saved[i] = (PyObject*)sorted[i];
                }
            }
            l->ob_item = saved;
            l->ob_base.ob_size = n;
            l->allocated = savedAllocated;
            if (stray != null)
            {
                for (nint i = strayCount - 1; i >= 0; i--)
                {
                    Refcount.XDecref(stray[i]);
                }
                St->allocator.Release(stray);
            }
        }
        if (modified)
        {
            throw ValueErr("list modified during sort");
        }
    }

    private int[] MergeSort(int[] idx, nint[] keys)
    {
        if (idx.Length <= 1)
        {
            return idx;
        }
        int mid = idx.Length / 2;
        int[] left = MergeSort(idx[..mid], keys);
        int[] right = MergeSort(idx[mid..], keys);
        var result = new int[idx.Length];
        int i = 0, j = 0, k = 0;
        while (i < left.Length && j < right.Length)
        {
            // Take from the right only when strictly less: stability.
            if (Order(Syntax.CompareOperator.Lt, (PyObject*)keys[right[j]], (PyObject*)keys[left[i]]))
            {
                result[k++] = right[j++];
            }
            else
            {
                result[k++] = left[i++];
            }
        }
        while (i < left.Length)
        {
            result[k++] = left[i++];
        }
        while (j < right.Length)
        {
            result[k++] = right[j++];
        }
        return result;
    }
}
