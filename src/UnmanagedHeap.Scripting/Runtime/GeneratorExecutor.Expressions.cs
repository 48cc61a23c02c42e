using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Expressions with a yield inside them (<c>print((yield))</c>, <c>x = (yield) + 1</c>,
/// <c>if (yield):</c>): evaluated left to right as CPython's bytecode does, with yield-free
/// operands handed to the ordinary evaluator. Operands already evaluated when a yield
/// suspends the generator are held by <see cref="Operands"/>, visible to the collector (as
/// CPython's value stack is) and released however the expression ends.
/// </summary>
internal sealed partial class GeneratorExecutor
{
    /// <summary>Owned operand values of one expression, released (and no longer held) on dispose.</summary>
    private sealed class Operands(Interpreter interp, GeneratorState state) : IDisposable
    {
        public List<nint> Values { get; } = [];

        public nint this[int index] => Values[index];

        public void Add(nint value)
        {
            Values.Add(value);
            state.Hold(value);
        }

        public void Dispose()
        {
            for (int i = Values.Count - 1; i >= 0; i--)
            {
                state.Unhold(Values[i]);
                interp.Release(Values[i]);
            }
            Values.Clear();
        }
    }

    /// <summary>Evaluates <paramref name="e"/>, suspending at the yields inside it; its value (owned) is left in <see cref="_received"/>.</summary>
    private IEnumerable<nint> Value(Expr e)
    {
        if (!interp.ContainsYield(e))
        {
            _received = interp.EvalToAddress(e, _frame);
            return [];
        }
        return e switch
        {
            YieldExpr or YieldFromExpr => Yield(e),
            CallExpr c => Call(c),
            BinaryExpr b => Combine([b.Left, b.Right], v => interp.Binary(b.Op, v[0], v[1])),
            UnaryExpr u => Combine([u.Operand], v => interp.Unary(u.Op, v[0])),
            CompareExpr { Ops.Length: 1 } c => Combine([c.Left, c.Comparators[0]], v => interp.Compare(c.Ops[0], v[0], v[1])),
            AttributeExpr a => Combine([a.Value], v => interp.GetAttrAddress(v[0], a.Attr)),
            SubscriptExpr s => Combine([s.Value, s.Slice], v => interp.GetItemAddress(v[0], v[1])),
            TupleExpr t when !t.Elements.Any(x => x is StarredExpr) => Combine(t.Elements, interp.TupleOf),
            ListExpr l when !l.Elements.Any(x => x is StarredExpr) => Combine(l.Elements, interp.ListOf),
            SetExpr st when !st.Elements.Any(x => x is StarredExpr) => Combine(st.Elements, interp.SetOf),
            DictExpr d when d.Items.All(i => i.Key is not null) => Combine(d.Items.SelectMany(i => new[] { i.Key!, i.Value }).ToList(), interp.DictOf),
            NamedExpr n => Combine([n.Value], v => interp.StoreNamed(_frame, n.Target.Id, v[0])),
            BoolOpExpr b => BoolOp(b),
            ConditionalExpr c => Conditional(c),
            _ => throw interp.YieldNotSupported(e),
        };
    }

    /// <summary>Evaluates operands in order, then combines them (borrowed) into the result.</summary>
    private IEnumerable<nint> Combine(IReadOnlyList<Expr> parts, Func<List<nint>, nint> combine)
    {
        using var operands = new Operands(interp, state);
        foreach (Expr part in parts)
        {
            foreach (nint v in Value(part))
            {
                yield return v;
            }
            operands.Add(TakeReceived());
        }
        _received = combine(operands.Values);
    }

    /// <summary>
    /// A call: <c>obj.name(...)</c> looks the method up before the arguments are evaluated,
    /// as LOAD_ATTR's method form does; positional and keyword arguments may contain yields.
    /// </summary>
    private IEnumerable<nint> Call(CallExpr call)
    {
        if (call.Args.Any(a => a is StarredExpr) || call.Keywords.Any(k => k.Name is null))
        {
            throw interp.YieldNotSupported(call);
        }
        using var operands = new Operands(interp, state);
        nint self = 0;
        if (call.Func is AttributeExpr at)
        {
            foreach (nint v in Value(at.Value))
            {
                yield return v;
            }
            nint obj = TakeReceived();
            operands.Add(obj);
            operands.Add(interp.LookupMethodAddress(obj, at.Attr, out bool unbound));
            self = unbound ? obj : 0;
        }
        else
        {
            foreach (nint v in Value(call.Func))
            {
                yield return v;
            }
            operands.Add(TakeReceived());
        }
        int first = operands.Values.Count;
        foreach (Expr arg in call.Args)
        {
            foreach (nint v in Value(arg))
            {
                yield return v;
            }
            operands.Add(TakeReceived());
        }
        foreach (Keyword k in call.Keywords)
        {
            foreach (nint v in Value(k.Value))
            {
                yield return v;
            }
            operands.Add(TakeReceived());
        }
        List<nint> values = operands.Values;
        _received = interp.CallBorrowedArguments(
            values[first - 1], self, values.GetRange(first, call.Args.Length),
            call.Keywords.Select((k, i) => (k.Name!, values[first + call.Args.Length + i])).ToList());
    }

    /// <summary><c>and</c>/<c>or</c>: stops at the first operand that decides, which is the value.</summary>
    private IEnumerable<nint> BoolOp(BoolOpExpr b)
    {
        for (int i = 0; i < b.Values.Length; i++)
        {
            foreach (nint v in Value(b.Values[i]))
            {
                yield return v;
            }
            if (i == b.Values.Length - 1)
            {
                yield break;
            }
            bool truth = interp.IsTrueAddress(_received);
            if (b.Op == BoolOperator.And ? !truth : truth)
            {
                yield break;
            }
            interp.Release(TakeReceived());
        }
    }

    private IEnumerable<nint> Conditional(ConditionalExpr c)
    {
        foreach (nint v in Value(c.Test))
        {
            yield return v;
        }
        nint test = TakeReceived();
        bool truth;
        try
        {
            truth = interp.IsTrueAddress(test);
        }
        finally
        {
            interp.Release(test);
        }
        foreach (nint v in Value(truth ? c.Body : c.OrElse))
        {
            yield return v;
        }
    }

    /// <summary>The truth of a test that may contain a yield.</summary>
    private IEnumerable<nint> Test(Expr test, Action<bool> result)
    {
        foreach (nint v in Value(test))
        {
            yield return v;
        }
        nint value = TakeReceived();
        try
        {
            result(interp.IsTrueAddress(value));
        }
        finally
        {
            interp.Release(value);
        }
    }
}
