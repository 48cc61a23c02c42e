using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Exception chaining as CPython 3.12 does it: <c>__context__</c> is the exception being
/// handled when another is raised, <c>raise X from Y</c> sets <c>__cause__</c> and
/// <c>__suppress_context__</c>. The attributes live in the instance's dict (exceptions are
/// plain instances here); absent ones read as CPython's defaults.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private int _addNoteIndex = -1;
    private int _withTracebackIndex = -1;

    private void RegisterExceptionMethods()
    {
        CreateTracebackTypes();
        RegisterExceptionGroupMethods();
        _addNoteIndex = Def("add_note", (self, a, _) =>
        {
            Arity("add_note", a, 1, 1);
            PyObject* note = (PyObject*)a[0];
            if (!IsStr(note))
            {
                throw TypeErr($"note must be a str, not '{TypeName(note)}'");
            }
            PyObject* notes = PyInstance.GetAttr(self, Intern("__notes__"));
            if (notes == null)
            {
                PyObject* list = PyList.New(St, 0);
                PyInstance.SetAttr(self, Intern("__notes__"), list);
                Refcount.Decref(list);
                notes = list;
            }
            if (!IsList(notes))
            {
                throw TypeErr("Cannot add note: __notes__ is not a list");
            }
            PyList.Append(notes, note);
            return None;
        });
        _withTracebackIndex = Def("with_traceback", (self, a, _) =>
        {
            Arity("with_traceback", a, 1, 1);
            SetTraceback(self, (PyObject*)a[0]);
            return NewRef(self);
        });
    }

    /// <summary>
    /// What an exception instance answers for an attribute it has not set: CPython's
    /// BaseException members and methods. Null when <paramref name="name"/> is none of them.
    /// </summary>
    private PyObject* ExceptionDefaultAttr(PyObject* exc, string name) => name switch
    {
        "args" => NewRef(St->empty_tuple),
        "__cause__" or "__context__" or "__traceback__" => None,
        "__suppress_context__" => Bool(false),
        "add_note" => NewBuiltin(_addNoteIndex, exc),
        "with_traceback" => NewBuiltin(_withTracebackIndex, exc),
        _ => IsGroupType(exc->ob_type) ? GroupMethod(exc, name) : null,
    };

    /// <summary>An exception attribute (borrowed), or null when it is unset or None.</summary>
    internal PyObject* ExceptionLink(PyObject* exc, string name)
    {
        if (!IsInstanceLayout(exc->ob_type))
        {
            return null;
        }
        PyObject* v = PyInstance.GetAttr(exc, Intern(name));
        return v == null || v == St->none ? null : v;
    }

    /// <summary>Whether assigning <paramref name="name"/> on an instance of <paramref name="t"/> goes through BaseException's setters.</summary>
    internal bool IsExceptionMember(PyTypeObject* t, string name) =>
        name.Length > 8 && name[0] == '_' && name[1] == '_'
        && name is "__cause__" or "__context__" or "__traceback__" or "__suppress_context__"
        && (t->tp_flags & TypeFlags.BaseExceptionSubclass) != 0;

    /// <summary>BaseException's setters: the type checks, and a cause set by hand suppresses the context.</summary>
    private void SetExceptionMember(PyObject* exc, string name, PyObject* value)
    {
        switch (name)
        {
            case "__traceback__":
                SetTraceback(exc, value);
                return;
            case "__suppress_context__":
                PyInstance.SetAttr(exc, Intern(name), IsTrue(value) ? St->true_obj : St->false_obj);
                return;
        }
        if (value != St->none && !IsSubtype(value->ob_type, BaseException))
        {
            throw TypeErr(name == "__cause__" ? "exception cause must be None or derive from BaseException" : "exception context must be None or derive from BaseException");
        }
        PyInstance.SetAttr(exc, Intern(name), value);
        if (name == "__cause__")
        {
            PyInstance.SetAttr(exc, Intern("__suppress_context__"), St->true_obj);
        }
    }

    private void SetTraceback(PyObject* exc, PyObject* tb)
    {
        if (tb != St->none && !IsTraceback(tb))
        {
            throw TypeErr("__traceback__ must be a traceback or None");
        }
        PyInstance.SetAttr(exc, Intern("__traceback__"), tb);
    }

    /// <summary>
    /// Exception filter used where an exception is first seen leaving code that may be
    /// handling another: a filter runs before any finally of the unwind, so the exceptions
    /// being handled are still those of the raise point. Always false (it only observes).
    /// </summary>
    internal bool NoteRaise(Exception raw)
    {
        if (raw is PythonException e)
        {
            SetImplicitContext(e);
        }
        return false;
    }

    /// <summary>
    /// CPython's _PyErr_SetObject: the new exception's <c>__context__</c> becomes the one being
    /// handled, with any cycle the link would close cut at the old exception's side.
    /// </summary>
    internal void SetImplicitContext(PythonException e)
    {
        if (e.ContextSet)
        {
            return;
        }
        e.ContextSet = true;
        PyObject* exc = e.Object;
        if (Handling.Count == 0 || exc == null || exc == PreallocatedMemoryError || !IsInstanceLayout(exc->ob_type))
        {
            return;
        }
        var handled = (PyObject*)Handling[^1];
        if (handled == exc || !IsInstanceLayout(handled->ob_type))
        {
            return;
        }
        // Walk the handled exception's context chain: if it reaches the new one, break the
        // link there, so a chain never loops (the walk also stops at a loop already present).
        PyObject* o = handled;
        var visited = new HashSet<nint>();
        while (visited.Add((nint)o))
        {
            PyObject* next = ExceptionLink(o, "__context__");
            if (next == null)
            {
                break;
            }
            if (next == exc)
            {
                PyInstance.SetAttr(o, Intern("__context__"), St->none);
                break;
            }
            o = next;
        }
        PyInstance.SetAttr(exc, Intern("__context__"), handled);
    }

    /// <summary><c>raise exc from cause</c>: the cause (consumed; a class is instantiated, None clears it) and the suppression flag.</summary>
    private void SetCause(PyObject* exc, PyObject* cause)
    {
        try
        {
            if (cause != St->none)
            {
                if (IsType(cause) && IsSubtype((PyTypeObject*)cause, BaseException))
                {
                    PyObject* made = Call(cause, [], null);
                    Refcount.Decref(cause);
                    cause = made;
                }
                else if (!IsSubtype(cause->ob_type, BaseException))
                {
                    throw TypeErr("exception causes must derive from BaseException");
                }
            }
            if (!IsInstanceLayout(exc->ob_type))
            {
                return;
            }
            PyInstance.SetAttr(exc, Intern("__cause__"), cause);
            PyInstance.SetAttr(exc, Intern("__suppress_context__"), St->true_obj);
        }
        finally
        {
            Refcount.Decref(cause);
        }
    }
}
