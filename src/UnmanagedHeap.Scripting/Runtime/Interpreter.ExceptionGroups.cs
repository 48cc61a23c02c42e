using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// PEP 654's BaseExceptionGroup and ExceptionGroup: construction with CPython's checks (and
/// BaseExceptionGroup(...) of plain Exceptions giving an ExceptionGroup), <c>message</c>,
/// <c>exceptions</c>, str(), <c>split</c>, <c>subgroup</c> and <c>derive</c>.
/// <para>
/// CPython's ExceptionGroup has two bases (BaseExceptionGroup, Exception); classes here
/// have one. ExceptionGroup's tp_base is Exception (so <c>except Exception</c> and every
/// C# subtype test see it), its <c>__mro__</c> names BaseExceptionGroup, and
/// <see cref="IsExceptionSubtype"/> adds the second edge for isinstance, issubclass and
/// except clauses. BaseExceptionGroup's methods are found for both through
/// <see cref="GroupMethod"/>.
/// </para>
/// </summary>
public sealed unsafe partial class Interpreter
{
    public PyTypeObject* BaseExceptionGroup { get; private set; }
    public PyTypeObject* ExceptionGroup { get; private set; }

    private int _splitIndex = -1;
    private int _subgroupIndex = -1;
    private int _deriveIndex = -1;

    private void CreateExceptionGroupTypes()
    {
        BaseExceptionGroup = Exc("BaseExceptionGroup", BaseException);
        ExceptionGroup = Exc("ExceptionGroup", Exception);
        // type(eg).__mro__ as CPython shows it: ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object.
        PyObject* old = ExceptionGroup->tp_mro;
        ExceptionGroup->tp_mro = Tuple([(nint)ExceptionGroup, (nint)BaseExceptionGroup, (nint)Exception, (nint)BaseException, (nint)St->type_object]);
        Refcount.XDecref(old);
    }

    /// <summary><see cref="IsSubtype"/> plus ExceptionGroup's second base, BaseExceptionGroup.</summary>
    public bool IsExceptionSubtype(PyTypeObject* a, PyTypeObject* b) =>
        IsSubtype(a, b) || (b == BaseExceptionGroup && b != null && ExceptionGroup != null && IsSubtype(a, ExceptionGroup));

    internal bool IsGroupType(PyTypeObject* t) =>
        BaseExceptionGroup != null && (IsSubtype(t, BaseExceptionGroup) || IsSubtype(t, ExceptionGroup));

    internal bool IsGroup(PyObject* o) => IsGroupType(o->ob_type);

    /// <summary>BaseExceptionGroup.__new__'s checks; the instance keeps message and the exceptions as a tuple.</summary>
    private PyObject* NewExceptionGroup(PyTypeObject* type, PyObject* args)
    {
        nint n = PyTuple.Size(args);
        if (n != 2)
        {
            throw TypeErr($"BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)");
        }
        PyObject* message = PyTuple.Items(args)[0];
        PyObject* excs = PyTuple.Items(args)[1];
        if (!IsStr(message))
        {
            throw TypeErr($"BaseExceptionGroup.__new__() argument 1 must be str, not {TypeName(message)}");
        }
        if (!IsList(excs) && !IsTuple(excs))
        {
            throw TypeErr("second argument (exceptions) must be a sequence");
        }
        nint count = IsList(excs) ? PyList.Size(excs) : PyTuple.Size(excs);
        if (count == 0)
        {
            throw ValueErr("second argument (exceptions) must be a non-empty sequence");
        }
        var items = new List<nint>();
        bool allExceptions = true;
        for (nint i = 0; i < count; i++)
        {
            PyObject* e = IsList(excs) ? PyList.Items(excs)[i] : PyTuple.Items(excs)[i];
            if (!IsSubtype(e->ob_type, BaseException))
            {
                foreach (nint it in items)
                {
                    Refcount.Decref((PyObject*)it);
                }
                throw ValueErr($"Item {i} of second argument (exceptions) is not an exception");
            }
            allExceptions &= IsSubtype(e->ob_type, Exception);
            items.Add((nint)NewRef(e));
        }
        PyObject* tuple = TupleSteal(items);
        try
        {
            if (type == BaseExceptionGroup && allExceptions)
            {
                type = ExceptionGroup;
            }
            else if (IsSubtype(type, ExceptionGroup) && !allExceptions)
            {
                throw TypeErr("Cannot nest BaseExceptions in an ExceptionGroup");
            }
            else if (IsSubtype(type, Exception) && !IsSubtype(type, ExceptionGroup) && !allExceptions)
            {
                throw TypeErr($"Cannot nest BaseExceptions in '{NameOfType(type)}'");
            }
            PyObject* exc = PyInstance.New(type);
            PyInstance.SetAttr(exc, Intern("args"), args);
            PyInstance.SetAttr(exc, Intern("message"), message);
            PyInstance.SetAttr(exc, Intern("exceptions"), tuple);
            return exc;
        }
        finally
        {
            Refcount.Decref(tuple);
        }
    }

    /// <summary>The exceptions tuple of a group (borrowed), or null.</summary>
    internal PyObject* GroupExceptions(PyObject* group)
    {
        PyObject* t = PyInstance.GetAttr(group, Intern("exceptions"));
        return t != null && IsTuple(t) ? t : null;
    }

    /// <summary>str(group): "message (N sub-exceptions)".</summary>
    private string? GroupStr(PyObject* group)
    {
        PyObject* message = PyInstance.GetAttr(group, Intern("message"));
        PyObject* excs = GroupExceptions(group);
        if (message == null || excs == null || !IsStr(message))
        {
            return null;
        }
        nint n = PyTuple.Size(excs);
        return $"{PyUnicode.AsString(message)} ({n} sub-exception{(n > 1 ? "s" : "")})";
    }

    private void RegisterExceptionGroupMethods()
    {
        _splitIndex = Def("split", (self, a, _) =>
        {
            Arity("split", a, 1, 1);
            SplitGroup(self, (PyObject*)a[0], out nint match, out nint rest);
            return TupleSteal((ReadOnlySpan<nint>)[match != 0 ? match : (nint)NewRef(St->none), rest != 0 ? rest : (nint)NewRef(St->none)]);
        });
        _subgroupIndex = Def("subgroup", (self, a, _) =>
        {
            Arity("subgroup", a, 1, 1);
            SplitGroup(self, (PyObject*)a[0], out nint match, out nint rest);
            Refcount.XDecref((PyObject*)rest);
            return match != 0 ? (PyObject*)match : None;
        });
        _deriveIndex = Def("derive", (self, a, _) =>
        {
            Arity("derive", a, 1, 1);
            PyObject* message = PyInstance.GetAttr(self, Intern("message"));
            PyObject* args = Tuple([(nint)(message != null ? message : St->none), a[0]]);
            try
            {
                return NewExceptionGroup(BaseExceptionGroup, args);
            }
            finally
            {
                Refcount.Decref(args);
            }
        });
    }

    private PyObject* GroupMethod(PyObject* group, string name) => name switch
    {
        "split" => NewBuiltin(_splitIndex, group),
        "subgroup" => NewBuiltin(_subgroupIndex, group),
        "derive" => NewBuiltin(_deriveIndex, group),
        _ => null,
    };

    /// <summary>Whether <paramref name="exc"/> satisfies a split condition: an exception type, a tuple of them, or a predicate.</summary>
    private bool SplitMatches(PyObject* exc, PyObject* condition)
    {
        if (IsType(condition) || IsTuple(condition))
        {
            return ExceptionMatches(exc, condition);
        }
        if (!IsCallable(condition))
        {
            throw TypeErr("expected an exception type, a tuple of exception types, or a callable (other than a class)");
        }
        PyObject* r = CallBorrowed(condition, (nint)exc);
        try
        {
            return IsTrue(r);
        }
        finally
        {
            Refcount.Decref(r);
        }
    }

    /// <summary>
    /// CPython's exceptiongroup_split_recursive: (match, rest) as new references or null. A
    /// group that matches whole is returned as it is; otherwise each part is a new group made
    /// by derive() with the original's traceback, cause, context and a copy of its notes.
    /// </summary>
    internal void SplitGroup(PyObject* exc, PyObject* condition, out nint match, out nint restPart)
    {
        // The condition may run Python code: the exception stays alive through it.
        Refcount.Incref(exc);
        try
        {
            if (SplitMatches(exc, condition))
            {
                match = (nint)NewRef(exc);
                restPart = 0;
                return;
            }
            PyObject* excs = IsGroup(exc) ? GroupExceptions(exc) : null;
            if (excs == null)
            {
                match = 0;
                restPart = (nint)NewRef(exc);
                return;
            }
            Refcount.Incref(excs);
            var matched = new List<nint>();
            var rest = new List<nint>();
            try
            {
                for (nint i = 0; i < PyTuple.Size(excs); i++)
                {
                    SplitGroup(PyTuple.Items(excs)[i], condition, out nint m, out nint r);
                    if (m != 0)
                    {
                        matched.Add(m);
                    }
                    if (r != 0)
                    {
                        rest.Add(r);
                    }
                }
                match = DerivedPart(exc, matched);
                try
                {
                    restPart = DerivedPart(exc, rest);
                }
                catch
                {
                    Refcount.XDecref((PyObject*)match);
                    throw;
                }
            }
            finally
            {
                foreach (nint m in matched)
                {
                    Refcount.Decref((PyObject*)m);
                }
                foreach (nint r in rest)
                {
                    Refcount.Decref((PyObject*)r);
                }
                Refcount.Decref(excs);
            }
        }
        finally
        {
            Refcount.Decref(exc);
        }
    }

    /// <summary>group.derive(parts) carrying the group's metadata (0 for no parts). Borrows <paramref name="parts"/>.</summary>
    private nint DerivedPart(PyObject* group, List<nint> parts)
    {
        if (parts.Count == 0)
        {
            return 0;
        }
        PyObject* list = PyList.New(St, 0);
        foreach (nint p in parts)
        {
            PyList.Append(list, (PyObject*)p);
        }
        PyObject* derived;
        try
        {
            PyObject* derive = GetAttr(group, "derive");
            try
            {
                derived = CallBorrowed(derive, (nint)list);
            }
            finally
            {
                Refcount.Decref(derive);
            }
        }
        finally
        {
            Refcount.Decref(list);
        }
        if (!IsSubtype(derived->ob_type, BaseException) || !IsInstanceLayout(derived->ob_type))
        {
            Refcount.Decref(derived);
            throw TypeErr("derive must return an instance of BaseExceptionGroup");
        }
        foreach (string name in (ReadOnlySpan<string>)["__traceback__", "__cause__", "__context__"])
        {
            PyObject* v = PyInstance.GetAttr(group, Intern(name));
            if (v != null)
            {
                PyInstance.SetAttr(derived, Intern(name), v);
            }
        }
        PyObject* notes = PyInstance.GetAttr(group, Intern("__notes__"));
        if (notes != null && (IsList(notes) || IsTuple(notes)))
        {
            // Each part gets its own notes list.
            nint n = IsList(notes) ? PyList.Size(notes) : PyTuple.Size(notes);
            PyObject* copy = PyList.New(St, 0);
            for (nint i = 0; i < n; i++)
            {
                PyList.Append(copy, IsList(notes) ? PyList.Items(notes)[i] : PyTuple.Items(notes)[i]);
            }
            PyInstance.SetAttr(derived, Intern("__notes__"), copy);
            Refcount.Decref(copy);
        }
        return (nint)derived;
    }
}
