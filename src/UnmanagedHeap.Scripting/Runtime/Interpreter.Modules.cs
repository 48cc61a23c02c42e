using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    private readonly Dictionary<string, nint> _modules = [];
    private PyObject* _stdout;
    private PyObject* _stderr;

    /// <summary>The module object for <c>import name</c> (new reference).</summary>
    public PyObject* ImportModule(string name)
    {
        if (_modules.TryGetValue(name, out nint m))
        {
            return NewRef((PyObject*)m);
        }
        PyObject* module = name switch
        {
            "sys" => CreateSysModule(),
            "gc" => CreateGcModule(),
            "ctypes" => CreateCtypesModule(),
            "weakref" => CreateWeakrefModule(),
            "math" => CreateMathModule(),
            "heapdebug" => CreateHeapdebugModule(),
            _ => null,
        };
        if (module == null)
        {
            PyTypeObject* notFound = (PyTypeObject*)PyDict.GetItem(Builtins, Intern("ModuleNotFoundError"));
            throw Error(notFound, $"No module named '{name}'");
        }
        _modules[name] = (nint)module;
        if (name == "weakref")
        {
            RunPrelude(module, WeakrefPrelude.Source);
        }
        return NewRef(module);
    }

    public PyObject* NewModule(string name)
    {
        PyObject* m = ScriptTypes.New(T.Module);
        var mo = (PyModuleObject*)m;
        mo->md_dict = PyDict.New(St);
        mo->md_name = Str(name);
        PyDict.SetItem(mo->md_dict, Intern("__name__"), mo->md_name);
        ScriptTypes.Track(m);
        return m;
    }

    private void ModuleFunction(PyObject* module, string name, BuiltinFn fn)
    {
        PyObject* b = NewBuiltin(Def(name, fn), null);
        PyDict.SetItem(((PyModuleObject*)module)->md_dict, Intern(name), b);
        Refcount.Decref(b);
    }

    private void ModuleValue(PyObject* module, string name, PyObject* value)
    {
        PyDict.SetItem(((PyModuleObject*)module)->md_dict, Intern(name), value);
        Refcount.Decref(value);
    }

    private bool IsStderr(PyObject* file) => file == _stderr;

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

    // ---- Hooks from the collector and weakrefs into Python code ----

    private void ConnectCollector()
    {
        Heap.Gc.DebugOutput = new FlushingWriter(Out, Err);
        Heap.Gc.Unraisable = (context, exception) =>
        {
            Out.Flush();
            Err.WriteLine(context);
            Err.WriteLine("Traceback (most recent call last):");
            if (exception is PythonException p)
            {
                PyObject* v = p.Steal();
                if (v != null)
                {
                    Err.WriteLine(FormatExceptionLine(v));
                    Refcount.Decref(v);
                }
            }
            else
            {
                Err.WriteLine($"{exception.GetType().Name}: {exception.Message}");
            }
        };
        Heap.Gc.CallbackInvoker = (callback, phase, info) =>
        {
            PyObject* p = Str(phase);
            PyObject* d = PyDict.New(St);
            PyObject* g = Int(info.Generation);
            PyObject* c = Int(info.Collected);
            PyObject* u = Int(info.Uncollectable);
            PyDict.SetItem(d, Intern("generation"), g);
            PyDict.SetItem(d, Intern("collected"), c);
            PyDict.SetItem(d, Intern("uncollectable"), u);
            Refcount.Decref(g);
            Refcount.Decref(c);
            Refcount.Decref(u);
            try
            {
                Refcount.Decref(Call(callback.Pointer, [(nint)p, (nint)d], null));
            }
            catch (Exception e) when (e is not PythonException)
            {
                throw Translate(e);
            }
        };
        Heap.Weakrefs.CallableInvoker = (callback, weakref) =>
        {
            PyObject* cb = callback.Pointer;
            if (cb->ob_type == T.Finalize)
            {
                Refcount.Decref(CallFinalize(cb));
                return;
            }
            try
            {
                Refcount.Decref(CallBorrowed(cb, (nint)weakref.Pointer));
            }
            catch (Exception e) when (e is not PythonException)
            {
                throw Translate(e);
            }
        };
    }

    /// <summary>Writes stderr text after flushing stdout, so interleaving matches a terminal.</summary>
    private sealed class FlushingWriter(TextWriter stdout, TextWriter stderr) : TextWriter
    {
        public override System.Text.Encoding Encoding => stderr.Encoding;

        public override void Write(char value)
        {
            stdout.Flush();
            stderr.Write(value);
        }

        public override void Write(string? value)
        {
            stdout.Flush();
            stderr.Write(value);
        }

        public override void WriteLine(string? value)
        {
            stdout.Flush();
            stderr.WriteLine(value);
        }
    }

    /// <summary>Runs Python source that completes a built-in module (WeakValueDictionary and friends are written in Python).</summary>
    private void RunPrelude(PyObject* module, string source)
    {
        Syntax.Module tree = Syntax.Parser.ParseModule(source, "<weakref>");
        var (scope, scopes) = ScopeAnalyzer.Analyze(tree);
        AddScopes(scopes);
        PyObject* dict = ((PyModuleObject*)module)->md_dict;
        var frame = new ExecFrame(scope, dict, dict, null, null, "<module>", "");
        ExecBlock(tree.Body, frame);
        // Prelude classes say they come from the weakref module.
        nint pos = 0;
        var classes = new List<nint>();
        while (PyDict.Next(dict, ref pos, out _, out PyObject* v))
        {
            if (IsType(v) && IsInstanceLayout((PyTypeObject*)v))
            {
                classes.Add((nint)v);
            }
        }
        foreach (nint c in classes)
        {
            PyObject* name = Str("weakref");
            PyDict.SetItem(((PyTypeObject*)c)->tp_dict, Intern("__module__"), name);
            Refcount.Decref(name);
        }
        InvalidateTypeCache();
    }
}
