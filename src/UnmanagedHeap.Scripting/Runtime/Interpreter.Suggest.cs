using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Eval;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Where the "Did you mean" candidates come from, as CPython 3.12's suggestions.c takes them:
/// for a NameError the instance attribute of <c>self</c>, then the frame's locals, its
/// globals and the builtins, each namespace searched on its own in that order; for an
/// AttributeError <c>dir(obj)</c>. The hint is added to the printed line only, never to str(e).
/// A NameError's frame is gone by the time it is printed, so its hint is found where it is
/// raised; an AttributeError keeps <c>name</c> and <c>obj</c> and is searched when printed.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>What dir() of any object lists from <c>object</c> itself (3.12), so they compete as CPython's candidates do.</summary>
    private static readonly string[] ObjectDirNames =
    [
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
        "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
        "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    ];

    /// <summary>NameError for <paramref name="name"/> read in tree-walker frame <paramref name="f"/>.</summary>
    internal PythonException NameErrorIn(ExecFrame f, string name)
    {
        var locals = new List<string>();
        PyObject* self = null;
        if (f.Locals != null)
        {
            AddKeys(locals, f.Locals);
            self = PyDict.GetItem(f.Locals, Intern("self"));
        }
        else
        {
            foreach (var (local, slot) in f.Scope.Slots.OrderBy(p => p.Value))
            {
                if (slot < f.Fast.Length && f.Fast[slot] != 0)
                {
                    locals.Add(local);
                    if (local == "self")
                    {
                        self = (PyObject*)f.Fast[slot];
                    }
                }
            }
        }
        return NameErrorWith(name, locals, f.Globals, self);
    }

    /// <summary>NameError for a global read in bytecode frame <paramref name="f"/>.</summary>
    internal PythonException NameErrorIn(VmFrame* f, Compiler.CodeObject code, string name)
    {
        var locals = new List<string>();
        PyObject* self = null;
        if (code.Info == null)
        {
            AddKeys(locals, f->Globals);
        }
        for (int i = 0; i < code.VarNames.Length && i < f->LocalCount; i++)
        {
            if (f->Locals[i] != 0 && code.VarNames[i] is string local)
            {
                locals.Add(local);
                if (local == "self")
                {
                    self = (PyObject*)f->Locals[i];
                }
            }
        }
        return NameErrorWith(name, locals, f->Globals, self);
    }

    private PythonException NameErrorWith(string name, List<string> locals, PyObject* globals, PyObject* self)
    {
        string? suggestion = null;
        if (self != null && self->ob_type != T.Cell)
        {
            // hasattr(self, name) may run a __getattr__: self stays alive through it.
            Refcount.Incref(self);
            try
            {
                PyObject* found = TryGetAttr(self, name);
                if (found != null)
                {
                    Refcount.Decref(found);
                    suggestion = "self." + name;
                }
            }
            catch (PythonException e)
            {
                DropPending(e);
            }
            finally
            {
                Refcount.Decref(self);
            }
        }
        if (suggestion == null)
        {
            suggestion = Suggestions.Closest(locals, name);
        }
        if (suggestion == null && globals != null)
        {
            var keys = new List<string>();
            AddKeys(keys, globals);
            suggestion = Suggestions.Closest(keys, name);
        }
        if (suggestion == null)
        {
            var keys = new List<string>();
            AddKeys(keys, Builtins);
            suggestion = Suggestions.Closest(keys, name);
        }
        string? hint = suggestion == null ? null : $". Did you mean: '{suggestion}'?";
        if (StdlibModuleNames.Names.Contains(name))
        {
            hint = hint == null ? $". Did you forget to import '{name}'?" : hint + $" Or did you forget to import '{name}'?";
        }
        PythonException error = Error(NameError, $"name '{name}' is not defined");
        SetStrAttr(error.Object, "name", name);
        error.Suggestion = hint;
        return error;
    }

    private static void AddKeys(List<string> into, PyObject* dict)
    {
        nint pos = 0;
        while (PyDict.Next(dict, ref pos, out PyObject* k, out _))
        {
            if (k->ob_type == k->ob_type->tp_heap->type_str)
            {
                into.Add(PyUnicode.AsString(k));
            }
        }
    }

    /// <summary>AttributeError for <paramref name="name"/> on <paramref name="obj"/>, carrying both as CPython's does (for the hint).</summary>
    internal PythonException AttributeErr(PyObject* obj, string name, string message)
    {
        PythonException error = Error(AttributeError, message);
        SetStrAttr(error.Object, "name", name);
        PyInstance.SetAttr(error.Object, Intern("obj"), obj);
        return error;
    }

    /// <summary>The hint of a printed AttributeError: the closest name of dir(obj), or null.</summary>
    private string? AttributeSuggestion(PyObject* exc)
    {
        if (!IsSubtype(exc->ob_type, AttributeError) || !IsInstanceLayout(exc->ob_type))
        {
            return null;
        }
        PyObject* name = PyInstance.GetAttr(exc, Intern("name"));
        PyObject* obj = PyInstance.GetAttr(exc, Intern("obj"));
        if (name == null || obj == null || !IsStr(name))
        {
            return null;
        }
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        CollectDir(obj, candidates);
        string? suggestion = Suggestions.Closest(candidates, PyUnicode.AsString(name));
        return suggestion == null ? null : $". Did you mean: '{suggestion}'?";
    }

    /// <summary>The names dir(obj) lists: a module's globals, an instance's attributes, its class's and its bases', the built-in methods.</summary>
    private void CollectDir(PyObject* obj, SortedSet<string> names)
    {
        if (obj->ob_type == T.Module)
        {
            var keys = new List<string>();
            AddKeys(keys, ((Types.PyModuleObject*)obj)->md_dict);
            names.UnionWith(keys);
            return;
        }
        names.UnionWith(ObjectDirNames);
        if (IsInstanceLayout(obj->ob_type))
        {
            nint pos = 0;
            while (PyInstance.NextAttr(obj, ref pos, out PyObject* k, out _))
            {
                names.Add(PyUnicode.AsString(k));
            }
        }
        for (PyTypeObject* c = IsType(obj) ? (PyTypeObject*)obj : obj->ob_type; c != null; c = c->tp_base)
        {
            if (c->tp_dict != null)
            {
                var keys = new List<string>();
                AddKeys(keys, c->tp_dict);
                names.UnionWith(keys);
            }
            foreach (var (type, method) in _methods.Keys)
            {
                if (type == (nint)c)
                {
                    names.Add(method);
                }
            }
        }
    }
}
