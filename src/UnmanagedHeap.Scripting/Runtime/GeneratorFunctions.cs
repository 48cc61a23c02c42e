using System.Collections.Immutable;
using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// A generator function's running state: its own frame, with the arguments bound at the
/// call, kept until the body finishes. It owns the function, whose globals and closure the
/// frame borrows, as CPython's generator frame holds <c>f_funcobj</c>.
/// </summary>
internal sealed unsafe class FunctionGeneratorState(ExecFrame frame, nint function, CodeInfo code)
    : GeneratorState(frame, code.Name, code.QualName)
{
    private nint _function = function;

    public CodeInfo Code { get; } = code;

    public override nint TakeReturnValue()
    {
        nint r = Frame.ReturnValue;
        Frame.ReturnValue = 0;
        return r;
    }

    public override void ReleaseFrame()
    {
        Frame.Release();
        Refcount.XDecref((PyObject*)TakeReturnValue());
        // Normally empty: disposing the executor released what its statements held.
        nint[] held = [.. Held];
        Held.Clear();
        foreach (nint h in held)
        {
            Refcount.XDecref((PyObject*)h);
        }
        nint function = _function;
        _function = 0;
        Refcount.XDecref((PyObject*)function);
    }

    public override int Traverse(delegate*<PyObject*, void*, int> visit, void* arg)
    {
        if (_function != 0)
        {
            int r = visit((PyObject*)_function, arg);
            if (r != 0)
            {
                return r;
            }
        }
        int result = VisitAll(Frame.Fast, visit, arg);
        return result != 0 ? result : VisitAll(CollectionsMarshal.AsSpan(Held), visit, arg);
    }
}

/// <summary>
/// Generator functions: a call binds the arguments into a frame and returns a generator
/// whose body a <see cref="GeneratorExecutor"/> runs one resumption at a time. These helpers
/// do the pointer work for the executor, which only handles <c>nint</c> references.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private readonly Dictionary<Node, bool> _containsYield = new(ReferenceEqualityComparer.Instance);

    /// <summary>What calling a generator function returns: a generator owning the bound frame.</summary>
    private PyObject* MakeFunctionGenerator(PyObject* func, CodeInfo code, ExecFrame frame)
    {
        var state = new FunctionGeneratorState(frame, (nint)NewRef(func), code);
        var executor = new GeneratorExecutor(this, state);
        IEnumerable<nint> body = code.LambdaBody is not null ? executor.RunLambda(code.LambdaBody) : executor.Run(code.Body!);
        state.Enumerator = body.GetEnumerator();
        return NewGeneratorObject(state, null, code.IsCoroutine);
    }

    /// <summary>Whether a statement contains a yield of its own scope (then the generator executor runs it).</summary>
    internal bool ContainsYield(Stmt s)
    {
        if (!_containsYield.TryGetValue(s, out bool found))
        {
            found = YieldFinder.ContainsYield(ImmutableArray.Create(s));
            _containsYield[s] = found;
        }
        return found;
    }

    internal bool ContainsYield(Expr e)
    {
        if (!_containsYield.TryGetValue(e, out bool found))
        {
            found = YieldFinder.ContainsYield(e);
            _containsYield[e] = found;
        }
        return found;
    }

    /// <summary>The error for a yield somewhere the generator executor cannot suspend (named by the node around it).</summary>
    internal PythonException YieldNotSupported(Node where)
    {
        string kind = where.GetType().Name;
        if (where is YieldExpr or YieldFromExpr)
        {
            return Error(SystemError, "this use of 'yield' is not supported by this interpreter (a yield in this position)");
        }
        kind = kind.EndsWith("Stmt", StringComparison.Ordinal) ? $"a '{kind[..^4].ToLowerInvariant()}' statement"
            : $"a {(kind.EndsWith("Expr", StringComparison.Ordinal) ? kind[..^4] : kind)} expression";
        return Error(SystemError, $"this use of 'yield' is not supported by this interpreter (a yield inside {kind})");
    }

    /// <summary>A statement boundary: the traceback line, and a safe point for a scheduled collection.</summary>
    internal void BeginStatement(Stmt s, ExecFrame f)
    {
        f.Line = s.Line;
        SafePoint();
    }

    internal void SafePoint() => Heap.RunPendingCollection();

    internal nint NoneRef() => (nint)None;

    internal nint LoadNameAddress(ExecFrame f, string name) => (nint)LoadName(f, name);

    /// <summary>Binds a value (consumed) to each target in turn.</summary>
    internal void AssignAllAndRelease(IReadOnlyList<Expr> targets, nint value, ExecFrame f)
    {
        try
        {
            foreach (Expr t in targets)
            {
                AssignTo(t, (PyObject*)value, f);
            }
        }
        finally
        {
            Refcount.Decref((PyObject*)value);
        }
    }

    /// <summary><c>old op= rhs</c>'s new value: the old value is borrowed, <paramref name="rhs"/> consumed.</summary>
    internal nint Augmented(BinaryOperator op, nint old, nint rhs)
    {
        try
        {
            return (nint)BinaryOp(op, (PyObject*)old, (PyObject*)rhs, inplace: true);
        }
        finally
        {
            Refcount.Decref((PyObject*)rhs);
        }
    }

    /// <summary>Stores an augmented assignment's result (consumed) into its target, whose object and key were evaluated into <paramref name="operands"/>.</summary>
    internal void StoreAugmentedTarget(Expr target, List<nint> operands, nint result, ExecFrame f)
    {
        if (target is NameExpr n)
        {
            StoreName(f, n.Id, (PyObject*)result);
            return;
        }
        try
        {
            if (target is AttributeExpr a)
            {
                SetAttr((PyObject*)operands[0], a.Attr, (PyObject*)result);
            }
            else
            {
                SetItem((PyObject*)operands[0], (PyObject*)operands[1], (PyObject*)result);
            }
        }
        finally
        {
            Refcount.Decref((PyObject*)result);
        }
    }

    internal void DropException(PythonException? e) => DropPending(e);

    internal bool IsGeneratorExit(PythonException e) => e.Object != null && IsSubtype(e.Object->ob_type, GeneratorExit);

    // ---- except clauses ----

    /// <summary>Whether handler <paramref name="h"/> catches <paramref name="e"/>; if evaluating its type raises, <paramref name="e"/> is dropped.</summary>
    internal bool HandlerMatches(ExceptHandler h, PythonException e, ExecFrame f)
    {
        if (h.Type is null)
        {
            return true;
        }
        try
        {
            PyObject* spec = Eval(h.Type, f);
            try
            {
                return ExceptionMatches(e.Object, spec);
            }
            finally
            {
                Refcount.Decref(spec);
            }
        }
        catch
        {
            DropPending(e);
            throw;
        }
    }

    /// <summary>Enters an except block: takes the exception (returned, owned), marks it as being handled, binds its name.</summary>
    internal nint BeginHandler(ExceptHandler h, PythonException e, ExecFrame f)
    {
        // Caught here: the traceback so far, this frame's entry included, moves to __traceback__.
        e.AddFrame(f.File, f.Line, f.Function);
        MaterializeTraceback(e);
        f.Line = h.Line;
        PyObject* exc = e.Steal();
        Handling.Add((nint)exc);
        if (h.Name is not null)
        {
            StoreName(f, h.Name, NewRef(exc));
        }
        return (nint)exc;
    }

    internal void EndHandler(ExceptHandler h, nint exc, ExecFrame f)
    {
        Handling.RemoveAt(Handling.Count - 1);
        if (h.Name is not null)
        {
            DeleteName(f, h.Name, quiet: true);
        }
        Refcount.Decref((PyObject*)exc);
    }

    // ---- with ----

    /// <summary>Calls <c>__enter__</c> of a with item's manager (owned; released if this raises) and binds its result.</summary>
    internal nint EnterContext(nint managerAddress, WithItem item, ExecFrame f)
    {
        var manager = (PyObject*)managerAddress;
        try
        {
            PyObject* enter = ContextSpecial(manager, "__enter__");
            if (enter == null || ContextSpecial(manager, "__exit__") == null)
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
        }
        catch
        {
            Refcount.Decref(manager);
            throw;
        }
        return (nint)manager;
    }

    /// <summary>Calls <c>__exit__</c> with the exception (borrowed) or three Nones; true when it swallows the exception. If it raises, <paramref name="e"/> is dropped.</summary>
    internal bool ExitContext(nint managerAddress, PythonException? e)
    {
        var manager = (PyObject*)managerAddress;
        PyObject* exit = ContextSpecial(manager, "__exit__");
        if (e == null)
        {
            Refcount.Decref(CallWithSelf(exit, manager, [(nint)None, (nint)None, (nint)None]));
            return false;
        }
        try
        {
            PyObject* exc = e.Object;
            PyObject* r = CallWithSelf(exit, manager, [(nint)NewRef((PyObject*)exc->ob_type), (nint)NewRef(exc), (nint)None]);
            bool swallow = IsTrue(r);
            Refcount.Decref(r);
            return swallow;
        }
        catch
        {
            DropPending(e);
            throw;
        }
    }
}
