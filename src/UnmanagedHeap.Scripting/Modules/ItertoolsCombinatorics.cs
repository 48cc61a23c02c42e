using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// product, permutations, combinations and combinations_with_replacement: f0 the pool (a
/// tuple; for product the tuple of pools), w0 r, w1 1 once exhausted, w2 1 once the first
/// result is out; the index words after the struct are the algorithm's indices (and
/// permutations' cycles), stepped as itertoolsmodule.c steps them, in lexicographic order.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private void RegisterItertoolsCombinatorics(PyObject* m)
    {
        ItertoolsType(m, "product", ProductNew, &ProductNext, indices: true);
        ItertoolsType(m, "permutations", PermutationsNew, &PermutationsNext, indices: true);
        ItertoolsType(m, "combinations", (t, a, kw) => CombinationsNew("combinations", t, a, kw), &CombinationsNext, indices: true);
        ItertoolsType(m, "combinations_with_replacement", (t, a, kw) => CombinationsNew("combinations_with_replacement", t, a, kw), &CombinationsWithReplacementNext, indices: true);
    }

    private PyObject* PoolOf(PyObject* iterable)
    {
        List<nint> items = CollectItems(iterable, unpacking: false);
        return TupleSteal(items);
    }

    /// <summary>The tuple pool[indices[0]], ..., pool[indices[r-1]].</summary>
    private PyObject* PickTuple(PyObject* pool, nint* indices, nint r)
    {
        var items = new nint[r];
        for (nint i = 0; i < r; i++)
        {
            items[i] = (nint)NewRef(PyTuple.Items(pool)[indices[i]]);
        }
        return TupleSteal((ReadOnlySpan<nint>)items);
    }

    private PyObject* ProductNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("product", kw, "repeat");
        PyObject* repeatObj = Kw(kw, "repeat");
        long repeat = repeatObj == null ? 1 : ToIndexLong(repeatObj);
        if (repeat < 0)
        {
            throw ValueErr("repeat argument cannot be negative");
        }
        var pools = new List<nint>();
        try
        {
            foreach (nint x in a)
            {
                pools.Add((nint)PoolOf((PyObject*)x));
            }
            var all = new nint[pools.Count * repeat];
            for (long i = 0; i < all.Length; i++)
            {
                all[i] = (nint)NewRef((PyObject*)pools[(int)(i % pools.Count)]);
            }
            PyObject* tuple = TupleSteal((ReadOnlySpan<nint>)all);
            return NewItertools((PyTypeObject*)type, tuple, all.Length);
        }
        finally
        {
            foreach (nint p in pools)
            {
                Refcount.Decref((PyObject*)p);
            }
        }
    }

    private static PyObject* ProductNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* p = It(op);
        if (p->w1 != 0)
        {
            return null;
        }
        PyObject* pools = p->f0;
        nint n = PyTuple.Size(pools);
        nint* indices = PyItertoolsObject.Indices(op);
        if (p->w2 == 0)
        {
            p->w2 = 1;
            for (nint i = 0; i < n; i++)
            {
                if (PyTuple.Size(PyTuple.Items(pools)[i]) == 0)
                {
                    p->w1 = 1;
                    return null;
                }
            }
        }
        else
        {
            // Odometer: advance the rightmost index, carrying leftwards past the end of a pool.
            nint i = n - 1;
            for (; i >= 0; i--)
            {
                if (++indices[i] < PyTuple.Size(PyTuple.Items(pools)[i]))
                {
                    break;
                }
                indices[i] = 0;
            }
            if (i < 0)
            {
                p->w1 = 1;
                return null;
            }
        }
        var items = new nint[n];
        for (nint i = 0; i < n; i++)
        {
            items[i] = (nint)NewRef(PyTuple.Items(PyTuple.Items(pools)[i])[indices[i]]);
        }
        return interp.TupleSteal((ReadOnlySpan<nint>)items);
    }

    /// <summary>permutations: indices 0..n-1 then cycles n, n-1, ..., n-r+1 after the struct.</summary>
    private PyObject* PermutationsNew(PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw("permutations", kw, "iterable", "r");
        if (a.Length > 2)
        {
            throw TypeErr($"permutations() takes at most 2 arguments ({a.Length} given)");
        }
        PyObject* iterable = Required(Arg(a, kw, 0, "iterable"), "permutations() missing required argument 'iterable' (pos 1)");
        PyObject* rObj = Arg(a, kw, 1, "r");
        PyObject* pool = PoolOf(iterable);
        nint n = PyTuple.Size(pool);
        long r;
        try
        {
            r = rObj == null || rObj == St->none ? n : ToIndexLong(rObj);
            if (r < 0)
            {
                throw ValueErr("r must be non-negative");
            }
        }
        catch
        {
            Refcount.Decref(pool);
            throw;
        }
        PyObject* op = NewItertools((PyTypeObject*)type, pool, n + (nint)Math.Min(r, n));
        It(op)->w0 = (nint)r;
        nint* indices = PyItertoolsObject.Indices(op);
        for (nint i = 0; i < n; i++)
        {
            indices[i] = i;
        }
        for (nint i = 0; i < Math.Min(r, n); i++)
        {
            indices[n + i] = n - i;
        }
        return op;
    }

    private static PyObject* PermutationsNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* p = It(op);
        if (p->w1 != 0)
        {
            return null;
        }
        PyObject* pool = p->f0;
        nint n = PyTuple.Size(pool), r = p->w0;
        nint* indices = PyItertoolsObject.Indices(op);
        nint* cycles = indices + n;
        if (p->w2 == 0)
        {
            p->w2 = 1;
            if (r > n)
            {
                p->w1 = 1;
                return null;
            }
            return interp.PickTuple(pool, indices, r);
        }
        if (n == 0)
        {
            p->w1 = 1;
            return null;
        }
        for (nint i = r - 1; i >= 0; i--)
        {
            if (--cycles[i] == 0)
            {
                // Rotate indices[i:] left by one; this position starts a new cycle.
                nint first = indices[i];
                for (nint j = i; j < n - 1; j++)
                {
                    indices[j] = indices[j + 1];
                }
                indices[n - 1] = first;
                cycles[i] = n - i;
            }
            else
            {
                nint j = cycles[i];
                (indices[i], indices[n - j]) = (indices[n - j], indices[i]);
                return interp.PickTuple(pool, indices, r);
            }
        }
        p->w1 = 1;
        return null;
    }

    private PyObject* CombinationsNew(string name, PyObject* type, nint[] a, KwArgs? kw)
    {
        CheckKw(name, kw, "iterable", "r");
        if (a.Length > 2)
        {
            throw TypeErr($"{name}() takes at most 2 arguments ({a.Length} given)");
        }
        PyObject* iterable = Required(Arg(a, kw, 0, "iterable"), $"{name}() missing required argument 'iterable' (pos 1)");
        PyObject* rObj = Required(Arg(a, kw, 1, "r"), $"{name}() missing required argument 'r' (pos 2)");
        long r = ToIndexLong(rObj);
        if (r < 0)
        {
            throw ValueErr("r must be non-negative");
        }
        PyObject* pool = PoolOf(iterable);
        PyObject* op = NewItertools((PyTypeObject*)type, pool, (nint)r);
        It(op)->w0 = (nint)r;
        nint* indices = PyItertoolsObject.Indices(op);
        bool replacement = name == "combinations_with_replacement";
        for (nint i = 0; i < r; i++)
        {
            indices[i] = replacement ? 0 : i;
        }
        return op;
    }

    private static PyObject* CombinationsNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* c = It(op);
        if (c->w1 != 0)
        {
            return null;
        }
        PyObject* pool = c->f0;
        nint n = PyTuple.Size(pool), r = c->w0;
        nint* indices = PyItertoolsObject.Indices(op);
        if (c->w2 == 0)
        {
            c->w2 = 1;
            if (r > n)
            {
                c->w1 = 1;
                return null;
            }
            return interp.PickTuple(pool, indices, r);
        }
        // The rightmost index not yet at its maximum n - r + i moves up; those after it follow.
        nint k = r - 1;
        while (k >= 0 && indices[k] == k + n - r)
        {
            k--;
        }
        if (k < 0)
        {
            c->w1 = 1;
            return null;
        }
        indices[k]++;
        for (nint j = k + 1; j < r; j++)
        {
            indices[j] = indices[j - 1] + 1;
        }
        return interp.PickTuple(pool, indices, r);
    }

    private static PyObject* CombinationsWithReplacementNext(Interpreter interp, PyObject* op)
    {
        PyItertoolsObject* c = It(op);
        if (c->w1 != 0)
        {
            return null;
        }
        PyObject* pool = c->f0;
        nint n = PyTuple.Size(pool), r = c->w0;
        nint* indices = PyItertoolsObject.Indices(op);
        if (c->w2 == 0)
        {
            c->w2 = 1;
            if (n == 0 && r > 0)
            {
                c->w1 = 1;
                return null;
            }
            return interp.PickTuple(pool, indices, r);
        }
        nint k = r - 1;
        while (k >= 0 && indices[k] == n - 1)
        {
            k--;
        }
        if (k < 0)
        {
            c->w1 = 1;
            return null;
        }
        nint index = indices[k] + 1;
        for (nint j = k; j < r; j++)
        {
            indices[j] = index;
        }
        return interp.PickTuple(pool, indices, r);
    }
}
