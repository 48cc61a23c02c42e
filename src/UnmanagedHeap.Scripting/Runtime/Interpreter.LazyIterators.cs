using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// map, filter, zip, enumerate, reversed and iter(callable, sentinel) as CPython's
/// bltinmodule.c and enumobject.c make them: iterator objects on the heap that draw one item
/// from their sources per <c>next</c>, so an infinite generator works and side effects come
/// out in order. Each is a <see cref="PyIterObject"/> whose it_seq holds what it reads (a
/// tuple when there are several things), which the collector traverses.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private void RegisterLazyIterators()
    {
        Global("map", (_, a, kw) =>
        {
            CheckKw("map", kw);
            if (a.Length < 2)
            {
                throw TypeErr("map() must have at least two arguments.");
            }
            return NewLazyIter(IterKind.Map, a, iteratorsFrom: 1);
        });
        Global("filter", (_, a, kw) =>
        {
            CheckKw("filter", kw);
            Arity("filter", a, 2, 2);
            return NewLazyIter(IterKind.Filter, a, iteratorsFrom: 1);
        });
        Global("zip", (_, a, kw) =>
        {
            CheckKw("zip", kw, "strict");
            PyObject* zip = NewLazyIter(IterKind.Zip, a, iteratorsFrom: 0);
            ((PyIterObject*)zip)->it_len = KwTrue(kw, "strict") ? 1 : 0;
            return zip;
        });
        Global("enumerate", (_, a, kw) =>
        {
            CheckKw("enumerate", kw, "iterable", "start");
            PyObject* iterable = a.Length > 0 ? A(a, 0) : Kw(kw, "iterable");
            PyObject* startObj = a.Length > 1 ? A(a, 1) : Kw(kw, "start");
            if (iterable == null || a.Length > 2)
            {
                throw TypeErr(iterable == null ? "enumerate() missing required argument 'iterable'" : $"enumerate() takes at most 2 arguments ({a.Length} given)");
            }
            if (startObj != null && !IsInt(startObj))
            {
                throw TypeErr($"'{TypeName(startObj)}' object cannot be interpreted as an integer");
            }
            long start = startObj == null ? 0 : ToLong(startObj);
            return NewIterOver(IterKind.Enumerate, GetIter(iterable), (nint)start);
        });
        Global("reversed", (_, a, kw) =>
        {
            CheckKw("reversed", kw);
            Arity("reversed", a, 1, 1);
            return Reversed(A(a, 0));
        });
        Global("iter", (_, a, kw) =>
        {
            CheckKw("iter", kw);
            Arity("iter", a, 1, 2);
            if (a.Length == 1)
            {
                return GetIter(A(a, 0));
            }
            if (!IsCallable(A(a, 0)))
            {
                throw TypeErr("iter(object, sentinel): object must be callable");
            }
            PyObject* pair = Tuple([a[0], a[1]]);
            return NewIterOver(IterKind.Callable, pair, 0);
        });
    }

    /// <summary>An iterator of <paramref name="kind"/> over the tuple of args[..iteratorsFrom] followed by iter() of each later arg.</summary>
    private PyObject* NewLazyIter(IterKind kind, nint[] args, int iteratorsFrom)
    {
        var parts = new nint[args.Length];
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                parts[i] = i < iteratorsFrom ? (nint)NewRef(A(args, i)) : (nint)GetIter(A(args, i));
            }
            PyObject* tuple = TupleSteal((ReadOnlySpan<nint>)parts);
            parts = [];
            return NewIterOver(kind, tuple, 0);
        }
        catch
        {
            foreach (nint p in parts)
            {
                Refcount.XDecref((PyObject*)p);
            }
            throw;
        }
    }

    /// <summary>A tracked iterator of <paramref name="kind"/> that owns <paramref name="source"/> (stolen).</summary>
    private PyObject* NewIterOver(IterKind kind, PyObject* source, nint index)
    {
        PyObject* it;
        try
        {
            it = ScriptTypes.New(T.Iter(kind));
        }
        catch
        {
            Refcount.Decref(source);
            throw;
        }
        var io = (PyIterObject*)it;
        io->it_seq = source;
        io->it_kind = (nint)kind;
        io->it_index = index;
        ScriptTypes.Track(it);
        return it;
    }

    /// <summary>reversed(seq): __reversed__, a reversed range, a list_reverseiterator, or the generic reversed object.</summary>
    private PyObject* Reversed(PyObject* seq)
    {
        PyObject* rm = UserSpecial(seq, "__reversed__");
        if (rm != null)
        {
            return CallWithSelf(rm, seq, []);
        }
        if (IsDict(seq) || seq->ob_type == T.DictKeys || seq->ob_type == T.DictValues || seq->ob_type == T.DictItems)
        {
            List<nint> keys = CollectItems(seq, unpacking: false);
            keys.Reverse();
            return IterOverList(keys, "dict_reversekeyiterator");
        }
        if (IsList(seq))
        {
            return NewIterOver(IterKind.ListReverse, NewRef(seq), PyList.Size(seq) - 1);
        }
        if (seq->ob_type == T.Range)
        {
            var r = (PyRangeObject*)seq;
            if (r->length == 0)
            {
                return GetIter(seq);
            }
            // The same numbers backwards, as CPython's range_reverse builds a range_iterator.
            long last = r->start + (r->length - 1) * r->step;
            bool stopFits = r->step > 0 ? r->start >= long.MinValue + r->step : r->start <= long.MaxValue + r->step;
            if (!stopFits || r->step == long.MinValue)
            {
                return NewIterOver(IterKind.Reversed, NewRef(seq), (nint)(r->length - 1));
            }
            long stop = r->start - r->step;
            PyObject* backwards = NewRange(last, stop, -r->step);
            try
            {
                return GetIter(backwards);
            }
            finally
            {
                Refcount.Decref(backwards);
            }
        }
        if (IsSet(seq) || (!IsTuple(seq) && !IsStr(seq) && !IsBytes(seq) && !IsByteArray(seq) && (UserSpecial(seq, "__getitem__") == null || UserSpecial(seq, "__len__") == null)))
        {
            throw TypeErr($"'{TypeName(seq)}' object is not reversible");
        }
        long n = Length(seq);
        return NewIterOver(IterKind.Reversed, NewRef(seq), (nint)(n - 1));
    }

    /// <summary>
    /// One step of a lazy iterator: a new reference, or null when it is exhausted (then it lets
    /// go of its sources). The sources are held across the step: a callback may exhaust this
    /// same iterator through a nested next(), which clears it_seq.
    /// </summary>
    private PyObject* LazyNext(PyIterObject* io)
    {
        PyObject* seq = NewRef(io->it_seq);
        PyObject* r;
        try
        {
            r = LazyStep(io, seq);
        }
        finally
        {
            Refcount.Decref(seq);
        }
        if (r == null)
        {
            Refcount.Clear(&io->it_seq);
        }
        return r;
    }

    private PyObject* LazyStep(PyIterObject* io, PyObject* seq)
    {
        switch ((IterKind)io->it_kind)
        {
            case IterKind.Map:
                return MapNext(seq);
            case IterKind.Filter:
                return FilterNext(seq);
            case IterKind.Zip:
                return ZipNext(seq, strict: io->it_len != 0);
            case IterKind.Enumerate:
            {
                PyObject* item = Next(seq);
                if (item == null)
                {
                    return null;
                }
                if (io->it_index == nint.MaxValue)
                {
                    Refcount.Decref(item);
                    throw Error(OverflowError, "enumerate() is too large");
                }
                PyObject* count = Int((long)io->it_index++);
                PyObject* pair = Tuple([(nint)count, (nint)item]);
                Refcount.Decref(count);
                Refcount.Decref(item);
                return pair;
            }
            case IterKind.ListReverse:
            {
                nint i = io->it_index;
                if (i >= 0 && i < PyList.Size(seq))
                {
                    io->it_index = i - 1;
                    return NewRef(PyList.Items(seq)[i]);
                }
                io->it_index = -1;
                return null;
            }
            case IterKind.Reversed:
            {
                nint i = io->it_index;
                if (i < 0)
                {
                    return null;
                }
                io->it_index = i - 1;
                PyObject* index = Int((long)i);
                try
                {
                    return GetItem(seq, index);
                }
                catch (PythonException e) when (IsSubtype(e.Object->ob_type, IndexError) || IsSubtype(e.Object->ob_type, StopIteration))
                {
                    Refcount.Decref(e.Steal());
                    io->it_index = -1;
                    return null;
                }
                finally
                {
                    Refcount.Decref(index);
                }
            }
            case IterKind.Callable:
            {
                PyObject* value;
                try
                {
                    value = CallBorrowed(PyTuple.Items(seq)[0]);
                }
                catch (PythonException e) when (IsSubtype(e.Object->ob_type, StopIteration))
                {
                    Refcount.Decref(e.Steal());
                    return null;
                }
                bool done;
                try
                {
                    PyObject* eq = CompareOp(Syntax.CompareOperator.Eq, value, PyTuple.Items(seq)[1]);
                    done = IsTrue(eq);
                    Refcount.Decref(eq);
                }
                catch
                {
                    Refcount.Decref(value);
                    throw;
                }
                if (done)
                {
                    Refcount.Decref(value);
                    return null;
                }
                return value;
            }
        }
        throw new InvalidOperationException($"not a lazy iterator kind: {io->it_kind}");
    }

    private PyObject* MapNext(PyObject* parts)
    {
        nint n = PyTuple.Size(parts) - 1;
        nint* items = stackalloc nint[(int)Math.Min(n, 8)];
        nint[]? spill = n > 8 ? new nint[n] : null;
        Span<nint> args = spill ?? new Span<nint>(items, (int)n);
        int got = 0;
        try
        {
            for (; got < n; got++)
            {
                PyObject* x = Next(PyTuple.Items(parts)[got + 1]);
                if (x == null)
                {
                    return null;
                }
                args[got] = (nint)x;
            }
            return CallBorrowed(PyTuple.Items(parts)[0], args);
        }
        finally
        {
            for (int i = 0; i < got; i++)
            {
                Refcount.Decref((PyObject*)args[i]);
            }
        }
    }

    private PyObject* FilterNext(PyObject* parts)
    {
        PyObject* func = PyTuple.Items(parts)[0];
        PyObject* it = PyTuple.Items(parts)[1];
        while (true)
        {
            PyObject* x = Next(it);
            if (x == null)
            {
                return null;
            }
            bool keep;
            try
            {
                if (func == St->none || func == (PyObject*)St->type_bool)
                {
                    keep = IsTrue(x);
                }
                else
                {
                    PyObject* r = CallBorrowed(func, (nint)x);
                    try
                    {
                        keep = IsTrue(r);
                    }
                    finally
                    {
                        Refcount.Decref(r);
                    }
                }
            }
            catch
            {
                Refcount.Decref(x);
                throw;
            }
            if (keep)
            {
                return x;
            }
            Refcount.Decref(x);
            PollInterrupt(); // a filter that rejects forever is a loop too
        }
    }

    private PyObject* ZipNext(PyObject* iterators, bool strict)
    {
        nint n = PyTuple.Size(iterators);
        if (n == 0)
        {
            return null;
        }
        PyObject* result = PyTuple.NewUninitialized(St, n);
        PyObject** items = PyTuple.Items(result);
        try
        {
            for (nint i = 0; i < n; i++)
            {
                PyObject* x = Next(PyTuple.Items(iterators)[i]);
                if (x == null)
                {
                    if (strict)
                    {
                        CheckZipLengths(iterators, i);
                    }
                    Refcount.Decref(result);
                    return null;
                }
                items[i] = x;
            }
        }
        catch
        {
            Refcount.Decref(result);
            throw;
        }
        GcList.Track(result);
        return result;
    }

    /// <summary>zip(strict=True): argument <paramref name="exhausted"/> (0-based) ran out; the others must have too.</summary>
    private void CheckZipLengths(PyObject* iterators, nint exhausted)
    {
        static string Earlier(nint i) => i == 1 ? "argument 1" : $"arguments 1-{i}";
        if (exhausted > 0)
        {
            throw ValueErr($"zip() argument {exhausted + 1} is shorter than {Earlier(exhausted)}");
        }
        for (nint i = 1; i < PyTuple.Size(iterators); i++)
        {
            PyObject* x = Next(PyTuple.Items(iterators)[i]);
            if (x != null)
            {
                Refcount.Decref(x);
                throw ValueErr($"zip() argument {i + 1} is longer than {Earlier(i)}");
            }
        }
    }
}
