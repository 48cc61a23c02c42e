using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Compare;

/// <summary>
/// The workloads through the UnmanagedHeap C# API: the same objects the Python scripts
/// make (instances of classes with inline attributes, lists, ints), on one heap per run.
/// Each run checks its result, so a broken heap shows up as an error, not a fast time.
/// </summary>
public sealed class HeapWorkloads
{
    private readonly AllocatorKind _allocator;

    public HeapWorkloads(AllocatorKind allocator) => _allocator = allocator;

    private Heap NewHeap() => new(new HeapOptions { Allocator = _allocator });

    public double NodeCreateFree()
    {
        using Heap heap = NewHeap();
        PyClass node = heap.DefineClass("Node", "value", "edges");
        return Measure.Seconds(() =>
        {
            for (int i = 0; i < Workloads.Nodes; i++)
            {
                using NewRef n = heap.New(node, heap.Int(i), heap.NewList());
            }
        });
    }

    public double CyclesCreateCollect()
    {
        using Heap heap = NewHeap();
        PyClass node = heap.DefineClass("Node", "value", "edges");
        heap.Gc.Disable();
        heap.Gc.Collect();
        long found = 0;
        double seconds = Measure.Seconds(() =>
        {
            for (int i = 0; i < Workloads.Cycles; i++)
            {
                using NewRef n1 = heap.New(node, heap.Int(i), heap.NewList());
                using NewRef n2 = heap.New(node, heap.Int(i + 1), heap.NewList());
                n1.Borrow().Get("edges").Append(n2.Borrow());
                n2.Borrow().Get("edges").Append(n1.Borrow());
            }
            found = heap.Gc.Collect();
        });
        Expect("cycles collect()", found, 4L * Workloads.Cycles);
        return seconds;
    }

    /// <summary>Builds the live heap (untimed), then times the collections over it.</summary>
    public double LiveHeapCollect()
    {
        using Heap heap = NewHeap();
        PyClass node = heap.DefineClass("Node", "value", "edges");
        heap.Gc.Disable();
        heap.Gc.Collect();
        using NewRef root = heap.NewList();
        NewRef previous = default;
        for (int i = 0; i < Workloads.LiveNodes; i++)
        {
            NewRef n = heap.New(node, heap.Int(i), heap.NewList());
            root.Borrow().Append(n.Borrow());
            if (i > 0)
            {
                previous.Borrow().Get("edges").Append(n.Borrow());
            }
            previous.Dispose();
            previous = n;
        }
        previous.Dispose();
        long freed = 0;
        double seconds = Measure.Seconds(() =>
        {
            for (int c = 0; c < Workloads.LiveCollections; c++)
            {
                freed += heap.Gc.Collect();
            }
        });
        Expect("live-heap collect()", freed, 0);
        return seconds;
    }

    public double DeepChainFree()
    {
        using Heap heap = NewHeap();
        PyClass link = heap.DefineClass("Link", "value", "rest");
        return Measure.Seconds(() =>
        {
            for (int r = 0; r < Workloads.ChainRounds; r++)
            {
                NewRef head = heap.None.NewReference();
                for (int i = 0; i < Workloads.ChainLength; i++)
                {
                    head = heap.New(link, heap.Int(i), head);
                }
                head.Dispose();
            }
        });
    }

    public double BinaryTrees()
    {
        using Heap heap = NewHeap();
        PyClass tree = heap.DefineClass("TreeNode", "left", "right");
        long total = 0;
        double seconds = Measure.Seconds(() =>
        {
            for (int t = 0; t < Workloads.Trees; t++)
            {
                using NewRef root = Make(heap, tree, Workloads.TreeDepth);
                total += Count(root.Borrow());
            }
        });
        Expect("binary-tree nodes", total, Workloads.Trees * Workloads.TreeNodes);
        return seconds;
    }

    private static NewRef Make(Heap heap, PyClass tree, int depth) =>
        depth == 0
            ? heap.New(tree, heap.None.NewReference(), heap.None.NewReference())
            : heap.New(tree, Make(heap, tree, depth - 1), Make(heap, tree, depth - 1));

    private static long Count(BorrowedRef node)
    {
        BorrowedRef left = node.Get("left");
        return left.IsNone ? 1 : 1 + Count(left) + Count(node.Get("right"));
    }

    private static void Expect(string what, long found, long expected)
    {
        if (found != expected)
        {
            throw new InvalidOperationException($"{what}: got {found}, expected {expected}");
        }
    }
}
