using BenchmarkDotNet.Attributes;

namespace UnmanagedHeap.Bench;

/// <summary>
/// Heaps share nothing, so K heaps on K threads should give K times one heap's
/// throughput (the goal: two heaps at least 1.8× one). Each worker thread creates and owns
/// its heap and, per invocation, creates and frees <see cref="Batch"/> <c>Node(1, [])</c>s;
/// <b>OneHeap</b> runs one worker, <b>TwoHeaps</b> two at once. Both report time per Node
/// created over all heaps, so the throughput ratio is OneHeap's mean over TwoHeaps' mean
/// (BenchmarkDotNet's Ratio column, inverted). The workers
/// are started once in setup and released by a barrier each invocation (two barrier
/// crossings per 100,000 Nodes, invisible in the figure).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TwoHeapBenchmarks
{
    private const int Batch = 100_000;

    private sealed class Worker : IDisposable
    {
        private readonly Thread _thread;
        private readonly Barrier _start;
        private readonly Barrier _done;
        private volatile bool _stop;

        public Worker(Barrier start, Barrier done)
        {
            _start = start;
            _done = done;
            _thread = new Thread(Run) { IsBackground = true, Name = "heap worker" };
            _thread.Start();
        }

        private void Run()
        {
            using var heap = new Heap();
            heap.Gc.Disable();
            PyClass node = heap.DefineClass("Node", "value", "edges");
            while (true)
            {
                _start.SignalAndWait();
                if (_stop)
                {
                    return;
                }
                for (int i = 0; i < Batch; i++)
                {
                    using NewRef n = heap.New(node, heap.Int(1), heap.NewList());
                }
                _done.SignalAndWait();
            }
        }

        public void Stop()
        {
            _stop = true;
        }

        public void Dispose() => _thread.Join();
    }

    private Worker[] _workers = [];
    private Barrier _start = null!, _done = null!;

    private void Start(int heaps)
    {
        _start = new Barrier(heaps + 1);
        _done = new Barrier(heaps + 1);
        _workers = Enumerable.Range(0, heaps).Select(_ => new Worker(_start, _done)).ToArray();
    }

    [GlobalSetup(Target = nameof(OneHeap))]
    public void SetupOne() => Start(1);

    [GlobalSetup(Target = nameof(TwoHeaps))]
    public void SetupTwo() => Start(2);

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (Worker w in _workers)
        {
            w.Stop();
        }
        _start.SignalAndWait();
        foreach (Worker w in _workers)
        {
            w.Dispose();
        }
        _start.Dispose();
        _done.Dispose();
    }

    private void RunBatch()
    {
        _start.SignalAndWait();
        _done.SignalAndWait();
    }

    /// <summary>ns per Node: one heap on one thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public void OneHeap() => RunBatch();

    /// <summary>ns per Node over both heaps: Batch Nodes on each of two threads at once.</summary>
    [Benchmark(OperationsPerInvoke = 2 * Batch)]
    public void TwoHeaps() => RunBatch();
}
