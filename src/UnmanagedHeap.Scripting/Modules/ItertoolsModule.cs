using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Every itertools object: up to six owned references, four words of state, and for the
/// combinatoric iterators an array of indices after the struct (tp_itemsize 8).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyItertoolsObject
{
    public const int ObjectFields = 6;

    public PyObject ob_base;
    public PyObject* f0;
    public PyObject* f1;
    public PyObject* f2;
    public PyObject* f3;
    public PyObject* f4;
    public PyObject* f5;
    public nint w0;
    public nint w1;
    public nint w2;
    public nint w3;

    /// <summary>The index words after the struct.</summary>
    public static nint* Indices(PyObject* op) => (nint*)((PyItertoolsObject*)op + 1);
}

/// <summary>
/// itertools, natively: each function is a type whose objects are lazy iterators on the heap,
/// stepping as Modules/itertoolsmodule.c does (one item drawn per next, sources released when
/// exhausted). This file holds the registration and the simple iterators;
/// ItertoolsCombinatorics.cs and ItertoolsGrouping.cs hold the rest.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyObject* CreateItertoolsModule()
    {
        PyObject* m = NewModule("itertools");
        PyTypeObject* count = ItertoolsType(m, "count", CountNew, &CountNext);
        count->tp_repr = &CountRepr;
        PyTypeObject* repeat = ItertoolsType(m, "repeat", RepeatNew, &RepeatNext);
        repeat->tp_repr = &RepeatRepr;
        ItertoolsType(m, "cycle", CycleNew, &CycleNext);
        ItertoolsType(m, "accumulate", AccumulateNew, &AccumulateNext);
        PyTypeObject* chain = ItertoolsType(m, "chain", ChainNew, &ChainNext);
        TypeMethod(chain, "from_iterable", (type, a, kw) =>
        {
            CheckKw("from_iterable", kw);
            Arity("from_iterable", a, 1, 1);
            return NewItertools((PyTypeObject*)type, GetIter(A(a, 0)));
        });
        ItertoolsType(m, "compress", CompressNew, &CompressNext);
        ItertoolsType(m, "dropwhile", (t, a, kw) => PredicateNew("dropwhile", t, a, kw), &DropwhileNext);
        ItertoolsType(m, "takewhile", (t, a, kw) => PredicateNew("takewhile", t, a, kw), &TakewhileNext);
        ItertoolsType(m, "filterfalse", (t, a, kw) => PredicateNew("filterfalse", t, a, kw), &FilterfalseNext);
        ItertoolsType(m, "islice", IsliceNew, &IsliceNext);
        ItertoolsType(m, "pairwise", PairwiseNew, &PairwiseNext);
        ItertoolsType(m, "starmap", StarmapNew, &StarmapNext);
        ItertoolsType(m, "zip_longest", ZipLongestNew, &ZipLongestNext);
        ItertoolsType(m, "batched", BatchedNew, &BatchedNext);
        RegisterItertoolsCombinatorics(m);
        RegisterItertoolsGrouping(m);
        return m;
    }

    /// <summary>An itertools type in <paramref name="module"/>: called, it runs <paramref name="ctor"/>; iterated, <paramref name="next"/>.</summary>
    private PyTypeObject* ItertoolsType(PyObject* module, string name, BuiltinFn ctor, delegate*<Interpreter, PyObject*, PyObject*> next, bool indices = false)
    {
        PyTypeObject* t = NativeTypes.Create(this, "itertools", name, sizeof(PyItertoolsObject), PyItertoolsObject.ObjectFields, indices ? sizeof(nint) : 0);
        NativeTypes.SetIterNext(t, next);
        _constructors[(nint)t] = ctor;
        Method(t, "__iter__", (self, a, kw) =>
        {
            RequireNoArgs("__iter__", a, kw);
            return NewRef(self);
        });
        Method(t, "__next__", (self, a, kw) =>
        {
            RequireNoArgs("__next__", a, kw);
            PyObject* r = Next(self);
            return r != null ? r : throw new PythonException(NewException(StopIteration, null));
        });
        if (module != null)
        {
            PyDict.SetItem(((PyModuleObject*)module)->md_dict, Intern(name), (PyObject*)t);
        }
        return t;
    }

    /// <summary>A new tracked itertools object with its first field set (stolen; may be null) and room for <paramref name="indices"/> words.</summary>
    private static PyObject* NewItertools(PyTypeObject* t, PyObject* f0, nint indices = 0)
    {
        PyObject* op;
        try
        {
            op = ObjectMemory.AllocateZeroed(t, indices);
        }
        catch
        {
            Refcount.XDecref(f0);
            throw;
        }
        ((PyItertoolsObject*)op)->f0 = f0;
        ScriptTypes.Track(op);
        return op;
    }

    private static PyItertoolsObject* It(PyObject* op) => (PyItertoolsObject*)op;

    /// <summary>Stores a new reference (stolen) in a field, releasing what was there.</summary>
    private static void SetField(PyObject** field, PyObject* value)
    {
        PyObject* old = *field;
        *field = value;
        Refcount.XDecref(old);
    }

    private void NoKeywords(string name, KwArgs? kw)
    {
        if (kw != null && kw.Count > 0)
        {
            throw TypeErr($"{name}() takes no keyword arguments");
        }
    }

    // ---- count, repeat, cycle ----

    private PyObject* CountNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("count", kw, "start", "step");
        if (a.Length > 2)
        {
            throw TypeErr($"count expected at most 2 arguments, got {a.Length}");
        }
        PyObject* start = Arg(a, kw, 0, "start"), step = Arg(a, kw, 1, "step");
        if ((start != null && !IsNumber(start)) || (step != null && !IsNumber(step)))
        {
            throw TypeErr("a number is required");
        }
        PyObject* op = NewItertools((PyTypeObject*)type, start != null ? NewRef(start) : Int(0));
        It(op)->f1 = step != null ? NewRef(step) : Int(1);
        return op;
    }

    private bool IsNumber(PyObject* o) => IsInt(o) || IsFloat(o) || UserSpecial(o, "__add__") != null;

    private static PyObject* CountNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* c = It(op);
        PyObject* current = NewRef(c->f0);
        try
        {
            SetField(&c->f0, interp.BinaryOp(BinaryOperator.Add, current, c->f1, inplace: false));
        }
        catch
        {
            Refcount.Decref(current);
            throw;
        }
        return current;
    }

    private static PyObject* CountRepr(PyObject* op)
    {
        Interpreter interp = Of(op->ob_type->tp_heap);
        PyItertoolsObject* c = It(op);
        bool unitStep = interp.IsInt(c->f1) && c->f1->ob_type == interp.St->type_int && PyLong.TryGetInt64(c->f1, out long s) && s == 1;
        string text = unitStep ? $"count({interp.Repr(c->f0)})" : $"count({interp.Repr(c->f0)}, {interp.Repr(c->f1)})";
        return interp.Str(text);
    }

    private PyObject* RepeatNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("repeat", kw, "object", "times");
        if (a.Length > 2)
        {
            throw TypeErr($"repeat expected at most 2 arguments, got {a.Length}");
        }
        PyObject* obj = Required(Arg(a, kw, 0, "object"), "repeat() missing required argument 'object' (pos 1)");
        PyObject* times = Arg(a, kw, 1, "times");
        long n = times == null ? -1 : Math.Max(0, ToIndexLong(times));
        PyObject* op = NewItertools((PyTypeObject*)type, NewRef(obj));
        It(op)->w0 = (nint)n;
        return op;
    }

    private long ToIndexLong(PyObject* v)
    {
        if (!IsInt(v))
        {
            throw TypeErr($"'{TypeName(v)}' object cannot be interpreted as an integer");
        }
        return ToLong(v);
    }

    private static PyObject* RepeatNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* r = It(op);
        if (r->w0 == 0)
        {
            return null;
        }
        if (r->w0 > 0)
        {
            r->w0--;
        }
        return NewRef(r->f0);
    }

    private static PyObject* RepeatRepr(PyObject* op)
    {
        Interpreter interp = Of(op->ob_type->tp_heap);
        PyItertoolsObject* r = It(op);
        return interp.Str(r->w0 < 0 ? $"repeat({interp.Repr(r->f0)})" : $"repeat({interp.Repr(r->f0)}, {r->w0})");
    }

    /// <summary>cycle: f0 the source (cleared when exhausted), f1 the list of what it gave, w0 the replay position.</summary>
    private PyObject* CycleNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        NoKeywords("cycle", kw);
        Arity("cycle", a, 1, 1);
        PyObject* op = NewItertools((PyTypeObject*)type, GetIter(A(a, 0)));
        It(op)->f1 = PyList.New(St);
        return op;
    }

    private static PyObject* CycleNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* c = It(op);
        if (c->f0 != null)
        {
            PyObject* source = NewRef(c->f0);
            PyObject* item;
            try
            {
                item = interp.Next(source);
            }
            finally
            {
                Refcount.Decref(source);
            }
            if (item != null)
            {
                PyList.Append(c->f1, item);
                return item;
            }
            Refcount.Clear(&c->f0);
        }
        nint n = PyList.Size(c->f1);
        if (n == 0)
        {
            return null;
        }
        PyObject* r = NewRef(PyList.Items(c->f1)[c->w0 % n]);
        c->w0 = (c->w0 + 1) % n;
        return r;
    }

    // ---- accumulate, chain, compress ----

    /// <summary>accumulate: f0 the source, f1 the function (or null for +), f2 the running total, f3 the initial value not yet given.</summary>
    private PyObject* AccumulateNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("accumulate", kw, "iterable", "func", "initial");
        if (a.Length > 2)
        {
            throw TypeErr($"accumulate() takes at most 2 arguments ({a.Length} given)");
        }
        PyObject* iterable = Required(Arg(a, kw, 0, "iterable"), "accumulate() missing required argument 'iterable' (pos 1)");
        PyObject* func = Arg(a, kw, 1, "func");
        PyObject* initial = Kw(kw, "initial");
        PyObject* op = NewItertools((PyTypeObject*)type, GetIter(iterable));
        It(op)->f1 = func != null && func != St->none ? NewRef(func) : null;
        It(op)->f3 = initial != null && initial != St->none ? NewRef(initial) : null;
        return op;
    }

    private static PyObject* AccumulateNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* ac = It(op);
        if (ac->f3 != null)
        {
            ac->f2 = ac->f3;
            ac->f3 = null;
            return NewRef(ac->f2);
        }
        if (ac->f0 == null)
        {
            return null;
        }
        PyObject* item = interp.NextHeld(&ac->f0);
        if (item == null)
        {
            return null;
        }
        if (ac->f2 == null)
        {
            ac->f2 = item;
            return NewRef(item);
        }
        PyObject* total = NewRef(ac->f2);
        PyObject* next;
        try
        {
            next = ac->f1 != null
                ? interp.CallBorrowed(ac->f1, (nint)total, (nint)item)
                : interp.BinaryOp(BinaryOperator.Add, total, item, inplace: false);
        }
        finally
        {
            Refcount.Decref(total);
            Refcount.Decref(item);
        }
        SetField(&ac->f2, next);
        return NewRef(next);
    }

    /// <summary>
    /// next() of the iterator in <paramref name="field"/>, held across the call; when it is
    /// exhausted the field is cleared, so a finished source is let go at once.
    /// </summary>
    private PyObject* NextHeld(PyObject** field)
    {
        PyObject* source = *field;
        if (source == null)
        {
            return null;
        }
        Refcount.Incref(source);
        PyObject* item;
        try
        {
            item = Next(source);
        }
        finally
        {
            Refcount.Decref(source);
        }
        if (item == null && *field == source)
        {
            Refcount.Clear(field);
        }
        return item;
    }

    /// <summary>chain: f0 the iterator over the iterables, f1 the one being drawn from.</summary>
    private PyObject* ChainNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        NoKeywords("chain", kw);
        PyObject* all = Tuple(a);
        try
        {
            return NewItertools((PyTypeObject*)type, GetIter(all));
        }
        finally
        {
            Refcount.Decref(all);
        }
    }

    private static PyObject* ChainNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* ch = It(op);
        while (true)
        {
            if (ch->f1 == null)
            {
                PyObject* iterable = interp.NextHeld(&ch->f0);
                if (iterable == null)
                {
                    return null;
                }
                try
                {
                    ch->f1 = interp.GetIter(iterable);
                }
                finally
                {
                    Refcount.Decref(iterable);
                }
            }
            PyObject* item = interp.NextHeld(&ch->f1);
            if (item != null)
            {
                return item;
            }
        }
    }

    private PyObject* CompressNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("compress", kw, "data", "selectors");
        PyObject* data = Required(Arg(a, kw, 0, "data"), "compress() missing required argument 'data' (pos 1)");
        PyObject* selectors = Required(Arg(a, kw, 1, "selectors"), "compress() missing required argument 'selectors' (pos 2)");
        PyObject* op = NewItertools((PyTypeObject*)type, GetIter(data));
        try
        {
            It(op)->f1 = GetIter(selectors);
        }
        catch
        {
            Refcount.Decref(op);
            throw;
        }
        return op;
    }

    private static PyObject* CompressNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* c = It(op);
        while (true)
        {
            PyObject* datum = interp.NextHeld(&c->f0);
            if (datum == null)
            {
                return null;
            }
            PyObject* selector = interp.NextHeld(&c->f1);
            if (selector == null)
            {
                Refcount.Decref(datum);
                return null;
            }
            bool keep;
            try
            {
                keep = interp.IsTrue(selector);
            }
            catch
            {
                Refcount.Decref(datum);
                throw;
            }
            finally
            {
                Refcount.Decref(selector);
            }
            if (keep)
            {
                return datum;
            }
            Refcount.Decref(datum);
        }
    }

    // ---- dropwhile, takewhile, filterfalse: f0 the predicate, f1 the source, w0 the state ----

    private PyObject* PredicateNew(string name, PyObject* type, nint[] a, KwArgs? kw)
    {
        NoKeywords(name, kw);
        Arity(name, a, 2, 2);
        PyObject* op = NewItertools((PyTypeObject*)type, NewRef(A(a, 0)));
        try
        {
            It(op)->f1 = GetIter(A(a, 1));
        }
        catch
        {
            Refcount.Decref(op);
            throw;
        }
        return op;
    }

    /// <summary>Whether predicate(item) is true; None as the predicate means the item's own truth.</summary>
    private bool Holds(PyObject* predicate, PyObject* item)
    {
        if (predicate == St->none)
        {
            return IsTrue(item);
        }
        PyObject* pred = NewRef(predicate);
        try
        {
            PyObject* r = CallBorrowed(pred, (nint)item);
            try
            {
                return IsTrue(r);
            }
            finally
            {
                Refcount.Decref(r);
            }
        }
        finally
        {
            Refcount.Decref(pred);
        }
    }

    /// <summary>Draws the next item and asks the predicate; null when the source is done.</summary>
    private PyObject* NextWithVerdict(PyItertoolsObject* p, out bool holds)
    {
        holds = false;
        PyObject* item = NextHeld(&p->f1);
        if (item == null)
        {
            return null;
        }
        try
        {
            holds = Holds(p->f0, item);
        }
        catch
        {
            Refcount.Decref(item);
            throw;
        }
        return item;
    }

    private static PyObject* DropwhileNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* p = It(op);
        while (true)
        {
            if (p->w0 != 0)
            {
                return interp.NextHeld(&p->f1);
            }
            PyObject* item = interp.NextWithVerdict(p, out bool holds);
            if (item == null || !holds)
            {
                p->w0 = 1;
                return item;
            }
            Refcount.Decref(item);
        }
    }

    private static PyObject* TakewhileNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* p = It(op);
        if (p->w0 != 0)
        {
            return null;
        }
        PyObject* item = interp.NextWithVerdict(p, out bool holds);
        if (item != null && !holds)
        {
            Refcount.Decref(item);
            item = null;
            p->w0 = 1;
        }
        return item;
    }

    private static PyObject* FilterfalseNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* p = It(op);
        while (true)
        {
            PyObject* item = interp.NextWithVerdict(p, out bool holds);
            if (item == null || !holds)
            {
                return item;
            }
            Refcount.Decref(item);
        }
    }

    // ---- islice: f0 the source, w0 the next index to give, w1 stop (-1: none), w2 step, w3 items read ----

    private PyObject* IsliceNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        NoKeywords("islice", kw);
        Arity("islice", a, 2, 4);
        long start = 0, stop = -1, step = 1;
        if (a.Length == 2)
        {
            stop = SliceBound(A(a, 1), "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        }
        else
        {
            start = SliceBound(A(a, 1), "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
            stop = SliceBound(A(a, 2), "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
            if (start == -1)
            {
                start = 0;
            }
            if (a.Length == 4 && A(a, 3) != St->none)
            {
                step = IsInt(A(a, 3)) ? ToLong(A(a, 3)) : 0;
                if (step < 1)
                {
                    throw ValueErr("Step for islice() must be a positive integer or None.");
                }
            }
        }
        PyObject* op = NewItertools((PyTypeObject*)type, GetIter(A(a, 0)));
        It(op)->w0 = (nint)start;
        It(op)->w1 = (nint)stop;
        It(op)->w2 = (nint)step;
        return op;
    }

    /// <summary>A start or stop of islice: None is -1, otherwise a non-negative int.</summary>
    private long SliceBound(PyObject* v, string message)
    {
        if (v == St->none)
        {
            return -1;
        }
        if (!IsInt(v) || !PyLong.TryGetInt64(v, out long n) || n < 0)
        {
            throw ValueErr(message);
        }
        return n;
    }

    private static PyObject* IsliceNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* s = It(op);
        while (s->w3 < s->w0)
        {
            PyObject* skipped = interp.NextHeld(&s->f0);
            if (skipped == null)
            {
                return null;
            }
            Refcount.Decref(skipped);
            s->w3++;
        }
        if (s->w1 != -1 && s->w3 >= s->w1)
        {
            Refcount.Clear(&s->f0);
            return null;
        }
        PyObject* item = interp.NextHeld(&s->f0);
        if (item == null)
        {
            return null;
        }
        s->w3++;
        nint old = s->w0;
        s->w0 += s->w2;
        if (s->w0 < old || (s->w1 != -1 && s->w0 > s->w1))
        {
            s->w0 = s->w1;
        }
        return item;
    }

    // ---- pairwise, starmap, zip_longest, batched ----

    private PyObject* PairwiseNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        NoKeywords("pairwise", kw);
        Arity("pairwise", a, 1, 1);
        return NewItertools((PyTypeObject*)type, GetIter(A(a, 0)));
    }

    /// <summary>pairwise: f0 the source, f1 the item before.</summary>
    private static PyObject* PairwiseNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* p = It(op);
        if (p->f1 == null)
        {
            p->f1 = interp.NextHeld(&p->f0);
            if (p->f1 == null)
            {
                return null;
            }
        }
        PyObject* item = interp.NextHeld(&p->f0);
        if (item == null)
        {
            Refcount.Clear(&p->f1);
            return null;
        }
        PyObject* old = p->f1;
        p->f1 = NewRef(item);
        return interp.TupleSteal((ReadOnlySpan<nint>)[(nint)old, (nint)item]);
    }

    private PyObject* StarmapNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        NoKeywords("starmap", kw);
        Arity("starmap", a, 2, 2);
        PyObject* op = NewItertools((PyTypeObject*)type, NewRef(A(a, 0)));
        try
        {
            It(op)->f1 = GetIter(A(a, 1));
        }
        catch
        {
            Refcount.Decref(op);
            throw;
        }
        return op;
    }

    private static PyObject* StarmapNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* s = It(op);
        PyObject* args = interp.NextHeld(&s->f1);
        if (args == null)
        {
            return null;
        }
        PyObject* func = NewRef(s->f0);
        try
        {
            List<nint> items = interp.CollectItems(args, unpacking: false);
            return interp.Call(func, [.. items], null);
        }
        finally
        {
            Refcount.Decref(func);
            Refcount.Decref(args);
        }
    }

    /// <summary>zip_longest: f0 a list of the iterators (None once exhausted), f1 the fill value, w0 how many are still active.</summary>
    private PyObject* ZipLongestNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("zip_longest", kw, "fillvalue");
        PyObject* fill = Kw(kw, "fillvalue");
        PyObject* iterators = PyList.New(St);
        try
        {
            foreach (nint x in a)
            {
                PyObject* it = GetIter((PyObject*)x);
                PyList.Append(iterators, it);
                Refcount.Decref(it);
            }
        }
        catch
        {
            Refcount.Decref(iterators);
            throw;
        }
        PyObject* op = NewItertools((PyTypeObject*)type, iterators);
        It(op)->f1 = fill != null ? NewRef(fill) : None;
        It(op)->w0 = a.Length;
        return op;
    }

    private static PyObject* ZipLongestNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* z = It(op);
        PyObject* iterators = z->f0;
        nint n = PyList.Size(iterators);
        if (n == 0 || z->w0 == 0)
        {
            return null;
        }
        var items = new nint[n];
        try
        {
            for (nint i = 0; i < n && i < PyList.Size(iterators); i++)
            {
                PyObject** slot = &PyList.Items(iterators)[i];
                PyObject* item = *slot == interp.St->none ? null : interp.NextHeld(slot);
                if (item == null)
                {
                    if (*slot != interp.St->none)
                    {
                        // NextHeld cleared the slot: a list item must never be null, so None marks it done.
                        *slot = interp.None;
                        if (--z->w0 == 0)
                        {
                            return null;
                        }
                    }
                    item = NewRef(z->f1);
                }
                items[i] = (nint)item;
            }
            PyObject* r = interp.TupleSteal((ReadOnlySpan<nint>)items);
            items = [];
            return r;
        }
        finally
        {
            foreach (nint item in items)
            {
                Refcount.XDecref((PyObject*)item);
            }
        }
    }

    private PyObject* BatchedNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("batched", kw, "iterable", "n");
        PyObject* iterable = Required(Arg(a, kw, 0, "iterable"), "batched() missing required argument 'iterable' (pos 1)");
        long n = ToIndexLong(Required(Arg(a, kw, 1, "n"), "batched() missing required argument 'n' (pos 2)"));
        if (n < 1)
        {
            throw ValueErr("n must be at least one");
        }
        PyObject* op = NewItertools((PyTypeObject*)type, GetIter(iterable));
        It(op)->w0 = (nint)n;
        return op;
    }

    private static PyObject* BatchedNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* b = It(op);
        var items = new List<nint>();
        try
        {
            while (items.Count < b->w0)
            {
                PyObject* item = interp.NextHeld(&b->f0);
                if (item == null)
                {
                    break;
                }
                items.Add((nint)item);
            }
            if (items.Count == 0)
            {
                return null;
            }
            PyObject* r = interp.TupleSteal(items);
            items.Clear();
            return r;
        }
        finally
        {
            foreach (nint item in items)
            {
                Refcount.Decref((PyObject*)item);
            }
        }
    }
}
