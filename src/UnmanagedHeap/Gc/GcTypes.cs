namespace UnmanagedHeap.Gc;

/// <summary>gc.set_debug flags, with CPython's values.</summary>
[Flags]
public enum GcDebugFlags
{
    None = 0,
    /// <summary>DEBUG_STATS: print statistics at the start and end of each collection.</summary>
    Stats = 1 << 0,
    /// <summary>DEBUG_COLLECTABLE: name each collectable object found.</summary>
    Collectable = 1 << 1,
    /// <summary>DEBUG_UNCOLLECTABLE: name each uncollectable object found.</summary>
    Uncollectable = 1 << 2,
    /// <summary>DEBUG_SAVEALL: append unreachable objects to gc.garbage instead of freeing them.</summary>
    SaveAll = 1 << 5,
    /// <summary>DEBUG_LEAK: what a program that leaks wants to see.</summary>
    Leak = Collectable | Uncollectable | SaveAll,
}

/// <summary>The info dict gc.callbacks receive: generation, collected, uncollectable.</summary>
public readonly record struct GcInfo(int Generation, long Collected, long Uncollectable);

/// <summary>One entry of gc.get_stats(): totals for one generation since the heap was created.</summary>
public readonly record struct GcGenerationStats(long Collections, long Collected, long Uncollectable);

/// <summary>A C# finalizer (<c>__del__</c>) for a class; it may resurrect <paramref name="self"/> by taking a reference.</summary>
public delegate void Finalizer(BorrowedRef self);

/// <summary>
/// Calls one item of the heap list <see cref="Collector.CallbackObjects"/> (a Python callable)
/// with a phase and an info dict; installed by the script runner.
/// </summary>
public delegate void GcCallbackInvoker(BorrowedRef callback, string phase, GcInfo info);

/// <summary>
/// Reports an exception that the collector or a deallocation could not let propagate
/// (CPython's PyErr_WriteUnraisable): where it happened, and the exception.
/// </summary>
public delegate void UnraisableHook(string context, Exception exception);
