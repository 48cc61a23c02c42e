using UnmanagedHeap;

namespace PyHeap.Stress;

/// <summary>
/// <c>nodes</c>: <c>Node(i, [])</c> created and dropped. With probability --back-links a
/// step makes two Nodes that point at each other — the seed's cycle, left for the collector
/// — otherwise one Node that reference counting frees at once. Values are small ints
/// (cached, as in CPython), so a Node costs exactly its instance and its edge list.
/// </summary>
public sealed class NodesShape(Heap heap, ShapeParameters parameters) : StressShape(heap, parameters)
{
    private readonly PyClass _node = heap.DefineClass("Node", "value", "edges");
    private int _next;

    public override string Description =>
        $"Node(i, []) created and dropped; {Parameters.BackLinksPercent}% of steps make a two-Node cycle"
        + (Parameters.WeakPercent > 0 ? $" ({Parameters.WeakPercent}% of its back-links weak)" : "");

    public override int Step()
    {
        using NewRef unit = BuildUnit(out int objects);
        return objects;
    }

    public override NewRef BuildUnit(out int objects)
    {
        NewRef a = Heap.New(_node, Heap.Int(_next++ & 255), Heap.NewList());
        if (!Random.Percent(Parameters.BackLinksPercent))
        {
            objects = 2;
            return a;
        }
        using NewRef b = Heap.New(_node, Heap.Int(_next++ & 255), Heap.NewList());
        BorrowedRef first = a.Borrow();
        BorrowedRef second = b.Borrow();
        first.Get("edges").Append(second);
        objects = 4 + AppendBackLink(second.Get("edges"), first);
        return a;
    }
}
