using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>The functions of Python's <c>gc</c> module, as C# methods (gcmodule.c's gc_*_impl).</summary>
public sealed unsafe partial class Collector
{
    /// <summary>
    /// gc.collect(generation): collects <paramref name="generation"/> and all younger ones
    /// and returns the number of unreachable objects found. Returns 0 without collecting
    /// when called while a collection runs (from a finalizer or callback).
    /// </summary>
    public long Collect(int generation = 2)
    {
        _heap.CheckThread();
        if (generation < 0 || generation >= NumGenerations)
        {
            throw new ArgumentOutOfRangeException(nameof(generation), generation, "invalid generation");
        }
        HeapState* st = _st;
        if (st->gc_collecting != 0)
        {
            return 0;
        }
        st->gc_collecting = 1;
        try
        {
            return CollectWithCallback(generation);
        }
        finally
        {
            st->gc_collecting = 0;
        }
    }

    /// <summary>gc.enable(): allocations may trigger collections again.</summary>
    public void Enable()
    {
        _heap.CheckThread();
        _st->gc_enabled = 1;
    }

    /// <summary>gc.disable(): no automatic collections; <see cref="Collect"/> still works.</summary>
    public void Disable()
    {
        _heap.CheckThread();
        _st->gc_enabled = 0;
    }

    /// <summary>gc.isenabled().</summary>
    public bool IsEnabled()
    {
        _heap.CheckThread();
        return _st->gc_enabled != 0;
    }

    /// <summary>gc.get_count(): generation 0's net container allocations, and the collections of generations 0 and 1 since the next older one was collected.</summary>
    public (int Gen0, int Gen1, int Gen2) GetCount()
    {
        _heap.CheckThread();
        return (_st->gen0.count, _st->gen1.count, _st->gen2.count);
    }

    /// <summary>gc.get_threshold().</summary>
    public (int Threshold0, int Threshold1, int Threshold2) GetThreshold()
    {
        _heap.CheckThread();
        return (_st->gen0.threshold, _st->gen1.threshold, _st->gen2.threshold);
    }

    /// <summary>gc.set_threshold(threshold0[, threshold1[, threshold2]]); 0 for threshold0 disables automatic collection.</summary>
    public void SetThreshold(int threshold0, int? threshold1 = null, int? threshold2 = null)
    {
        _heap.CheckThread();
        _st->gen0.threshold = threshold0;
        if (threshold1 is int t1)
        {
            _st->gen1.threshold = t1;
        }
        if (threshold2 is int t2)
        {
            _st->gen2.threshold = t2;
        }
    }

    /// <summary>gc.set_debug(flags).</summary>
    public void SetDebug(GcDebugFlags flags)
    {
        _heap.CheckThread();
        _st->gc_debug = (int)flags;
    }

    /// <summary>gc.get_debug().</summary>
    public GcDebugFlags GetDebug()
    {
        _heap.CheckThread();
        return (GcDebugFlags)_st->gc_debug;
    }

    /// <summary>
    /// gc.get_objects(generation=None): a new list of the objects tracked in
    /// <paramref name="generation"/>, or in all three when null (the permanent generation
    /// is not included, as in CPython).
    /// </summary>
    public NewRef GetObjects(int? generation = null)
    {
        _heap.CheckThread();
        if (generation is int g)
        {
            if (g >= NumGenerations)
            {
                throw new ArgumentOutOfRangeException(nameof(generation), g,
                    $"generation parameter must be less than the number of available generations ({NumGenerations})");
            }
            if (g < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(generation), g, "generation parameter cannot be negative");
            }
        }
        PyObject* result = PyList.New(_st);
        try
        {
            for (int i = 0; i < NumGenerations; i++)
            {
                if (generation is null || generation == i)
                {
                    AppendObjects(result, &_st->Generation(i)->head);
                }
            }
        }
        catch
        {
            Refcount.Decref(result);
            throw;
        }
        return new NewRef(_heap, result);
    }

    /// <summary>append_objects: every object of a GC list except the result list itself.</summary>
    private static void AppendObjects(PyObject* result, PyGC_Head* list)
    {
        for (PyGC_Head* gc = GcHead.Next(list); gc != list; gc = GcHead.Next(gc))
        {
            PyObject* op = GcHead.FromGc(gc);
            if (op != result)
            {
                PyList.Append(result, op);
            }
        }
    }

    /// <summary>
    /// gc.get_referrers(*objs): a new list of the tracked objects (in generations 0–2) whose
    /// traverse slot visits any of the objects with the given ids. Each id is checked.
    /// </summary>
    public NewRef GetReferrers(params ReadOnlySpan<nint> ids)
    {
        _heap.CheckThread();
        // CPython passes its argument tuple to the visitor; so do we (it is skipped below).
        PyObject* objs = PackChecked(ids);
        PyObject* result = PyList.New(_st);
        try
        {
            for (int i = 0; i < NumGenerations; i++)
            {
                PyGC_Head* list = &_st->Generation(i)->head;
                for (PyGC_Head* gc = GcHead.Next(list); gc != list; gc = GcHead.Next(gc))
                {
                    PyObject* op = GcHead.FromGc(gc);
                    if (op == objs || op == result)
                    {
                        continue;
                    }
                    var traverse = op->ob_type->tp_traverse;
                    if (traverse != null && traverse(op, &ReferrersVisit, objs) != 0)
                    {
                        PyList.Append(result, op);
                    }
                }
            }
        }
        catch
        {
            Refcount.Decref(result);
            throw;
        }
        finally
        {
            Refcount.Decref(objs);
        }
        return new NewRef(_heap, result);
    }

    /// <summary>gc.get_referrers for one object.</summary>
    public NewRef GetReferrers(BorrowedRef obj) => GetReferrers([(nint)obj.PointerFor(_heap)]);

    private static int ReferrersVisit(PyObject* op, void* arg)
    {
        var objs = (PyObject*)arg;
        nint n = PyTuple.Size(objs);
        PyObject** items = PyTuple.Items(objs);
        for (nint i = 0; i < n; i++)
        {
            if (items[i] == op)
            {
                return 1;
            }
        }
        return 0;
    }

    /// <summary>
    /// gc.get_referents(*objs): a new list of the objects directly referenced by the given
    /// ones, as their traverse slots report them (objects that are not containers have none).
    /// </summary>
    public NewRef GetReferents(params ReadOnlySpan<nint> ids)
    {
        _heap.CheckThread();
        foreach (nint id in ids)
        {
            _heap.Cast(id);
        }
        PyObject* result = PyList.New(_st);
        try
        {
            foreach (nint id in ids)
            {
                var op = (PyObject*)id;
                var traverse = op->ob_type->tp_traverse;
                if (GcHead.IsGc(op) && traverse != null)
                {
                    traverse(op, &ReferentsVisit, result);
                }
            }
        }
        catch
        {
            Refcount.Decref(result);
            throw;
        }
        return new NewRef(_heap, result);
    }

    /// <summary>gc.get_referents for one object.</summary>
    public NewRef GetReferents(BorrowedRef obj) => GetReferents([(nint)obj.PointerFor(_heap)]);

    private static int ReferentsVisit(PyObject* op, void* arg)
    {
        PyList.Append((PyObject*)arg, op);
        return 0;
    }

    /// <summary>A tuple of the objects at <paramref name="ids"/>, each verified by a checked cast first.</summary>
    private PyObject* PackChecked(ReadOnlySpan<nint> ids)
    {
        foreach (nint id in ids)
        {
            _heap.Cast(id);
        }
        return PyTuple.Pack(_st, ids);
    }

    /// <summary>gc.is_tracked(obj): is it a container the collector currently watches?</summary>
    public bool IsTracked(BorrowedRef obj)
    {
        PyObject* op = obj.PointerFor(_heap);
        return GcHead.IsGc(op) && GcList.IsTracked(op);
    }

    /// <summary>gc.is_finalized(obj): has its finalizer already run (PEP 442)?</summary>
    public bool IsFinalized(BorrowedRef obj)
    {
        return Finalization.IsFinalized(obj.PointerFor(_heap));
    }

    /// <summary>
    /// gc.garbage: the heap list that DEBUG_SAVEALL fills with unreachable objects instead
    /// of freeing them. Removing objects from it (clearing it) makes them collectable again.
    /// </summary>
    public BorrowedRef Garbage
    {
        get
        {
            _heap.CheckThread();
            return new BorrowedRef(_heap, _garbage);
        }
    }

    /// <summary>
    /// gc.callbacks for C#: each is called with "start" before and "stop" after every
    /// collection, with the generation and (at stop) the numbers collected and uncollectable.
    /// They run before the Python callables of <see cref="CallbackObjects"/>.
    /// </summary>
    public IList<Action<string, GcInfo>> Callbacks
    {
        get
        {
            _heap.CheckThread();
            return _callbacks;
        }
    }

    /// <summary>
    /// gc.callbacks for the script runner: a heap list of Python callables, called through
    /// <see cref="CallbackInvoker"/> (which builds the info dict and makes the call).
    /// </summary>
    public BorrowedRef CallbackObjects
    {
        get
        {
            _heap.CheckThread();
            return new BorrowedRef(_heap, _callbackObjects);
        }
    }

    /// <summary>How to call an item of <see cref="CallbackObjects"/>; null means they are not called.</summary>
    public GcCallbackInvoker? CallbackInvoker { get; set; }

    /// <summary>gc.get_stats(): per generation, collections run, objects collected, uncollectable objects found.</summary>
    public IReadOnlyList<GcGenerationStats> GetStats()
    {
        _heap.CheckThread();
        return [.. _stats];
    }

    /// <summary>
    /// gc.freeze(): moves every tracked object to the permanent generation, which no
    /// collection examines (and resets generation 0's count).
    /// </summary>
    public void Freeze()
    {
        _heap.CheckThread();
        for (int i = 0; i < NumGenerations; i++)
        {
            GcHead.Merge(&_st->Generation(i)->head, &_st->permanent.head);
            _st->gen0.count = 0;
        }
    }

    /// <summary>gc.unfreeze(): the permanent generation's objects go back into the oldest generation.</summary>
    public void Unfreeze()
    {
        _heap.CheckThread();
        GcHead.Merge(&_st->permanent.head, &_st->gen2.head);
    }

    /// <summary>gc.get_freeze_count(): objects in the permanent generation.</summary>
    public long GetFreezeCount()
    {
        _heap.CheckThread();
        return GcHead.Size(&_st->permanent.head);
    }

    /// <summary>Collections run so far in this heap (the N of "freed by collection N").</summary>
    public long Collections
    {
        get
        {
            _heap.CheckThread();
            return _st->gc_collections;
        }
    }
}
