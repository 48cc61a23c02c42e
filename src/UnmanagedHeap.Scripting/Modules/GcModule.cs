using UnmanagedHeap.Gc;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>The gc module: a thin layer over <see cref="Heap.Gc"/>.</summary>
    private PyObject* CreateGcModule()
    {
        PyObject* m = NewModule("gc");
        Collector gc = Heap.Gc;
        ModuleFunction(m, "collect", (_, a, kw) =>
        {
            Arity("collect", a, 0, 1);
            PyObject* g = a.Length == 1 ? A(a, 0) : Kw(kw, "generation");
            long gen = g == null ? 2 : ToLong(g);
            if (gen < 0 || gen > 2)
            {
                throw ValueErr("invalid generation");
            }
            return Int(gc.Collect((int)gen));
        });
        ModuleFunction(m, "enable", (_, _, _) =>
        {
            gc.Enable();
            return None;
        });
        ModuleFunction(m, "disable", (_, _, _) =>
        {
            gc.Disable();
            return None;
        });
        ModuleFunction(m, "isenabled", (_, _, _) => Bool(gc.IsEnabled()));
        ModuleFunction(m, "get_count", (_, _, _) =>
        {
            var (c0, c1, c2) = gc.GetCount();
            return IntTuple(c0, c1, c2);
        });
        ModuleFunction(m, "get_threshold", (_, _, _) =>
        {
            var (t0, t1, t2) = gc.GetThreshold();
            return IntTuple(t0, t1, t2);
        });
        ModuleFunction(m, "set_threshold", (_, a, _) =>
        {
            Arity("set_threshold", a, 1, 3);
            gc.SetThreshold((int)ToLong(A(a, 0)), a.Length > 1 ? (int)ToLong(A(a, 1)) : null, a.Length > 2 ? (int)ToLong(A(a, 2)) : null);
            return None;
        });
        ModuleFunction(m, "set_debug", (_, a, _) =>
        {
            Arity("set_debug", a, 1, 1);
            gc.SetDebug((GcDebugFlags)ToLong(A(a, 0)));
            return None;
        });
        ModuleFunction(m, "get_debug", (_, _, _) => Int((long)gc.GetDebug()));
        ModuleFunction(m, "get_objects", (_, a, kw) =>
        {
            PyObject* g = a.Length > 0 ? A(a, 0) : Kw(kw, "generation");
            int? gen = g == null || g == St->none ? null : (int)ToLong(g);
            try
            {
                return gc.GetObjects(gen).Steal();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw ValueErr(e.Message.Split(" (Parameter")[0]);
            }
        });
        ModuleFunction(m, "get_referrers", (_, a, _) => gc.GetReferrers(a).Steal());
        ModuleFunction(m, "get_referents", (_, a, _) => gc.GetReferents(a).Steal());
        ModuleFunction(m, "is_tracked", (_, a, _) =>
        {
            Arity("is_tracked", a, 1, 1);
            return Bool(gc.IsTracked(new BorrowedRef(Heap, A(a, 0))));
        });
        ModuleFunction(m, "is_finalized", (_, a, _) =>
        {
            Arity("is_finalized", a, 1, 1);
            return Bool(gc.IsFinalized(new BorrowedRef(Heap, A(a, 0))));
        });
        ModuleFunction(m, "get_stats", (_, _, _) =>
        {
            var items = new List<nint>();
            foreach (GcGenerationStats s in gc.GetStats())
            {
                PyObject* d = PyDict.New(St);
                SetIntItem(d, "collections", s.Collections);
                SetIntItem(d, "collected", s.Collected);
                SetIntItem(d, "uncollectable", s.Uncollectable);
                items.Add((nint)d);
            }
            return ListSteal(items);
        });
        ModuleFunction(m, "freeze", (_, _, _) =>
        {
            gc.Freeze();
            return None;
        });
        ModuleFunction(m, "unfreeze", (_, _, _) =>
        {
            gc.Unfreeze();
            return None;
        });
        ModuleFunction(m, "get_freeze_count", (_, _, _) => Int(gc.GetFreezeCount()));
        ModuleValue(m, "garbage", NewRef(gc.Garbage.Pointer));
        ModuleValue(m, "callbacks", NewRef(gc.CallbackObjects.Pointer));
        ModuleValue(m, "DEBUG_STATS", Int((long)GcDebugFlags.Stats));
        ModuleValue(m, "DEBUG_COLLECTABLE", Int((long)GcDebugFlags.Collectable));
        ModuleValue(m, "DEBUG_UNCOLLECTABLE", Int((long)GcDebugFlags.Uncollectable));
        ModuleValue(m, "DEBUG_SAVEALL", Int((long)GcDebugFlags.SaveAll));
        ModuleValue(m, "DEBUG_LEAK", Int((long)GcDebugFlags.Leak));
        return m;
    }

    private PyObject* IntTuple(long a, long b, long c)
    {
        PyObject* x = Int(a), y = Int(b), z = Int(c);
        PyObject* t = Tuple([(nint)x, (nint)y, (nint)z]);
        Refcount.Decref(x);
        Refcount.Decref(y);
        Refcount.Decref(z);
        return t;
    }

    private void SetIntItem(PyObject* d, string key, long value)
    {
        PyObject* v = Int(value);
        PyDict.SetItem(d, Intern(key), v);
        Refcount.Decref(v);
    }
}
