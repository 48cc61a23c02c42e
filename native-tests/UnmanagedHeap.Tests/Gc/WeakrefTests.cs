using UnmanagedHeap.Objects;
using static UnmanagedHeap.Tests.Gc.GcTestSupport;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>Weak references and their callbacks, by reference counting and during collections (test_weakref's behaviours).</summary>
public sealed unsafe class WeakrefTests : CollectorFixture
{
    private readonly List<string> _log = [];

    [SetUp]
    public void ClearLog() => _log.Clear();

    [Test]
    public void RefsDerefCountsAndSharing()
    {
        using var n = NewNode(_heap, _node, 1);
        Assert.That(_heap.Weakrefs.GetWeakRefCount(n.Borrow()), Is.Zero);
        using (var none = _heap.Weakrefs.GetWeakRefs(n.Borrow()))
        {
            Assert.That(none.Borrow().Length, Is.Zero);
        }
        using var r1 = _heap.Weakrefs.Ref(n.Borrow());
        using var r2 = _heap.Weakrefs.Ref(n.Borrow());
        Assert.That(r2.Address, Is.EqualTo(r1.Address), "a plain ref is shared");
        Assert.That(_heap.Weakrefs.GetWeakRefCount(n.Borrow()), Is.EqualTo(1));
        using var r3 = _heap.Weakrefs.Ref(n.Borrow(), _ => { });
        Assert.That(r3.Address, Is.Not.EqualTo(r1.Address), "a ref with a callback is a new object");
        Assert.That(_heap.Weakrefs.GetWeakRefCount(n.Borrow()), Is.EqualTo(2));
        using (var refs = _heap.Weakrefs.GetWeakRefs(n.Borrow()))
        {
            Assert.That(refs.Borrow()[0].Address, Is.EqualTo(r1.Address));
            Assert.That(refs.Borrow()[1].Address, Is.EqualTo(r3.Address));
        }
        Assert.That(_heap.Weakrefs.Deref(r1.Borrow()).Address, Is.EqualTo(n.Address));
        Assert.That(_heap.Weakrefs.IsAlive(r1.Borrow()), Is.True);
        Assert.That(_heap.Gc.IsTracked(r1.Borrow()), Is.True, "weak references are containers (of their callback)");

        using var five = _heap.Int(5);
        var e = Assert.Throws<ArgumentException>(() => _heap.Weakrefs.Ref(five.Borrow()))!;
        Assert.That(e.Message, Is.EqualTo("cannot create weak reference to 'int' object"));
        Assert.That(_heap.Weakrefs.GetWeakRefCount(five.Borrow()), Is.Zero);
        Assert.Throws<ArgumentException>(() => _heap.Weakrefs.Deref(five.Borrow()));
    }

    [Test]
    public void ReferenceCountingDeathClearsAndCallsBackNewestFirst()
    {
        nint r1Address;
        NewRef r1;
        using (var n = NewNode(_heap, _node, 1))
        {
            r1 = _heap.Weakrefs.Ref(n.Borrow(), wr =>
            {
                _log.Add("gone");
                Assert.That(_heap.Weakrefs.Deref(wr).IsNone, Is.True, "the referent is already unreachable through it");
                Assert.That(_heap.Weakrefs.IsAlive(wr), Is.False);
            });
            r1Address = r1.Address;
            Assert.That(_log, Is.Empty);
        }
        Assert.That(_log, Is.EqualTo(new[] { "gone" }));
        Assert.That(_heap.Weakrefs.GetWeakRefCount(r1.Borrow()), Is.Zero);
        r1.Dispose();

        using (var m = NewNode(_heap, _node, 2))
        {
            using var a = _heap.Weakrefs.Ref(m.Borrow(), _ => _log.Add("first"));
            using var b = _heap.Weakrefs.Ref(m.Borrow(), _ => _log.Add("second"));
            using var plain = _heap.Weakrefs.Ref(m.Borrow());
            m.Dispose();
        }
        Assert.That(_log, Is.EqualTo(new[] { "gone", "second", "first" }));

        using (var k = NewNode(_heap, _node, 3))
        {
            var dropped = _heap.Weakrefs.Ref(k.Borrow(), _ => _log.Add("dropped"));
            dropped.Dispose();
        }
        Assert.That(_log, Has.Count.EqualTo(3), "a dropped weak reference never calls back");
    }

    [Test]
    public void TheCollectorClearsWeakrefsToTrashAndCallsTheirCallbacks()
    {
        NewRef wa, wb;
        using (var a = NewNode(_heap, _node, 1))
        using (var b = NewNode(_heap, _node, 2))
        {
            Link(a.Borrow(), b.Borrow());
            Link(b.Borrow(), a.Borrow());
            wa = _heap.Weakrefs.Ref(a.Borrow(), wr =>
            {
                _log.Add("callback");
                Assert.That(_heap.Weakrefs.IsAlive(wr), Is.False);
            });
            wb = _heap.Weakrefs.Ref(b.Borrow());
        }
        using (wa)
        using (wb)
        {
            Assert.That(_heap.Weakrefs.IsAlive(wa.Borrow()) && _heap.Weakrefs.IsAlive(wb.Borrow()), Is.True);
            Assert.That(_log, Is.Empty);
            Assert.That(_heap.Gc.Collect(), Is.EqualTo(4));
            Assert.That(_heap.Weakrefs.Deref(wa.Borrow()).IsNone, Is.True);
            Assert.That(_heap.Weakrefs.Deref(wb.Borrow()).IsNone, Is.True);
            Assert.That(_log, Is.EqualTo(new[] { "callback" }));
        }

        using (var c = NewNode(_heap, _node, 3))
        {
            c.Borrow().Get("edges").Append(_heap.Weakrefs.Ref(c.Borrow()));
        }
        Assert.That(_heap.Gc.Collect(), Is.Zero, "a weak self-edge does not make a cycle; refcounting freed it");
    }

    [Test]
    public void CallbacksRunInTrashOrderNewestFirstPerReferentAndBeforeFinalizers()
    {
        _heap.Gc.SetFinalizer(_node, self => _log.Add("__del__ " + self.Get("value").AsInt64()));
        var keep = new List<NewRef>();
        using (var a = NewNode(_heap, _node, 1))
        using (var b = NewNode(_heap, _node, 2))
        {
            Link(a.Borrow(), b.Borrow());
            Link(b.Borrow(), a.Borrow());
            keep.Add(_heap.Weakrefs.Ref(a.Borrow(), _ => _log.Add("a1")));
            keep.Add(_heap.Weakrefs.Ref(b.Borrow(), _ => _log.Add("b1")));
            keep.Add(_heap.Weakrefs.Ref(a.Borrow(), _ => _log.Add("a2")));
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(4));
        Assert.That(_log, Is.EqualTo(new[] { "a2", "a1", "b1", "__del__ 1", "__del__ 2" }));
        foreach (NewRef r in keep)
        {
            r.Dispose();
        }
    }

    [Test]
    public void AWeakrefThatIsTrashItselfGetsNoCallback()
    {
        using (var n = NewNode(_heap, _node, 1))
        {
            Link(n.Borrow(), n.Borrow());
            n.Borrow().Get("edges").Append(_heap.Weakrefs.Ref(n.Borrow(), _ => _log.Add("called")));
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(3), "node, edge list and the weak reference");
        Assert.That(_log, Is.Empty);
    }

    [Test]
    public void AWeakrefInTheTrashToAReachableObjectIsClearedWithoutCallback()
    {
        using var survivor = NewNode(_heap, _node, 9);
        using (var n = NewNode(_heap, _node, 1))
        {
            Link(n.Borrow(), n.Borrow());
            n.Borrow().Get("edges").Append(_heap.Weakrefs.Ref(survivor.Borrow(), _ => _log.Add("called")));
        }
        Assert.That(_heap.Weakrefs.GetWeakRefCount(survivor.Borrow()), Is.EqualTo(1));
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(3));
        Assert.That(_heap.Weakrefs.GetWeakRefCount(survivor.Borrow()), Is.Zero);
        Assert.That(_log, Is.Empty);
    }

    [Test]
    public void AReachableWeakrefFreedByItsOwnCallbackCountsAsCollected()
    {
        // As a WeakValueDictionary entry removing itself: the weak reference is held only by
        // a reachable list, and its callback removes it from that list.
        using var holder = _heap.NewList();
        using (var a = NewNode(_heap, _node, 1))
        using (var b = NewNode(_heap, _node, 2))
        {
            Link(a.Borrow(), b.Borrow());
            Link(b.Borrow(), a.Borrow());
            holder.Borrow().Append(_heap.Weakrefs.Ref(a.Borrow(), _ =>
            {
                _log.Add("remove");
                CycleTests.PopLast(holder.Borrow().Pointer);
            }));
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(5), "4 trash objects + the weak reference its callback freed");
        Assert.That(_log, Is.EqualTo(new[] { "remove" }));
        Assert.That(holder.Borrow().Length, Is.Zero);
    }

    [Test]
    public void ASurvivingWeakrefMovesToTheOlderGeneration()
    {
        using var watcher = NewNode(_heap, _node, 0);
        _heap.Gc.Collect(); // watcher in generation 2
        NewRef wr;
        using (var a = NewNode(_heap, _node, 1))
        {
            Link(a.Borrow(), a.Borrow());
            wr = _heap.Weakrefs.Ref(a.Borrow(), _ => _log.Add("cb"));
        }
        using (wr)
        {
            _heap.Gc.Collect(0);
            Assert.That(_log, Is.EqualTo(new[] { "cb" }));
            using var gen1 = _heap.Gc.GetObjects(1);
            Assert.That(Enumerable.Range(0, (int)gen1.Borrow().Length).Any(i => gen1.Borrow()[i].Address == wr.Address), Is.True);
            Assert.That(CheckGenerations(_heap), Is.Null);
        }
    }

    [Test]
    public void AThrowingCallbackIsReportedAndDoesNotStopTheOthers()
    {
        var reports = new List<string>();
        _heap.Gc.Unraisable = (context, e) => reports.Add(e.Message);
        var keep = new List<NewRef>();
        using (var a = NewNode(_heap, _node, 1))
        {
            Link(a.Borrow(), a.Borrow());
            keep.Add(_heap.Weakrefs.Ref(a.Borrow(), _ => _log.Add("one")));
            keep.Add(_heap.Weakrefs.Ref(a.Borrow(), _ => throw new InvalidOperationException("bad callback")));
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2));
        Assert.That(reports, Is.EqualTo(new[] { "bad callback" }));
        Assert.That(_log, Is.EqualTo(new[] { "one" }));
        using (var b = NewNode(_heap, _node, 2))
        {
            keep.Add(_heap.Weakrefs.Ref(b.Borrow(), _ => throw new InvalidOperationException("refcount path")));
        }
        Assert.That(reports, Is.EqualTo(new[] { "bad callback", "refcount path" }));
        foreach (NewRef r in keep)
        {
            r.Dispose();
        }
    }

    [Test]
    public void PythonCallablesGoThroughTheInvokerHook()
    {
        var calls = new List<(nint Callback, nint Weakref)>();
        _heap.Weakrefs.CallableInvoker = (callback, weakref) => calls.Add((callback.Address, weakref.Address));
        using var callable = _heap.NewList(); // any heap object stands in for a Python function
        NewRef wr;
        using (var n = NewNode(_heap, _node, 1))
        {
            Link(n.Borrow(), n.Borrow());
            wr = _heap.Weakrefs.Ref(n.Borrow(), callable.Borrow());
        }
        using (wr)
        {
            Assert.That(_heap.Gc.Collect(), Is.EqualTo(2));
            Assert.That(calls, Is.EqualTo(new[] { (callable.Address, wr.Address) }));
        }
    }

    [Test]
    public void TheCallbackObjectDiesWithItsWeakref()
    {
        using var n = NewNode(_heap, _node, 1);
        long live = _heap.LiveObjects;
        var wr = _heap.Weakrefs.Ref(n.Borrow(), _ => { });
        Assert.That(_heap.LiveObjects, Is.EqualTo(live + 2), "the weak reference and the object standing for the delegate");
        wr.Dispose();
        Assert.That(_heap.LiveObjects, Is.EqualTo(live));
    }
}
