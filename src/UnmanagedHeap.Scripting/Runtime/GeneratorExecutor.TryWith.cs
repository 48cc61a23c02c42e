using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>try</c> and <c>with</c> statements with a yield inside. C# forbids <c>yield return</c>
/// inside a try block that has a catch clause, so these drive their bodies through
/// <see cref="Guarded"/>, which catches around each <c>MoveNext</c> and yields outside the
/// catch; the caught exception is then handled as <c>Interpreter.ExecTry</c> and
/// <c>Interpreter.ExecWith</c> handle it.
/// </summary>
internal sealed partial class GeneratorExecutor
{
    /// <summary>A caught exception, handed from <see cref="Guarded"/> to the statement that drives it.</summary>
    private sealed class Caught
    {
        public PythonException? Error { get; set; }
    }

    /// <summary>Re-yields what <paramref name="steps"/> yield; an exception they raise ends them and is left in <paramref name="caught"/>.</summary>
    private IEnumerable<nint> Guarded(IEnumerable<nint> steps, Caught caught)
    {
        using IEnumerator<nint> e = steps.GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = e.MoveNext();
            }
            catch (Exception ex) when (interp.NoteRaise(ex) || true)
            {
                caught.Error = interp.Translate(ex);
                interp.SetImplicitContext(caught.Error);
                yield break;
            }
            if (!more)
            {
                yield break;
            }
            yield return e.Current;
        }
    }

    /// <summary>try/except/else/finally, as <c>Interpreter.ExecTry</c>: the finally block runs however the rest ends.</summary>
    private IEnumerable<nint> Try(TryStmt t)
    {
        var caught = new Caught();
        foreach (nint v in Guarded(TryExcept(t), caught))
        {
            yield return v;
        }
        if (t.FinalBody.Length == 0)
        {
            if (caught.Error != null)
            {
                throw caught.Error;
            }
            yield break;
        }
        Flow flow = caught.Error == null ? _flow : Flow.Normal;
        nint savedReturn = flow == Flow.Return ? _frame.ReturnValue : 0;
        _frame.ReturnValue = 0;
        var finalCaught = new Caught();
        bool carryOn = false;
        try
        {
            foreach (nint v in Guarded(Block(t.FinalBody), finalCaught))
            {
                yield return v;
            }
            if (finalCaught.Error == null && _flow == Flow.Normal)
            {
                carryOn = true;
                _frame.ReturnValue = savedReturn;
                _flow = flow;
            }
        }
        finally
        {
            if (!carryOn)
            {
                // An exception, break, continue or return in the finally block (or the generator
                // being dropped while suspended in it) discards the pending exception or return value.
                interp.DropException(caught.Error);
                caught.Error = null;
                interp.Release(savedReturn);
            }
        }
        if (finalCaught.Error != null)
        {
            throw finalCaught.Error;
        }
        if (carryOn && caught.Error != null)
        {
            throw caught.Error;
        }
    }

    private IEnumerable<nint> TryExcept(TryStmt t)
    {
        var caught = new Caught();
        IEnumerable<nint> body = t.Handlers.Length == 0 ? Block(t.Body) : Guarded(Block(t.Body), caught);
        foreach (nint v in body)
        {
            yield return v;
        }
        if (caught.Error == null)
        {
            if (_flow != Flow.Normal)
            {
                yield break;
            }
            foreach (nint v in Block(t.OrElse))
            {
                yield return v;
            }
            yield break;
        }
        PythonException e = caught.Error;
        foreach (ExceptHandler h in t.Handlers)
        {
            if (!interp.HandlerMatches(h, e, _frame))
            {
                continue;
            }
            nint exc = interp.BeginHandler(h, e, _frame);
            try
            {
                foreach (nint v in Block(h.Body))
                {
                    yield return v;
                }
            }
            finally
            {
                interp.EndHandler(h, exc, _frame);
            }
            yield break;
        }
        throw e;
    }

    /// <summary><c>with</c>, one item at a time, as <c>Interpreter.ExecWith</c>.</summary>
    private IEnumerable<nint> With(WithStmt w, int index)
    {
        if (index == w.Items.Length)
        {
            foreach (nint v in Block(w.Body))
            {
                yield return v;
            }
            yield break;
        }
        WithItem item = w.Items[index];
        if (item.OptionalVars is not null && interp.ContainsYield(item.OptionalVars))
        {
            throw interp.YieldNotSupported(item.OptionalVars);
        }
        foreach (nint v in Value(item.ContextExpr))
        {
            yield return v;
        }
        nint manager = interp.EnterContext(TakeReceived(), item, _frame);
        state.Hold(manager);
        try
        {
            var caught = new Caught();
            foreach (nint v in Guarded(With(w, index + 1), caught))
            {
                yield return v;
            }
            if (caught.Error == null)
            {
                Flow flow = _flow;
                interp.ExitContext(manager, null);
                _flow = flow;
            }
            else if (interp.ExitContext(manager, caught.Error))
            {
                interp.DropException(caught.Error);
                _flow = Flow.Normal;
            }
            else
            {
                throw caught.Error;
            }
        }
        finally
        {
            state.Unhold(manager);
            interp.Release(manager);
        }
    }
}
