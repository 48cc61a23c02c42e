using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Compare;

/// <summary>
/// The workloads with ordinary .NET objects: the baseline a C# programmer would write.
/// The value is a boxed long because the Python side allocates an int object for it.
/// Where the workload is about reclaiming memory (cycles, live heap, deep chain) the run
/// ends with a full blocking GC.Collect(), the .NET counterpart of freeing; elsewhere the
/// runtime collects when it likes, as it would in a real program.
/// </summary>
public sealed class ManagedWorkloads
{
    private sealed class Node
    {
        public object? Value;
        public List<Node> Edges = new();
    }

    private sealed class Link
    {
        public object? Value;
        public Link? Rest;
    }

    private sealed class TreeNode
    {
        public TreeNode? Left;
        public TreeNode? Right;
    }

    // Results land in fields so the JIT cannot drop the work.
    private Node? _sink;
    private long _check;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public double NodeCreateFree() => Measure.Seconds(() =>
    {
        for (int i = 0; i < Workloads.Nodes; i++)
        {
            _sink = new Node { Value = (long)i };
        }
        _sink = null;
    });

    public double CyclesCreateCollect() => Measure.Seconds(() =>
    {
        for (int i = 0; i < Workloads.Cycles; i++)
        {
            var n1 = new Node { Value = (long)i };
            var n2 = new Node { Value = (long)(i + 1) };
            n1.Edges.Add(n2);
            n2.Edges.Add(n1);
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    });

    /// <summary>Builds the live heap (untimed), then times the collections over it.</summary>
    public double LiveHeapCollect()
    {
        var nodes = new List<Node>(0);
        Node? previous = null;
        for (int i = 0; i < Workloads.LiveNodes; i++)
        {
            var node = new Node { Value = (long)i };
            nodes.Add(node);
            previous?.Edges.Add(node);
            previous = node;
        }
        GC.Collect();
        double seconds = Measure.Seconds(() =>
        {
            for (int c = 0; c < Workloads.LiveCollections; c++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        });
        GC.KeepAlive(nodes);
        return seconds;
    }

    public double DeepChainFree() => Measure.Seconds(() =>
    {
        for (int r = 0; r < Workloads.ChainRounds; r++)
        {
            Link? head = null;
            for (int i = 0; i < Workloads.ChainLength; i++)
            {
                head = new Link { Value = (long)i, Rest = head };
            }
            _check += head is null ? 0 : 1;
            head = null;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    });

    public double BinaryTrees() => Measure.Seconds(() =>
    {
        for (int t = 0; t < Workloads.Trees; t++)
        {
            _check += Count(Make(Workloads.TreeDepth));
        }
    });

    private static TreeNode Make(int depth) =>
        depth == 0 ? new TreeNode() : new TreeNode { Left = Make(depth - 1), Right = Make(depth - 1) };

    private static long Count(TreeNode node) =>
        node.Left is null ? 1 : 1 + Count(node.Left) + Count(node.Right!);
}
