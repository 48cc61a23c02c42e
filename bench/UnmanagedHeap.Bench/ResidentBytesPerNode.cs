namespace UnmanagedHeap.Bench;

/// <summary>
/// Resident memory per live <c>Node(i, [next])</c>, measured as bench/cpython/rss_per_node.py
/// measures CPython 3.12: the growth of the process's resident set (/proc/self/statm) while
/// N Nodes, each with a one-edge list pointing at the next Node, are built and held by one
/// root list. Not a BenchmarkDotNet benchmark, since it measures memory once rather than
/// time repeatedly: <c>dotnet run -c Release --project bench/UnmanagedHeap.Bench -- --rss-per-node</c>.
/// </summary>
public static class ResidentBytesPerNode
{
    public const int DefaultNodes = 1_000_000;

    public static int Run(int nodes)
    {
        using var heap = new Heap();
        heap.Gc.Disable();
        PyClass node = heap.DefineClass("Node", "value", "edges");
        GC.Collect();
        long before = ResidentBytes();
        using NewRef root = heap.NewList();
        NewRef previous = default;
        for (int i = 0; i < nodes; i++)
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
        long after = ResidentBytes();
        Console.WriteLine($"resident bytes per live Node (one-edge list), {nodes} Nodes: {(double)(after - before) / nodes:F1} B " +
            $"(RSS {before / 1048576.0:F1} MiB -> {after / 1048576.0:F1} MiB, {heap.LiveObjects} live objects)");
        return 0;
    }

    private static long ResidentBytes()
    {
        string[] fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }
}
