using UnmanagedHeap.Inspect;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    private AllocationTracer? _tracemalloc;

    /// <summary>The script's tracemalloc tracer, made on first use; its stacks are this interpreter's frames.</summary>
    public AllocationTracer Tracemalloc => _tracemalloc ??= Heap.Inspector.NewAllocationTracer(this);

    /// <summary>
    /// tracemalloc: the functions CPython's <c>_tracemalloc</c> has in C are here, over the
    /// heap's <see cref="AllocationTracer"/> (real block sizes, the script's lines); the
    /// classes (Snapshot, Statistic, Traceback, Filter...) are Python, in
    /// <c>Modules/Python/tracemalloc.py</c>, as CPython's own are.
    /// </summary>
    private PyObject* CreateTracemallocModule()
    {
        PyObject* m = NewModule("tracemalloc");
        ModuleFunction(m, "start", (_, a, kw) =>
        {
            CheckKw("start", kw, "nframe");
            Arity("start", a, 0, 1);
            PyObject* n = a.Length > 0 ? A(a, 0) : Kw(kw, "nframe");
            long frames = 1;
            if (n != null)
            {
                if (!IsInt(n))
                {
                    throw TypeErr($"'{TypeName(n)}' object cannot be interpreted as an integer");
                }
                frames = ToLong(n);
            }
            if (frames < 1 || frames > AllocationTracer.MaxFrameLimit)
            {
                throw ValueErr($"the number of frames must be in range [1; {AllocationTracer.MaxFrameLimit}]");
            }
            Tracemalloc.Start((int)frames);
            return None;
        });
        ModuleFunction(m, "stop", (_, a, _) =>
        {
            Arity("stop", a, 0, 0);
            Tracemalloc.Stop();
            return None;
        });
        ModuleFunction(m, "is_tracing", (_, a, _) =>
        {
            Arity("is_tracing", a, 0, 0);
            return Bool(Tracemalloc.IsTracing);
        });
        ModuleFunction(m, "clear_traces", (_, a, _) =>
        {
            Arity("clear_traces", a, 0, 0);
            Tracemalloc.Clear();
            return None;
        });
        ModuleFunction(m, "get_traced_memory", (_, a, _) =>
        {
            Arity("get_traced_memory", a, 0, 0);
            AllocationTracer t = Tracemalloc;
            return t.IsTracing ? PairTuple(Int(t.CurrentBytes), Int(t.PeakBytes)) : PairTuple(Int(0), Int(0));
        });
        ModuleFunction(m, "reset_peak", (_, a, _) =>
        {
            Arity("reset_peak", a, 0, 0);
            if (Tracemalloc.IsTracing)
            {
                Tracemalloc.ResetPeak();
            }
            return None;
        });
        ModuleFunction(m, "get_tracemalloc_memory", (_, a, _) =>
        {
            Arity("get_tracemalloc_memory", a, 0, 0);
            return Int(Tracemalloc.OwnMemoryBytes);
        });
        ModuleFunction(m, "get_traceback_limit", (_, a, _) =>
        {
            Arity("get_traceback_limit", a, 0, 0);
            return Int(Tracemalloc.FrameLimit);
        });
        ModuleFunction(m, "_get_traces", (_, a, _) =>
        {
            Arity("_get_traces", a, 0, 0);
            return TracesList(Tracemalloc.Snapshot());
        });
        ModuleFunction(m, "_get_object_traceback", (_, a, _) =>
        {
            Arity("_get_object_traceback", a, 1, 1);
            PyObject* o = A(a, 0);
            AllocationTraceback? tb = Tracemalloc.IsTracing ? Tracemalloc.TracebackOf((nint)o - o->ob_type->tp_prefix) : null;
            return tb == null ? None : TracebackTuple(tb);
        });
        ModuleFunction(m, "_fnmatch", (_, a, _) =>
        {
            Arity("_fnmatch", a, 2, 2);
            return Bool(FileNamePattern.Matches(AsStr(A(a, 0), "filename"), AsStr(A(a, 1), "pattern")));
        });
        ModuleFunction(m, "_getline", (_, a, _) =>
        {
            Arity("_getline", a, 2, 2);
            return Str(SourceLines.Get(AsStr(A(a, 0), "filename"), (int)Math.Clamp(ToLong(A(a, 1)), 0, int.MaxValue)));
        });
        return m;
    }

    /// <summary>
    /// The traces as CPython's _tracemalloc._get_traces gives them: a list of
    /// (domain, size, frames most recent first, total_nframe), one traceback tuple per
    /// distinct traceback. Built after the tracer's snapshot was taken, so the list itself
    /// is not in it.
    /// </summary>
    private PyObject* TracesList(List<AllocationTrace> traces)
    {
        var tuples = new Dictionary<AllocationTraceback, nint>(ReferenceEqualityComparer.Instance);
        PyObject* list = PyList.New(St);
        try
        {
            foreach (AllocationTrace trace in traces)
            {
                if (!tuples.TryGetValue(trace.Traceback, out nint tb))
                {
                    tb = (nint)TracebackTuple(trace.Traceback);
                    tuples[trace.Traceback] = tb;
                }
                PyObject* item = TupleSteal((ReadOnlySpan<nint>)[(nint)Int(0), (nint)Int(trace.Size), (nint)NewRef((PyObject*)tb), (nint)Int(trace.Traceback.TotalFrames)]);
                PyList.Append(list, item);
                Refcount.Decref(item);
            }
        }
        catch
        {
            Refcount.Decref(list);
            throw;
        }
        finally
        {
            foreach (nint tb in tuples.Values)
            {
                Refcount.Decref((PyObject*)tb);
            }
        }
        return list;
    }

    /// <summary>((filename, lineno), ...) most recent first, as _tracemalloc hands a traceback to Python.</summary>
    private PyObject* TracebackTuple(AllocationTraceback tb)
    {
        var frames = new List<nint>(Math.Max(1, tb.Frames.Count));
        if (tb.Frames.Count == 0)
        {
            // A block made with no Python frame running: tracemalloc's "<unknown>" frame.
            frames.Add((nint)TupleSteal((ReadOnlySpan<nint>)[(nint)Str("<unknown>"), (nint)Int(0)]));
        }
        foreach (AllocationFrame f in tb.Frames)
        {
            frames.Add((nint)TupleSteal((ReadOnlySpan<nint>)[(nint)Str(f.File), (nint)Int(f.Line)]));
        }
        return TupleSteal(frames);
    }
}
