using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>property, staticmethod and classmethod: the three descriptors class bodies use most.</summary>
    private void RegisterDescriptors()
    {
        Constructor(T.Property, "property", (_, a, kw) =>
        {
            Arity("property", a, 0, 3);
            PyObject* get = a.Length > 0 ? A(a, 0) : Kw(kw, "fget");
            PyObject* set = a.Length > 1 ? A(a, 1) : Kw(kw, "fset");
            PyObject* del = a.Length > 2 ? A(a, 2) : Kw(kw, "fdel");
            return NewDescriptor(T.Property, get, set, del);
        });
        Constructor(T.StaticMethod, "staticmethod", (_, a, _) =>
        {
            Arity("staticmethod", a, 1, 1);
            return NewDescriptor(T.StaticMethod, A(a, 0), null, null);
        });
        Constructor(T.ClassMethod, "classmethod", (_, a, _) =>
        {
            Arity("classmethod", a, 1, 1);
            return NewDescriptor(T.ClassMethod, A(a, 0), null, null);
        });
        Method(T.Property, "getter", (self, a, _) => PropertyWith(self, 0, A(a, 0)));
        Method(T.Property, "setter", (self, a, _) => PropertyWith(self, 1, A(a, 0)));
        Method(T.Property, "deleter", (self, a, _) => PropertyWith(self, 2, A(a, 0)));
    }

    private PyObject* NewDescriptor(PyTypeObject* type, PyObject* get, PyObject* set, PyObject* del)
    {
        PyObject* d = ScriptTypes.New(type);
        var o = (PyDescriptorObject*)d;
        o->d_get = get == null || get == St->none ? null : NewRef(get);
        o->d_set = set == null || set == St->none ? null : NewRef(set);
        o->d_del = del == null || del == St->none ? null : NewRef(del);
        ScriptTypes.Track(d);
        return d;
    }

    /// <summary>@x.setter and friends: a copy of the property with one accessor replaced.</summary>
    private PyObject* PropertyWith(PyObject* prop, int which, PyObject* func)
    {
        var p = (PyDescriptorObject*)prop;
        return NewDescriptor(T.Property, which == 0 ? func : p->d_get, which == 1 ? func : p->d_set, which == 2 ? func : p->d_del);
    }

    private PyObject* PropertyGet(PyObject* prop, PyObject* obj, string name)
    {
        var p = (PyDescriptorObject*)prop;
        if (p->d_get == null)
        {
            throw Error(AttributeError, $"property '{name}' of '{TypeName(obj)}' object has no getter");
        }
        return CallBorrowed(p->d_get, (nint)obj);
    }

    /// <summary>staticmethod gives the function itself; classmethod binds it to the class.</summary>
    private PyObject* BindDescriptor(PyObject* descriptor, PyObject* cls)
    {
        PyObject* func = ((PyDescriptorObject*)descriptor)->d_get;
        if (descriptor->ob_type == T.StaticMethod)
        {
            return NewRef(func);
        }
        PyObject* m = ScriptTypes.New(T.Method);
        ((PyMethodObject*)m)->im_func = NewRef(func);
        ((PyMethodObject*)m)->im_self = NewRef(cls);
        ScriptTypes.Track(m);
        return m;
    }
}
