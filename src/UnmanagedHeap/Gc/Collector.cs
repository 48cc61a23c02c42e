using System.Diagnostics;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// The cycle collector of one heap and the C# face of Python's <c>gc</c> module. The
/// algorithm is CPython 3.12's gc_collect_main (Modules/gcmodule.c), step for step, so
/// <see cref="Collect"/> returns the counts CPython's gc.collect() returns. Its state — the
/// generation lists, thresholds, counts, flags — lives in the heap's native
/// <see cref="HeapState"/>; this class adds what only managed code can hold: statistics,
/// callbacks and finalizers written in C#.
/// <para>
/// Where this code walks memory differently from gcmodule.c, it is for speed and never
/// changes a result: the passes over young take its members from an array instead of
/// chasing list links, untracking is folded into move_unreachable's scan, and the trash is
/// walked once instead of four times. <see cref="Reachability"/> and <see cref="TrashScan"/>
/// explain why each is equivalent; the model-based tests check it.
/// </para>
/// </summary>
public sealed unsafe partial class Collector
{
    /// <summary>Generations 0, 1, 2 (the permanent generation of gc.freeze is separate).</summary>
    public const int NumGenerations = 3;

    private readonly Heap _heap;
    private readonly HeapState* _st;
    private readonly PyObject* _garbage;
    private readonly PyObject* _callbackObjects;
    private readonly GcGenerationStats[] _stats = new GcGenerationStats[NumGenerations];
    private readonly List<Action<string, GcInfo>> _callbacks = [];
    private readonly Reachability _reachability = new();

    internal Collector(Heap heap)
    {
        _heap = heap;
        _st = heap.State;
        // gc.garbage and gc.callbacks are ordinary lists in the heap, as in CPython; they
        // live as long as the heap and are part of its fixed baseline of blocks.
        _garbage = PyList.New(_st);
        _callbackObjects = PyList.New(_st);
    }

    // ---- gc_collect_main -------------------------------------------------------------

    /// <summary>
    /// Collects <paramref name="generation"/> and every younger one; returns the number of
    /// unreachable objects found (collected plus uncollectable). The caller has set
    /// gc_collecting, so nothing a finalizer or callback does starts another collection.
    /// </summary>
    private long CollectMain(int generation, out long collected, out long uncollectable)
    {
        HeapState* st = _st;
        long m = 0; // objects collected
        long n = 0; // unreachable objects that could not be collected
        var debug = (GcDebugFlags)st->gc_debug;
        long startTicks = 0;

        if ((debug & GcDebugFlags.Stats) != 0)
        {
            WriteDebug($"gc: collecting generation {generation}...\n");
            ShowStatsEachGeneration();
            startTicks = Stopwatch.GetTimestamp();
        }

        // Every object freed from here to the end of this collection is logged as freed by
        // collection N, so a checked cast of its old id can say so.
        st->gc_current_collection = ++st->gc_collections;
        try
        {
            // Update collection and allocation counters: this collection counts as one
            // collection of a younger generation for the next older one.
            if (generation + 1 < NumGenerations)
            {
                st->Generation(generation + 1)->count += 1;
            }
            for (int i = 0; i <= generation; i++)
            {
                st->Generation(i)->count = 0;
            }

            // Merge the younger generations into the one being collected.
            PyGC_Head* young = &st->Generation(generation)->head;
            for (int i = 0; i < generation; i++)
            {
                GcHead.Merge(&st->Generation(i)->head, young);
            }
            PyGC_Head* old = generation < NumGenerations - 1 ? &st->Generation(generation + 1)->head : young;

            // Find what is unreachable from outside young. The survivors' tuples that hold
            // only untracked objects are untracked on the way — and, in a full collection,
            // such dicts (untrack_tuples and untrack_dicts, folded into the scan).
            PyGC_Head unreachable;
            long survivors = _reachability.DeduceUnreachable(st, young, &unreachable, full: young == old);

            // Move the survivors to the next generation. A full collection resets the
            // long-lived bookkeeping that decides when the next one is worth it.
            if (young != old)
            {
                if (generation == NumGenerations - 2)
                {
                    st->gc_long_lived_pending += survivors;
                }
                GcHead.Merge(young, old);
            }
            else
            {
                st->gc_long_lived_pending = 0;
                st->gc_long_lived_total = survivors;
            }

            // Everything in unreachable is trash. One walk over it clears the unreachable
            // marks (CPython's move_legacy_finalizers: no type here has a legacy tp_del, so
            // nothing is uncollectable), prints DEBUG_COLLECTABLE lines, and clears the weak
            // references to it — queueing the callbacks of reachable ones.
            PyGC_Head weakrefsToCall;
            GcHead.Init(&weakrefsToCall);
            TrashScan.Result scan = TrashScan.Run(st, _reachability.Trash, &weakrefsToCall,
                (debug & GcDebugFlags.Collectable) != 0 ? this : null);
            bool callbacksRan = !GcHead.IsEmpty(&weakrefsToCall);
            m += WeakrefClearing.CallCallbacks(st, &weakrefsToCall, old);

            // Call each finalizer once (PEP 442). (A callback may have given some class a
            // finalizer: then look again rather than trust the walk.)
            long finalized = scan.NeedsFinalizer || callbacksRan ? Finalizers.FinalizeGarbage(&unreachable, this) : 0;

            // A finalizer may have resurrected part of the trash: look again. When no
            // finalizer ran, no code could have reached the trash (every weak reference to
            // it was cleared before any callback ran), so the answer would be the same list.
            PyGC_Head finalUnreachable;
            PyGC_Head* trash = &unreachable;
            if (finalized > 0)
            {
                Finalizers.HandleResurrected(st, _reachability, &unreachable, &finalUnreachable, old);
                trash = &finalUnreachable;
            }

            // Break the cycles: the clear slots drop references and refcounting frees. The
            // walk counted the trash; only code run since could have changed it.
            m += callbacksRan || finalized > 0 ? GcHead.Size(trash) : scan.Count;
            if (UnreachableObserver != null && !GcHead.IsEmpty(trash))
            {
                ReportUnreachable(trash);
            }
            GarbageDeletion.DeleteGarbage(trash, old, _garbage, (debug & GcDebugFlags.SaveAll) != 0, this, _reachability.Trash);

            // A full collection gives the freelists' parked blocks back to the allocator,
            // as CPython 3.12's clear_freelists does at the same point.
            if (generation == NumGenerations - 1)
            {
                Freelists.ClearAll(st);
            }

            // Uncollectable objects would be those reachable from legacy finalizers; there
            // are none, so n stays 0 and DEBUG_UNCOLLECTABLE has nothing to print.
            if ((debug & GcDebugFlags.Stats) != 0)
            {
                double seconds = Stopwatch.GetElapsedTime(startTicks).TotalSeconds;
                WriteDebug($"gc: done, {n + m} unreachable, {n} uncollectable, {seconds:F4}s elapsed\n");
            }
        }
        finally
        {
            st->gc_current_collection = 0;
        }

        GcGenerationStats s = _stats[generation];
        _stats[generation] = new GcGenerationStats(s.Collections + 1, s.Collected + m, s.Uncollectable + n);
        collected = m;
        uncollectable = n;
        return n + m;
    }

    /// <summary>gc_collect_with_callback: the "start" callbacks, the collection, the "stop" callbacks.</summary>
    private long CollectWithCallback(int generation)
    {
        InvokeCallbacks("start", generation, 0, 0);
        long result = CollectMain(generation, out long collected, out long uncollectable);
        InvokeCallbacks("stop", generation, collected, uncollectable);
        return result;
    }

    /// <summary>
    /// gc_collect_generations: collect the oldest generation whose count exceeds its
    /// threshold, with everything younger. The oldest generation additionally waits until
    /// the objects that survived collections of generation 1 since the last full collection
    /// (long_lived_pending) are at least a quarter of those that survived it
    /// (long_lived_total): full collections then cost amortised linear time.
    /// </summary>
    private long CollectGenerations()
    {
        HeapState* st = _st;
        for (int i = NumGenerations - 1; i >= 0; i--)
        {
            GcGeneration* g = st->Generation(i);
            if (g->count > g->threshold)
            {
                if (i == NumGenerations - 1 && st->gc_long_lived_pending < st->gc_long_lived_total / 4)
                {
                    continue;
                }
                return CollectWithCallback(i);
            }
        }
        return 0;
    }

    /// <summary>
    /// The safe-point collection an allocation scheduled (CPython's _Py_RunGC): skipped when
    /// automatic collection was disabled meanwhile or a collection is already running.
    /// </summary>
    internal void RunScheduled()
    {
        HeapState* st = _st;
        if (st->gc_enabled == 0 || st->gc_collecting != 0)
        {
            return;
        }
        st->gc_collecting = 1;
        try
        {
            CollectGenerations();
        }
        finally
        {
            st->gc_collecting = 0;
        }
    }

    // ---- Calls into code that may throw: nothing may unwind through the collector ----

    /// <summary>Runs <paramref name="op"/>'s tp_finalize, reporting (not propagating) an exception.</summary>
    internal void CallFinalizer(PyObject* op)
    {
        try
        {
            op->ob_type->tp_finalize(op);
        }
        catch (Exception e)
        {
            ReportUnraisable($"{TypeRegistry.NameOf(op->ob_type)}.__del__ of <{TypeRegistry.NameOf(op->ob_type)} object at 0x{(nint)op:x}>", e);
        }
    }

    /// <summary>Runs a clear slot, reporting an exception as CPython's "in tp_clear of" does.</summary>
    internal void CallClear(delegate*<PyObject*, int> clear, PyObject* op)
    {
        try
        {
            clear(op);
        }
        catch (Exception e)
        {
            ReportUnraisable($"tp_clear of <class '{TypeRegistry.NameOf(op->ob_type)}'>", e);
        }
    }

    /// <summary>DEBUG_SAVEALL's append; like CPython, a failed append (the heap is full) is ignored.</summary>
    internal void AppendToGarbage(PyObject* garbage, PyObject* op)
    {
        try
        {
            PyList.Append(garbage, op);
        }
        catch (OutOfHeapMemoryException)
        {
        }
    }

    private void InvokeCallbacks(string phase, int generation, long collected, long uncollectable)
    {
        nint scripted = PyList.Size(_callbackObjects);
        if (_callbacks.Count == 0 && scripted == 0)
        {
            return;
        }
        var info = new GcInfo(generation, collected, uncollectable);
        // By index, re-reading the count: a callback may remove itself or add another.
        for (int i = 0; i < _callbacks.Count; i++)
        {
            Action<string, GcInfo> callback = _callbacks[i];
            try
            {
                callback(phase, info);
            }
            catch (Exception e)
            {
                ReportUnraisable($"gc callback {callback.Method.Name}", e);
            }
        }
        GcCallbackInvoker? invoker = CallbackInvoker;
        if (invoker == null)
        {
            return;
        }
        for (nint i = 0; i < PyList.Size(_callbackObjects); i++)
        {
            PyObject* callback = PyList.Items(_callbackObjects)[i];
            Refcount.Incref(callback); // it must not go away during its own call
            try
            {
                invoker(new BorrowedRef(_heap, callback), phase, info);
            }
            catch (Exception e)
            {
                ReportUnraisable(ObjectRepr.Repr(callback), e);
            }
            finally
            {
                Refcount.Decref(callback);
            }
        }
    }
}
