using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// _pyheap: private helpers for the standard modules written in Python (functools,
/// collections, copy, dataclasses), for the few things their documented behaviour needs
/// that this interpreter's Python cannot yet say: naming a function or class made at run
/// time (functools.wraps, namedtuple) and making an instance without calling __init__
/// (copy, as object.__new__(cls) does in CPython); and deque's native storage (DequeCore.cs).
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyObject* CreatePyheapSupportModule()
    {
        PyObject* m = NewModule("_pyheap");
        ModuleFunction(m, "rename_function", (_, a, kw) =>
        {
            CheckKw("rename_function", kw);
            Arity("rename_function", a, 3, 3);
            PyObject* f = A(a, 0), name = A(a, 1), qualname = A(a, 2);
            if (f->ob_type != T.Function || !IsStr(name) || !IsStr(qualname))
            {
                return None;
            }
            var fn = (PyFunctionObject*)f;
            SetField(&fn->func_name, NewRef(name));
            SetField(&fn->func_qualname, NewRef(qualname));
            return None;
        });
        ModuleFunction(m, "rename_type", (_, a, kw) =>
        {
            CheckKw("rename_type", kw);
            Arity("rename_type", a, 2, 2);
            PyObject* t = A(a, 0);
            if (!IsType(t) || ((PyTypeObject*)t)->tp_flags.HasFlag(TypeFlags.HeapType) == false)
            {
                throw TypeErr("rename_type() needs a class");
            }
            TypeRegistry.Rename((PyTypeObject*)t, AsStr(A(a, 1), "rename_type() name"));
            InvalidateTypeCache();
            return None;
        });
        ModuleFunction(m, "new_instance", (_, a, kw) =>
        {
            CheckKw("new_instance", kw);
            Arity("new_instance", a, 1, 1);
            PyObject* t = A(a, 0);
            if (!IsType(t) || !IsInstanceLayout((PyTypeObject*)t) || IsSubtype((PyTypeObject*)t, BaseException))
            {
                throw TypeErr($"new_instance() needs a class of plain instances, not {Repr(t)}");
            }
            return PyInstance.New((PyTypeObject*)t);
        });
        RegisterDequeCore(m);
        return m;
    }
}
