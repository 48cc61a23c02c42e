using PyHeap.Stress;
using UnmanagedHeap;
using static UnmanagedHeap.Tests.Tools.StressRunner;

namespace UnmanagedHeap.Tests.Tools;

/// <summary><c>--heaps K</c>: K heaps on K threads, each refusing every other thread.</summary>
[NonParallelizable]
public class StressHeapsTests
{
    [Test]
    public void KHeapsRunOnKOwnerThreads()
    {
        var (code, output, error, report, _) = Stress("--shape", "nodes", "--objects", "60000", "--heaps", "3");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(report!.PerHeap, Has.Length.EqualTo(3));
        Assert.That(report.PerHeap.Select(h => h.ThreadId).Distinct().Count(), Is.EqualTo(3));
        Assert.That(report.PerHeap.Select(h => h.ThreadId), Has.None.EqualTo(Environment.CurrentManagedThreadId));
        Assert.That(report.PerHeap.Select(h => h.ObjectsCreated), Has.All.InRange(20_000, 20_004));
        Assert.That(report.ObjectsCreated, Is.EqualTo(report.PerHeap.Sum(h => h.ObjectsCreated)));
        Assert.That(report.Collections[0], Is.EqualTo(report.PerHeap.Sum(h => h.Collections[0])));
        Assert.That(output, Does.Contain("heap 2 (thread"));
    }

    [Test]
    public void AWorkersHeapRefusesAnyOtherThread()
    {
        var settings = new StressSettings { Shape = "graph", Objects = 10_000, BackLinksPercent = 20 };
        StressWorker? worker = null;
        using var built = new ManualResetEventSlim();
        using var checkedByOthers = new ManualResetEventSlim();
        var owner = new Thread(() =>
        {
            using (worker = new StressWorker(0, settings))
            {
                worker.Setup(new StopSignal());
                built.Set();
                checkedByOthers.Wait(); // the heap is disposed by its own thread
            }
        });
        owner.Start();
        built.Wait();
        try
        {
            Assert.That(worker!.OwnerThread, Is.EqualTo(owner.ManagedThreadId));
            var e = Assert.Throws<InvalidOperationException>(() => worker.Run(1000, 0, new StopSignal()));
            Assert.That(e!.Message, Does.Contain($"belongs to thread {owner.ManagedThreadId}").And.Contain("use one heap per thread"));
        }
        finally
        {
            checkedByOthers.Set();
            owner.Join();
        }
    }

    [Test]
    public void TheStressLoopAllocatesNoManagedBytesPerObject()
    {
        foreach (string shape in StressShape.Names)
        {
            var settings = new StressSettings
            {
                Shape = shape,
                Objects = 400_000,
                BackLinksPercent = StressShape.DefaultBackLinks(shape),
                WeakPercent = shape == "route-cache" ? 50 : 0,
            };
            using var worker = new StressWorker(0, settings);
            var stop = new StopSignal();
            worker.Setup(stop);
            worker.Run(20_000, 0, stop); // warm-up: tiering and first-use allocations
            // The fewest bytes of three runs: on a loaded machine tiering can finish late and
            // allocate once inside a run; an allocation per object shows in every run.
            long allocated = long.MaxValue;
            HeapResult result = default!;
            for (int run = 0; run < 3 && allocated >= 1024; run++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                result = worker.Run(400_000, 0, stop);
                allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            // The loop allocates nothing; the one result record it returns is all there is.
            Assert.That(allocated, Is.LessThan(1024), $"{shape}: {allocated} managed bytes for {result.ObjectsCreated:N0} objects");
            Assert.That(result.ObjectsCreated, Is.GreaterThanOrEqualTo(400_000));
        }
    }
}
