using System.Collections.Immutable;
using System.Text;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>Constants per literal node (owned), like a code object's constant table.</summary>
    private readonly Dictionary<Node, nint> _constants = new(ReferenceEqualityComparer.Instance);

    /// <summary>Evaluates an expression; returns a new reference.</summary>
    public PyObject* Eval(Expr e, ExecFrame f)
    {
        switch (e)
        {
            case NameExpr n:
                return LoadName(f, n);
            case IntLiteral or FloatLiteral or StrLiteral:
                return NewRef(Constant(e));
            case ImaginaryLiteral im:
                return Complex(0, im.Imaginary);
            case CallExpr call:
                return EvalCall(call, f);
            case AttributeExpr a:
            {
                PyObject* obj = Eval(a.Value, f);
                try
                {
                    return GetAttr(obj, a);
                }
                finally
                {
                    Refcount.Decref(obj);
                }
            }
            case BinaryExpr b:
            {
                PyObject* l = Eval(b.Left, f);
                PyObject* r = null;
                try
                {
                    r = Eval(b.Right, f);
                    return BinaryOp(b.Op, l, r, inplace: false);
                }
                finally
                {
                    Refcount.XDecref(r);
                    Refcount.Decref(l);
                }
            }
            case CompareExpr c:
                return EvalCompare(c, f);
            case SubscriptExpr s:
            {
                PyObject* obj = Eval(s.Value, f);
                PyObject* key = null;
                try
                {
                    key = EvalIndex(s.Slice, f);
                    return GetItem(obj, key);
                }
                finally
                {
                    Refcount.XDecref(key);
                    Refcount.Decref(obj);
                }
            }
            case BoolOpExpr bo:
            {
                PyObject* v = null;
                for (int i = 0; i < bo.Values.Length; i++)
                {
                    Refcount.XDecref(v);
                    v = Eval(bo.Values[i], f);
                    if (i == bo.Values.Length - 1)
                    {
                        break;
                    }
                    bool t = IsTrue(v);
                    if (bo.Op == BoolOperator.And ? !t : t)
                    {
                        break;
                    }
                }
                return v;
            }
            case UnaryExpr u:
            {
                PyObject* v = Eval(u.Operand, f);
                try
                {
                    return UnaryOp(u.Op, v);
                }
                finally
                {
                    Refcount.Decref(v);
                }
            }
            case NoneLiteral:
                return None;
            case BoolLiteral b:
                return Bool(b.Value);
            case FStringExpr fs:
                return Str(EvalFString(fs, f));
            case FormattedValue fv:
                return Str(EvalFormatted(fv, f));
            case ConditionalExpr ce:
                return Truthy(ce.Test, f) ? Eval(ce.Body, f) : Eval(ce.OrElse, f);
            case EllipsisLiteral:
                return None;
            case BytesLiteral by:
                return NewBytes([.. by.Value]);
            case SliceExpr sl:
                return EvalIndex(sl, f);
            case TupleExpr t when t.Elements.Length > 0 && t.Elements.All(IsConstantLiteral):
            {
                // A tuple of constants is a code constant in CPython: built once, never tracked.
                if (!_constants.TryGetValue(t, out nint c))
                {
                    PyObject* tuple = PyTuple.NewUninitialized(St, t.Elements.Length);
                    for (int i = 0; i < t.Elements.Length; i++)
                    {
                        PyTuple.Items(tuple)[i] = Eval(t.Elements[i], f);
                    }
                    c = (nint)tuple;
                    _constants[t] = c;
                }
                return NewRef((PyObject*)c);
            }
            case TupleExpr t:
                return EvalTupleDisplay(t, f);
            case ListExpr l:
                return EvalListDisplay(l, f);
            case SetExpr se:
            {
                List<nint> items = EvalElements(se.Elements, f);
                PyObject* set = PySet.New(St->type_set);
                try
                {
                    foreach (nint it in items)
                    {
                        PySet.Add(set, (PyObject*)it);
                    }
                }
                finally
                {
                    foreach (nint it in items)
                    {
                        Refcount.Decref((PyObject*)it);
                    }
                }
                return set;
            }
            case DictExpr d:
                return EvalDict(d, f);
            case ListCompExpr lc:
                return EvalListComp(lc, f);
            case GeneratorExpr ge:
                return MakeGenerator(ge, f);
            case SetCompExpr sc:
                return EvalSetComp(sc, f);
            case DictCompExpr dc:
                return EvalDictComp(dc, f);
            case NamedExpr ne:
            {
                PyObject* v = Eval(ne.Value, f);
                StoreName(f, ne.Target, NewRef(v));
                return v;
            }
            case LambdaExpr lam:
                return MakeFunction(lam, "<lambda>", lam.Parameters, null, lam.Body, f);
            case StarredExpr:
                throw Error(SystemError, "can't use starred expression here");
            case YieldExpr or YieldFromExpr:
                // Only a generator function's executor evaluates yields; this is one it cannot place.
                throw YieldNotSupported(e);
            default:
                throw Error(SystemError, $"'{e.GetType().Name}' expressions are not supported by this interpreter");
        }
    }

    private static bool IsConstantLiteral(Expr e) =>
        e is IntLiteral or FloatLiteral or StrLiteral or NoneLiteral or BoolLiteral or BytesLiteral
        || (e is UnaryExpr { Op: UnaryOperator.Minus, Operand: IntLiteral or FloatLiteral });

    private PyObject* Constant(Expr e)
    {
        if (_constants.TryGetValue(e, out nint c))
        {
            return (PyObject*)c;
        }
        PyObject* v = e switch
        {
            IntLiteral i => Int(i.Value),
            FloatLiteral fl => Float(fl.Value),
            StrLiteral s => IsIdentifierLike(s.Value) ? NewRef(Intern(s.Value)) : Str(s.Value),
            _ => None,
        };
        _constants[e] = (nint)v;
        return v;
    }

    /// <summary>CPython interns string constants made of name characters only.</summary>
    private static bool IsIdentifierLike(string s)
    {
        foreach (char ch in s)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Evaluates display elements, expanding <c>*iterable</c>; returns owned references.</summary>
    private List<nint> EvalElements(ImmutableArray<Expr> elements, ExecFrame f)
    {
        var items = new List<nint>(elements.Length);
        bool done = false;
        try
        {
            foreach (Expr el in elements)
            {
                if (el is StarredExpr st)
                {
                    PyObject* v = Eval(st.Value, f);
                    try
                    {
                        items.AddRange(CollectItems(v, unpacking: false));
                    }
                    finally
                    {
                        Refcount.Decref(v);
                    }
                }
                else
                {
                    items.Add((nint)Eval(el, f));
                }
            }
            done = true;
        }
        finally
        {
            if (!done)
            {
                foreach (nint it in items)
                {
                    Refcount.Decref((PyObject*)it);
                }
            }
        }
        return items;
    }

    private PyObject* EvalDict(DictExpr d, ExecFrame f)
    {
        PyObject* dict = PyDict.New(St);
        try
        {
            foreach (DictItem item in d.Items)
            {
                if (item.Key is null)
                {
                    PyObject* other = Eval(item.Value, f);
                    try
                    {
                        DictUpdate(dict, other);
                    }
                    finally
                    {
                        Refcount.Decref(other);
                    }
                    continue;
                }
                EvalIntoDict(dict, item.Key, item.Value, f);
            }
        }
        catch
        {
            Refcount.Decref(dict);
            throw;
        }
        return dict;
    }

    /// <summary>The subscript operand: a slice object for <c>a:b:c</c>, otherwise the value.</summary>
    public PyObject* EvalIndex(Expr e, ExecFrame f)
    {
        if (e is not SliceExpr s)
        {
            return Eval(e, f);
        }
        // The bounds first, then the slice takes them: a bound that raises leaks no half-made slice.
        PyObject* start = s.Lower is null ? None : Eval(s.Lower, f);
        PyObject* stop;
        try
        {
            stop = s.Upper is null ? None : Eval(s.Upper, f);
        }
        catch
        {
            Refcount.Decref(start);
            throw;
        }
        PyObject* step;
        try
        {
            step = s.Step is null ? None : Eval(s.Step, f);
        }
        catch
        {
            Refcount.Decref(start);
            Refcount.Decref(stop);
            throw;
        }
        return EngineNewSlice(start, stop, step);
    }

    /// <summary>A slice object taking the three bounds' references (the loop's BUILD_SLICE and <see cref="EvalIndex"/>).</summary>
    internal PyObject* EngineNewSlice(PyObject* start, PyObject* stop, PyObject* step)
    {
        PyObject* slice;
        try
        {
            slice = ScriptTypes.New(T.Slice);
        }
        catch
        {
            Refcount.Decref(start);
            Refcount.Decref(stop);
            Refcount.Decref(step);
            throw;
        }
        var so = (PySliceObject*)slice;
        so->start = start;
        so->stop = stop;
        so->step = step;
        return slice;
    }

    private PyObject* EvalCompare(CompareExpr c, ExecFrame f)
    {
        PyObject* left = Eval(c.Left, f);
        try
        {
            for (int i = 0; i < c.Ops.Length; i++)
            {
                PyObject* right = Eval(c.Comparators[i], f);
                bool last = i == c.Ops.Length - 1;
                PyObject* r = null;
                try
                {
                    r = CompareOp(c.Ops[i], left, right);
                }
                finally
                {
                    if (r == null)
                    {
                        Refcount.Decref(right);
                    }
                }
                if (last)
                {
                    Refcount.Decref(right);
                    return r;
                }
                bool ok;
                try
                {
                    ok = IsTrue(r);
                }
                finally
                {
                    Refcount.Decref(r);
                }
                if (!ok)
                {
                    Refcount.Decref(right);
                    return Bool(false);
                }
                Refcount.Decref(left);
                left = right;
            }
            return Bool(true);
        }
        finally
        {
            Refcount.Decref(left);
        }
    }

    private string EvalFString(FStringExpr fs, ExecFrame f)
    {
        var sb = new StringBuilder();
        foreach (Expr part in fs.Parts)
        {
            if (part is StrLiteral s)
            {
                sb.Append(s.Value);
            }
            else if (part is FormattedValue fv)
            {
                sb.Append(EvalFormatted(fv, f));
            }
            else
            {
                PyObject* v = Eval(part, f);
                try
                {
                    sb.Append(StrOf(v));
                }
                finally
                {
                    Refcount.Decref(v);
                }
            }
        }
        return sb.ToString();
    }

    private string EvalFormatted(FormattedValue fv, ExecFrame f)
    {
        PyObject* v = Eval(fv.Value, f);
        try
        {
            string spec = fv.FormatSpec is null ? "" : EvalFString(fv.FormatSpec, f);
            switch (fv.Conversion)
            {
                case FormatConversion.Repr:
                    return FormatString(Repr(v), spec);
                case FormatConversion.Str:
                    return FormatString(StrOf(v), spec);
                case FormatConversion.Ascii:
                    return FormatString(Ascii(Repr(v)), spec);
                default:
                    return Format(v, spec);
            }
        }
        finally
        {
            Refcount.Decref(v);
        }
    }

    /// <summary><c>dict[key] = value</c> for a display or comprehension: the key is evaluated first, as in CPython 3.8+.</summary>
    private void EvalIntoDict(PyObject* dict, Expr key, Expr value, ExecFrame f)
    {
        PyObject* k = Eval(key, f);
        PyObject* v = null;
        try
        {
            v = Eval(value, f);
            PyDict.SetItem(dict, k, v);
        }
        finally
        {
            Refcount.XDecref(v);
            Refcount.Decref(k);
        }
    }
}
