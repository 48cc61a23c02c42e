using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>sys: reference counts and sizes of real heap objects, the recursion limit, argv and the standard streams.</summary>
    private PyObject* CreateSysModule()
    {
        PyObject* m = NewModule("sys");
        ModuleFunction(m, "getrefcount", (_, a, _) =>
        {
            Arity("getrefcount", a, 1, 1);
            // The argument array holds the call's own reference, as CPython's stack does.
            PyObject* o = A(a, 0);
            return Int(Refcount.IsImmortal(o) ? (long)(uint)o->ob_refcnt : o->ob_refcnt);
        });
        ModuleFunction(m, "getsizeof", (_, a, _) =>
        {
            Arity("getsizeof", a, 1, 2);
            PyObject* o = A(a, 0);
            PyObject* sizeof_ = UserSpecial(o, "__sizeof__");
            if (sizeof_ != null)
            {
                PyObject* r = CallWithSelf(sizeof_, o, []);
                try
                {
                    long extra = GcList.IsGcType(o->ob_type) ? 16 : 0;
                    return Int(ToLong(r) + extra);
                }
                finally
                {
                    Refcount.Decref(r);
                }
            }
            return Int(ObjectSize.GetSizeOf(o));
        });
        ModuleFunction(m, "intern", (_, a, _) =>
        {
            Arity("intern", a, 1, 1);
            if (!IsStr(A(a, 0)))
            {
                throw TypeErr($"intern() argument must be str, not {TypeName(A(a, 0))}");
            }
            return NewRef(Heap.Interned.Intern(A(a, 0)));
        });
        ModuleFunction(m, "get_int_max_str_digits", (_, a, _) =>
        {
            Arity("get_int_max_str_digits", a, 0, 0);
            return Int(St->int_max_str_digits);
        });
        ModuleFunction(m, "set_int_max_str_digits", (_, a, kw) =>
        {
            CheckKw("set_int_max_str_digits", kw, "maxdigits");
            PyObject* given = a.Length == 1 && kw is not { Count: > 0 } ? A(a, 0) : a.Length == 0 ? Kw(kw, "maxdigits") : null;
            if (given == null)
            {
                throw TypeErr(a.Length > 1 || (a.Length == 1 && kw is { Count: > 0 })
                    ? $"set_int_max_str_digits() takes at most 1 argument ({a.Length + (kw?.Count ?? 0)} given)"
                    : "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
            }
            long n = ToLong(given);
            if (n is > int.MaxValue or < int.MinValue)
            {
                throw Error(OverflowError, "Python int too large to convert to C int");
            }
            if (n != 0 && n < Objects.Long.LongDecimal.MaxStrDigitsThreshold)
            {
                throw ValueErr($"maxdigits must be 0 or larger than {Objects.Long.LongDecimal.MaxStrDigitsThreshold}");
            }
            St->int_max_str_digits = (int)n;
            return None;
        });
        ModuleFunction(m, "getrecursionlimit", (_, _, _) => Int(RecursionLimit));
        ModuleFunction(m, "setrecursionlimit", (_, a, _) =>
        {
            Arity("setrecursionlimit", a, 1, 1);
            long n = ToLong(A(a, 0));
            if (n < 1)
            {
                throw ValueErr("recursion limit must be greater or equal than 1");
            }
            if (n <= Depth + 1)
            {
                throw Error(RecursionError, $"cannot set the recursion limit to {n} at the recursion depth {Depth + 1}: the limit is too low");
            }
            RecursionLimit = (int)Math.Min(n, int.MaxValue);
            return None;
        });
        ModuleFunction(m, "exit", (_, a, _) =>
        {
            PyTypeObject* systemExit = (PyTypeObject*)PyDict.GetItem(Builtins, Intern("SystemExit"));
            PyObject* args = Tuple(a);
            PyObject* e = NewExceptionWithArgs(systemExit, args);
            Refcount.Decref(args);
            throw new PythonException(e);
        });
        ModuleValue(m, "maxsize", Int(long.MaxValue));
        ModuleValue(m, "byteorder", Str("little"));
        ModuleValue(m, "platform", Str("linux"));
        ModuleValue(m, "version", Str("3.12.1 (UnmanagedHeap simulator)"));
        PyObject* vi = Tuple([(nint)Int(3), (nint)Int(12), (nint)Int(1)]);
        for (nint i = 0; i < 3; i++)
        {
            Refcount.Decref(PyTuple.Items(vi)[i]);
        }
        ModuleValue(m, "version_info", vi);
        PyTypeObject* io = NewClass("TextIOWrapper", St->type_object, null, builtin: true);
        _stdout = PyInstance.New(io);
        _stderr = PyInstance.New(io);
        ModuleValue(m, "stdout", NewRef(_stdout));
        ModuleValue(m, "stderr", NewRef(_stderr));
        PyObject* argv = PyList.New(St);
        foreach (string arg in Argv)
        {
            PyObject* item = Str(arg);
            PyList.Append(argv, item);
            Refcount.Decref(item);
        }
        ModuleValue(m, "argv", argv);
        return m;
    }
}
