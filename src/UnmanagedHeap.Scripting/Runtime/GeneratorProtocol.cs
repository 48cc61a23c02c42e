using System.Runtime.CompilerServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The generator protocol shared by generator expressions and generator functions:
/// resuming (<c>next</c>, <c>send</c>, <c>throw</c>, <c>close</c>), finishing, and the
/// finalizer that closes a suspended generator when it is deallocated or collected, as
/// CPython's <c>_PyGen_Finalize</c> does.
/// </summary>
public sealed unsafe partial class Interpreter
{
    public PyTypeObject* GeneratorExit { get; private set; }

    private void CreateGeneratorExceptionTypes() => GeneratorExit = Exc("GeneratorExit", BaseException);

    /// <summary>
    /// Runs a generator until it yields (returns the value, a new reference) or finishes
    /// (returns null; <paramref name="returned"/> is its return value, a new reference).
    /// Consumes <paramref name="sent"/> (may be null) and <paramref name="thrown"/>; an
    /// exception escaping the body ends the generator and propagates.
    /// </summary>
    private PyObject* Resume(PyObject* gen, PyObject* sent, PythonException? thrown, out PyObject* returned)
    {
        returned = null;
        GeneratorState? state = StateOf(gen);
        if (state is { Running: true })
        {
            Refcount.XDecref(sent);
            DropPending(thrown);
            throw ValueErr("generator already executing");
        }
        if ((state == null || state.Done) && thrown == null && IsCoroutine(gen))
        {
            Refcount.XDecref(sent);
            throw Error(RuntimeError, "cannot reuse already awaited coroutine");
        }
        if (state == null || state.Done || (thrown != null && (!state.Started || !state.AcceptsThrow)))
        {
            // Finished, or not yet at a yield that could catch it: the exception ends the generator.
            Refcount.XDecref(sent);
            if (state != null && !state.Done && thrown != null)
            {
                FinishGenerator(state);
            }
            if (thrown != null)
            {
                throw thrown;
            }
            return null;
        }
        byte probe;
        bool stackLow = (StackBase != 0 && StackBase - (nint)(&probe) > StackBudget) || !RuntimeHelpers.TryEnsureSufficientExecutionStack();
        if (Depth + 1 >= RecursionLimit || stackLow)
        {
            // A resumption nests like a call (yield from chains, generators driving generators).
            Refcount.XDecref(sent);
            DropPending(thrown);
            throw Error(RecursionError, "maximum recursion depth exceeded");
        }
        state.Started = true;
        state.Sent = (nint)sent;
        state.Thrown = thrown;
        bool yielded;
        PythonException? failure = null;
        int mark = EnterGenerator(state);
        ExecFrame? previous = Current;
        if (state.RunsOnTreeFrame)
        {
            state.Frame.Back = previous;
            state.Frame.VmBelow = _vm == null ? null : _vm.Top;
            Current = state.Frame;
        }
        Depth++;
        try
        {
            yielded = state.Enumerator.MoveNext();
        }
        catch (Exception raw)
        {
            yielded = false;
            failure = GeneratorFailure(Translate(raw), state);
        }
        finally
        {
            Depth--;
            Current = previous;
            LeaveGenerator(state, mark);
            Refcount.XDecref((PyObject*)state.TakeResumption(out PythonException? unused));
            DropPending(unused);
        }
        if (yielded)
        {
            return (PyObject*)state.Enumerator.Current;
        }
        nint value = failure == null ? state.TakeReturnValue() : 0;
        FinishGenerator(state);
        if (failure != null)
        {
            throw failure;
        }
        returned = value == 0 ? None : (PyObject*)value;
        return null;
    }

    /// <summary>An exception leaving a generator's body: StopIteration becomes RuntimeError (PEP 479); the frame joins the traceback.</summary>
    private PythonException GeneratorFailure(PythonException e, GeneratorState state)
    {
        if (e.Object != null && IsSubtype(e.Object->ob_type, StopIteration))
        {
            DropPending(e);
            e = Error(RuntimeError, "generator raised StopIteration");
        }
        e.AddFrame(state is FunctionGeneratorState f ? f.Code.File : FileName, state.Frame.Line, state.Name);
        return e;
    }

    /// <summary>Marks the generator running and restores the exceptions its except blocks were handling when it suspended.</summary>
    private int EnterGenerator(GeneratorState state)
    {
        state.Running = true;
        int mark = Handling.Count;
        Handling.AddRange(state.SavedHandling);
        state.SavedHandling.Clear();
        return mark;
    }

    private void LeaveGenerator(GeneratorState state, int mark)
    {
        state.SavedHandling.AddRange(Handling.GetRange(mark, Handling.Count - mark));
        Handling.RemoveRange(mark, Handling.Count - mark);
        state.Running = false;
    }

    /// <summary>
    /// Ends a generator: disposing its iterator runs the C# cleanup of whatever it was suspended
    /// in (releasing loop iterators, leaving except blocks), then its locals are dropped.
    /// None of its body runs here; <see cref="CloseGenerator"/> is what runs its finally blocks.
    /// </summary>
    private void FinishGenerator(GeneratorState state)
    {
        if (state.Done)
        {
            return;
        }
        state.Done = true;
        int mark = EnterGenerator(state);
        try
        {
            state.Enumerator.Dispose();
        }
        finally
        {
            LeaveGenerator(state, mark);
            state.SavedHandling.Clear();
            state.ReleaseFrame();
        }
    }

    /// <summary>The generator's next value (new reference), or null when it is exhausted (its return value dropped).</summary>
    private PyObject* GeneratorNext(PyObject* gen)
    {
        PyObject* v = Resume(gen, null, null, out PyObject* returned);
        Refcount.XDecref(returned);
        return v;
    }

    /// <summary>send(value): the next yielded value, or StopIteration carrying the return value.</summary>
    private PyObject* GeneratorSend(PyObject* gen, PyObject* value)
    {
        GeneratorState? state = StateOf(gen);
        if (state != null && !state.Started && !state.Done && value != St->none)
        {
            throw TypeErr($"can't send non-None value to a just-started {(IsCoroutine(gen) ? "coroutine" : "generator")}");
        }
        return YieldedOrStop(gen, NewRef(value), null);
    }

    private PyObject* YieldedOrStop(PyObject* gen, PyObject* sent, PythonException? thrown)
    {
        PyObject* v = Resume(gen, sent, thrown, out PyObject* returned);
        if (v != null)
        {
            return v;
        }
        throw new PythonException(NewStopIteration(returned));
    }

    /// <summary>StopIteration for a return value (consumed): no args for None, as CPython raises it.</summary>
    private PyObject* NewStopIteration(PyObject* value)
    {
        if (value == null || value == St->none)
        {
            Refcount.XDecref(value);
            return NewException(StopIteration, null);
        }
        PyObject* args = Tuple([(nint)value]);
        Refcount.Decref(value);
        PyObject* exc = NewExceptionWithArgs(StopIteration, args);
        Refcount.Decref(args);
        return exc;
    }

    /// <summary>throw(exc) / throw(type[, value]): raises it where the generator is suspended.</summary>
    private PyObject* GeneratorThrow(PyObject* gen, nint[] a)
    {
        Arity("throw", a, 1, 3);
        PyObject* typ = A(a, 0);
        PyObject* exc;
        if (a.Length >= 2 && A(a, 1) != St->none && IsType(typ))
        {
            PyObject* value = A(a, 1);
            exc = IsSubtype(value->ob_type, (PyTypeObject*)typ) ? NewRef(value) : Call(typ, [(nint)NewRef(value)], null);
        }
        else
        {
            if (!IsType(typ) && a.Length >= 2 && A(a, 1) != St->none)
            {
                throw TypeErr("instance exception may not have a separate value");
            }
            if (!(IsType(typ) && IsSubtype((PyTypeObject*)typ, BaseException)) && !IsSubtype(typ->ob_type, BaseException))
            {
                throw TypeErr("exceptions must be classes or instances deriving from BaseException, not " + TypeName(typ));
            }
            exc = MakeExceptionInstance(NewRef(typ));
        }
        return YieldedOrStop(gen, null, new PythonException(exc));
    }

    /// <summary>close(): raises GeneratorExit where it is suspended; finally blocks run, a yield there is an error.</summary>
    private void CloseGenerator(PyObject* gen)
    {
        GeneratorState? state = StateOf(gen);
        if (state == null || state.Done)
        {
            return;
        }
        if (!state.Started)
        {
            FinishGenerator(state);
            return;
        }
        PyObject* v;
        try
        {
            v = Resume(gen, null, new PythonException(NewException(GeneratorExit, null)), out PyObject* returned);
            Refcount.XDecref(returned);
        }
        catch (PythonException e) when (e.Object != null && IsSubtype(e.Object->ob_type, GeneratorExit))
        {
            DropPending(e);
            return;
        }
        if (v != null)
        {
            Refcount.Decref(v);
            throw Error(RuntimeError, "generator ignored GeneratorExit");
        }
    }

    /// <summary>tp_finalize: a generator suspended at a yield is closed, so its finally blocks run.</summary>
    private static void GeneratorFinalize(PyObject* op)
    {
        Interpreter interp = Of(op->ob_type->tp_heap);
        GeneratorState? state = interp.StateOf(op);
        if (state is { Started: false, Done: false } && interp.IsCoroutine(op))
        {
            interp.WarnNeverAwaited(state);
            return;
        }
        if (state == null || !state.Started || state.Done || state.Running)
        {
            return;
        }
        try
        {
            interp.CloseGenerator(op);
        }
        catch (Exception e)
        {
            interp.ReportUnraisable(interp.Translate(e), $"Exception ignored in: {interp.Repr(op)}");
        }
    }

    private string GeneratorRepr(PyObject* gen)
    {
        // A finished generator keeps its state (and so its name) until it is deallocated.
        string qualName = StateOf(gen)?.QualName ?? "<genexpr>";
        return $"<{(IsCoroutine(gen) ? "coroutine" : "generator")} object {qualName} at 0x{(nint)gen:x}>";
    }

    /// <summary>The generator's data attributes (new reference), or null: names, and whether it runs, is suspended, delegates.</summary>
    private PyObject* GeneratorAttr(PyObject* gen, string name)
    {
        GeneratorState? state = StateOf(gen);
        bool suspended = state is { Started: true, Done: false, Running: false };
        return name switch
        {
            "__name__" => Str(state?.Name ?? "<genexpr>"),
            "__qualname__" => Str(state?.QualName ?? "<genexpr>"),
            "gi_running" => Bool(state is { Running: true }),
            "gi_suspended" => Bool(suspended),
            // The delegate a suspended yield from is passing values through to, held first among its references.
            "gi_yieldfrom" => NewRef(suspended && state!.Delegate != 0 ? (PyObject*)state.Delegate : St->none),
            _ => null,
        };
    }

    private void RegisterGeneratorMethods(PyTypeObject* t)
    {
        Method(t, "__next__", (self, a, _) =>
        {
            Arity("__next__", a, 0, 0);
            return YieldedOrStop(self, null, null);
        });
        Method(t, "__iter__", (self, _, _) => NewRef(self));
        Method(t, "send", (self, a, _) =>
        {
            Arity("send", a, 1, 1);
            return GeneratorSend(self, A(a, 0));
        });
        Method(t, "throw", (self, a, _) => GeneratorThrow(self, a));
        Method(t, "close", (self, a, _) =>
        {
            Arity("close", a, 0, 0);
            CloseGenerator(self);
            return None;
        });
    }
}
