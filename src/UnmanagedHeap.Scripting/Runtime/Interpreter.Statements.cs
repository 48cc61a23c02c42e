using System.Collections.Immutable;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>Runs a block straight from the tree: an ImmutableArray passed as IReadOnlyList would be boxed on every call.</summary>
    public Flow ExecBlock(ImmutableArray<Stmt> body, ExecFrame f)
    {
        for (int i = 0; i < body.Length; i++)
        {
            Flow flow = Exec(body[i], f);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }
        return Flow.Normal;
    }

    public Flow ExecBlock(IReadOnlyList<Stmt> body, ExecFrame f)
    {
        for (int i = 0; i < body.Count; i++)
        {
            Flow flow = Exec(body[i], f);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }
        return Flow.Normal;
    }

    public Flow Exec(Stmt s, ExecFrame f)
    {
        f.Line = s.Line;
        try
        {
            // A statement boundary is a safe point: a collection the allocator scheduled runs here.
            Heap.RunPendingCollection();
            return ExecInner(s, f);
        }
        catch (Exception e) when (e is not PythonException)
        {
            throw Translate(e);
        }
    }

    private Flow ExecInner(Stmt s, ExecFrame f)
    {
        switch (s)
        {
            case ExprStmt e:
                if (e.Echo)
                {
                    DisplayValue(Eval(e.Value, f));
                    return Flow.Normal;
                }
                Refcount.Decref(Eval(e.Value, f));
                return Flow.Normal;
            case AssignStmt a:
            {
                PyObject* v = Eval(a.Value, f);
                try
                {
                    foreach (Expr t in a.Targets)
                    {
                        AssignTo(t, v, f);
                    }
                }
                finally
                {
                    Refcount.Decref(v);
                }
                return Flow.Normal;
            }
            case ReturnStmt r:
                f.ReturnValue = (nint)(r.Value is null ? None : Eval(r.Value, f));
                return Flow.Return;
            case IfStmt i:
                return Truthy(i.Test, f) ? ExecBlock(i.Body, f) : ExecBlock(i.OrElse, f);
            case AugAssignStmt aug:
                ExecAugAssign(aug, f);
                return Flow.Normal;
            case ForStmt fo:
                return ExecFor(fo, f);
            case WhileStmt w:
                return ExecWhile(w, f);
            case AnnAssignStmt ann:
                ExecAnnAssign(ann, f);
                return Flow.Normal;
            case DeleteStmt d:
                foreach (Expr t in d.Targets)
                {
                    DeleteTarget(t, f);
                }
                return Flow.Normal;
            case PassStmt or GlobalStmt or NonlocalStmt:
                return Flow.Normal;
            case BreakStmt:
                return Flow.Break;
            case ContinueStmt:
                return Flow.Continue;
            case TryStmt t:
                return ExecTry(t, f);
            case WithStmt w:
                return ExecWith(w, 0, f);
            case MatchStmt m:
                return ExecMatch(m, f);
            case RaiseStmt r:
                throw MakeRaise(r, f);
            case AssertStmt a:
                ExecAssert(a, f);
                return Flow.Normal;
            case ImportStmt imp:
                ExecImport(imp, f);
                return Flow.Normal;
            case ImportFromStmt imp:
                ExecImportFrom(imp, f);
                return Flow.Normal;
            case FunctionDefStmt def:
                StoreName(f, def.Name, MakeFunction(def, f));
                return Flow.Normal;
            case ClassDefStmt cls:
                StoreName(f, cls.Name, MakeClass(cls, f));
                return Flow.Normal;
            default:
                throw Error(SystemError, $"the '{s.GetType().Name.Replace("Stmt", "", StringComparison.Ordinal).ToLowerInvariant()}' statement is not supported by this interpreter");
        }
    }

    private bool Truthy(Expr e, ExecFrame f)
    {
        PyObject* v = Eval(e, f);
        try
        {
            return IsTrue(v);
        }
        finally
        {
            Refcount.Decref(v);
        }
    }

    private Flow ExecWhile(WhileStmt w, ExecFrame f)
    {
        while (Truthy(w.Test, f))
        {
            Flow flow = ExecBlock(w.Body, f);
            if (flow == Flow.Break)
            {
                return Flow.Normal;
            }
            if (flow == Flow.Return)
            {
                return flow;
            }
            f.Line = w.Line;
            PollInterrupt();
        }
        return ExecBlock(w.OrElse, f);
    }

    private Flow ExecFor(ForStmt fo, ExecFrame f)
    {
        PyObject* iterable = Eval(fo.Iter, f);
        PyObject* it;
        try
        {
            it = GetIter(iterable);
        }
        finally
        {
            Refcount.Decref(iterable);
        }
        try
        {
            while (true)
            {
                // An exception from the iterator (a generator's body, a __next__) is reported at the for line.
                f.Line = fo.Line;
                PyObject* item = Next(it);
                if (item == null)
                {
                    break;
                }
                try
                {
                    AssignTo(fo.Target, item, f);
                }
                finally
                {
                    Refcount.Decref(item);
                }
                Flow flow = ExecBlock(fo.Body, f);
                if (flow == Flow.Break)
                {
                    return Flow.Normal;
                }
                if (flow == Flow.Return)
                {
                    return flow;
                }
                Heap.RunPendingCollection();
                PollInterrupt();
            }
        }
        finally
        {
            Refcount.Decref(it);
        }
        return ExecBlock(fo.OrElse, f);
    }

    private Flow ExecTry(TryStmt t, ExecFrame f)
    {
        Flow flow = Flow.Normal;
        PythonException? pending = null;
        // The line the exception left this frame's code at: the traceback names it, not a line of the finally body.
        int raisedAt = 0;
        try
        {
            flow = ExecTryExcept(t, f);
        }
        catch (Exception e) when (NoteRaise(e) || true)
        {
            raisedAt = f.Line;
            pending = Translate(e);
            SetImplicitContext(pending);
        }
        if (t.FinalBody.Length > 0)
        {
            nint savedReturn = flow == Flow.Return ? f.ReturnValue : 0;
            f.ReturnValue = 0;
            if (pending != null)
            {
                // The finally body runs as a handler of the pending exception (sys.exc_info() sees
                // it, an exception raised there gets it as __context__): its traceback so far is
                // kept on the instance; this frame's entry is added when it leaves the frame.
                MaterializeTraceback(pending);
                Handling.Add((nint)pending.Object);
            }
            Flow final;
            try
            {
                final = ExecBlock(t.FinalBody, f);
            }
            catch (Exception e) when (NoteRaise(e))
            {
                throw;
            }
            catch
            {
                if (pending != null)
                {
                    // Replaced by the new exception, the pending one is printed as its context.
                    Handling.RemoveAt(Handling.Count - 1);
                    pending.AddFrame(f.File, raisedAt, f.Function);
                    MaterializeTraceback(pending);
                }
                DropPending(pending);
                Refcount.XDecref((PyObject*)savedReturn);
                throw;
            }
            if (pending != null)
            {
                Handling.RemoveAt(Handling.Count - 1);
            }
            if (final != Flow.Normal)
            {
                // break/continue/return in finally discards the pending exception or return value.
                DropPending(pending);
                Refcount.XDecref((PyObject*)savedReturn);
                return final;
            }
            f.ReturnValue = savedReturn;
        }
        if (pending != null)
        {
            f.Line = raisedAt;
            throw pending;
        }
        return flow;
    }

    private static void DropPending(PythonException? pending)
    {
        if (pending != null)
        {
            Refcount.XDecref(pending.Steal());
        }
    }

    private Flow ExecTryExcept(TryStmt t, ExecFrame f)
    {
        if (t.Handlers.Length > 0 && t.Handlers[0].IsStar)
        {
            return ExecTryStar(t, f);
        }
        Flow flow;
        try
        {
            flow = ExecBlock(t.Body, f);
        }
        catch (Exception raw) when (NoteRaise(raw) || t.Handlers.Length > 0)
        {
            int raisedAt = f.Line;
            PythonException e = Translate(raw);
            SetImplicitContext(e);
            PyObject* exc = e.Object;
            foreach (ExceptHandler h in t.Handlers)
            {
                bool match = h.Type is null;
                if (!match)
                {
                    PyObject* spec = Eval(h.Type!, f);
                    try
                    {
                        match = ExceptionMatches(exc, spec);
                    }
                    finally
                    {
                        Refcount.Decref(spec);
                    }
                }
                if (!match)
                {
                    continue;
                }
                f.Line = h.Line;
                // Caught here: the traceback, this frame's entry included, moves to __traceback__.
                e.AddFrame(f.File, raisedAt, f.Function);
                MaterializeTraceback(e);
                exc = e.Steal();
                Handling.Add((nint)exc);
                try
                {
                    if (h.Name is not null)
                    {
                        StoreName(f, h.Name, NewRef(exc));
                    }
                    return ExecBlock(h.Body, f);
                }
                catch (Exception inner) when (NoteRaise(inner))
                {
                    throw;
                }
                finally
                {
                    Handling.RemoveAt(Handling.Count - 1);
                    if (h.Name is not null)
                    {
                        DeleteName(f, h.Name, quiet: true);
                    }
                    Refcount.Decref(exc);
                }
            }
            if (ReferenceEquals(e, raw))
            {
                throw;
            }
            throw e;
        }
        if (flow != Flow.Normal)
        {
            return flow;
        }
        return ExecBlock(t.OrElse, f);
    }

    /// <summary>
    /// <c>with</c>: __enter__, the body, then __exit__ with the exception (type, value, None)
    /// or three Nones; a true result from __exit__ swallows the exception.
    /// </summary>
    private Flow ExecWith(WithStmt w, int index, ExecFrame f)
    {
        if (index == w.Items.Length)
        {
            return ExecBlock(w.Body, f);
        }
        WithItem item = w.Items[index];
        PyObject* manager = Eval(item.ContextExpr, f);
        try
        {
            PyObject* enter = ContextSpecial(manager, "__enter__");
            PyObject* exit = ContextSpecial(manager, "__exit__");
            if (enter == null || exit == null)
            {
                throw TypeErr($"'{TypeName(manager)}' object does not support the context manager protocol");
            }
            PyObject* entered = CallWithSelf(enter, manager, []);
            try
            {
                if (item.OptionalVars is not null)
                {
                    AssignTo(item.OptionalVars, entered, f);
                }
            }
            finally
            {
                Refcount.Decref(entered);
            }
            Flow flow;
            try
            {
                flow = ExecWith(w, index + 1, f);
            }
            catch (Exception raw)
            {
                PythonException e = Translate(raw);
                SetImplicitContext(e);
                PyObject* exc = e.Object;
                PyObject* r = CallWithSelf(exit, manager, [(nint)NewRef((PyObject*)exc->ob_type), (nint)NewRef(exc), (nint)None]);
                bool swallow = IsTrue(r);
                Refcount.Decref(r);
                if (swallow)
                {
                    Refcount.XDecref(e.Steal());
                    return Flow.Normal;
                }
                if (ReferenceEquals(e, raw))
                {
                    throw;
                }
                throw e;
            }
            Refcount.Decref(CallWithSelf(exit, manager, [(nint)None, (nint)None, (nint)None]));
            return flow;
        }
        finally
        {
            Refcount.Decref(manager);
        }
    }

    private PythonException MakeRaise(RaiseStmt r, ExecFrame f)
    {
        if (r.Exception is null)
        {
            if (Handling.Count == 0)
            {
                return Error(RuntimeError, "No active exception to reraise");
            }
            // RERAISE: the context stays, and the traceback already names this frame.
            return new PythonException(NewRef((PyObject*)Handling[^1])) { ContextSet = true, SkipFrame = true };
        }
        PyObject* v = Eval(r.Exception, f);
        PyObject* cause = null;
        if (r.Cause is not null)
        {
            try
            {
                cause = Eval(r.Cause, f);
            }
            catch
            {
                Refcount.Decref(v);
                throw;
            }
        }
        PyObject* exc = MakeExceptionInstance(v);
        if (cause != null)
        {
            try
            {
                SetCause(exc, cause);
            }
            catch
            {
                Refcount.Decref(exc);
                throw;
            }
        }
        return new PythonException(exc);
    }

    /// <summary>Turns the operand of <c>raise</c> (a class or an instance, consumed) into an instance.</summary>
    public PyObject* MakeExceptionInstance(PyObject* v)
    {
        if (IsType(v) && IsSubtype((PyTypeObject*)v, BaseException))
        {
            try
            {
                return Call(v, [], null);
            }
            finally
            {
                Refcount.Decref(v);
            }
        }
        if (IsSubtype(v->ob_type, BaseException))
        {
            return v;
        }
        Refcount.Decref(v);
        return NewException(TypeError, "exceptions must derive from BaseException");
    }

    private void ExecAssert(AssertStmt a, ExecFrame f)
    {
        if (Truthy(a.Test, f))
        {
            return;
        }
        if (a.Message is null)
        {
            throw new PythonException(NewException(AssertionError, null));
        }
        PyObject* m = Eval(a.Message, f);
        PyObject* args = Tuple([(nint)m]);
        Refcount.Decref(m);
        PyObject* exc = NewExceptionWithArgs(AssertionError, args);
        Refcount.Decref(args);
        throw new PythonException(exc);
    }

    /// <summary>
    /// The value an augmented assignment stores: the right-hand side evaluated after the
    /// target's current value (<paramref name="old"/>, a new reference this consumes), then
    /// combined in place, as CPython's INPLACE opcodes do.
    /// </summary>
    private PyObject* AugmentedValue(AugAssignStmt aug, PyObject* old, ExecFrame f)
    {
        try
        {
            PyObject* rhs = Eval(aug.Value, f);
            try
            {
                return BinaryOp(aug.Op, old, rhs, inplace: true);
            }
            finally
            {
                Refcount.Decref(rhs);
            }
        }
        finally
        {
            Refcount.Decref(old);
        }
    }

    private void ExecAugAssign(AugAssignStmt aug, ExecFrame f)
    {
        switch (aug.Target)
        {
            case NameExpr n:
            {
                PyObject* r = AugmentedValue(aug, LoadName(f, n), f);
                StoreName(f, n, r);
                return;
            }
            case AttributeExpr at:
            {
                PyObject* obj = Eval(at.Value, f);
                try
                {
                    PyObject* r = AugmentedValue(aug, GetAttr(obj, at), f);
                    try
                    {
                        SetAttr(obj, at, r);
                    }
                    finally
                    {
                        Refcount.Decref(r);
                    }
                }
                finally
                {
                    Refcount.Decref(obj);
                }
                return;
            }
            case SubscriptExpr sub:
            {
                PyObject* obj = Eval(sub.Value, f);
                PyObject* key = null;
                try
                {
                    key = EvalIndex(sub.Slice, f);
                    PyObject* r = AugmentedValue(aug, GetItem(obj, key), f);
                    try
                    {
                        SetItem(obj, key, r);
                    }
                    finally
                    {
                        Refcount.Decref(r);
                    }
                }
                finally
                {
                    Refcount.XDecref(key);
                    Refcount.Decref(obj);
                }
                return;
            }
            default:
                throw Error(SystemError, "illegal expression for augmented assignment");
        }
    }

    /// <summary>Binds <paramref name="value"/> (borrowed) to a target: name, attribute, subscript or unpacking.</summary>
    public void AssignTo(Expr target, PyObject* value, ExecFrame f)
    {
        switch (target)
        {
            case NameExpr n:
                StoreName(f, n, NewRef(value));
                return;
            case AttributeExpr a:
            {
                PyObject* obj = Eval(a.Value, f);
                try
                {
                    SetAttr(obj, a, value);
                }
                finally
                {
                    Refcount.Decref(obj);
                }
                return;
            }
            case SubscriptExpr s:
            {
                PyObject* obj = Eval(s.Value, f);
                PyObject* key = null;
                try
                {
                    key = EvalIndex(s.Slice, f);
                    SetItem(obj, key, value);
                }
                finally
                {
                    Refcount.XDecref(key);
                    Refcount.Decref(obj);
                }
                return;
            }
            case TupleExpr t:
                Unpack(t.Elements, value, f);
                return;
            case ListExpr l:
                Unpack(l.Elements, value, f);
                return;
            case StarredExpr st:
                AssignTo(st.Value, value, f);
                return;
            default:
                throw Error(SystemError, "cannot assign to expression");
        }
    }

    private void Unpack(IReadOnlyList<Expr> targets, PyObject* value, ExecFrame f)
    {
        List<nint> items = CollectItems(value, unpacking: true);
        try
        {
            int star = -1;
            for (int i = 0; i < targets.Count; i++)
            {
                if (targets[i] is StarredExpr)
                {
                    star = i;
                }
            }
            if (star < 0)
            {
                if (items.Count < targets.Count)
                {
                    throw ValueErr($"not enough values to unpack (expected {targets.Count}, got {items.Count})");
                }
                if (items.Count > targets.Count)
                {
                    throw ValueErr($"too many values to unpack (expected {targets.Count})");
                }
                for (int i = 0; i < targets.Count; i++)
                {
                    AssignTo(targets[i], (PyObject*)items[i], f);
                }
                return;
            }
            int after = targets.Count - star - 1;
            if (items.Count < targets.Count - 1)
            {
                throw ValueErr($"not enough values to unpack (expected at least {targets.Count - 1}, got {items.Count})");
            }
            for (int i = 0; i < star; i++)
            {
                AssignTo(targets[i], (PyObject*)items[i], f);
            }
            var middle = new List<nint>();
            for (int i = star; i < items.Count - after; i++)
            {
                Refcount.Incref((PyObject*)items[i]);
                middle.Add(items[i]);
            }
            PyObject* list = ListSteal(middle);
            try
            {
                AssignTo(((StarredExpr)targets[star]).Value, list, f);
            }
            finally
            {
                Refcount.Decref(list);
            }
            for (int i = 0; i < after; i++)
            {
                AssignTo(targets[star + 1 + i], (PyObject*)items[items.Count - after + i], f);
            }
        }
        finally
        {
            foreach (nint it in items)
            {
                Refcount.Decref((PyObject*)it);
            }
        }
    }

    private void DeleteTarget(Expr t, ExecFrame f)
    {
        switch (t)
        {
            case NameExpr n:
                DeleteName(f, n.Id, quiet: false);
                return;
            case AttributeExpr a:
            {
                PyObject* obj = Eval(a.Value, f);
                try
                {
                    DelAttr(obj, a.Attr);
                }
                finally
                {
                    Refcount.Decref(obj);
                }
                return;
            }
            case SubscriptExpr s:
            {
                PyObject* obj = Eval(s.Value, f);
                PyObject* key = null;
                try
                {
                    key = EvalIndex(s.Slice, f);
                    DelItem(obj, key);
                }
                finally
                {
                    Refcount.XDecref(key);
                    Refcount.Decref(obj);
                }
                return;
            }
            case TupleExpr tu:
                foreach (Expr e in tu.Elements)
                {
                    DeleteTarget(e, f);
                }
                return;
            case ListExpr li:
                foreach (Expr e in li.Elements)
                {
                    DeleteTarget(e, f);
                }
                return;
            default:
                throw Error(SystemError, "cannot delete expression");
        }
    }

    private void ExecImport(ImportStmt imp, ExecFrame f)
    {
        foreach (ImportAlias alias in imp.Names)
        {
            PyObject* m = ImportModule(alias.Name);
            StoreName(f, alias.AsName ?? alias.Name.Split('.')[0], m);
        }
    }

    private void ExecImportFrom(ImportFromStmt imp, ExecFrame f)
    {
        string name = imp.Module ?? "";
        PyObject* m = ImportModule(name);
        try
        {
            foreach (ImportAlias alias in imp.Names)
            {
                if (alias.Name == "*")
                {
                    throw Error(ImportError, "'import *' is not supported by this interpreter");
                }
                PyObject* v = PyDict.GetItem(((Types.PyModuleObject*)m)->md_dict, Intern(alias.Name));
                if (v == null)
                {
                    throw Error(ImportError, $"cannot import name '{alias.Name}' from '{name}' (unknown location)");
                }
                StoreName(f, alias.AsName ?? alias.Name, NewRef(v));
            }
        }
        finally
        {
            Refcount.Decref(m);
        }
    }
}
