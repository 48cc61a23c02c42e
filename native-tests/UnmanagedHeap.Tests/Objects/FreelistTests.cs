using UnmanagedHeap.Inspect;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.ObjectLayer;

/// <summary>
/// CPython 3.12's freelists: a freed float, small tuple, list or dict is parked and the
/// next one of its type (and size) gets the same id; a parked id still reads as freed.
/// </summary>
public sealed unsafe class FreelistTests
{
    private static nint IdOfFreed(Heap heap, Func<Heap, NewRef> make)
    {
        using NewRef value = make(heap);
        return heap.Id(value);
    }

    private static readonly Func<Heap, NewRef>[] Makers =
    [
        h => h.Float(2.5),
        h => h.Tuple(h.Id(h.None)),
        h => h.Tuple(h.Id(h.None), h.Id(h.True), h.Id(h.False)),
        h => h.NewList(),
        h => h.NewDict(),
    ];

    [TestCase(0, "float")]
    [TestCase(1, "tuple")]
    [TestCase(2, "tuple")]
    [TestCase(3, "list")]
    [TestCase(4, "dict")]
    public void TheNextObjectOfTheTypeReusesTheFreedId(int maker, string typeName)
    {
        using var heap = new Heap();
        nint freed = IdOfFreed(heap, Makers[maker]);
        Assert.That(heap.ParkedObjects, Is.EqualTo(1));
        AddressInfo info = heap.Classify(freed);
        Assert.That(info.Kind, Is.EqualTo(AddressKind.FreedByRefcount), info.Describe());
        Assert.That(info.Parked, Is.True);
        Assert.That(info.TypeName, Is.EqualTo(typeName));
        var e = Assert.Throws<InvalidAddressException>(() => heap.Cast(freed))!;
        Assert.That(e.Message, Does.Contain("reference count reached zero").And.Contain($"parked on the {typeName} freelist"));

        using NewRef again = Makers[maker](heap);
        Assert.That(heap.Id(again), Is.EqualTo(freed), "LIFO reuse, as CPython");
        Assert.That(heap.ParkedObjects, Is.Zero);
        Assert.That(heap.Cast(freed).Address, Is.EqualTo(freed), "alive again");
    }

    [Test]
    public void TuplesAreReusedOnlyBySameSizeTuples()
    {
        using var heap = new Heap();
        nint pair = IdOfFreed(heap, h => h.Tuple(h.Id(h.None), h.Id(h.None)));
        using NewRef single = heap.Tuple(heap.Id(heap.None));
        Assert.That(heap.Id(single), Is.Not.EqualTo(pair));
        using NewRef otherPair = heap.Tuple(heap.Id(heap.True), heap.Id(heap.False));
        Assert.That(heap.Id(otherPair), Is.EqualTo(pair));
    }

    [Test]
    public void TuplesOfMoreThanTwentyItemsAreNotParked()
    {
        using var heap = new Heap();
        nint[] items = Enumerable.Repeat(heap.Id(heap.None), Freelists.TupleMaxSaveSize + 1).ToArray();
        IdOfFreed(heap, h => h.Tuple(items));
        Assert.That(heap.ParkedObjects, Is.Zero);
        IdOfFreed(heap, h => h.Tuple(items.AsSpan(1)));
        Assert.That(heap.ParkedObjects, Is.EqualTo(1));
    }

    [Test]
    public void TheFloatFreelistHoldsAtMostCPythonsHundred()
    {
        using var heap = new Heap();
        var floats = new List<NewRef>();
        for (int i = 0; i < Freelists.FloatCapacity + 20; i++)
        {
            floats.Add(heap.Float(i));
        }
        foreach (NewRef f in floats)
        {
            f.Dispose();
        }
        Assert.That(heap.ParkedObjects, Is.EqualTo(Freelists.FloatCapacity));
        long live = heap.LiveObjects;
        using NewRef reused = heap.Float(0.5);
        Assert.That(heap.LiveObjects, Is.EqualTo(live + 1));
        Assert.That(heap.SizeOf(reused.Borrow()), Is.EqualTo(24), "sys.getsizeof does not change");
    }

    [Test]
    public void AReusedListIsEmptyTrackedAndTheSameSize()
    {
        using var heap = new Heap();
        nint freed;
        using (NewRef list = heap.NewList())
        {
            for (int i = 0; i < 9; i++)
            {
                list.Borrow().Append(heap.None);
            }
            freed = heap.Id(list);
        }
        using NewRef again = heap.NewList();
        Assert.That(heap.Id(again), Is.EqualTo(freed));
        Assert.That(heap.SizeOf(again.Borrow()), Is.EqualTo(56));
        Assert.That(heap.Gc.IsTracked(again.Borrow()), Is.True);
        Assert.That(again.Borrow().Length, Is.Zero);
    }

    [Test]
    public void AnObjectParkedByACollectionSaysWhichCollection()
    {
        using var heap = new Heap();
        heap.Gc.Disable();
        nint listId;
        using (NewRef list = heap.NewList())
        {
            list.Borrow().Append(list.Borrow()); // a self-cycle only the collector frees
            listId = heap.Id(list);
        }
        Assert.That(heap.Gc.Collect(0), Is.EqualTo(1));
        AddressInfo info = heap.Classify(listId);
        Assert.That(info.Parked, Is.True, "a young collection keeps the freelists");
        Assert.That(info.Kind, Is.EqualTo(AddressKind.FreedByCollection));
        Assert.That(info.Collection, Is.EqualTo(1));
    }

    [Test]
    public void AFullCollectionEmptiesTheFreelists()
    {
        using var heap = new Heap();
        nint floatId = IdOfFreed(heap, h => h.Float(1.25));
        IdOfFreed(heap, h => h.NewList());
        Assert.That(heap.ParkedObjects, Is.EqualTo(2));
        heap.Gc.Collect();
        Assert.That(heap.ParkedObjects, Is.Zero);
        AddressInfo info = heap.Classify(floatId);
        Assert.That(info.Kind, Is.EqualTo(AddressKind.FreedByRefcount));
        Assert.That(info.Parked, Is.False, "the block went back to the allocator");
    }

    [Test]
    public void ParkedObjectsAreNeitherTrackedNorCountedAsLive()
    {
        using var heap = new Heap();
        long objects;
        using (NewRef before = heap.Gc.GetObjects())
        {
            objects = before.Borrow().Length;
        }
        long live = heap.LiveObjects;
        IdOfFreed(heap, h => h.NewList());
        IdOfFreed(heap, h => h.NewDict());
        Assert.That(heap.LiveObjects, Is.EqualTo(live));
        using NewRef all = heap.Gc.GetObjects();
        Assert.That(all.Borrow().Length, Is.EqualTo(objects), "gc.get_objects() does not list parked objects");
    }

    [Test]
    public void TheCensusCountsParkedObjectsInRowsOfTheirOwn()
    {
        using var heap = new Heap();
        long LiveFloats() => Census.Take(heap.Allocator, heap.Addresses).SingleOrDefault(r => r.TypeName == "float").Count;
        long before = LiveFloats();
        IdOfFreed(heap, h => h.Float(3.5));
        IdOfFreed(heap, h => h.Tuple(h.Id(h.None)));
        var rows = Census.Take(heap.Allocator, heap.Addresses);
        Assert.That(rows.Single(r => r.TypeName == Census.ParkedRow("float")).Count, Is.EqualTo(1));
        Assert.That(rows.Single(r => r.TypeName == Census.ParkedRow("tuple")).Count, Is.EqualTo(1));
        Assert.That(LiveFloats(), Is.EqualTo(before));
    }

    [Test]
    public void DebugHooksBypassTheFreelistsSoUseAfterFreeIsStillFilled()
    {
        using var heap = new Heap(new HeapOptions { DebugHooks = true });
        nint freed = IdOfFreed(heap, h => h.Float(4.5));
        Assert.That(heap.ParkedObjects, Is.Zero);
        Assert.That(heap.Classify(freed).Parked, Is.False);
        Assert.That(*(byte*)(freed + 8), Is.EqualTo(0xDD), "the debug allocator filled the freed block");
    }
}
