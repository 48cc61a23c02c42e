using UnmanagedHeap.Gc;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// The heap-side debugging toolkit with objgraph's and gc's names: annotated dumps,
/// reference graphs (refs, backrefs, the last collection's garbage), backref chains,
/// census statistics and growth, objects by type, and why an object is alive. Every
/// answer is read from the heap's memory at the moment of the call. The script module
/// <c>heapdebug</c> is a thin layer over this class.
/// </summary>
public sealed unsafe class Inspector
{
    private readonly Allocator _allocator;
    private readonly AddressClassifier _addresses;
    private readonly HexDump _dump;
    private readonly Collector _gc;
    private readonly HeapState* _st;
    private readonly Func<IReadOnlyList<Root>> _hostRoots;
    private readonly Action _checkThread;
    private readonly TypeStatistics _growth = new();
    private readonly AllocationHooks _allocationHooks;

    /// <param name="hostRoots">The host's roots (the heap's open frames).</param>
    /// <param name="checkThread">Refuses use from another thread or after the heap was disposed.</param>
    public Inspector(Allocator allocator, AddressClassifier addresses, HexDump dump, Collector gc, HeapState* state,
        Func<IReadOnlyList<Root>> hostRoots, Action checkThread)
    {
        _checkThread = checkThread;
        _allocator = allocator;
        _addresses = addresses;
        _dump = dump;
        _gc = gc;
        _st = state;
        _hostRoots = hostRoots;
        _allocationHooks = new AllocationHooks(state, allocator);
    }

    // ---- Allocation tracing ----

    /// <summary>
    /// A new, stopped tracemalloc-style tracer of this heap's allocations. Several may run at
    /// once (a script's tracemalloc and <c>pyheap run --alloc-flamegraph</c>); each keeps its own traces.
    /// </summary>
    public AllocationTracer NewAllocationTracer(ICallStackSource? stacks = null)
    {
        _checkThread();
        return new AllocationTracer(_allocationHooks, _checkThread) { Stacks = stacks };
    }

    /// <summary>Puts the heap's allocator record back before the heap frees its memory.</summary>
    internal void DetachAllocationTracers() => _allocationHooks.DetachAll();

    // ---- Dumps ----

    /// <summary>heapdebug.dump / dump_address: the annotated dump of whatever is at the address.</summary>
    public string Dump(nint address)
    {
        _checkThread();
        return _dump.Annotated(address);
    }

    // ---- Graphs ----

    /// <summary>Who refers to whom, right now, over the whole heap.</summary>
    public ReferrerIndex Index()
    {
        _checkThread();
        return new ReferrerIndex(_allocator, _addresses);
    }

    /// <summary>heapdebug.refs: what the object at <paramref name="target"/> refers to and what refers to it, one labelled edge a line.</summary>
    public string RefsText(nint target)
    {
        CheckObjects([target]);
        return ReferenceListing.Format(Index(), target);
    }

    /// <summary>The objects <paramref name="objects"/> refer to, to <paramref name="maxDepth"/> references away.</summary>
    public ObjectGraph Refs(IReadOnlyCollection<nint> objects, int maxDepth = GraphBuilder.DefaultMaxDepth, int tooMany = GraphBuilder.DefaultTooMany, IReadOnlySet<nint>? ignore = null)
    {
        CheckObjects(objects);
        return GraphBuilder.Refs(Index(), objects, maxDepth, tooMany, ignore);
    }

    /// <summary>The objects that refer to <paramref name="objects"/>, to <paramref name="maxDepth"/> references away.</summary>
    public ObjectGraph Backrefs(IReadOnlyCollection<nint> objects, int maxDepth = GraphBuilder.DefaultMaxDepth, int tooMany = GraphBuilder.DefaultTooMany, IReadOnlySet<nint>? ignore = null)
    {
        CheckObjects(objects);
        return GraphBuilder.Backrefs(Index(), objects, maxDepth, tooMany, ignore);
    }

    /// <summary>objgraph.show_refs: <see cref="Refs"/> written to <paramref name="filename"/> (DOT, or rendered by Graphviz).</summary>
    public GraphOutput ShowRefs(IReadOnlyCollection<nint> objects, string filename, int maxDepth = GraphBuilder.DefaultMaxDepth, int tooMany = GraphBuilder.DefaultTooMany, IReadOnlySet<nint>? ignore = null) =>
        GraphvizRenderer.Write(Refs(objects, maxDepth, tooMany, ignore), filename);

    /// <summary>objgraph.show_backrefs: <see cref="Backrefs"/> written to <paramref name="filename"/>.</summary>
    public GraphOutput ShowBackrefs(IReadOnlyCollection<nint> objects, string filename, int maxDepth = GraphBuilder.DefaultMaxDepth, int tooMany = GraphBuilder.DefaultTooMany, IReadOnlySet<nint>? ignore = null) =>
        GraphvizRenderer.Write(Backrefs(objects, maxDepth, tooMany, ignore), filename);

    /// <summary>Every live object and the references among them (what <c>pyheap run --graph</c> draws at exit).</summary>
    public ObjectGraph LiveGraph(Func<HeapObject, bool>? include = null)
    {
        _checkThread();
        List<HeapObject> all = HeapObjects.All(_allocator, _addresses, out _, out _);
        return GraphBuilder.Among("live", all.Where(o => include == null || include(o)).Select(o => o.Address).ToList());
    }

    /// <summary>
    /// Remember each collection's unreachable set (as a graph snapshot) so it can be drawn
    /// after it was freed. Off by default: remembering costs a walk of the garbage.
    /// </summary>
    public bool RememberGarbage
    {
        get => _gc.UnreachableObserver != null;
        set
        {
            _checkThread();
            _gc.UnreachableObserver = value
                ? objects => LastGarbage = GraphBuilder.Among("garbage", objects.Count <= MaxRememberedGarbage ? objects : objects.Take(MaxRememberedGarbage).ToList())
                : null;
        }
    }

    /// <summary>
    /// A collection's garbage beyond this many objects is remembered only in part: a
    /// snapshot costs a repr per object, and no picture of more objects is readable.
    /// </summary>
    public const int MaxRememberedGarbage = 5000;

    /// <summary>The last collection that found unreachable objects, as it was before they were freed; null if none since <see cref="RememberGarbage"/>.</summary>
    public ObjectGraph? LastGarbage { get; private set; }

    /// <summary>
    /// objgraph.find_backref_chain: the shortest chain of referrers from an object for which
    /// <paramref name="predicate"/> is true down to <paramref name="target"/> (first element
    /// the found object, last the target), or just the target when none is found within
    /// <paramref name="maxDepth"/>. The predicate may run code: every object the search could
    /// reach is held by a strong reference until it ends.
    /// </summary>
    public IReadOnlyList<nint> FindBackrefChain(nint target, Func<nint, bool> predicate, int maxDepth = 20, IReadOnlySet<nint>? ignore = null)
    {
        CheckObjects([target]);
        ReferrerIndex index = Index();
        foreach (HeapObject o in index.Objects)
        {
            Refcount.Incref((PyObject*)o.Address);
        }
        try
        {
            var cameFrom = new Dictionary<nint, nint> { [target] = 0 };
            var depth = new Dictionary<nint, int> { [target] = 0 };
            var queue = new Queue<nint>();
            queue.Enqueue(target);
            while (queue.Count > 0)
            {
                nint a = queue.Dequeue();
                if (predicate(a))
                {
                    var chain = new List<nint>();
                    for (nint at = a; at != 0; at = cameFrom[at])
                    {
                        chain.Add(at);
                    }
                    return chain;
                }
                if (depth[a] >= maxDepth)
                {
                    continue;
                }
                foreach (Reference r in index.ReferrersOf(a))
                {
                    if ((ignore == null || !ignore.Contains(r.From)) && cameFrom.TryAdd(r.From, a))
                    {
                        depth[r.From] = depth[a] + 1;
                        queue.Enqueue(r.From);
                    }
                }
            }
            return [target];
        }
        finally
        {
            foreach (HeapObject o in index.Objects)
            {
                Refcount.Decref((PyObject*)o.Address);
            }
        }
    }

    // ---- Census ----

    /// <summary>The census of every live block, by type.</summary>
    public IReadOnlyList<CensusRow> Census()
    {
        _checkThread();
        return Inspect.Census.Take(_allocator, _addresses);
    }

    /// <summary>objgraph.most_common_types.</summary>
    public IReadOnlyList<(string TypeName, long Count)> MostCommonTypes(int limit = 10) => TypeStatistics.MostCommon(Census(), limit);

    /// <summary>objgraph.growth: the types whose count rose above its highest so far (the first call reports every type).</summary>
    public IReadOnlyList<TypeGrowth> Growth(int limit = 10) => _growth.Growth(Census(), limit);

    /// <summary>objgraph.by_type: the live objects whose type is named <paramref name="typeName"/> (borrowed addresses).</summary>
    public IReadOnlyList<nint> ByType(string typeName)
    {
        _checkThread();
        return HeapObjects.All(_allocator, _addresses, out _, out _).Where(o => o.TypeName == typeName).Select(o => o.Address).ToList();
    }

    /// <summary>objgraph.count: how many live objects have a type named <paramref name="typeName"/>.</summary>
    public long Count(string typeName) => ByType(typeName).Count;

    // ---- Why is it alive? ----

    /// <summary>
    /// The roots: what the host reports (C# frames' bindings, a script's globals and locals),
    /// then gc.garbage's items and the frozen generation's objects.
    /// </summary>
    public IReadOnlyList<Root> Roots(IReadOnlyList<Root>? extra = null)
    {
        _checkThread();
        var roots = new List<Root>();
        if (extra != null)
        {
            roots.AddRange(extra);
        }
        roots.AddRange(_hostRoots());
        PyObject* garbage = _gc.Garbage.Pointer;
        for (nint i = 0; i < PyList.Size(garbage); i++)
        {
            roots.Add(new Root($"gc.garbage[{i}]", (nint)PyList.Items(garbage)[i]));
        }
        PyGC_Head* frozen = &_st->permanent.head;
        for (PyGC_Head* gc = GcList.Next(frozen); gc != frozen; gc = GcList.Next(gc))
        {
            roots.Add(new Root("the frozen generation (gc.freeze)", (nint)GcList.FromGc(gc)));
        }
        return roots;
    }

    /// <summary>The shortest chain of references from a root to the object at <paramref name="target"/>.</summary>
    public AliveChain? WhyAlive(nint target, IReadOnlyList<Root>? extraRoots = null, IReadOnlySet<nint>? ignore = null)
    {
        CheckObjects([target]);
        IReadOnlyList<Root> roots = Roots(extraRoots);
        return Inspect.WhyAlive.Find(Index(), target, ignore == null ? roots : roots.Where(r => !ignore.Contains(r.Object)).ToList());
    }

    /// <summary><see cref="WhyAlive(nint, IReadOnlyList{Root}?, IReadOnlySet{nint}?)"/> as text, one reference a line.</summary>
    public string WhyAliveText(nint target, IReadOnlyList<Root>? extraRoots = null) =>
        Inspect.WhyAlive.Format(target, WhyAlive(target, extraRoots));

    private void CheckObjects(IEnumerable<nint> objects)
    {
        _checkThread();
        foreach (nint a in objects)
        {
            AddressInfo info = _addresses.Classify(a);
            if (info.Kind != AddressKind.LiveObject)
            {
                throw new InvalidAddressException(info);
            }
        }
    }
}
