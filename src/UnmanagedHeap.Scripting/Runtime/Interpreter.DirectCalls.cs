using System.Collections.Immutable;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Calls whose positional arguments go straight into the callee's frame slots, as CPython
/// copies them from its value stack: a Python function, a method found on the class, or a
/// class whose <c>__init__</c> is a Python function. No argument array, no binding by name;
/// everything else (keywords, <c>*args</c>, defaults missing, built-ins) takes the general path.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>A call with positional arguments only, none of them starred.</summary>
    private static bool IsPlainPositional(CallExpr call) => call.Keywords.Length == 0 && !HasStarred(call.Args);

    /// <summary>
    /// Calls <paramref name="callable"/> (borrowed) with <paramref name="self"/> (borrowed, or
    /// null) then the call's arguments, when the callee binds them directly; otherwise returns
    /// false having evaluated nothing.
    /// </summary>
    private bool TryCallDirect(PyObject* callable, PyObject* self, CallExpr call, ExecFrame f, out PyObject* result)
    {
        result = null;
        PyTypeObject* t = callable->ob_type;
        if (t == T.Function)
        {
            return TryCallFunctionDirect(callable, self, call, f, out result);
        }
        if (t == St->type_type && self == null)
        {
            return TryConstructDirect((PyTypeObject*)callable, call, f, out result);
        }
        return false;
    }

    /// <summary>The code of <paramref name="func"/> when a call with <paramref name="count"/> positional arguments binds directly, or null.</summary>
    private CodeInfo? DirectCode(PyFunctionObject* func, int count)
    {
        CodeInfo code = Codes[(int)func->func_code];
        if (!code.BindsPositionalOnly(count))
        {
            return null;
        }
        // __defaults__ is the function's, not the syntax's: the missing trailing parameters must all have one.
        int defaults = func->func_defaults == null ? 0 : (int)PyTuple.Size(func->func_defaults);
        return count >= code.PositionalSlots.Length - defaults ? code : null;
    }

    private bool TryCallFunctionDirect(PyObject* callable, PyObject* self, CallExpr call, ExecFrame f, out PyObject* result)
    {
        var fn = (PyFunctionObject*)callable;
        int first = self != null ? 1 : 0;
        CodeInfo? code = DirectCode(fn, first + call.Args.Length);
        if (code == null)
        {
            result = null;
            return false;
        }
        ExecFrame frame = code.RentFrame(fn->func_globals, fn->func_closure, (nint)callable);
        if (self != null)
        {
            frame.Fast[code.PositionalSlots[0]] = (nint)NewRef(self);
        }
        EvalArgsIntoFrame(call.Args, f, code, frame, first);
        result = EnterDirectFrame(callable, code, frame, first + call.Args.Length);
        return true;
    }

    /// <summary>
    /// <c>C(args)</c> for a plain class with a Python <c>__init__</c>: the arguments are evaluated
    /// into the <c>__init__</c> frame, then the instance is made and bound as its first argument,
    /// in CPython's order (arguments, allocation, <c>__init__</c>).
    /// </summary>
    private bool TryConstructDirect(PyTypeObject* type, CallExpr call, ExecFrame f, out PyObject* result)
    {
        result = null;
        PyObject* init = DirectInit(type, call);
        if (init == null)
        {
            return false;
        }
        var fn = (PyFunctionObject*)init;
        int count = 1 + call.Args.Length;
        CodeInfo? code = DirectCode(fn, count);
        if (code == null)
        {
            return false;
        }
        int epoch = TypeCacheEpoch;
        ExecFrame frame = code.RentFrame(fn->func_globals, fn->func_closure, (nint)init);
        EvalArgsIntoFrame(call.Args, f, code, frame, 1);
        if (TypeCacheEpoch != epoch)
        {
            // The arguments changed a class (Node.__init__ = ...): construct the general way, with the values already computed.
            result = CallType(type, TakeArgsFromFrame(code, frame, 1, count), null);
            return true;
        }
        PyObject* obj = NewInstance(type);
        try
        {
            frame.Fast[code.PositionalSlots[0]] = (nint)NewRef(obj);
            PyObject* r = EnterDirectFrame(init, code, frame, count);
            if (r != St->none)
            {
                string tn = TypeName(r);
                Refcount.Decref(r);
                throw TypeErr($"__init__() should return None, not '{tn}'");
            }
            Refcount.Decref(r);
        }
        catch
        {
            Refcount.Decref(obj);
            throw;
        }
        result = obj;
        return true;
    }

    /// <summary>The Python <c>__init__</c> (borrowed) of a plain class whose construction can bind directly, or null; memoized on the call.</summary>
    private PyObject* DirectInit(PyTypeObject* type, CallExpr call)
    {
        int epoch = TypeCacheEpoch;
        if (call.EvaluatorCache is not ConstructSite site || site.Owner != this)
        {
            site = new ConstructSite(this);
            call.EvaluatorCache = site;
        }
        else if (site.Describes(type, epoch))
        {
            return site.Init;
        }
        PyObject* init = null;
        if (IsInstanceLayout(type) && !IsSubtype(type, BaseException) && !_constructors.ContainsKey((nint)type) && LookupInType(type, "__new__") == null)
        {
            init = LookupInType(type, "__init__");
            if (init != null && init->ob_type != T.Function)
            {
                init = null;
            }
        }
        site.Remember(type, epoch, init);
        return init;
    }

    /// <summary>Evaluates the arguments into the positional slots from <paramref name="first"/> on; on failure the frame is released and given back.</summary>
    private void EvalArgsIntoFrame(ImmutableArray<Expr> args, ExecFrame f, CodeInfo code, ExecFrame frame, int first)
    {
        int[] slots = code.PositionalSlots;
        nint[] fast = frame.Fast;
        bool ok = false;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                fast[slots[first + i]] = (nint)Eval(args[i], f);
            }
            ok = true;
        }
        finally
        {
            if (!ok)
            {
                frame.Release();
                code.ReturnFrame(frame);
            }
        }
    }

    /// <summary>Moves the arguments bound from <paramref name="first"/> on out of an unused frame (which is given back) into an argument array.</summary>
    private static nint[] TakeArgsFromFrame(CodeInfo code, ExecFrame frame, int first, int count)
    {
        var args = new nint[count - first];
        for (int i = first; i < count; i++)
        {
            int slot = code.PositionalSlots[i];
            args[i - first] = frame.Fast[slot];
            frame.Fast[slot] = 0;
        }
        frame.Release();
        code.ReturnFrame(frame);
        return args;
    }

    /// <summary>Fills the defaults of the parameters after the <paramref name="count"/> bound ones and runs the frame (as CallFunction does once it has bound).</summary>
    private PyObject* EnterDirectFrame(PyObject* callable, CodeInfo code, ExecFrame frame, int count)
    {
        bool room = false;
        try
        {
            room = HasRoomForCall();
        }
        finally
        {
            if (!room)
            {
                frame.Release();
                code.ReturnFrame(frame);
            }
        }
        if (!room)
        {
            throw Error(RecursionError, "maximum recursion depth exceeded");
        }
        int[] slots = code.PositionalSlots;
        if (count < slots.Length)
        {
            PyObject* defaults = ((PyFunctionObject*)callable)->func_defaults;
            int firstDefault = slots.Length - (int)PyTuple.Size(defaults);
            for (int p = count; p < slots.Length; p++)
            {
                frame.Fast[slots[p]] = (nint)NewRef(PyTuple.Items(defaults)[p - firstDefault]);
            }
        }
        return RunFrame(callable, code, frame, null, null);
    }
}
