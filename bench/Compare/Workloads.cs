namespace UnmanagedHeap.Compare;

/// <summary>
/// The sizes of the shared workloads. They must match the scripts under bench/cpython,
/// which CPython and <c>pyheap run</c> execute; bench/compare.py divides every side's time
/// by the same operation counts.
/// </summary>
public static class Workloads
{
    /// <summary>create_drop_nodes.py: Node(i) with an empty edge list, created and dropped.</summary>
    public const int Nodes = 1_000_000;

    /// <summary>collect_cycles.py: two-Node cycles built with automatic collection off, then one collect.</summary>
    public const int Cycles = 500_000;

    /// <summary>collect_live_heap.py: live Nodes, each with a one-edge list, held by one list.</summary>
    public const int LiveNodes = 1_000_000;

    /// <summary>collect_live_heap.py: full collections over the live heap, nothing to free.</summary>
    public const int LiveCollections = 10;

    /// <summary>deep_chain_free.py: links per chain, and chains built and freed.</summary>
    public const int ChainLength = 1_000_000;

    public const int ChainRounds = 3;

    /// <summary>binary_trees_16.py: depth and number of trees built, walked and dropped.</summary>
    public const int TreeDepth = 16;

    public const int Trees = 10;

    public const long TreeNodes = (1L << (TreeDepth + 1)) - 1;
}
