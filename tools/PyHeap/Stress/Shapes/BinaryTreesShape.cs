using UnmanagedHeap;

namespace PyHeap.Stress;

/// <summary>
/// <c>binary-trees</c>: Boehm's GCBench, as the Benchmarks Game runs it. One long-lived
/// tree of the maximum depth stays alive throughout; steps build, check (count) and drop
/// short-lived trees of depths 4, 6, ... up to the maximum, <c>2^(max - d + 4)</c> trees of
/// each depth, so that every depth allocates about as much. Tree nodes hold no cycles:
/// reference counting frees each tree when it is dropped.
/// </summary>
public sealed class BinaryTreesShape : StressShape
{
    public const int MinDepth = 4;
    public const int DefaultMaxDepth = 16;

    private readonly PyClass _tree;
    private NewRef _longLived;
    private int _depth = MinDepth;
    private long _left;

    public BinaryTreesShape(Heap heap, ShapeParameters parameters) : base(heap, parameters)
    {
        _tree = heap.DefineClass("TreeNode", "left", "right");
        // Depth 16 is the Benchmarks Game's usual size; a small run gets shallower trees so
        // that it still walks through every depth at least once.
        MaxDepth = DefaultMaxDepth;
        while (MaxDepth > MinDepth + 2 && ObjectsPerPass(MaxDepth) > parameters.ObjectsBudget)
        {
            MaxDepth--;
        }
        _left = Iterations(_depth);
    }

    public int MaxDepth { get; }

    public override string Description =>
        $"binary trees of depth {MinDepth} to {MaxDepth} built, checked and dropped, next to one long-lived tree of depth {MaxDepth}";

    public override long Setup(Func<bool> stop)
    {
        _longLived = Build(MaxDepth);
        return (1L << (MaxDepth + 1)) - 1;
    }

    public override int Step()
    {
        using NewRef tree = BuildUnit(out int objects);
        if (Check(tree.Borrow()) != objects)
        {
            throw new InvalidOperationException($"a tree of depth {_depth} has the wrong number of nodes");
        }
        if (--_left == 0)
        {
            _depth = _depth + 2 > MaxDepth ? MinDepth : _depth + 2;
            _left = Iterations(_depth);
        }
        return objects;
    }

    public override NewRef BuildUnit(out int objects)
    {
        objects = (1 << (_depth + 1)) - 1;
        return Build(_depth);
    }

    private long Iterations(int depth) => 1L << (MaxDepth - depth + MinDepth);

    /// <summary>Objects in one pass over every depth: about 2^(max + 5) per depth.</summary>
    private static long ObjectsPerPass(int maxDepth)
    {
        long total = 0;
        for (int d = MinDepth; d <= maxDepth; d += 2)
        {
            total += (1L << (maxDepth - d + MinDepth)) * ((1L << (d + 1)) - 1);
        }
        return total;
    }

    private NewRef Build(int depth) =>
        depth == 0
            ? Heap.New(_tree, Heap.None.NewReference(), Heap.None.NewReference())
            : Heap.New(_tree, Build(depth - 1), Build(depth - 1));

    /// <summary>The benchmark's check: the nodes of a tree, counted by walking it.</summary>
    private static int Check(BorrowedRef node)
    {
        BorrowedRef left = node.Get("left");
        return left.IsNone ? 1 : 1 + Check(left) + Check(node.Get("right"));
    }

    public override void Dispose()
    {
        _longLived.Dispose();
        base.Dispose();
    }
}
