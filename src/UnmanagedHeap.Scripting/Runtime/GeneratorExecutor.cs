using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Runs a generator function's body as a C# iterator, so it can stop at a <c>yield</c> and
/// carry on from there. It mirrors the ordinary statement executor
/// (<c>Interpreter.Statements.cs</c>) for the statements that contain a yield of this scope
/// and hands every yield-free statement to the ordinary executor whole, so most of a body
/// runs exactly as a function's would.
/// <para>
/// Every statement method is itself an iterator: it yields the values the body yields
/// (owned references, handed to whoever resumed the generator) and, when it finishes, leaves
/// its completion in <see cref="_flow"/>. An exception thrown into the generator is raised
/// at the yield it is suspended at (<see cref="Yield"/>), and unwinds through the enclosing
/// statements' C# frames, whose try statements catch it as the Python ones would.
/// </para>
/// <para>
/// C# forbids <c>yield return</c> inside a try block that has a catch clause, so a Python
/// try statement drives its body through <see cref="Guarded"/>, which catches around each
/// <c>MoveNext</c> and yields outside the catch. Only <c>nint</c> references cross a yield;
/// the interpreter does the pointer work.
/// </para>
/// </summary>
internal sealed partial class GeneratorExecutor(Interpreter interp, GeneratorState state)
{
    private readonly ExecFrame _frame = state.Frame;

    /// <summary>The completion of the statement (or block) that finished last.</summary>
    private Flow _flow;

    /// <summary>Owned: what the last yield expression evaluated to (the sent value, None for next()).</summary>
    private nint _received;

    /// <summary>A <c>def</c> body: a return leaves its value in the frame's return slot.</summary>
    public IEnumerable<nint> Run(IReadOnlyList<Stmt> body) => Block(body);

    /// <summary>A generator lambda (<c>lambda: (yield)</c>): the value of its body is its return value.</summary>
    public IEnumerable<nint> RunLambda(Expr body)
    {
        foreach (nint v in Value(body))
        {
            yield return v;
        }
        _frame.ReturnValue = TakeReceived();
    }

    private IEnumerable<nint> Block(IReadOnlyList<Stmt> body)
    {
        for (int i = 0; i < body.Count; i++)
        {
            Stmt s = body[i];
            if (!interp.ContainsYield(s))
            {
                _flow = interp.Exec(s, _frame);
            }
            else
            {
                foreach (nint v in Statement(s))
                {
                    yield return v;
                }
            }
            if (_flow != Flow.Normal)
            {
                yield break;
            }
        }
        _flow = Flow.Normal;
    }

    private IEnumerable<nint> Statement(Stmt s)
    {
        interp.BeginStatement(s, _frame);
        IEnumerable<nint> steps = s switch
        {
            ExprStmt e => ExpressionStatement(e),
            AssignStmt a => Assign(a.Targets, a.Value),
            AnnAssignStmt { Value: not null } a => Assign([a.Target], a.Value),
            AugAssignStmt a => AugAssign(a),
            ReturnStmt { Value: not null } r => Return(r.Value),
            IfStmt i => If(i),
            WhileStmt w => While(w),
            ForStmt f => For(f),
            TryStmt t => Try(t),
            WithStmt w => With(w, 0),
            MatchStmt m => Match(m),
            _ => throw interp.YieldNotSupported(s),
        };
        foreach (nint v in steps)
        {
            yield return v;
        }
    }

    // ---- Yield points ----

    /// <summary>
    /// A <c>yield</c> or <c>yield from</c> expression: suspends (the yielded value goes to the
    /// resumer) and, once resumed, leaves what it evaluates to in <see cref="_received"/> or
    /// raises what was thrown in.
    /// </summary>
    private IEnumerable<nint> Yield(Expr e)
    {
        if (e is YieldFromExpr yf)
        {
            foreach (nint v in YieldFrom(yf))
            {
                yield return v;
            }
            yield break;
        }
        var y = (YieldExpr)e;
        if (y.Value is null)
        {
            _received = interp.NoneRef();
        }
        else
        {
            foreach (nint v in Value(y.Value))
            {
                yield return v;
            }
        }
        yield return TakeReceived();
        nint sent = state.TakeResumption(out PythonException? thrown);
        if (thrown != null)
        {
            throw thrown;
        }
        _received = sent == 0 ? interp.NoneRef() : sent;
    }

    /// <summary>
    /// <c>yield from it</c>: passes next/send/throw through to the delegate until it finishes;
    /// its return value (StopIteration.value) is what the expression evaluates to. GeneratorExit
    /// closes the delegate first, as PEP 380 says.
    /// </summary>
    private IEnumerable<nint> YieldFrom(YieldFromExpr yf)
    {
        foreach (nint v in Value(yf.Value))
        {
            yield return v;
        }
        nint it = yf.IsAwait ? interp.AwaitableAndRelease(TakeReceived()) : interp.IterAndRelease(TakeReceived());
        state.Hold(it);
        try
        {
            state.Delegate = it;
            nint sent = 0;
            PythonException? thrown = null;
            while (true)
            {
                nint v = interp.DelegateStep(it, sent, thrown, out nint result);
                if (v == 0)
                {
                    _received = result;
                    yield break;
                }
                yield return v;
                sent = state.TakeResumption(out thrown);
                if (thrown != null && interp.IsGeneratorExit(thrown))
                {
                    interp.CloseDelegate(it, thrown);
                    throw thrown;
                }
            }
        }
        finally
        {
            state.Delegate = 0;
            state.Unhold(it);
            interp.Release(it);
        }
    }

    private nint TakeReceived()
    {
        nint r = _received;
        _received = 0;
        return r;
    }

    // ---- Simple statements whose expression contains a yield ----

    private IEnumerable<nint> ExpressionStatement(ExprStmt e)
    {
        foreach (nint v in Value(e.Value))
        {
            yield return v;
        }
        interp.Release(TakeReceived());
        _flow = Flow.Normal;
    }

    private IEnumerable<nint> Assign(IReadOnlyList<Expr> targets, Expr value)
    {
        if (targets.Any(interp.ContainsYield))
        {
            throw interp.YieldNotSupported(targets.First(interp.ContainsYield));
        }
        foreach (nint v in Value(value))
        {
            yield return v;
        }
        interp.AssignAllAndRelease(targets, TakeReceived(), _frame);
        _flow = Flow.Normal;
    }

    /// <summary>
    /// <c>target op= value</c> with a yield in the value: the target's object, key and current
    /// value are read before the value is evaluated, as CPython's bytecode does.
    /// </summary>
    private IEnumerable<nint> AugAssign(AugAssignStmt aug)
    {
        using var operands = new Operands(interp, state);
        switch (aug.Target)
        {
            case NameExpr n:
                operands.Add(interp.LoadNameAddress(_frame, n.Id));
                break;
            case AttributeExpr a:
                foreach (nint v in Value(a.Value))
                {
                    yield return v;
                }
                operands.Add(TakeReceived());
                operands.Add(interp.GetAttrAddress(operands[0], a.Attr));
                break;
            case SubscriptExpr sub:
                foreach (nint v in Value(sub.Value))
                {
                    yield return v;
                }
                operands.Add(TakeReceived());
                foreach (nint v in Value(sub.Slice))
                {
                    yield return v;
                }
                operands.Add(TakeReceived());
                operands.Add(interp.GetItemAddress(operands[0], operands[1]));
                break;
            default:
                throw interp.YieldNotSupported(aug.Target);
        }
        foreach (nint v in Value(aug.Value))
        {
            yield return v;
        }
        nint result = interp.Augmented(aug.Op, operands.Values[^1], TakeReceived());
        interp.StoreAugmentedTarget(aug.Target, operands.Values, result, _frame);
        _flow = Flow.Normal;
    }

    private IEnumerable<nint> Return(Expr value)
    {
        foreach (nint v in Value(value))
        {
            yield return v;
        }
        _frame.ReturnValue = TakeReceived();
        _flow = Flow.Return;
    }

    // ---- Compound statements with a yield in their header or body ----

    private IEnumerable<nint> If(IfStmt i)
    {
        bool truth = false;
        foreach (nint v in Test(i.Test, t => truth = t))
        {
            yield return v;
        }
        foreach (nint v in Block(truth ? i.Body : i.OrElse))
        {
            yield return v;
        }
    }

    /// <summary>A match statement with a yield in a case body, guard or the subject; patterns cannot contain one.</summary>
    private IEnumerable<nint> Match(MatchStmt m)
    {
        foreach (nint v in Value(m.Subject))
        {
            yield return v;
        }
        nint subject = TakeReceived();
        state.Hold(subject);
        try
        {
            foreach (MatchCase c in m.Cases)
            {
                if (!interp.MatchCasePattern(c, subject, _frame))
                {
                    continue;
                }
                bool truth = true;
                if (c.Guard is not null)
                {
                    foreach (nint v in Test(c.Guard, t => truth = t))
                    {
                        yield return v;
                    }
                }
                if (!truth)
                {
                    continue;
                }
                foreach (nint v in Block(c.Body))
                {
                    yield return v;
                }
                yield break;
            }
            _flow = Flow.Normal;
        }
        finally
        {
            state.Unhold(subject);
            interp.Release(subject);
        }
    }

    private IEnumerable<nint> While(WhileStmt w)
    {
        while (true)
        {
            bool truth = false;
            foreach (nint v in Test(w.Test, t => truth = t))
            {
                yield return v;
            }
            if (!truth)
            {
                break;
            }
            foreach (nint v in Block(w.Body))
            {
                yield return v;
            }
            if (_flow == Flow.Break)
            {
                _flow = Flow.Normal;
                yield break;
            }
            if (_flow == Flow.Return)
            {
                yield break;
            }
            _frame.Line = w.Line;
            interp.PollInterrupt();
        }
        foreach (nint v in Block(w.OrElse))
        {
            yield return v;
        }
    }

    private IEnumerable<nint> For(ForStmt fo)
    {
        if (interp.ContainsYield(fo.Target))
        {
            throw interp.YieldNotSupported(fo.Target);
        }
        foreach (nint v in Value(fo.Iter))
        {
            yield return v;
        }
        nint it = interp.IterAndRelease(TakeReceived());
        state.Hold(it);
        try
        {
            while (true)
            {
                _frame.Line = fo.Line;
                nint item = interp.NextItem(it);
                if (item == 0)
                {
                    break;
                }
                interp.AssignAndRelease(fo.Target, item, _frame);
                foreach (nint v in Block(fo.Body))
                {
                    yield return v;
                }
                if (_flow == Flow.Break)
                {
                    _flow = Flow.Normal;
                    yield break;
                }
                if (_flow == Flow.Return)
                {
                    yield break;
                }
                interp.SafePoint();
            }
        }
        finally
        {
            state.Unhold(it);
            interp.Release(it);
        }
        foreach (nint v in Block(fo.OrElse))
        {
            yield return v;
        }
    }
}
