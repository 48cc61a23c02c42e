namespace UnmanagedHeap.Tests.ObjectLayer;

/// <summary>
/// Heaps share nothing: two heaps churning Nodes, floats and tuples on two threads at once
/// each end with exactly their own objects, their own freelists and their own collections.
/// </summary>
public sealed class TwoHeapsTests
{
    private sealed record Outcome(long LiveBefore, long LiveAfter, long Parked, long Collections, long Collected, bool ForeignIdSeen);

    private static Outcome Churn(int seed, Barrier start, HashSet<nint> ownIds, Func<HashSet<nint>> otherIds)
    {
        using var heap = new Heap();
        heap.Gc.Disable(); // only the explicit collections below, so their counts are exact
        PyClass node = heap.DefineClass("Node", "value", "edges");
        heap.Gc.Collect();
        long liveBefore = heap.LiveObjects;
        var random = new Random(seed);
        start.SignalAndWait();
        long collected = 0;
        for (int round = 0; round < 200; round++)
        {
            for (int i = 0; i < 100; i++)
            {
                using NewRef a = heap.New(node, heap.Int(random.Next()), heap.NewList());
                using NewRef b = heap.New(node, heap.Float(random.NextDouble()), heap.NewList());
                a.Borrow().Get("edges").Append(b.Borrow());
                b.Borrow().Get("edges").Append(a.Borrow()); // a cycle for the collector
                using NewRef t = heap.Tuple(heap.Id(a), heap.Id(b));
                lock (ownIds)
                {
                    ownIds.Add(heap.Id(a));
                }
            }
            collected += heap.Gc.Collect(round % 3);
        }
        start.SignalAndWait(); // both heaps are done writing their id sets
        HashSet<nint> foreign = otherIds();
        bool foreignSeen;
        lock (foreign)
        {
            foreignSeen = foreign.Any(id => heap.Classify(id).Kind != Inspect.AddressKind.NotHeapMemory);
        }
        collected += heap.Gc.Collect();
        return new Outcome(liveBefore, heap.LiveObjects, heap.ParkedObjects, heap.Gc.Collections, collected, foreignSeen);
    }

    [Test]
    public void TwoHeapsOnTwoThreadsKeepEverythingToThemselves()
    {
        using var start = new Barrier(2);
        var ids = new[] { new HashSet<nint>(), new HashSet<nint>() };
        var outcomes = new Outcome?[2];
        var threads = Enumerable.Range(0, 2).Select(k => new Thread(() => outcomes[k] = Churn(k + 1, start, ids[k], () => ids[1 - k]))).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }
        foreach (Thread t in threads)
        {
            t.Join();
        }
        foreach (Outcome? o in outcomes)
        {
            Assert.That(o, Is.Not.Null, "a worker failed");
            Assert.That(o!.LiveAfter, Is.EqualTo(o.LiveBefore), "every cycle was reclaimed, by this heap's own collections");
            Assert.That(o.Collected, Is.EqualTo(200 * 100 * 4), "two Nodes and two lists per cycle");
            Assert.That(o.Collections, Is.EqualTo(1 + 200 + 1));
            Assert.That(o.Parked, Is.Zero, "the final full collection emptied this heap's freelists");
            Assert.That(o.ForeignIdSeen, Is.False, "no id of the other heap is this heap's memory");
        }
    }
}
