using UnmanagedHeap.Inspect;
using static UnmanagedHeap.Tests.Gc.GcTestSupport;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>The seed article's story: a cycle outlives its frame, collect() reclaims it, weak edges avoid it.</summary>
public sealed class SeedStoryTests
{
    [Test]
    public void TheCycleSurvivesItsFrameAndCollectReclaimsFourObjects()
    {
        using var heap = new Heap();
        var node = DefineNode(heap);
        var (id1, id2, e1, e2) = BuildSeedCycle(heap, node);

        Assert.That(heap.Cast(id1).Get("value").AsInt64(), Is.EqualTo(1), "the cycle keeps Node 1 alive");
        Assert.That(heap.Cast(id2).Get("value").AsInt64(), Is.EqualTo(2));
        Assert.That(heap.Gc.Collections, Is.Zero);

        Assert.That(heap.Gc.Collect(), Is.EqualTo(4), "two Nodes and two edge lists");

        foreach (nint id in new[] { id1, id2, e1, e2 })
        {
            var e = Assert.Throws<InvalidAddressException>(() => heap.Cast(id))!;
            Assert.That(e.Kind, Is.EqualTo(AddressKind.FreedByCollection));
            Assert.That(e.Info.Collection, Is.EqualTo(1));
            Assert.That(e.Message, Does.Contain("freed by collection 1"));
        }
        var node1 = heap.Classify(id1);
        Assert.That(node1.TypeName, Is.EqualTo("Node"));
        Assert.That(heap.Classify(e1).TypeName, Is.EqualTo("list"));
    }

    [Test]
    public void ASecondCollectionIsNumberTwoAndFindsNothingLeft()
    {
        using var heap = new Heap();
        var node = DefineNode(heap);
        BuildSeedCycle(heap, node);
        Assert.That(heap.Gc.Collect(), Is.EqualTo(4));
        Assert.That(heap.Gc.Collect(), Is.Zero);
        var (id1, _, _, _) = BuildSeedCycle(heap, node);
        Assert.That(heap.Gc.Collect(), Is.EqualTo(4));
        Assert.That(heap.Classify(id1).Collection, Is.EqualTo(3));
        Assert.That(heap.Gc.Collections, Is.EqualTo(3));
    }

    [Test]
    public void WeakEdgesLetReferenceCountingFreeBothNodesAtOnce()
    {
        using var heap = new Heap();
        var node = DefineNode(heap);
        nint id1, id2;
        using (var frame = heap.EnterFrame())
        {
            var n1 = frame.Bind("n1", NewNode(heap, node, 1));
            var n2 = frame.Bind("n2", NewNode(heap, node, 2));
            n1.Get("edges").Append(heap.Weakrefs.Ref(n2));
            n2.Get("edges").Append(heap.Weakrefs.Ref(n1));
            id1 = heap.Id(n1);
            id2 = heap.Id(n2);
        }
        Assert.That(heap.Classify(id1).Kind, Is.EqualTo(AddressKind.FreedByRefcount));
        Assert.That(heap.Classify(id2).Kind, Is.EqualTo(AddressKind.FreedByRefcount));
        Assert.That(heap.Gc.Collections, Is.Zero, "no collection was needed");
        Assert.That(heap.Gc.Collect(), Is.Zero);
    }

    [Test]
    public void AReachableCycleIsNotCollected()
    {
        using var heap = new Heap();
        var node = DefineNode(heap);
        using var frame = heap.EnterFrame();
        var a = frame.Bind("a", NewNode(heap, node, 1));
        var b = frame.Bind("b", NewNode(heap, node, 2));
        Link(a, b);
        Link(b, a);
        frame.Unbind("b");
        Assert.That(heap.Gc.Collect(), Is.Zero);
        Assert.That(a.Get("edges")[0].Get("value").AsInt64(), Is.EqualTo(2));
        Assert.That(a.RefCount, Is.EqualTo(2), "the frame and b's edge list");
        frame.Unbind("a");
        Assert.That(heap.Gc.Collect(), Is.EqualTo(4));
    }
}
