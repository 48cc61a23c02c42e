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
        foreach (nint h in Held)
        {
            Refcount.XDecref((PyObject*)h);
        }
        Held.Clear();
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
        return NewGeneratorObject(state, null);
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

    internal bool TestTrue(Expr e, ExecFrame f) => Truthy(e, f);

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
            PyObject* enter = UserSpecial(manager, "__enter__");
            if (enter == null || UserSpecial(manager, "__exit__") == null)
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
        PyObject* exit = UserSpecial(manager, "__exit__");
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

    // ---- yield from ----

    /// <summary>iter(v) for a for loop or <c>yield from</c> (a generator is its own iterator); consumes <paramref name="value"/>.</summary>
    internal nint IterAndRelease(nint value)
    {
        try
        {
            return (nint)GetIter((PyObject*)value);
        }
        finally
        {
            Refcount.Decref((PyObject*)value);
        }
    }

    /// <summary>
    /// One step of <c>yield from</c>: sends <paramref name="sent"/> (owned; 0 means None) or
    /// throws <paramref name="thrown"/> into the delegate. Returns the value it yields (owned),
    /// or 0 when it has finished, with its return value in <paramref name="result"/> (owned).
    /// </summary>
    internal nint DelegateStep(nint iterator, nint sent, PythonException? thrown, out nint result)
    {
        var it = (PyObject*)iterator;
        result = 0;
        if (IsGenerator(it))
        {
            PyObject* v = Resume(it, (PyObject*)sent, thrown, out PyObject* returned);
            result = (nint)returned;
            return (nint)v;
        }
        PyObject* callee = null;
        nint[] args;
        if (thrown != null)
        {
            Refcount.XDecref((PyObject*)sent);
            if (!HasAttribute(it, "throw"))
            {
                throw thrown;
            }
            callee = GetAttr(it, "throw");
            args = [(nint)thrown.Steal()];
        }
        else if (sent == 0 || (PyObject*)sent == St->none)
        {
            Refcount.XDecref((PyObject*)sent);
            if (T.IsIter(it->ob_type))
            {
                PyObject* next = Next(it);
                if (next == null)
                {
                    result = (nint)None;
                }
                return (nint)next;
            }
            PyObject* m = UserSpecial(it, "__next__");
            if (m == null)
            {
                throw TypeErr($"'{TypeName(it)}' object is not an iterator");
            }
            callee = NewRef(m);
            args = [(nint)NewRef(it)];
        }
        else
        {
            try
            {
                callee = GetAttr(it, "send");
            }
            catch
            {
                Refcount.Decref((PyObject*)sent);
                throw;
            }
            args = [sent];
        }
        try
        {
            return (nint)Call(callee, args, null);
        }
        catch (PythonException e) when (e.Object != null && IsSubtype(e.Object->ob_type, StopIteration))
        {
            PyObject* stop = e.Steal();
            result = (nint)StopIterationValue(stop);
            Refcount.Decref(stop);
            return 0;
        }
        finally
        {
            Refcount.Decref(callee);
        }
    }

    /// <summary>Closes a <c>yield from</c> delegate because GeneratorExit reached the delegating generator; if closing raises, <paramref name="pending"/> is dropped.</summary>
    internal void CloseDelegate(nint iterator, PythonException pending)
    {
        var it = (PyObject*)iterator;
        try
        {
            if (IsGenerator(it))
            {
                CloseGenerator(it);
            }
            else if (HasAttribute(it, "close"))
            {
                PyObject* close = GetAttr(it, "close");
                try
                {
                    Refcount.Decref(Call(close, [], null));
                }
                finally
                {
                    Refcount.Decref(close);
                }
            }
        }
        catch
        {
            DropPending(pending);
            throw;
        }
    }

    private bool HasAttribute(PyObject* o, string name)
    {
        try
        {
            Refcount.Decref(GetAttr(o, name));
            return true;
        }
        catch (PythonException e) when (e.Object != null && IsSubtype(e.Object->ob_type, AttributeError))
        {
            DropPending(e);
            return false;
        }
    }

    /// <summary>StopIteration.value (new reference): its first argument, or None.</summary>
    private PyObject* StopIterationValue(PyObject* stop)
    {
        PyObject* args = ExceptionArgs(stop);
        return NewRef(args != null && PyTuple.Size(args) > 0 ? PyTuple.Items(args)[0] : St->none);
    }

    // ---- Operations on borrowed operands, for expressions with a yield inside ----

    internal nint Binary(BinaryOperator op, nint a, nint b) => (nint)BinaryOp(op, (PyObject*)a, (PyObject*)b, inplace: false);

    internal nint Unary(UnaryOperator op, nint v) => (nint)UnaryOp(op, (PyObject*)v);

    internal nint Compare(CompareOperator op, nint a, nint b) => (nint)CompareOp(op, (PyObject*)a, (PyObject*)b);

    internal nint GetAttrAddress(nint obj, string name) => (nint)GetAttr((PyObject*)obj, name);

    internal nint GetItemAddress(nint obj, nint key) => (nint)GetItem((PyObject*)obj, (PyObject*)key);

    internal bool IsTrueAddress(nint v) => IsTrue((PyObject*)v);

    internal nint TupleOf(List<nint> items) => items.Count == 0 ? (nint)NewRef(St->empty_tuple) : (nint)Tuple(items.ToArray());

    internal nint ListOf(List<nint> items)
    {
        PyObject* list = PyList.New(St, items.Count);
        foreach (nint it in items)
        {
            PyList.Append(list, (PyObject*)it);
        }
        return (nint)list;
    }

    /// <summary>What <c>obj.name(...)</c> calls (new reference); when <paramref name="unbound"/>, obj goes first.</summary>
    internal nint LookupMethodAddress(nint obj, string name, out bool unbound) => (nint)LookupMethod((PyObject*)obj, name, out unbound);

    /// <summary>Calls with borrowed callee, self (0: none), arguments and keyword values; returns a new reference.</summary>
    internal nint CallBorrowedArguments(nint callee, nint self, List<nint> args, List<(string Name, nint Value)> keywords)
    {
        var owned = new List<nint>(args.Count + 1);
        if (self != 0)
        {
            owned.Add((nint)NewRef((PyObject*)self));
        }
        foreach (nint a in args)
        {
            owned.Add((nint)NewRef((PyObject*)a));
        }
        KwArgs? kw = null;
        foreach (var (name, value) in keywords)
        {
            kw ??= [];
            kw.Add((name, (nint)NewRef((PyObject*)value)));
        }
        return (nint)Call((PyObject*)callee, owned.ToArray(), kw);
    }

    internal nint SetOf(List<nint> items)
    {
        PyObject* set = PySet.New(St->type_set);
        try
        {
            foreach (nint it in items)
            {
                PySet.Add(set, (PyObject*)it);
            }
        }
        catch
        {
            Refcount.Decref(set);
            throw;
        }
        return (nint)set;
    }

    /// <summary>A dict from alternating keys and values (borrowed).</summary>
    internal nint DictOf(List<nint> keysAndValues)
    {
        PyObject* dict = PyDict.New(St);
        try
        {
            for (int i = 0; i < keysAndValues.Count; i += 2)
            {
                PyDict.SetItem(dict, (PyObject*)keysAndValues[i], (PyObject*)keysAndValues[i + 1]);
            }
        }
        catch
        {
            Refcount.Decref(dict);
            throw;
        }
        return (nint)dict;
    }

    /// <summary><c>name := value</c>: binds the value (borrowed) and returns it (new reference).</summary>
    internal nint StoreNamed(ExecFrame f, string name, nint value)
    {
        StoreName(f, name, NewRef((PyObject*)value));
        return (nint)NewRef((PyObject*)value);
    }
}
