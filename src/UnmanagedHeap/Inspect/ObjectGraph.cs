namespace UnmanagedHeap.Inspect;

/// <summary>One object in a reference graph, as it was when the graph was taken.</summary>
public sealed record GraphNode(nint Address, string TypeName, long RefCount, string Repr, bool IsStart);

/// <summary>
/// A snapshot of part of the object graph: objects and the labelled references between
/// them. Managed data only, so it can outlive the objects (the garbage of a collection is
/// drawn after it was freed).
/// </summary>
public sealed class ObjectGraph(string name, IReadOnlyList<GraphNode> nodes, IReadOnlyList<Reference> edges)
{
    public string Name { get; } = name;
    public IReadOnlyList<GraphNode> Nodes { get; } = nodes;
    public IReadOnlyList<Reference> Edges { get; } = edges;

    public GraphNode? Node(nint address) => Nodes.FirstOrDefault(n => n.Address == address);
}
