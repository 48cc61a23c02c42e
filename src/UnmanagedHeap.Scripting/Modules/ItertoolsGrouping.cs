using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// groupby (with its _grouper sub-iterators) and tee (with its linked buffer blocks), the
/// two itertools whose objects share state with each other.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>How many items one tee buffer block holds before the next block is linked (CPython's LINKCELLS).</summary>
    private const int TeeBlockItems = 57;

    private PyTypeObject* _grouperType;
    private PyTypeObject* _teeType;
    private PyTypeObject* _teeDataType;

    private void RegisterItertoolsGrouping(PyObject* m)
    {
        ItertoolsType(m, "groupby", GroupbyNew, &GroupbyNext);
        _grouperType = ItertoolsType(null, "_grouper", (_, _, _) => throw TypeErr("cannot create 'itertools._grouper' instances"), &GrouperNext);
        _teeType = ItertoolsType(null, "_tee", (_, _, _) => throw TypeErr("cannot create 'itertools._tee' instances"), &TeeNext);
        Method(_teeType, "__copy__", (self, a, kw) =>
        {
            RequireNoArgs("__copy__", a, kw);
            return TeeCopy(self);
        });
        _teeDataType = NativeTypes.Create(this, "itertools", "_tee_dataobject", sizeof(PyItertoolsObject), PyItertoolsObject.ObjectFields);
        ModuleFunction(m, "tee", (_, a, kw) =>
        {
            NoKeywords("tee", kw);
            Arity("tee", a, 1, 2);
            long n = a.Length == 2 ? ToIndexLong(A(a, 1)) : 2;
            if (n < 0)
            {
                throw ValueErr("n must be >= 0");
            }
            return Tee(A(a, 0), n);
        });
    }

    // ---- groupby: f0 the source, f1 the key function, f2 the target key, f3 the current key,
    //      f4 the current value, w0 the address of the one _grouper that may still advance ----

    private PyObject* GroupbyNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("groupby", kw, "iterable", "key");
        if (a.Length > 2)
        {
            throw TypeErr($"groupby() takes at most 2 arguments ({a.Length} given)");
        }
        PyObject* iterable = Required(Arg(a, kw, 0, "iterable"), "groupby() missing required argument 'iterable' (pos 1)");
        PyObject* key = Arg(a, kw, 1, "key");
        PyObject* op = NewItertools((PyTypeObject*)type, GetIter(iterable));
        It(op)->f1 = key != null && key != St->none ? NewRef(key) : null;
        return op;
    }

    /// <summary>Reads the next value and its key into the groupby; false when the source is done.</summary>
    private bool GroupbyStep(PyItertoolsObject* g)
    {
        PyObject* value = NextHeld(&g->f0);
        if (value == null)
        {
            return false;
        }
        PyObject* key;
        if (g->f1 == null)
        {
            key = NewRef(value);
        }
        else
        {
            PyObject* func = NewRef(g->f1);
            try
            {
                key = CallBorrowed(func, (nint)value);
            }
            catch
            {
                Refcount.Decref(value);
                throw;
            }
            finally
            {
                Refcount.Decref(func);
            }
        }
        SetField(&g->f4, value);
        SetField(&g->f3, key);
        return true;
    }

    private bool KeysEqual(PyObject* a, PyObject* b)
    {
        PyObject* x = NewRef(a), y = NewRef(b);
        try
        {
            PyObject* r = CompareOp(CompareOperator.Eq, x, y);
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
            Refcount.Decref(x);
            Refcount.Decref(y);
        }
    }

    private static PyObject* GroupbyNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* g = It(op);
        g->w0 = 0;
        // Skip what is left of the current group.
        while (true)
        {
            if (g->f3 != null)
            {
                if (g->f2 == null || !interp.KeysEqual(g->f2, g->f3))
                {
                    break;
                }
            }
            if (!interp.GroupbyStep(g))
            {
                return null;
            }
        }
        SetField(&g->f2, NewRef(g->f3));
        PyObject* grouper = NewItertools(interp._grouperType, NewRef(op));
        It(grouper)->f1 = NewRef(g->f3);
        g->w0 = (nint)grouper;
        return interp.TupleSteal((ReadOnlySpan<nint>)[(nint)NewRef(g->f3), (nint)grouper]);
    }

    /// <summary>_grouper: f0 its groupby, f1 its key; it stops once the groupby has moved to a later group.</summary>
    private static PyObject* GrouperNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* gr = It(op);
        PyObject* parent = gr->f0;
        PyItertoolsObject* g = It(parent);
        if (g->w0 != (nint)op)
        {
            return null;
        }
        if (g->f4 == null && !interp.GroupbyStep(g))
        {
            return null;
        }
        if (!interp.KeysEqual(gr->f1, g->f3))
        {
            return null;
        }
        PyObject* value = g->f4;
        g->f4 = null;
        Refcount.Clear(&g->f3);
        return value;
    }

    // ---- tee: f0 a buffer block, w0 the position in it. A block (_tee_dataobject): f0 the
    //      shared source, f1 the next block, f2 the list of up to 57 items read so far ----

    private PyObject* NewTeeData(PyObject* source)
    {
        PyObject* data = NewItertools(_teeDataType, source == null ? null : NewRef(source));
        It(data)->f2 = PyList.New(St);
        return data;
    }

    private PyObject* Tee(PyObject* iterable, long n)
    {
        PyObject* it = GetIter(iterable);
        var tees = new nint[n];
        try
        {
            if (n > 0)
            {
                if (it->ob_type == _teeType)
                {
                    tees[0] = (nint)TeeCopy(it);
                }
                else
                {
                    tees[0] = (nint)NewItertools(_teeType, NewTeeData(it));
                }
                for (long i = 1; i < n; i++)
                {
                    tees[i] = (nint)TeeCopy((PyObject*)tees[0]);
                }
            }
            PyObject* r = TupleSteal((ReadOnlySpan<nint>)tees);
            tees = [];
            return r;
        }
        finally
        {
            Refcount.Decref(it);
            foreach (nint t in tees)
            {
                Refcount.XDecref((PyObject*)t);
            }
        }
    }

    private PyObject* TeeCopy(PyObject* tee)
    {
        PyObject* copy = NewItertools(_teeType, NewRef(It(tee)->f0));
        It(copy)->w0 = It(tee)->w0;
        return copy;
    }

    private static PyObject* TeeNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* t = It(op);
        if (t->w0 >= TeeBlockItems)
        {
            PyItertoolsObject* block = It(t->f0);
            if (block->f1 == null)
            {
                block->f1 = interp.NewTeeData(block->f0);
            }
            SetField(&t->f0, NewRef(block->f1));
            t->w0 = 0;
        }
        PyObject* data = NewRef(t->f0);
        try
        {
            PyItertoolsObject* d = It(data);
            PyObject* values = d->f2;
            PyObject* item;
            if (t->w0 < PyList.Size(values))
            {
                item = NewRef(PyList.Items(values)[t->w0]);
            }
            else
            {
                item = interp.NextHeld(&d->f0);
                if (item == null)
                {
                    return null;
                }
                PyList.Append(values, item);
            }
            t->w0++;
            return item;
        }
        finally
        {
            Refcount.Decref(data);
        }
    }
}
