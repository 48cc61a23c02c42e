using BenchmarkDotNet.Attributes;

namespace UnmanagedHeap.Bench;

/// <summary>
/// The cycle collector, per object, as bench/cpython measures CPython 3.12:
/// <list type="bullet">
/// <item><b>CollectCycles</b>: N two-Node cycles (each Node with its edge list: 4 tracked
/// objects per cycle, plus the int values and item arrays they own) are dropped, then one
/// gc.collect() finds and frees them all. Reported per unreachable object reclaimed.
/// CPython 3.12 here: ~165 ns.</item>
/// <item><b>CollectLiveHeap</b>: a full collection over 1e6 live Nodes, each with a one-edge
/// list, all reachable from one list: 2e6 tracked objects, nothing to free. Reported per
/// live object scanned. CPython 3.12 here: ~58 ns.</item>
/// </list>
/// Automatic collection is off; every invocation is one collection (the cycles are rebuilt
/// before each), and its managed allocation (MemoryDiagnoser) should be 0 B. A short job:
/// one launch, 2 warm-up and 10 measured collections per case.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
[InvocationCount(1)]
public class CollectorBenchmarks
{
    private const int SmallCycles = 100_000;
    private const int LargeCycles = 1_000_000;
    private const int LiveNodes = 1_000_000;

    private Heap _heap = null!;
    private PyClass _node;
    private NewRef _root;

    [GlobalSetup]
    public void Setup()
    {
        _heap = new Heap();
        _heap.Gc.Disable();
        _node = _heap.DefineClass("Node", "value", "edges");
        _heap.Gc.Collect();
    }

    [GlobalSetup(Target = nameof(CollectLiveHeap1M))]
    public void SetupLiveHeap()
    {
        Setup();
        _root = _heap.NewList();
        NewRef previous = default;
        for (int i = 0; i < LiveNodes; i++)
        {
            NewRef node = _heap.New(_node, _heap.Int(i), _heap.NewList());
            _root.Borrow().Append(node.Borrow());
            if (i > 0)
            {
                previous.Borrow().Get("edges").Append(node.Borrow());
            }
            previous.Dispose();
            previous = node;
        }
        previous.Dispose();
        _heap.Gc.Collect(); // everything in generation 2, in its settled order
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _root.Dispose();
        _heap.Dispose();
    }

    /// <summary>Builds <paramref name="n"/> unreachable two-Node cycles, as collect_cycles.py's build_cycle.</summary>
    private void BuildCycles(int n)
    {
        for (int i = 0; i < n; i++)
        {
            using NewRef n1 = _heap.New(_node, _heap.Int(i), _heap.NewList());
            using NewRef n2 = _heap.New(_node, _heap.Int(i + 1), _heap.NewList());
            n1.Borrow().Get("edges").Append(n2.Borrow());
            n2.Borrow().Get("edges").Append(n1.Borrow());
        }
    }

    private static long Expect(long found, long expected) =>
        found == expected ? found : throw new InvalidOperationException($"collect() found {found}, expected {expected}");

    [IterationSetup(Target = nameof(CollectCycles100k))]
    public void BuildSmall() => BuildCycles(SmallCycles);

    [IterationSetup(Target = nameof(CollectCycles1M))]
    public void BuildLarge() => BuildCycles(LargeCycles);

    /// <summary>ns per unreachable object: 1e5 cycles, 4e5 objects.</summary>
    [Benchmark(OperationsPerInvoke = 4 * SmallCycles)]
    public long CollectCycles100k() => Expect(_heap.Gc.Collect(), 4L * SmallCycles);

    /// <summary>ns per unreachable object: 1e6 cycles, 4e6 objects.</summary>
    [Benchmark(OperationsPerInvoke = 4 * LargeCycles)]
    public long CollectCycles1M() => Expect(_heap.Gc.Collect(), 4L * LargeCycles);

    /// <summary>ns per live object: 1e6 Nodes + 1e6 edge lists scanned, nothing freed.</summary>
    [Benchmark(OperationsPerInvoke = 2 * LiveNodes)]
    public long CollectLiveHeap1M() => Expect(_heap.Gc.Collect(), 0);
}
