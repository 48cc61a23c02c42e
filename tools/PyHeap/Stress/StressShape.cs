using UnmanagedHeap;

namespace PyHeap.Stress;

/// <summary>What a shape needs to know to build its objects.</summary>
public readonly record struct ShapeParameters(int BackLinksPercent, int WeakPercent, ulong Seed, long ObjectsBudget);

/// <summary>
/// One stress workload on one heap. <see cref="Step"/> does one unit of work — builds a
/// small structure and lets it go, or replaces a cached one — and says how many heap
/// objects it created. Steps allocate nothing managed: every object is the heap's.
/// </summary>
public abstract class StressShape : IDisposable
{
    public static readonly IReadOnlyList<string> Names = ["nodes", "chain", "graph", "route-cache", "binary-trees"];

    /// <summary>Shapes where <c>--back-links</c> and <c>--weak</c> mean something.</summary>
    public static readonly IReadOnlyList<string> WithBackLinks = ["nodes", "graph", "route-cache"];

    protected readonly Heap Heap;
    protected readonly ShapeParameters Parameters;
    protected SplitMix64 Random;

    protected StressShape(Heap heap, ShapeParameters parameters)
    {
        Heap = heap;
        Parameters = parameters;
        Random = new SplitMix64(parameters.Seed);
    }

    public static StressShape Create(string name, Heap heap, ShapeParameters parameters) => name switch
    {
        "nodes" => new NodesShape(heap, parameters),
        "chain" => new ChainShape(heap, parameters),
        "graph" => new GraphShape(heap, parameters),
        "route-cache" => new RouteCacheShape(heap, parameters),
        "binary-trees" => new BinaryTreesShape(heap, parameters),
        _ => throw new UsageException($"unknown shape '{name}': expected one of {string.Join(", ", Names)}"),
    };

    /// <summary>The default <c>--back-links</c> percentage of a shape.</summary>
    public static int DefaultBackLinks(string name) => name switch
    {
        "nodes" => 50,
        "graph" => 20,
        "route-cache" => 100,
        _ => 0,
    };

    /// <summary>One line for the start of a run: what a step builds.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Builds what lives for the whole run (the route cache, the long-lived tree) before the
    /// clock starts; <paramref name="stop"/> is polled so that --max-rss can end it.
    /// Returns the objects it created.
    /// </summary>
    public virtual long Setup(Func<bool> stop) => 0;

    /// <summary>One unit of work; returns the heap objects it created.</summary>
    public abstract int Step();

    /// <summary>
    /// One unit built and handed back alive (for measuring the allocator's bytes per object):
    /// the reference keeps every object of the unit reachable.
    /// </summary>
    public abstract NewRef BuildUnit(out int objects);

    /// <summary>
    /// Appends a back-link to <paramref name="target"/> to <paramref name="list"/>: a strong
    /// reference, or with probability --weak a weakref.ref. Returns the objects created
    /// (a weak reference is shared per target, as in CPython, so only the first is new).
    /// </summary>
    protected int AppendBackLink(BorrowedRef list, BorrowedRef target)
    {
        if (!Random.Percent(Parameters.WeakPercent))
        {
            list.Append(target);
            return 0;
        }
        int created = Heap.Weakrefs.GetWeakRefCount(target) == 0 ? 1 : 0;
        list.Append(Heap.Weakrefs.Ref(target));
        return created;
    }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }
}
