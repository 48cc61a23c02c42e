using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>Alive weakref.finalize objects (owned references), in creation order — CPython's finalize._registry.</summary>
    private readonly List<nint> _finalizers = [];
    private long _finalizeCounter;
    private bool _finalizeShutdown;

    private PyObject* CreateWeakrefModule()
    {
        PyObject* m = NewModule("weakref");
        if (!_constructors.ContainsKey((nint)St->type_weakref_ref))
        {
            _constructors[(nint)St->type_weakref_ref] = (_, a, _) =>
            {
                Arity("ref", a, 1, 2);
                return NewWeakref(St->type_weakref_ref, A(a, 0), a.Length == 2 ? A(a, 1) : null);
            };
            _constructors[(nint)T.Finalize] = NewFinalize;
            Method(T.Finalize, "detach", (self, _, _) => DetachFinalize(self, remove: true));
            Method(T.Finalize, "peek", (self, _, _) => DetachFinalize(self, remove: false));
        }
        PyDict.SetItem(((PyModuleObject*)m)->md_dict, Intern("ref"), (PyObject*)St->type_weakref_ref);
        PyDict.SetItem(((PyModuleObject*)m)->md_dict, Intern("ReferenceType"), (PyObject*)St->type_weakref_ref);
        PyDict.SetItem(((PyModuleObject*)m)->md_dict, Intern("ProxyType"), (PyObject*)St->type_weakref_proxy);
        PyDict.SetItem(((PyModuleObject*)m)->md_dict, Intern("finalize"), (PyObject*)T.Finalize);
        ModuleFunction(m, "proxy", (_, a, _) =>
        {
            Arity("proxy", a, 1, 2);
            return NewWeakref(St->type_weakref_proxy, A(a, 0), a.Length == 2 ? A(a, 1) : null);
        });
        ModuleFunction(m, "getweakrefcount", (_, a, _) =>
        {
            Arity("getweakrefcount", a, 1, 1);
            return Int(PyWeakref.Count(A(a, 0)));
        });
        ModuleFunction(m, "getweakrefs", (_, a, _) =>
        {
            Arity("getweakrefs", a, 1, 1);
            return Heap.Weakrefs.GetWeakRefs(new BorrowedRef(Heap, A(a, 0))).Steal();
        });
        return m;
    }

    private PyObject* NewWeakref(PyTypeObject* type, PyObject* obj, PyObject* callback)
    {
        if (!PyWeakref.Supports(obj))
        {
            throw TypeErr($"cannot create weak reference to '{TypeName(obj)}' object");
        }
        return PyWeakref.New(type, obj, callback);
    }

    private PyObject* NewFinalize(PyObject* type, nint[] a, KwArgs? kw)
    {
        if (a.Length < 2)
        {
            throw TypeErr($"finalize expected at least 2 positional arguments, got {a.Length}");
        }
        PyObject* f = ScriptTypes.New(T.Finalize);
        var fo = (PyFinalizeObject*)f;
        fo->fin_func = NewRef(A(a, 1));
        fo->fin_args = Tuple(a.AsSpan(2));
        if (kw != null && kw.Count > 0)
        {
            fo->fin_kwargs = PyDict.New(St);
            foreach (var (n, v) in kw)
            {
                PyObject* k = Str(n);
                PyDict.SetItem(fo->fin_kwargs, k, (PyObject*)v);
                Refcount.Decref(k);
            }
        }
        fo->fin_atexit = 1;
        fo->fin_index = (nint)(++_finalizeCounter);
        try
        {
            fo->fin_weakref = NewWeakref(St->type_weakref_ref, A(a, 0), f);
        }
        catch
        {
            Refcount.Decref(f);
            throw;
        }
        ScriptTypes.Track(f);
        _finalizers.Add((nint)NewRef(f));
        return f;
    }

    private bool FinalizeAlive(PyObject* f) => _finalizers.Contains((nint)f);

    /// <summary>Calls a finalize object: runs func(*args, **kwargs) once, if still alive.</summary>
    public PyObject* CallFinalize(PyObject* f)
    {
        int i = _finalizers.IndexOf((nint)f);
        if (i < 0)
        {
            return None;
        }
        _finalizers.RemoveAt(i);
        var fo = (PyFinalizeObject*)f;
        if (_finalizeShutdown)
        {
            // CPython's finalize._shutdown: after the exit pass, finalizers no longer call anything.
            Refcount.Decref(f);
            return None;
        }
        try
        {
            var args = new List<nint>();
            for (nint k = 0; k < PyTuple.Size(fo->fin_args); k++)
            {
                args.Add((nint)NewRef(PyTuple.Items(fo->fin_args)[k]));
            }
            KwArgs? kw = null;
            if (fo->fin_kwargs != null)
            {
                kw = [];
                nint pos = 0;
                while (PyDict.Next(fo->fin_kwargs, ref pos, out PyObject* key, out PyObject* value))
                {
                    kw.Add((PyUnicode.AsString(key), (nint)NewRef(value)));
                }
            }
            return Call(fo->fin_func, [.. args], kw);
        }
        finally
        {
            Refcount.Decref(f);
        }
    }

    private PyObject* DetachFinalize(PyObject* f, bool remove)
    {
        var fo = (PyFinalizeObject*)f;
        int i = _finalizers.IndexOf((nint)f);
        if (i < 0 || fo->fin_weakref == null || !PyWeakref.IsAlive(fo->fin_weakref))
        {
            return None;
        }
        PyObject* obj = PyWeakref.Referent(fo->fin_weakref);
        PyObject* kwargs = fo->fin_kwargs != null ? NewRef(fo->fin_kwargs) : PyDict.New(St);
        PyObject* t = Tuple([(nint)obj, (nint)fo->fin_func, (nint)fo->fin_args, (nint)kwargs]);
        Refcount.Decref(kwargs);
        if (remove)
        {
            _finalizers.RemoveAt(i);
            Refcount.Decref(f);
        }
        return t;
    }

    private PyObject* FinalizeAttr(PyObject* f, string name)
    {
        var fo = (PyFinalizeObject*)f;
        return name switch
        {
            "alive" => Bool(FinalizeAlive(f)),
            "atexit" => Bool(fo->fin_atexit != 0),
            _ => null,
        };
    }

    /// <summary>At exit: run the alive finalizers whose atexit flag is set, newest first (CPython's finalize._exitfunc).</summary>
    public void RunExitFinalizers()
    {
        var pending = _finalizers.Where(f => ((PyFinalizeObject*)f)->fin_atexit != 0)
            .OrderBy(f => ((PyFinalizeObject*)f)->fin_index).ToList();
        for (int i = pending.Count - 1; i >= 0; i--)
        {
            if (!_finalizers.Contains(pending[i]))
            {
                continue;
            }
            try
            {
                Refcount.Decref(CallFinalize((PyObject*)pending[i]));
            }
            catch (PythonException e)
            {
                ReportUnraisable(e, "Exception ignored in atexit callback");
            }
        }
        _finalizeShutdown = true;
    }
}
