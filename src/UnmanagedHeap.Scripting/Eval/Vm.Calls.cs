using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Compiler;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Eval;

/// <summary>
/// CALL: a Python function whose arguments bind by position gets a new frame in the arena
/// (the loop continues there); a class with a Python <c>__init__</c> likewise, the instance
/// made first; a built-in borrows a reused argument array; anything else goes through the
/// runtime's <see cref="Interpreter.Call"/>.
/// </summary>
public sealed unsafe partial class Vm
{
    private const int MaxPooledArguments = 8;
    private readonly Stack<nint[]>[] _argumentArrays = [.. Enumerable.Range(0, MaxPooledArguments + 1).Select(_ => new Stack<nint[]>())];

    /// <summary>
    /// Performs the call whose operands are on the stack below <paramref name="sp"/>. Returns
    /// the callee's new frame, its arguments moved in and the operands popped; or null with the
    /// result pushed in their place. Operands still on the stack when it throws are released by
    /// the unwinding.
    /// </summary>
    private VmFrame* Call(VmFrame* f, ref nint* sp, Opcode op, int arg, CodeObject code)
    {
        CallExpr? kwCall = op == Opcode.CallKw ? (CallExpr)code.Nodes[arg] : null;
        int keywords = kwCall == null ? 0 : kwCall.Keywords.Length;
        int count = kwCall == null ? arg : kwCall.Args.Length + keywords;
        nint* bottom = sp - count - 2;
        var meth = (PyObject*)bottom[0];
        var callable = (PyObject*)bottom[1];
        ScriptTypes t = _interp.T;
        PyObject* fn;
        nint* args;
        int total;
        if (meth != null)
        {
            fn = meth;
            args = bottom + 1;
            total = count + 1;
        }
        else if (callable->ob_type == t.Method)
        {
            // A bound method: its function, with self as the first argument (CPython's CALL does the same).
            var m = (PyMethodObject*)callable;
            bottom[0] = (nint)Interpreter.NewRef(m->im_func);
            bottom[1] = (nint)Interpreter.NewRef(m->im_self);
            Refcount.Decref(callable);
            fn = (PyObject*)bottom[0];
            meth = fn;
            args = bottom + 1;
            total = count + 1;
        }
        else
        {
            fn = callable;
            args = bottom + 2;
            total = count;
        }
        if (keywords == 0)
        {
            PyTypeObject* type = fn->ob_type;
            if (type == t.Function)
            {
                VmFrame* callee = TryPushFunction(fn, args, total, null);
                if (callee != null)
                {
                    ReleaseSlots(bottom, 2);
                    sp = bottom;
                    return callee;
                }
            }
            else if (type == _st->type_type && meth == null)
            {
                VmFrame* callee = TryConstruct((PyTypeObject*)fn, bottom, count);
                if (callee != null)
                {
                    sp = bottom;
                    return callee;
                }
            }
            else if (type == t.Builtin)
            {
                var b = (PyBuiltinObject*)fn;
                BuiltinEntry entry = _interp.EngineBuiltin((int)b->m_index);
                PyObject* self = meth != null ? (PyObject*)args[0] : b->m_self;
                nint* first = meth != null ? args + 1 : args;
                int n = meth != null ? total - 1 : total;
                PyObject* r = CallBuiltin(entry, self, first, n);
                ReleaseSlots(bottom, count + 2);
                sp = bottom;
                *sp++ = (nint)r;
                return null;
            }
        }
        PyObject* result = CallGeneral(fn, meth != null, args, total, kwCall);
        ReleaseSlots(bottom, count + 2);
        sp = bottom;
        *sp++ = (nint)result;
        return null;
    }

    private static void ReleaseSlots(nint* from, int n)
    {
        for (int i = 0; i < n; i++)
        {
            nint v = from[i];
            from[i] = 0;
            Refcount.XDecref((PyObject*)v);
        }
    }

    /// <summary>A built-in borrows its arguments for the call; the array is reused.</summary>
    private PyObject* CallBuiltin(BuiltinEntry entry, PyObject* self, nint* args, int n)
    {
        nint[] array = RentArguments(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                array[i] = args[i];
            }
            return entry.Fn(self, array, null);
        }
        finally
        {
            ReturnArguments(array);
        }
    }

    private nint[] RentArguments(int n)
    {
        if (n > MaxPooledArguments)
        {
            return new nint[n];
        }
        Stack<nint[]> idle = _argumentArrays[n];
        return idle.Count > 0 ? idle.Pop() : new nint[n];
    }

    private void ReturnArguments(nint[] array)
    {
        if (array.Length <= MaxPooledArguments)
        {
            Array.Clear(array);
            _argumentArrays[array.Length].Push(array);
        }
    }

    /// <summary>The runtime's general call: the arguments move into an array (and keyword list) it consumes.</summary>
    private PyObject* CallGeneral(PyObject* fn, bool methodForm, nint* args, int total, CallExpr? kwCall)
    {
        int keywords = kwCall == null ? 0 : kwCall.Keywords.Length;
        int positional = total - keywords;
        KwArgs? kw = null;
        if (keywords > 0)
        {
            kw = [];
            for (int i = 0; i < keywords; i++)
            {
                kw.Add((kwCall!.Keywords[i].Name!, args[positional + i]));
                args[positional + i] = 0;
            }
        }
        if (methodForm && fn->ob_type == _interp.T.Builtin && ((PyBuiltinObject*)fn)->m_self == null)
        {
            // obj.method(..., name=value) on a built-in: self first, the rest borrowed.
            var rest = new nint[positional - 1];
            for (int i = 1; i < positional; i++)
            {
                rest[i - 1] = args[i];
            }
            try
            {
                return _interp.EngineBuiltin((int)((PyBuiltinObject*)fn)->m_index).Fn((PyObject*)args[0], rest, kw);
            }
            finally
            {
                Interpreter.ReleaseArgs([], kw);
            }
        }
        var array = new nint[positional];
        for (int i = 0; i < positional; i++)
        {
            array[i] = args[i];
            args[i] = 0;
        }
        return _interp.Call(fn, array, kw);
    }

    /// <summary>
    /// A frame for <paramref name="fn"/> with <paramref name="total"/> positional arguments
    /// moved in from <paramref name="args"/> (defaults filled, cells made), or null when the
    /// call needs the general binder or the function runs on the tree-walker.
    /// </summary>
    private VmFrame* TryPushFunction(PyObject* fn, nint* args, int total, PyObject* constructed)
    {
        var func = (PyFunctionObject*)fn;
        CodeInfo info = _interp.EngineCodeOf(func);
        CodeObject? c = info.Bytecode ?? (info.BytecodeRefused ? null : _interp.BytecodeOf(info));
        if (c == null || info.IsGenerator || !CanBindByPosition(info, func, total))
        {
            return null;
        }
        _interp.PollInterrupt();
        if (_interp.Depth + 1 >= _interp.RecursionLimit)
        {
            throw _interp.Error(_interp.RecursionError, "maximum recursion depth exceeded");
        }
        VmFrame* callee = _arena.Push(c.LocalCount + c.StackSize);
        callee->CodeId = c.Id;
        callee->LocalCount = c.LocalCount;
        callee->Shadow = -1;
        callee->Function = Interpreter.NewRef(fn);
        callee->Globals = func->func_globals;
        callee->Closure = func->func_closure;
        callee->Constructed = constructed;
        _interp.Depth++;
        int[] slots = info.PositionalSlots;
        nint* locals = callee->Locals;
        for (int i = 0; i < total; i++)
        {
            locals[slots[i]] = args[i];
            args[i] = 0;
        }
        if (total < slots.Length)
        {
            PyObject* defaults = func->func_defaults;
            int firstDefault = slots.Length - (int)PyTuple.Size(defaults);
            for (int p = total; p < slots.Length; p++)
            {
                locals[slots[p]] = (nint)Interpreter.NewRef(PyTuple.Items(defaults)[p - firstDefault]);
            }
        }
        if (c.Scope.Cells.Count > 0)
        {
            Interpreter.EngineMakeCells(_interp, c.Scope, locals);
        }
        return callee;
    }

    private static bool CanBindByPosition(CodeInfo info, PyFunctionObject* func, int total)
    {
        if (!info.BindsPositionalOnly(total))
        {
            return false;
        }
        int defaults = func->func_defaults == null ? 0 : (int)PyTuple.Size(func->func_defaults);
        return total >= info.PositionalSlots.Length - defaults;
    }

    /// <summary>
    /// <c>C(args)</c> for a plain class whose <c>__init__</c> is a compiled Python function that
    /// binds by position: the instance is made (after the arguments, as CPython orders it) and
    /// becomes <c>__init__</c>'s first argument; the frame returns it.
    /// </summary>
    private VmFrame* TryConstruct(PyTypeObject* type, nint* bottom, int count)
    {
        if (!Interpreter.IsInstanceLayout(type) || Interpreter.IsSubtype(type, _interp.BaseException) || _interp.EngineHasConstructor(type)
            || _interp.EngineLookupInType(type, "__new__") != null)
        {
            return null;
        }
        PyObject* init = _interp.EngineLookupInType(type, "__init__");
        if (init == null || init->ob_type != _interp.T.Function)
        {
            return null;
        }
        var func = (PyFunctionObject*)init;
        CodeInfo info = _interp.EngineCodeOf(func);
        CodeObject? c = info.Bytecode ?? (info.BytecodeRefused ? null : _interp.BytecodeOf(info));
        if (c == null || info.IsGenerator || !CanBindByPosition(info, func, count + 1))
        {
            return null;
        }
        PyObject* obj = _interp.NewInstance(type);
        // [NULL, type, args...] -> [NULL, obj, args...]: obj is __init__'s first argument.
        var typeRef = (PyObject*)bottom[1];
        bottom[1] = (nint)Interpreter.NewRef(obj);
        Refcount.Decref(typeRef);
        VmFrame* callee;
        try
        {
            callee = TryPushFunction(init, bottom + 1, count + 1, obj);
        }
        catch
        {
            Refcount.Decref(obj);
            throw;
        }
        return callee;
    }

    /// <summary>The value a construction's <c>__init__</c> frame returns: the instance, once <c>__init__</c> returned None.</summary>
    private PyObject* FinishConstruction(VmFrame* f, PyObject* r)
    {
        if (r != _st->none)
        {
            string tn = Interpreter.TypeName(r);
            Refcount.Decref(r);
            throw _interp.TypeErr($"__init__() should return None, not '{tn}'");
        }
        Refcount.Decref(r);
        PyObject* obj = f->Constructed;
        f->Constructed = null;
        return obj;
    }
}
