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
        PyObject* s = ScriptTypes.New(T.Super);
        ((PySuperObject*)s)->su_type = NewRef(type);
        ((PySuperObject*)s)->su_obj = NewRef(obj);
        ScriptTypes.Track(s);
        return s;
    }

    /// <summary>An attribute looked up after the super object's class in the instance's class chain.</summary>
    private PyObject* SuperGetAttr(PyObject* super, string name)
    {
        var s = (PySuperObject*)super;
        PyObject* obj = s->su_obj;
        PyTypeObject* start = ((PyTypeObject*)s->su_type)->tp_base;
        if (start == null)
        {
            return null;
        }
        PyObject* v = LookupInType(start, name);
        if (v == null)
        {
            for (PyTypeObject* c = start; c != null; c = c->tp_base)
            {
                if (_methods.TryGetValue(((nint)c, name), out int index))
                {
                    return NewBuiltin(index, obj);
                }
            }
            if (name == "__init__")
            {
                // object.__init__: accepts the call and does nothing.
                return NewBuiltin(_objectInit, obj);
            }
            return null;
        }
        if (v->ob_type == T.Function || (v->ob_type == T.Builtin && _builtinTable[(int)((PyBuiltinObject*)v)->m_index].IsMethod))
        {
            if (v->ob_type == T.Builtin)
            {
                return NewBuiltin((int)((PyBuiltinObject*)v)->m_index, obj);
            }
            PyObject* m = ScriptTypes.New(T.Method);
            ((PyMethodObject*)m)->im_func = NewRef(v);
            ((PyMethodObject*)m)->im_self = NewRef(obj);
            ScriptTypes.Track(m);
            return m;
        }
        return NewRef(v);
    }

    private int _objectInit = -1;

    private void RegisterSuper()
    {
        Global("super", BSuper);
        _objectInit = Def("__init__", (_, _, _) => None);
    }
}
