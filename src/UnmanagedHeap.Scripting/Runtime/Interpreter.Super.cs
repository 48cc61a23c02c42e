using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// super() and super(type, obj). The zero-argument form finds the class that defined the
    /// running function (recorded on the function when its class was created, CPython's
    /// __class__ cell) and the frame's first argument.
    /// </summary>
    private PyObject* BSuper(PyObject* self, nint[] a, KwArgs? kw)
    {
        PyObject* type;
        PyObject* obj;
        if (a.Length == 2)
        {
            type = A(a, 0);
            obj = A(a, 1);
        }
        else if (a.Length == 0)
        {
            ExecFrame? f = Current;
            if (f == null || f.FunctionObject == 0)
            {
                throw Error(RuntimeError, "super(): no arguments");
            }
            var fn = (PyFunctionObject*)f.FunctionObject;
            CodeInfo code = Codes[(int)fn->func_code];
            // The __class__ cell is the last item of the closure of a function that needs it.
            PyObject* classCell = UsesClassCell(code.Scope) && fn->func_closure != null
                ? PyTuple.Items(fn->func_closure)[PyTuple.Size(fn->func_closure) - 1]
                : null;
            if (classCell == null || ((PyCellObject*)classCell)->ob_ref == null)
            {
                throw Error(RuntimeError, "super(): __class__ cell not found");
            }
            if (code.PositionalSlots.Length == 0 || f.Fast[code.PositionalSlots[0]] == 0)
            {
                throw Error(RuntimeError, "super(): no arguments");
            }
            type = ((PyCellObject*)classCell)->ob_ref;
            obj = (PyObject*)f.Fast[code.PositionalSlots[0]];
            if (code.Scope.Cells.Contains(code.Parameters.Positional[0].Name))
            {
                obj = ((PyCellObject*)obj)->ob_ref;
            }
        }
        else
        {
            throw TypeErr("super() takes 0 or 2 arguments");
        }
        if (!IsType(type))
        {
            throw TypeErr($"super() argument 1 must be a type, not {TypeName(type)}");
        }
        PyTypeObject* objType = SuperCheck((PyTypeObject*)type, obj);
        PyObject* s = ScriptTypes.New(T.Super);
        ((PySuperObject*)s)->su_type = NewRef(type);
        ((PySuperObject*)s)->su_obj = NewRef(obj);
        ((PySuperObject*)s)->su_obj_type = NewRef((PyObject*)objType);
        ScriptTypes.Track(s);
        return s;
    }

    /// <summary>
    /// CPython's supercheck: the class whose MRO super() walks. A class that derives from
    /// <paramref name="type"/> is its own (super() in a classmethod); an instance gives its type.
    /// </summary>
    private PyTypeObject* SuperCheck(PyTypeObject* type, PyObject* obj)
    {
        if (IsType(obj) && IsSubtype((PyTypeObject*)obj, type))
        {
            return (PyTypeObject*)obj;
        }
        if (IsSubtype(obj->ob_type, type))
        {
            return obj->ob_type;
        }
        throw TypeErr("super(type, obj): obj must be an instance or subtype of type");
    }

    /// <summary>
    /// An attribute found in the classes after su_type in the MRO of su_obj's type (CPython's
    /// super_getattro), bound as that class's descriptor would bind it: functions to the
    /// instance, classmethods to the class the MRO belongs to.
    /// </summary>
    private PyObject* SuperGetAttr(PyObject* super, string name)
    {
        var s = (PySuperObject*)super;
        PyObject* obj = s->su_obj;
        var startType = (PyTypeObject*)s->su_obj_type;
        if (name == "__class__")
        {
            return NewRef((PyObject*)T.Super);
        }
        bool past = false;
        PyObject* key = Intern(name);
        foreach (PyTypeObject* c in new TypeMro(startType))
        {
            if (!past)
            {
                past = c == (PyTypeObject*)s->su_type;
                continue;
            }
            PyObject* v = c->tp_dict != null ? PyDict.GetItem(c->tp_dict, key) : null;
            if (v != null)
            {
                return SuperBind(v, obj, startType, name);
            }
            if (_methods.TryGetValue(((nint)c, name), out int index))
            {
                return _builtinTable[index].IsMethod ? NewBuiltin(index, obj) : NewBuiltin(index, (PyObject*)startType);
            }
            if (c == St->type_object && name == "__init__")
            {
                // object.__init__: accepts the call and does nothing.
                return NewBuiltin(_objectInit, obj);
            }
        }
        return null;
    }

    private PyObject* SuperBind(PyObject* v, PyObject* obj, PyTypeObject* startType, string name)
    {
        // super(C, C).f: obj is the class itself, so a function comes back unbound.
        bool unbound = obj == (PyObject*)startType;
        if (v->ob_type == T.StaticMethod || v->ob_type == T.ClassMethod)
        {
            return BindDescriptor(v, (PyObject*)startType);
        }
        if (v->ob_type == T.Property && !unbound)
        {
            return PropertyGet(v, obj, name);
        }
        if (unbound)
        {
            return NewRef(v);
        }
        if (v->ob_type == T.Builtin && _builtinTable[(int)((PyBuiltinObject*)v)->m_index].IsMethod)
        {
            return NewBuiltin((int)((PyBuiltinObject*)v)->m_index, obj);
        }
        if (v->ob_type == T.Function)
        {
            PyObject* m = ScriptTypes.New(T.Method);
            ((PyMethodObject*)m)->im_func = NewRef(v);
            ((PyMethodObject*)m)->im_self = NewRef(obj);
            ScriptTypes.Track(m);
            return m;
        }
        return NewRef(v);
    }

    private int _objectInit = -1;
    private int _typeMro = -1;

    /// <summary>A class's __mro__ (new reference): its tp_mro, or for a static type its tp_base chain.</summary>
    private PyObject* MroTuple(PyTypeObject* t)
    {
        if (t->tp_mro != null)
        {
            return NewRef(t->tp_mro);
        }
        var items = new List<nint>();
        foreach (PyTypeObject* c in new TypeMro(t))
        {
            items.Add((nint)NewRef((PyObject*)c));
        }
        return TupleSteal(items);
    }

    private PyObject* ListFromTuple(PyObject* tuple)
    {
        nint n = PyTuple.Size(tuple);
        PyObject* l = PyList.New(St, n);
        for (nint i = 0; i < n; i++)
        {
            PyList.Append(l, PyTuple.Items(tuple)[i]);
        }
        return l;
    }

    private void RegisterSuper()
    {
        Global("super", BSuper);
        _objectInit = Def("__init__", (_, _, _) => None);
        _typeMro = Def("mro", (self, a, _) =>
        {
            Arity("mro", a, 0, 0);
            PyObject* mro = MroTuple((PyTypeObject*)self);
            try
            {
                return ListFromTuple(mro);
            }
            finally
            {
                Refcount.Decref(mro);
            }
        });
    }
}
