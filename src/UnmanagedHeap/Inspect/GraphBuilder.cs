using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// Builds objgraph-style graphs: what some objects refer to (<see cref="Refs"/>) or what
/// refers to them (<see cref="Backrefs"/>), breadth first up to a depth. Type objects are
/// drawn but not expanded (every instance refers to its class: expanding it would pull in
/// the whole heap), and a node with more than <c>tooMany</c> references is not expanded
/// either, as objgraph does.
/// </summary>
public static unsafe class GraphBuilder
{
    public const int DefaultMaxDepth = 3;
    public const int DefaultTooMany = 10;

    public static ObjectGraph Refs(ReferrerIndex index, IReadOnlyCollection<nint> starts, int maxDepth = DefaultMaxDepth,
        int tooMany = DefaultTooMany, IReadOnlySet<nint>? ignore = null) =>
        Walk("refs", starts, maxDepth, tooMany, ignore, a => index.ReferentsOf(a), r => r.To);

    public static ObjectGraph Backrefs(ReferrerIndex index, IReadOnlyCollection<nint> starts, int maxDepth = DefaultMaxDepth,
        int tooMany = DefaultTooMany, IReadOnlySet<nint>? ignore = null) =>
        Walk("backrefs", starts, maxDepth, tooMany, ignore, a => index.ReferrersOf(a), r => r.From);

    /// <summary>A graph of exactly <paramref name="objects"/> and the references among them.</summary>
    public static ObjectGraph Among(string name, IReadOnlyCollection<nint> objects)
    {
        var set = new HashSet<nint>(objects);
        var nodes = new List<GraphNode>();
        var edges = new List<Reference>();
        foreach (nint a in objects)
        {
            nodes.Add(Snapshot(a, isStart: false));
            var op = (PyObject*)a;
            if (GcList.IsGcType(op->ob_type))
            {
                edges.AddRange(ReferenceWalk.Referents(op).Where(r => set.Contains(r.To)));
            }
        }
        return new ObjectGraph(name, nodes, edges);
    }

    private static ObjectGraph Walk(string name, IReadOnlyCollection<nint> starts, int maxDepth, int tooMany, IReadOnlySet<nint>? ignore,
        Func<nint, IReadOnlyList<Reference>> next, Func<Reference, nint> other)
    {
        var depth = new Dictionary<nint, int>();
        var nodes = new List<GraphNode>();
        var edges = new List<Reference>();
        var queue = new Queue<nint>();
        foreach (nint s in starts)
        {
            if (depth.TryAdd(s, 0))
            {
                nodes.Add(Snapshot(s, isStart: true));
                queue.Enqueue(s);
            }
        }
        while (queue.Count > 0)
        {
            nint a = queue.Dequeue();
            int d = depth[a];
            IReadOnlyList<Reference> refs = next(a);
            bool expand = d < maxDepth && (d == 0 || !IsType(a)) && refs.Count <= Math.Max(tooMany, d == 0 ? int.MaxValue : tooMany);
            if (!expand)
            {
                continue;
            }
            foreach (Reference r in refs)
            {
                nint b = other(r);
                if (ignore != null && ignore.Contains(b))
                {
                    continue;
                }
                edges.Add(r);
                if (depth.TryAdd(b, d + 1))
                {
                    nodes.Add(Snapshot(b, isStart: false));
                    queue.Enqueue(b);
                }
            }
        }
        return new ObjectGraph(name, nodes, edges);
    }

    private static bool IsType(nint a)
    {
        var op = (PyObject*)a;
        return op->ob_type == op->ob_type->tp_heap->type_type;
    }

    /// <summary>A node as the object is now: type, address, refcount, short repr.</summary>
    public static GraphNode Snapshot(nint address, bool isStart)
    {
        var op = (PyObject*)address;
        return new GraphNode(address, TypeRegistry.NameOf(op->ob_type), op->ob_refcnt, ShortRepr.Of(op), isStart);
    }
}
