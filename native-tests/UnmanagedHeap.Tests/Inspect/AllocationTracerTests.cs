using UnmanagedHeap.Inspect;
using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Inspection;

/// <summary>The C# tracemalloc: traces at the heap's allocation points, with real sizes and a host's stacks.</summary>
public unsafe class AllocationTracerTests
{
    /// <summary>A host stack the test moves by hand: the frames the next allocation is made under.</summary>
    private sealed class FakeStack : ICallStackSource
    {
        public AllocationFrame[] Frames { get; set; } = [];

        public int CaptureStack(Span<AllocationFrame> frames, out int total)
        {
            total = Frames.Length;
            int n = Math.Min(frames.Length, Frames.Length);
            Frames.AsSpan(0, n).CopyTo(frames);
            return n;
        }
    }

    [Test]
    public void RecordsEachBlockWithTheSizeTheAllocatorHandedOutAndTheStackThatAskedForIt()
    {
        using var heap = new Heap();
        var stack = new FakeStack { Frames = [new("a.py", 3, "make")] };
        AllocationTracer tracer = heap.Inspector.NewAllocationTracer(stack);
        tracer.Start(frameLimit: 4);
        using NewRef first = heap.NewList();
        stack.Frames = [new("a.py", 7, "other"), new("a.py", 12, "<module>")];
        using NewRef second = heap.NewList();

        List<AllocationTrace> traces = tracer.Snapshot();
        AllocationTraceback tb1 = tracer.TracebackOf(first.Address - 16)!;
        AllocationTraceback tb2 = tracer.TracebackOf(second.Address - 16)!;
        Assert.That(tb1.Frames, Is.EqualTo(new AllocationFrame[] { new("a.py", 3, "make") }));
        Assert.That(tb2.Frames.Select(f => f.Line), Is.EqualTo(new[] { 7, 12 }));
        Assert.That(tb2.TotalFrames, Is.EqualTo(2));
        foreach (AllocationTrace t in traces)
        {
            BlockLookup at = heap.Allocator.Lookup(t.Block);
            Assert.That(at.State, Is.EqualTo(BlockState.LiveStart));
            Assert.That(t.Size, Is.EqualTo((long)at.BlockSize), "the allocator's block size, not the request");
        }
        Assert.That(tracer.CurrentBytes, Is.EqualTo(traces.Sum(t => t.Size)));
        Assert.That(traces.Count(t => t.Traceback == tb1), Is.EqualTo(1), "one list object; an empty list has no item array");
    }

    [Test]
    public void FreedBlocksLeaveTheTracesAndThePeakViewKeepsWhatWasLiveAtThePeak()
    {
        using var heap = new Heap(new HeapOptions { DebugHooks = true }); // no freelists: a dead list is freed
        var stack = new FakeStack { Frames = [new("p.py", 1, "<module>")] };
        AllocationTracer tracer = heap.Inspector.NewAllocationTracer(stack);
        tracer.Start();
        var lists = new List<NewRef>();
        for (int i = 0; i < 50; i++)
        {
            lists.Add(heap.NewList());
        }
        long atPeak = tracer.CurrentBytes;
        foreach (NewRef l in lists)
        {
            l.Dispose();
        }
        stack.Frames = [new("p.py", 2, "<module>")];
        using NewRef later = heap.NewList(); // from the freelist or a fresh block; below the peak either way

        Assert.That(tracer.PeakBytes, Is.EqualTo(atPeak));
        Assert.That(tracer.CurrentBytes, Is.LessThan(atPeak));
        List<AllocationTrace> peak = tracer.PeakSnapshot();
        Assert.That(peak.Sum(t => t.Size), Is.EqualTo(tracer.PeakBytes));
        Assert.That(peak.All(t => t.Traceback.Frames[0].Line == 1), Is.True, "line 2 came after the peak");
        tracer.ResetPeak();
        Assert.That(tracer.PeakBytes, Is.EqualTo(tracer.CurrentBytes));
    }

    [Test]
    public void StoppingPutsTheHeapsOwnAllocatorRecordBack()
    {
        using var heap = new Heap();
        nint malloc = (nint)heap.NativeState->allocator.Malloc;
        AllocationTracer a = heap.Inspector.NewAllocationTracer();
        AllocationTracer b = heap.Inspector.NewAllocationTracer();
        a.Start();
        b.Start();
        Assert.That((nint)heap.NativeState->allocator.Malloc, Is.Not.EqualTo(malloc));
        using NewRef list = heap.NewList();
        Assert.That(a.LiveBlocks, Is.EqualTo(1));
        Assert.That(b.LiveBlocks, Is.EqualTo(1), "two tracers see the same blocks");
        a.Stop();
        Assert.That(a.LiveBlocks, Is.EqualTo(0), "stop forgets the traces");
        Assert.That((nint)heap.NativeState->allocator.Malloc, Is.Not.EqualTo(malloc), "b still traces");
        b.Stop();
        Assert.That((nint)heap.NativeState->allocator.Malloc, Is.EqualTo(malloc));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Start(0));
    }
}
