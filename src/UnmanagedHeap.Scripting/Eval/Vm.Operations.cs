using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Compiler;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Eval;

/// <summary>The specialized paths of the loop's instructions (PEP 659 in spirit) and their general fallbacks.</summary>
public sealed unsafe partial class Vm
{
    /// <summary>LOAD_GLOBAL: the cached value while the globals and builtins dicts are unchanged, else a lookup that refills the cache.</summary>
    private PyObject* LoadGlobal(VmFrame* f, CodeObject code, int at, int name)
    {
        PyObject* globals = f->Globals;
        ref GlobalCache c = ref code.GlobalCaches[at];
        ulong gv = ((PyDictObject*)globals)->ma_version_tag;
        ulong bv = ((PyDictObject*)_interp.Builtins)->ma_version_tag;
        if (c.Value != 0 && c.Globals == (nint)globals && c.GlobalsVersion == gv && c.BuiltinsVersion == bv)
        {
            Refcount.Incref((PyObject*)c.Value);
            return (PyObject*)c.Value;
        }
        var key = (PyObject*)code.Names[name];
        PyObject* v = PyDict.GetItem(globals, key);
        if (v == null)
        {
            v = PyDict.GetItem(_interp.Builtins, key);
            if (v == null)
            {
                throw _interp.NameErrorIn(f, code, PyUnicode.AsString(key));
            }
        }
        c.Globals = (nint)globals;
        c.GlobalsVersion = gv;
        c.BuiltinsVersion = bv;
        c.Value = (nint)v;
        Refcount.Incref(v);
        return v;
    }

    /// <summary>
    /// LOAD_ATTR's method form on TOS (<paramref name="sp"/> is one past it): leaves
    /// <c>[function, self]</c> when the class's plain function or a built-in method applies,
    /// else <c>[NULL, attribute]</c>. Cached per class and type-cache epoch.
    /// </summary>
    private void LoadMethod(CodeObject code, int at, int node, nint* sp)
    {
        var obj = (PyObject*)sp[-1];
        PyTypeObject* t = obj->ob_type;
        ref MethodCache mc = ref code.MethodCaches[at];
        int epoch = _interp.TypeCacheEpoch;
        if (mc.Type == (nint)t && mc.Epoch == epoch
            && (mc.Kind == 2 || PyInstance.GetAttr(obj, (PyObject*)code.NodeKeys[node]) == null))
        {
            Refcount.Incref((PyObject*)mc.Method);
            sp[-1] = mc.Method;
            sp[0] = (nint)obj;
            return;
        }
        var a = (AttributeExpr)code.Nodes[node];
        int builtin = _interp.EngineBuiltinMethodIndex(obj, a.Attr);
        if (builtin >= 0)
        {
            PyObject* m = _interp.EngineUnboundBuiltin(builtin);
            mc = new MethodCache { Type = (nint)t, Epoch = epoch, Method = (nint)m, Kind = 2 };
            Refcount.Incref(m);
            sp[-1] = (nint)m;
            sp[0] = (nint)obj;
            return;
        }
        PyObject* callee = _interp.EngineLookupMethod(obj, a.Attr, out bool unbound);
        if (unbound)
        {
            if (Interpreter.IsInstanceLayout(t) && callee->ob_type == _interp.T.Function && _interp.TypeCacheEpoch == epoch)
            {
                mc = new MethodCache { Type = (nint)t, Epoch = epoch, Method = (nint)callee, Kind = 1 };
            }
            sp[-1] = (nint)callee;
            sp[0] = (nint)obj;
            return;
        }
        sp[-1] = 0;
        sp[0] = (nint)callee;
        Refcount.Decref(obj);
    }

    /// <summary>int and float arithmetic without the general operator; null when it does not apply.</summary>
    private PyObject* FastBinary(int op, PyObject* a, PyObject* b)
    {
        PyTypeObject* ta = a->ob_type;
        PyTypeObject* tb = b->ob_type;
        if (ta == _st->type_int && tb == _st->type_int)
        {
            if (!PyLong.TryGetInt64(a, out long x) || !PyLong.TryGetInt64(b, out long y))
            {
                return null;
            }
            long r;
            switch ((BinaryOperator)op)
            {
                case BinaryOperator.Add:
                    r = x + y;
                    if (((x ^ r) & (y ^ r)) < 0)
                    {
                        return null;
                    }
                    break;
                case BinaryOperator.Sub:
                    r = x - y;
                    if (((x ^ y) & (x ^ r)) < 0)
                    {
                        return null;
                    }
                    break;
                case BinaryOperator.Mult:
                {
                    Int128 p = (Int128)x * y;
                    if (p < long.MinValue || p > long.MaxValue)
                    {
                        return null;
                    }
                    r = (long)p;
                    break;
                }
                case BinaryOperator.FloorDiv:
                    if (y == 0 || (x == long.MinValue && y == -1))
                    {
                        return null;
                    }
                    r = x / y;
                    if (x % y != 0 && ((x < 0) != (y < 0)))
                    {
                        r--;
                    }
                    break;
                case BinaryOperator.Mod:
                    if (y == 0 || (x == long.MinValue && y == -1))
                    {
                        return null;
                    }
                    r = x % y;
                    if (r != 0 && ((r < 0) != (y < 0)))
                    {
                        r += y;
                    }
                    break;
                case BinaryOperator.BitAnd:
                    r = x & y;
                    break;
                case BinaryOperator.BitOr:
                    r = x | y;
                    break;
                case BinaryOperator.BitXor:
                    r = x ^ y;
                    break;
                default:
                    return null;
            }
            return PyLong.FromInt64(_st, r);
        }
        if (ta == _st->type_float && tb == _st->type_float)
        {
            double x = PyFloat.Value(a);
            double y = PyFloat.Value(b);
            switch ((BinaryOperator)op)
            {
                case BinaryOperator.Add:
                    return PyFloat.FromDouble(_st, x + y);
                case BinaryOperator.Sub:
                    return PyFloat.FromDouble(_st, x - y);
                case BinaryOperator.Mult:
                    return PyFloat.FromDouble(_st, x * y);
                case BinaryOperator.Div when y != 0:
                    return PyFloat.FromDouble(_st, x / y);
            }
        }
        return null;
    }

    /// <summary>UNPACK_SEQUENCE: TOS becomes its <paramref name="n"/> items, the first on top.</summary>
    private void UnpackSequence(nint* sp, int n)
    {
        var seq = (PyObject*)sp[-1];
        nint* top = sp - 1;
        PyObject** items = null;
        if (seq->ob_type == _st->type_tuple && PyTuple.Size(seq) == n)
        {
            items = PyTuple.Items(seq);
        }
        else if (seq->ob_type == _st->type_list && PyList.Size(seq) == n)
        {
            items = PyList.Items(seq);
        }
        if (items != null)
        {
            for (int i = 0; i < n; i++)
            {
                Refcount.Incref(items[i]);
            }
            for (int i = 0; i < n; i++)
            {
                top[n - 1 - i] = (nint)items[i];
            }
            Refcount.Decref(seq);
            return;
        }
        List<nint> collected = _interp.CollectItems(seq, unpacking: true);
        if (collected.Count != n)
        {
            foreach (nint it in collected)
            {
                Refcount.Decref((PyObject*)it);
            }
            throw collected.Count < n
                ? _interp.ValueErr($"not enough values to unpack (expected {n}, got {collected.Count})")
                : _interp.ValueErr($"too many values to unpack (expected {n})");
        }
        for (int i = 0; i < n; i++)
        {
            top[n - 1 - i] = collected[i];
        }
        Refcount.Decref(seq);
    }

    /// <summary>BUILD_LIST from the stack's items (taken over); a constant display gets CPython's rounded capacity.</summary>
    private PyObject* BuildList(nint* items, int n, bool constant)
    {
        if (constant)
        {
            PyObject* list = PyList.New(_st, (n + 3) & ~3);
            for (int i = 0; i < n; i++)
            {
                PyList.Append(list, (PyObject*)items[i]);
                Refcount.Decref((PyObject*)items[i]);
            }
            return list;
        }
        return _interp.ListSteal(new ReadOnlySpan<nint>(items, n));
    }

    /// <summary>BUILD_MAP from key/value pairs on the stack (released by the caller's pop only on success).</summary>
    private PyObject* BuildMap(nint* items, int pairs)
    {
        PyObject* dict = PyDict.New(_st);
        try
        {
            for (int i = 0; i < pairs; i++)
            {
                PyDict.SetItem(dict, (PyObject*)items[2 * i], (PyObject*)items[2 * i + 1]);
            }
        }
        catch
        {
            Refcount.Decref(dict);
            throw;
        }
        for (int i = 0; i < 2 * pairs; i++)
        {
            Refcount.Decref((PyObject*)items[i]);
        }
        return dict;
    }
}
