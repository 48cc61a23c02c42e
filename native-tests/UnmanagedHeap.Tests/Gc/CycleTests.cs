using UnmanagedHeap.Objects;
using static UnmanagedHeap.Tests.Gc.GcTestSupport;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>
/// What collect() finds, counted as CPython 3.12 counts it (the expected numbers are those
/// of native-tests/conformance/gc_*.out, produced by CPython 3.12).
/// </summary>
public sealed unsafe class CycleTests : CollectorFixture
{
    [Test]
    public void SelfReferencingListIsOneObject()
    {
        nint id;
        using (var a = _heap.NewList())
        {
            a.Borrow().Append(a.Borrow());
            id = a.Address;
        }
        Assert.That(IsLive(_heap, id), Is.True, "the list keeps itself alive");
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1));
        Assert.That(IsLive(_heap, id), Is.False);
    }

    [Test]
    public void SelfReferencingDictIsOneObject()
    {
        using (var d = _heap.NewDict())
        {
            using var key = _heap.Str("d");
            DictSet(d.Borrow(), key.Borrow(), d.Borrow());
            Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.True);
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1));
    }

    [Test]
    public void SelfReferencingInstanceCountsTheInstanceAndItsEdgeList()
    {
        using (var n = NewNode(_heap, _node, 1))
        {
            Link(n.Borrow(), n.Borrow());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2), "node + list");

        using (var n = NewNode(_heap, _node, 2))
        {
            PyInstance.GetDict(n.Borrow().Pointer); // reading __dict__ materialises a real dict
            Link(n.Borrow(), n.Borrow());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(3), "node + list + dict");

        using (var m = NewNode(_heap, _node, 3))
        {
            m.Borrow().Set("value", m.Borrow().NewReference()); // m.value = m: an inline-attribute cycle
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2), "node + its empty list");
    }

    [Test]
    public void CyclesThroughTuplesSetsDictsAndInstancesCountEachContainerOnce()
    {
        var box = _heap.DefineClass("Box", "items");

        using (var lst = _heap.NewList())
        {
            using var one = _heap.Int(1);
            using var t = _heap.Tuple(lst.Address, one.Address);
            lst.Borrow().Append(t.Borrow());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2), "list <-> tuple");

        using (var b = _heap.New(box))
        {
            using var s = _heap.NewSet();
            PySet.Add(s.Borrow().Pointer, b.Borrow().Pointer);
            b.Borrow().Set("items", s.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2), "instance <-> set");

        using (var b = _heap.New(box))
        {
            using var d = _heap.NewDict();
            using var more = _heap.NewList();
            using var inner = _heap.Tuple(b.Address);
            more.Borrow().Append(b.Borrow());
            more.Borrow().Append(inner.Borrow());
            using var kBox = _heap.Str("box");
            using var kMore = _heap.Str("more");
            DictSet(d.Borrow(), kBox.Borrow(), b.Borrow());
            DictSet(d.Borrow(), kMore.Borrow(), more.Borrow());
            b.Borrow().Set("items", d.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(4), "instance -> dict -> list, tuple");

        using (var a = _heap.New(box))
        using (var c = _heap.New(box))
        {
            using var items = _heap.NewList();
            items.Borrow().Append(c.Borrow());
            a.Borrow().Set("items", items.Borrow().NewReference());
            using var back = _heap.Tuple(a.Address);
            using var d = _heap.NewDict();
            using var kBack = _heap.Str("back");
            DictSet(d.Borrow(), kBack.Borrow(), back.Borrow());
            c.Borrow().Set("items", d.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(5), "two boxes");
    }

    [Test]
    public void ManyKindsOfGarbageInOneCollection()
    {
        using (var frame = _heap.EnterFrame())
        {
            for (int i = 0; i < 10; i++)
            {
                var a = frame.Bind("a", NewNode(_heap, _node, i));
                var b = frame.Bind("b", NewNode(_heap, _node, i));
                Link(a, b);
                Link(b, a);
            }
            for (int i = 0; i < 5; i++)
            {
                var x = frame.Bind("x", _heap.NewList());
                x.Append(x);
            }
            for (int i = 0; i < 3; i++)
            {
                var d = frame.Bind("d", _heap.NewDict());
                using var key = _heap.Int(i);
                DictSet(d, key.Borrow(), d);
            }
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(48), "10 node pairs, 5 lists, 3 dicts");
        Assert.That(_heap.Gc.Collect(), Is.Zero, "nothing left");
        for (int i = 0; i < 100; i++)
        {
            using var n = NewNode(_heap, _node, i);
            Link(n.Borrow(), n.Borrow());
        }
        Assert.That(_heap.Gc.Collect(0), Is.EqualTo(200), "100 self-loops");
    }

    [Test]
    public void SurvivorsMoveToOlderGenerations()
    {
        (nint, nint) MakeCycle(Frame? keepIn)
        {
            using var frame = _heap.EnterFrame();
            var a = frame.Bind("a", NewNode(_heap, _node, 1));
            var b = frame.Bind("b", NewNode(_heap, _node, 2));
            Link(a, b);
            Link(b, a);
            keepIn?.Bind("keep", a.NewReference());
            return (a.Address, b.Address);
        }

        using var outer = _heap.EnterFrame();
        MakeCycle(null);
        Assert.That(_heap.Gc.Collect(0), Is.EqualTo(4), "garbage made after a full collection is in generation 0");
        MakeCycle(outer);
        Assert.That(_heap.Gc.Collect(0), Is.Zero, "reachable");
        outer.Unbind("keep");
        Assert.That(_heap.Gc.Collect(0), Is.Zero, "the cycle is in generation 1 now");
        Assert.That(_heap.Gc.Collect(1), Is.EqualTo(4));
        MakeCycle(outer);
        _heap.Gc.Collect(0);
        _heap.Gc.Collect(1);
        outer.Unbind("keep");
        Assert.That(_heap.Gc.Collect(0), Is.Zero);
        Assert.That(_heap.Gc.Collect(1), Is.Zero);
        Assert.That(_heap.Gc.Collect(2), Is.EqualTo(4), "survived two collections: generation 2");
        Assert.That(_heap.Gc.Collect(), Is.Zero);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _heap.Gc.Collect(3))!;
        Assert.That(e.Message, Does.StartWith("invalid generation"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _heap.Gc.Collect(-1));
    }

    [Test]
    public void CountsFollowAllocationsAndCollections()
    {
        Assert.That(_heap.Gc.GetCount(), Is.EqualTo((0, 0, 0)), "right after collect");
        using var keep = _heap.NewList();
        var empty = _heap.DefineClass("Empty"); // a class is a GC allocation too, as in CPython
        int before = _heap.Gc.GetCount().Gen0;
        for (int i = 0; i < 100; i++)
        {
            keep.Borrow().Append(_heap.New(empty));
        }
        Assert.That(_heap.Gc.GetCount().Gen0 - before, Is.EqualTo(100));
        // del keep[:50]: drop the first 50 (the instances are freed, each uncounting one allocation)
        for (int i = 0; i < 50; i++)
        {
            PopLast(keep.Borrow().Pointer);
        }
        Assert.That(_heap.Gc.GetCount().Gen0 - before, Is.EqualTo(50));
        Assert.That(_heap.Gc.GetCount().Gen1, Is.Zero);
        _heap.Gc.Collect(0);
        Assert.That(_heap.Gc.GetCount().Gen1, Is.EqualTo(1));
        _heap.Gc.Collect(0);
        Assert.That(_heap.Gc.GetCount().Gen1, Is.EqualTo(2));
        _heap.Gc.Collect(1);
        Assert.That(_heap.Gc.GetCount(), Is.EqualTo((0, 0, 1)));
        _heap.Gc.Collect();
        Assert.That(_heap.Gc.GetCount(), Is.EqualTo((0, 0, 0)));
    }

    [Test]
    public void ThresholdsAreCPythonsAndCanBeSetPartially()
    {
        using var heap = new Heap();
        Assert.That(heap.Gc.GetThreshold(), Is.EqualTo((700, 10, 10)));
        heap.Gc.SetThreshold(1000);
        Assert.That(heap.Gc.GetThreshold(), Is.EqualTo((1000, 10, 10)));
        heap.Gc.SetThreshold(500, 5);
        Assert.That(heap.Gc.GetThreshold(), Is.EqualTo((500, 5, 10)));
        heap.Gc.SetThreshold(100, 20, 30);
        Assert.That(heap.Gc.GetThreshold(), Is.EqualTo((100, 20, 30)));
    }

    [Test]
    public void EnableDisableAndCollectWhileDisabled()
    {
        using var heap = new Heap();
        Assert.That(heap.Gc.IsEnabled(), Is.True);
        heap.Gc.Disable();
        heap.Gc.Disable();
        Assert.That(heap.Gc.IsEnabled(), Is.False);
        heap.Gc.Collect();
        using (var a = heap.NewList())
        {
            a.Borrow().Append(a.Borrow());
        }
        Assert.That(heap.Gc.Collect(), Is.EqualTo(1));
        heap.Gc.Enable();
        Assert.That(heap.Gc.IsEnabled(), Is.True);
    }

    [Test]
    public void StatsCountCollectionsAndCollectedPerGeneration()
    {
        var before = _heap.Gc.GetStats();
        Assert.That(before, Has.Count.EqualTo(3));
        using (var a = _heap.NewList())
        {
            a.Borrow().Append(a.Borrow());
        }
        using (var b = _heap.NewDict())
        {
            using var key = _heap.Str("b");
            DictSet(b.Borrow(), key.Borrow(), b.Borrow());
        }
        Assert.That(_heap.Gc.Collect(0), Is.EqualTo(2));
        var mid = _heap.Gc.GetStats();
        Assert.That(mid[0].Collections - before[0].Collections, Is.EqualTo(1));
        Assert.That(mid[0].Collected - before[0].Collected, Is.EqualTo(2));
        Assert.That(mid[2].Collections - before[2].Collections, Is.Zero);
        using (var c = _heap.NewList())
        {
            c.Borrow().Append(_heap.NewList());
            c.Borrow().Append(_heap.NewList());
            c.Borrow()[0].Append(c.Borrow());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(3));
        var after = _heap.Gc.GetStats();
        Assert.That(after[2].Collections - mid[2].Collections, Is.EqualTo(1));
        Assert.That(after[2].Collected - mid[2].Collected, Is.EqualTo(3));
        Assert.That(after[2].Uncollectable - mid[2].Uncollectable, Is.Zero);
    }

    [Test]
    public void AllocationPastTheThresholdCollectsAutomatically()
    {
        _heap.Gc.Enable();
        _heap.Gc.SetThreshold(10);
        nint id;
        using var watch = CycleWatchedByWeakref(out id);
        using var junk = _heap.NewList();
        Assert.That(_heap.Weakrefs.IsAlive(watch.Borrow()), Is.True, "alive right after the last reference went");
        long collectionsBefore = _heap.Gc.Collections;
        for (int i = 0; i < 200; i++)
        {
            junk.Borrow().Append(NewNode(_heap, _node, i));
        }
        Assert.That(_heap.Weakrefs.IsAlive(watch.Borrow()), Is.False, "alive after many allocations");
        Assert.That(_heap.Gc.Collections, Is.GreaterThan(collectionsBefore));

        _heap.Gc.Disable();
        using var watch2 = CycleWatchedByWeakref(out id);
        for (int i = 0; i < 200; i++)
        {
            junk.Borrow().Append(NewNode(_heap, _node, i));
        }
        Assert.That(_heap.Weakrefs.IsAlive(watch2.Borrow()), Is.True, "disabled: still alive");
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2), "collected by hand");
    }

    [Test]
    public void AutomaticCollectionsPickTheOldestGenerationOverItsThreshold()
    {
        _heap.Gc.SetThreshold(5, 2, 1);
        _heap.Gc.Enable();
        var log = new List<int>();
        _heap.Gc.Callbacks.Add((phase, info) =>
        {
            if (phase == "start")
            {
                log.Add(info.Generation);
            }
        });
        using var keep = _heap.NewList();
        for (int i = 0; i < 200; i++)
        {
            keep.Borrow().Append(_heap.New(_node)); // a safe point before each allocation
        }
        // Generation 0 collects when its count passes 5, generation 1 each third such time,
        // generation 2 when generation 1 has been collected twice and the survivors of
        // generation-1 collections reach a quarter of those of the last full collection.
        Assert.That(log.Take(9), Is.EqualTo(new[] { 0, 0, 0, 1, 0, 0, 0, 1, 2 }), string.Join(",", log));
    }

    private NewRef CycleWatchedByWeakref(out nint id)
    {
        using var a = NewNode(_heap, _node, 1);
        Link(a.Borrow(), a.Borrow());
        id = a.Address;
        return _heap.Weakrefs.Ref(a.Borrow());
    }

    /// <summary>Removes a list's last item (the list drops its reference).</summary>
    internal static void PopLast(PyObject* list)
    {
        var l = (PyListObject*)list;
        nint n = l->ob_base.ob_size;
        PyObject* item = l->ob_item[n - 1];
        l->ob_item[n - 1] = null;
        l->ob_base.ob_size = n - 1;
        Refcount.Decref(item);
    }
}
