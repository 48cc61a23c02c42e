using UnmanagedHeap;

namespace PyHeap.Stress;

/// <summary>
/// <c>graph</c>: random graphs of <see cref="Size"/> Nodes. Each Node but the first hangs
/// off a random earlier one (a random tree, reachable from Node 0) and gets one more
/// random forward edge; with probability --back-links a child also points back at its
/// parent, which makes a cycle that only the collector can reclaim once the graph is dropped.
/// </summary>
public sealed unsafe class GraphShape : StressShape
{
    public const int Size = 64;

    private readonly PyClass _node;
    private readonly NewRef[] _nodes = new NewRef[Size];

    public GraphShape(Heap heap, ShapeParameters parameters) : base(heap, parameters)
    {
        _node = heap.DefineClass("Node", "value", "edges");
    }

    public override string Description =>
        $"random graphs of {Size} Nodes (a random tree plus one random forward edge each); {Parameters.BackLinksPercent}% of children point back at their parent"
        + (Parameters.WeakPercent > 0 ? $", {Parameters.WeakPercent}% of those weakly" : "");

    public override int Step()
    {
        using NewRef root = BuildUnit(out int objects);
        return objects;
    }

    public override NewRef BuildUnit(out int objects)
    {
        int created = 0;
        for (int i = 0; i < Size; i++)
        {
            _nodes[i] = Heap.New(_node, Heap.Int(i), Heap.NewList());
            created += 2;
            if (i == 0)
            {
                continue;
            }
            BorrowedRef child = _nodes[i].Borrow();
            BorrowedRef parent = _nodes[Random.Below(i)].Borrow();
            parent.Get("edges").Append(child);
            _nodes[Random.Below(i)].Borrow().Get("edges").Append(child);
            if (Random.Percent(Parameters.BackLinksPercent))
            {
                created += AppendBackLink(child.Get("edges"), parent);
            }
        }
        // Node 0 reaches every other Node; the array lets go of them.
        for (int i = 1; i < Size; i++)
        {
            _nodes[i].Dispose();
        }
        objects = created;
        NewRef root = _nodes[0];
        _nodes[0] = default;
        return root;
    }

    public override void Dispose()
    {
        foreach (ref NewRef n in _nodes.AsSpan())
        {
            n.Dispose();
        }
        base.Dispose();
    }
}
