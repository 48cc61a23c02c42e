using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>Reads a variable (new reference), or raises NameError / UnboundLocalError as CPython does.</summary>
    public PyObject* LoadName(ExecFrame f, string name)
    {
        if (f.CompVars is { } comp)
        {
            for (int i = comp.Count - 1; i >= 0; i--)
            {
                if (comp[i].Name == name && comp[i].Value != 0)
                {
                    if (!comp[i].IsCell)
                    {
                        return NewRef((PyObject*)comp[i].Value);
                    }
                    PyObject* v = ((PyCellObject*)comp[i].Value)->ob_ref;
                    if (v != null)
                    {
                        return NewRef(v);
                    }
                }
            }
        }
        switch (f.Scope.Kind)
        {
            case ScopeKind.Function:
            {
                Binding b = f.Scope.Resolve(name);
                switch (b.Kind)
                {
                    case BindingKind.Fast:
                    {
                        var v = (PyObject*)f.Fast[b.Index];
                        if (v == null)
                        {
                            throw Error(UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value");
                        }
                        return NewRef(v);
                    }
                    case BindingKind.Cell:
                    {
                        PyObject* v = ((PyCellObject*)f.Fast[b.Index])->ob_ref;
                        if (v == null)
                        {
                            throw Error(UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value");
                        }
                        return NewRef(v);
                    }
                    case BindingKind.Free:
                    {
                        PyObject* v = ((PyCellObject*)PyTuple.Items(f.Closure)[b.Index])->ob_ref;
                        if (v == null)
                        {
                            throw Error(NameError, $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
                        }
                        return NewRef(v);
                    }
                }
                break;
            }
            case ScopeKind.Class:
            {
                PyObject* v = PyDict.GetItem(f.Locals, Intern(name));
                if (v != null)
                {
                    return NewRef(v);
                }
                break;
            }
        }
        return LoadGlobal(f, name);
    }

    private PyObject* LoadGlobal(ExecFrame f, string name)
    {
        PyObject* key = Intern(name);
        PyObject* g = PyDict.GetItem(f.Globals, key);
        if (g != null)
        {
            return NewRef(g);
        }
        PyObject* b = PyDict.GetItem(Builtins, key);
        if (b != null)
        {
            return NewRef(b);
        }
        throw Error(NameError, $"name '{name}' is not defined");
    }

    /// <summary>Binds a variable, taking over <paramref name="value"/>.</summary>
    public void StoreName(ExecFrame f, string name, PyObject* value)
    {
        if (f.CompVars is { } comp)
        {
            for (int i = comp.Count - 1; i >= 0; i--)
            {
                if (comp[i].Name == name)
                {
                    if (comp[i].IsCell)
                    {
                        Refcount.Assign(&((PyCellObject*)comp[i].Value)->ob_ref, value);
                        return;
                    }
                    nint old = comp[i].Value;
                    comp[i] = (name, (nint)value, false);
                    Refcount.XDecref((PyObject*)old);
                    return;
                }
            }
        }
        PyObject* dict;
        switch (f.Scope.Kind)
        {
            case ScopeKind.Function:
            {
                Binding b = f.Scope.Resolve(name);
                switch (b.Kind)
                {
                    case BindingKind.Fast:
                    {
                        nint old = f.Fast[b.Index];
                        f.Fast[b.Index] = (nint)value;
                        Refcount.XDecref((PyObject*)old);
                        return;
                    }
                    case BindingKind.Cell:
                        Refcount.Assign(&((PyCellObject*)f.Fast[b.Index])->ob_ref, value);
                        return;
                    case BindingKind.Free:
                        Refcount.Assign(&((PyCellObject*)PyTuple.Items(f.Closure)[b.Index])->ob_ref, value);
                        return;
                }
                dict = f.Globals;
                break;
            }
            case ScopeKind.Class:
                dict = f.Scope.Globals.Contains(name) ? f.Globals : f.Locals;
                break;
            default:
                dict = f.Globals;
                break;
        }
        try
        {
            PyDict.SetItem(dict, Intern(name), value);
        }
        finally
        {
            Refcount.Decref(value);
        }
    }

    public void DeleteName(ExecFrame f, string name, bool quiet)
    {
        if (f.Scope.Kind == ScopeKind.Function)
        {
            Binding b = f.Scope.Resolve(name);
            if (b.Kind == BindingKind.Fast)
            {
                nint old = f.Fast[b.Index];
                if (old == 0)
                {
                    if (quiet)
                    {
                        return;
                    }
                    throw Error(UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value");
                }
                f.Fast[b.Index] = 0;
                Refcount.Decref((PyObject*)old);
                return;
            }
            PyObject** slot = b.Kind switch
            {
                BindingKind.Cell => &((PyCellObject*)f.Fast[b.Index])->ob_ref,
                BindingKind.Free => &((PyCellObject*)PyTuple.Items(f.Closure)[b.Index])->ob_ref,
                _ => null,
            };
            if (slot != null)
            {
                if (*slot == null)
                {
                    if (quiet)
                    {
                        return;
                    }
                    throw Error(UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value");
                }
                Refcount.Clear(slot);
                return;
            }
        }
        PyObject* dict = f.Scope.Kind == ScopeKind.Class && !f.Scope.Globals.Contains(name) ? f.Locals : f.Globals;
        if (!PyDict.DelItem(dict, Intern(name)) && !quiet)
        {
            throw Error(NameError, $"name '{name}' is not defined");
        }
    }

    /// <summary>The cell for <paramref name="name"/> as seen from <paramref name="f"/> (borrowed), for building closures.</summary>
    private PyObject* FindCell(ExecFrame f, string name)
    {
        if (f.CompVars is { } comp)
        {
            for (int i = comp.Count - 1; i >= 0; i--)
            {
                if (comp[i].Name == name && comp[i].IsCell)
                {
                    return (PyObject*)comp[i].Value;
                }
            }
        }
        while (f.Scope.Kind == ScopeKind.Class && f.Parent != null)
        {
            f = f.Parent;
        }
        if (f.Scope.Kind == ScopeKind.Function)
        {
            Binding b = f.Scope.Resolve(name);
            if (b.Kind == BindingKind.Cell)
            {
                return (PyObject*)f.Fast[b.Index];
            }
            if (b.Kind == BindingKind.Free)
            {
                return PyTuple.Items(f.Closure)[b.Index];
            }
        }
        throw Error(SystemError, $"no cell for free variable '{name}'");
    }
}
