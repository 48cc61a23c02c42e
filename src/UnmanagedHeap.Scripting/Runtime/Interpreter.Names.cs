using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>The resolved binding of <paramref name="n"/> in the scope of <paramref name="f"/>, memoized on the node.</summary>
    private NameSite SiteOf(NameExpr n, ExecFrame f)
    {
        if (n.EvaluatorCache is NameSite site && site.Scope == f.Scope && site.Owner == this)
        {
            return site;
        }
        site = ResolveSite(n.Id, f.Scope);
        n.EvaluatorCache = site;
        return site;
    }

    private NameSite ResolveSite(string name, Scope scope)
    {
        PyObject* key = Intern(name);
        switch (scope.Kind)
        {
            case ScopeKind.Function:
            {
                Binding b = scope.Resolve(name);
                NameAccess access = b.Kind switch
                {
                    BindingKind.Fast => NameAccess.Fast,
                    BindingKind.Cell => NameAccess.Cell,
                    BindingKind.Free => NameAccess.Free,
                    _ => NameAccess.Global,
                };
                return new NameSite(this, scope, access, b.Index, key, storesGlobal: true);
            }
            case ScopeKind.Class:
                return new NameSite(this, scope, NameAccess.ClassBody, 0, key, scope.Globals.Contains(name));
            default:
                return new NameSite(this, scope, NameAccess.Global, 0, key, storesGlobal: true);
        }
    }

    /// <summary>Reads the variable a name expression names (new reference); <see cref="LoadName(ExecFrame, string)"/> without lookups by name.</summary>
    public PyObject* LoadName(ExecFrame f, NameExpr n)
    {
        if (f.CompVars is { Count: > 0 })
        {
            // Comprehension variables shadow the scope's own: the general path looks them up by name.
            return LoadName(f, n.Id);
        }
        NameSite site = SiteOf(n, f);
        switch (site.Access)
        {
            case NameAccess.Fast:
                return LoadFast(f, site.Index, n.Id);
            case NameAccess.Cell:
                return LoadCell(f, site.Index, n.Id);
            case NameAccess.Free:
                return LoadFree(f, site.Index, n.Id);
            case NameAccess.ClassBody:
            {
                PyObject* v = PyDict.GetItem(f.Locals, site.Key);
                if (v != null)
                {
                    return NewRef(v);
                }
                break;
            }
        }
        PyObject* g = PyDict.GetItem(f.Globals, site.Key);
        if (g != null)
        {
            return NewRef(g);
        }
        PyObject* b = PyDict.GetItem(Builtins, site.Key);
        if (b != null)
        {
            return NewRef(b);
        }
        throw NameErrorIn(f, n.Id);
    }

    /// <summary>Binds the variable a name expression names, taking over <paramref name="value"/>; <see cref="StoreName(ExecFrame, string, PyObject*)"/> without lookups by name.</summary>
    public void StoreName(ExecFrame f, NameExpr n, PyObject* value)
    {
        if (f.CompVars is { Count: > 0 })
        {
            StoreName(f, n.Id, value);
            return;
        }
        NameSite site = SiteOf(n, f);
        switch (site.Access)
        {
            case NameAccess.Fast:
            {
                nint old = f.Fast[site.Index];
                f.Fast[site.Index] = (nint)value;
                Refcount.XDecref((PyObject*)old);
                return;
            }
            case NameAccess.Cell:
                Refcount.Assign(&((PyCellObject*)f.Fast[site.Index])->ob_ref, value);
                return;
            case NameAccess.Free:
                Refcount.Assign(&((PyCellObject*)PyTuple.Items(f.Closure)[site.Index])->ob_ref, value);
                return;
        }
        try
        {
            PyDict.SetItem(site.StoresGlobal ? f.Globals : f.Locals, site.Key, value);
        }
        finally
        {
            Refcount.Decref(value);
        }
    }

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
                        return LoadFast(f, b.Index, name);
                    case BindingKind.Cell:
                        return LoadCell(f, b.Index, name);
                    case BindingKind.Free:
                        return LoadFree(f, b.Index, name);
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
        throw NameErrorIn(f, name);
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

    // ---- Reads of a function's slots, shared by the cached name sites and the lookup by name ----

    /// <summary>A local variable (new reference), or UnboundLocalError.</summary>
    private PyObject* LoadFast(ExecFrame f, int index, string name)
    {
        var v = (PyObject*)f.Fast[index];
        return v != null ? NewRef(v) : throw Unbound(name);
    }

    /// <summary>A local variable that inner functions capture, read through its cell.</summary>
    private PyObject* LoadCell(ExecFrame f, int index, string name)
    {
        PyObject* v = ((PyCellObject*)f.Fast[index])->ob_ref;
        return v != null ? NewRef(v) : throw Unbound(name);
    }

    /// <summary>A variable of an enclosing function, read through the closure's cell.</summary>
    private PyObject* LoadFree(ExecFrame f, int index, string name)
    {
        PyObject* v = ((PyCellObject*)PyTuple.Items(f.Closure)[index])->ob_ref;
        return v != null
            ? NewRef(v)
            : throw Error(NameError, $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
    }

    private PythonException Unbound(string name) =>
        Error(UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value");
}
