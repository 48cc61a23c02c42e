using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>try ... except*</c> (PEP 654) as CPython 3.12 runs it: each clause takes the part of
/// the exception group its types match (a lone exception that matches is wrapped in a
/// group), the rest goes on to the next clause; what the clauses raise and what no clause
/// took are raised together at the end (CPython's _PyExc_PrepReraiseStar): re-raised parts
/// keep the original group's shape, new exceptions join them in a new ExceptionGroup.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private Flow ExecTryStar(TryStmt t, ExecFrame f)
    {
        Flow flow;
        try
        {
            flow = ExecBlock(t.Body, f);
        }
        catch (Exception raw) when (NoteRaise(raw) || true)
        {
            int raisedAt = f.Line;
            PythonException e = Translate(raw);
            SetImplicitContext(e);
            e.AddFrame(f.File, raisedAt, f.Function);
            MaterializeTraceback(e);
            PyObject* orig = e.Steal();
            try
            {
                HandleStar(t, f, orig);
            }
            finally
            {
                Refcount.Decref(orig);
            }
            return Flow.Normal;
        }
        if (flow != Flow.Normal)
        {
            return flow;
        }
        return ExecBlock(t.OrElse, f);
    }

    private void HandleStar(TryStmt t, ExecFrame f, PyObject* orig)
    {
        nint rest = (nint)NewRef(orig);
        var raised = new List<nint>();
        try
        {
            foreach (ExceptHandler h in t.Handlers)
            {
                if (rest == 0)
                {
                    break;
                }
                nint match, remaining;
                PyObject* spec = Eval(h.Type!, f);
                try
                {
                    CheckStarSpec(spec);
                    StarMatch((PyObject*)rest, spec, out match, out remaining);
                }
                finally
                {
                    Refcount.Decref(spec);
                }
                Refcount.Decref((PyObject*)rest);
                rest = remaining;
                if (match == 0)
                {
                    continue;
                }
                f.Line = h.Line;
                Handling.Add(match);
                try
                {
                    if (h.Name is not null)
                    {
                        StoreName(f, h.Name, NewRef((PyObject*)match));
                    }
                    // break/continue/return cannot appear in an except* block (a SyntaxError in CPython).
                    ExecBlock(h.Body, f);
                }
                catch (Exception inner) when (NoteRaise(inner) || true)
                {
                    PythonException p = Translate(inner);
                    SetImplicitContext(p);
                    p.AddFrame(f.File, f.Line, f.Function);
                    MaterializeTraceback(p);
                    raised.Add((nint)p.Steal());
                }
                finally
                {
                    Handling.RemoveAt(Handling.Count - 1);
                    if (h.Name is not null)
                    {
                        DeleteName(f, h.Name, quiet: true);
                    }
                    Refcount.Decref((PyObject*)match);
                }
            }
            if (rest != 0)
            {
                raised.Add(rest);
                rest = 0;
            }
            if (raised.Count == 0)
            {
                return;
            }
            PyObject* result = PrepReraiseStar(orig, raised);
            // Raised as RERAISE does: no new context, and the parts' tracebacks already name this frame.
            throw new PythonException(result) { ContextSet = true, SkipFrame = true };
        }
        finally
        {
            Refcount.XDecref((PyObject*)rest);
            foreach (nint r in raised)
            {
                Refcount.Decref((PyObject*)r);
            }
        }
    }

    private void CheckStarSpec(PyObject* spec)
    {
        if (IsTuple(spec))
        {
            for (nint i = 0; i < PyTuple.Size(spec); i++)
            {
                CheckStarSpec(PyTuple.Items(spec)[i]);
            }
            return;
        }
        if (!IsType(spec) || !IsSubtype((PyTypeObject*)spec, BaseException))
        {
            throw TypeErr("catching classes that do not inherit from BaseException is not allowed");
        }
        if (IsGroupType((PyTypeObject*)spec))
        {
            throw TypeErr("catching ExceptionGroup with except* is not allowed. Use except instead.");
        }
    }

    /// <summary>CPython's _PyEval_ExceptionGroupMatch: (match, rest) as new references or 0.</summary>
    private void StarMatch(PyObject* exc, PyObject* spec, out nint match, out nint rest)
    {
        if (ExceptionMatches(exc, spec))
        {
            rest = 0;
            if (IsGroup(exc))
            {
                match = (nint)NewRef(exc);
                return;
            }
            // A lone exception is handed to the clause wrapped in a group with its traceback.
            PyObject* list = Tuple([(nint)exc]);
            PyObject* message = Str("");
            PyObject* args = Tuple([(nint)message, (nint)list]);
            Refcount.Decref(message);
            Refcount.Decref(list);
            try
            {
                match = (nint)NewExceptionGroup(BaseExceptionGroup, args);
            }
            finally
            {
                Refcount.Decref(args);
            }
            PyObject* tb = PyInstance.GetAttr(exc, Intern("__traceback__"));
            if (tb != null)
            {
                PyInstance.SetAttr((PyObject*)match, Intern("__traceback__"), tb);
            }
            return;
        }
        if (IsGroup(exc))
        {
            SplitGroup(exc, spec, out match, out rest);
            return;
        }
        match = 0;
        rest = (nint)NewRef(exc);
    }

    /// <summary>What leaves the try statement (new reference): see the class comment.</summary>
    private PyObject* PrepReraiseStar(PyObject* orig, List<nint> raised)
    {
        if (!IsGroup(orig))
        {
            // A lone exception: only one clause can have run, so there is one thing to raise.
            return NewRef((PyObject*)raised[0]);
        }
        var keep = new HashSet<nint>();
        var fresh = new List<nint>();
        foreach (nint e in raised)
        {
            if (SameExceptionMetadata((PyObject*)e, orig))
            {
                CollectLeaves((PyObject*)e, keep);
            }
            else
            {
                fresh.Add(e);
            }
        }
        nint reraised = keep.Count > 0 ? Project(orig, keep) : 0;
        if (fresh.Count == 0)
        {
            return reraised != 0 ? (PyObject*)reraised : NewRef(orig);
        }
        if (fresh.Count == 1 && reraised == 0)
        {
            // One exception to raise: it is raised as it is, not wrapped.
            return NewRef((PyObject*)fresh[0]);
        }
        PyObject* list = PyList.New(St, 0);
        foreach (nint e in fresh)
        {
            PyList.Append(list, (PyObject*)e);
        }
        if (reraised != 0)
        {
            PyList.Append(list, (PyObject*)reraised);
            Refcount.Decref((PyObject*)reraised);
        }
        PyObject* message = Str("");
        PyObject* args = Tuple([(nint)message, (nint)list]);
        Refcount.Decref(message);
        Refcount.Decref(list);
        try
        {
            return NewExceptionGroup(BaseExceptionGroup, args);
        }
        finally
        {
            Refcount.Decref(args);
        }
    }

    private bool SameExceptionMetadata(PyObject* a, PyObject* b)
    {
        foreach (string name in (ReadOnlySpan<string>)["__notes__", "__traceback__", "__cause__", "__context__"])
        {
            PyObject* x = IsInstanceLayout(a->ob_type) ? PyInstance.GetAttr(a, Intern(name)) : null;
            PyObject* y = IsInstanceLayout(b->ob_type) ? PyInstance.GetAttr(b, Intern(name)) : null;
            if ((x == null ? St->none : x) != (y == null ? St->none : y))
            {
                return false;
            }
        }
        return true;
    }

    private void CollectLeaves(PyObject* exc, HashSet<nint> leaves)
    {
        PyObject* excs = IsGroup(exc) ? GroupExceptions(exc) : null;
        if (excs == null)
        {
            leaves.Add((nint)exc);
            return;
        }
        for (nint i = 0; i < PyTuple.Size(excs); i++)
        {
            CollectLeaves(PyTuple.Items(excs)[i], leaves);
        }
    }

    /// <summary>The part of <paramref name="exc"/> made of the given leaves, in its shape (new reference or 0).</summary>
    private nint Project(PyObject* exc, HashSet<nint> leaves)
    {
        PyObject* excs = IsGroup(exc) ? GroupExceptions(exc) : null;
        if (excs == null)
        {
            return leaves.Contains((nint)exc) ? (nint)NewRef(exc) : 0;
        }
        var parts = new List<nint>();
        try
        {
            for (nint i = 0; i < PyTuple.Size(excs); i++)
            {
                nint p = Project(PyTuple.Items(excs)[i], leaves);
                if (p != 0)
                {
                    parts.Add(p);
                }
            }
            return DerivedPart(exc, parts);
        }
        finally
        {
            foreach (nint p in parts)
            {
                Refcount.Decref((PyObject*)p);
            }
        }
    }
}
