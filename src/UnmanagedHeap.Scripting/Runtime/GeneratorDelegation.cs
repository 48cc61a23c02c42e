using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>yield from</c> (PEP 380), the pointer work for <see cref="GeneratorExecutor"/>: each
/// step sends, throws or nexts into the delegate (a generator is resumed directly, anything
/// else through its <c>send</c>/<c>throw</c>/<c>__next__</c>), and the delegate's return
/// value is its StopIteration's value.
/// </summary>
public sealed unsafe partial class Interpreter
{
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
            if (T.IsIter(it->ob_type) || IsNativeIterator(it->ob_type))
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
}
