using System.Text.RegularExpressions;
using UnmanagedHeap.Gc;
using UnmanagedHeap.Objects;
using static UnmanagedHeap.Tests.Gc.GcTestSupport;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>The rest of the gc module: referrers, referents, objects, tracking, freeze, debug flags, callbacks.</summary>
public sealed unsafe class GcSurfaceTests : CollectorFixture
{
    private static bool Holds(BorrowedRef list, nint id)
    {
        for (long i = 0; i < list.Length; i++)
        {
            if (list[i].Address == id)
            {
                return true;
            }
        }
        return false;
    }

    private static List<string> TypeNames(BorrowedRef list)
    {
        var names = new List<string>();
        for (long i = 0; i < list.Length; i++)
        {
            names.Add(list[i].TypeName);
        }
        return names;
    }

    [Test]
    public void GetReferrersFindsTheContainersPointingAtAnObject()
    {
        using var target = NewNode(_heap, _node, 1);
        using var holder = _heap.NewList();
        holder.Borrow().Append(target.Borrow());
        using var other = _heap.NewDict();
        using var key = _heap.Str("t");
        DictSet(other.Borrow(), key.Borrow(), target.Borrow());
        using var n2 = NewNode(_heap, _node, 2);
        Link(n2.Borrow(), target.Borrow());
        using (var refs = _heap.Gc.GetReferrers(target.Borrow()))
        {
            Assert.That(Holds(refs.Borrow(), holder.Address), Is.True, "list holder");
            Assert.That(Holds(refs.Borrow(), other.Address), Is.True, "dict holder");
            Assert.That(Holds(refs.Borrow(), n2.Borrow().Get("edges").Address), Is.True, "edge list");
            Assert.That(Holds(refs.Borrow(), n2.Address), Is.False, "the other node itself");
            Assert.That(refs.Borrow().Length, Is.EqualTo(3));
        }
        PyList.Clear(holder.Borrow().Pointer);
        using (var refs = _heap.Gc.GetReferrers(target.Borrow()))
        {
            Assert.That(Holds(refs.Borrow(), holder.Address), Is.False, "after clear");
        }
        PyDict.DelItem(other.Borrow().Pointer, key.Borrow().Pointer);
        using (var refs = _heap.Gc.GetReferrers(target.Address, n2.Address))
        {
            Assert.That(Holds(refs.Borrow(), other.Address), Is.False, "after del");
            Assert.That(refs.Borrow().Length, Is.EqualTo(1), "only n2's edge list refers to either");
        }
        using var lonely = NewNode(_heap, _node, 3);
        using (var refs = _heap.Gc.GetReferrers(lonely.Borrow()))
        {
            Assert.That(refs.Borrow().Length, Is.Zero);
        }
        Assert.Throws<Inspect.InvalidAddressException>(() => _heap.Gc.GetReferrers(12345));
    }

    [Test]
    public void GetReferentsFollowsTheTraverseSlots()
    {
        using var one = _heap.Int(1);
        using var two = _heap.Int(2);
        using var a = _heap.NewList();
        a.Borrow().Append(one.Borrow());
        a.Borrow().Append(two.Borrow());
        using var b = _heap.NewDict();
        using var k = _heap.Str("k");
        DictSet(b.Borrow(), k.Borrow(), a.Borrow());
        using var s = _heap.Str("s");
        using var lst = _heap.NewList();
        lst.Borrow().Append(a.Borrow());
        lst.Borrow().Append(b.Borrow());
        lst.Borrow().Append(s.Borrow());
        using (var refs = _heap.Gc.GetReferents(lst.Borrow()))
        {
            Assert.That(TypeNames(refs.Borrow()), Is.EqualTo(new[] { "str", "dict", "list" }), "list items, last to first");
            Assert.That(refs.Borrow()[2].Address, Is.EqualTo(a.Address));
        }
        using (var refs = _heap.Gc.GetReferents(b.Borrow()))
        {
            Assert.That(TypeNames(refs.Borrow()), Is.EqualTo(new[] { "list" }), "str keys are not visited");
        }
        using (var d = _heap.NewDict())
        {
            DictSet(d.Borrow(), one.Borrow(), a.Borrow());
            using var refs = _heap.Gc.GetReferents(d.Borrow());
            Assert.That(TypeNames(refs.Borrow()), Is.EqualTo(new[] { "list", "int" }), "value, then key");
        }
        using var t = _heap.Tuple(a.Address, b.Address);
        using (var refs = _heap.Gc.GetReferents(t.Borrow()))
        {
            Assert.That(TypeNames(refs.Borrow()), Is.EqualTo(new[] { "dict", "list" }));
        }
        using var n = NewNode(_heap, _node, 5);
        using (var refs = _heap.Gc.GetReferents(n.Borrow()))
        {
            Assert.That(Holds(refs.Borrow(), _node.Address), Is.True, "an instance refers to its class");
            Assert.That(Holds(refs.Borrow(), n.Borrow().Get("value").Address), Is.True);
            Assert.That(Holds(refs.Borrow(), n.Borrow().Get("edges").Address), Is.True);
        }
        using var big = _heap.Int(12345);
        using (var refs = _heap.Gc.GetReferents(big.Borrow()))
        {
            Assert.That(refs.Borrow().Length, Is.Zero, "ints refer to nothing");
        }
        using (var refs = _heap.Gc.GetReferents(a.Address, t.Address))
        {
            Assert.That(refs.Borrow().Length, Is.EqualTo(4));
        }
    }

    [Test]
    public void GetObjectsListsTrackedObjectsByGeneration()
    {
        using var n = NewNode(_heap, _node, 1);
        using var seven = _heap.Int(7);
        using var small = _heap.Tuple(seven.Address, seven.Address);
        using (var all = _heap.Gc.GetObjects())
        {
            Assert.That(Holds(all.Borrow(), n.Address), Is.True);
            Assert.That(Holds(all.Borrow(), n.Borrow().Get("edges").Address), Is.True);
            Assert.That(Holds(all.Borrow(), all.Address), Is.False, "not the result list itself");
            Assert.That(Holds(all.Borrow(), small.Address), Is.True, "a fresh tuple is tracked");
        }
        using (var g0 = _heap.Gc.GetObjects(0))
        using (var g2 = _heap.Gc.GetObjects(2))
        {
            Assert.That(Holds(g0.Borrow(), n.Address), Is.True);
            Assert.That(Holds(g2.Borrow(), n.Address), Is.False);
        }
        _heap.Gc.Collect();
        using (var g0 = _heap.Gc.GetObjects(0))
        using (var g2 = _heap.Gc.GetObjects(2))
        using (var all = _heap.Gc.GetObjects())
        {
            Assert.That(Holds(g0.Borrow(), n.Address), Is.False);
            Assert.That(Holds(g2.Borrow(), n.Address), Is.True);
            Assert.That(Holds(all.Borrow(), small.Address), Is.False, "the tuple of ints was untracked");
            Assert.That(TypeNames(all.Borrow()).Count(name => name == "Node"), Is.EqualTo(1));
        }
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _heap.Gc.GetObjects(5))!;
        Assert.That(e.Message, Does.StartWith("generation parameter must be less than the number of available generations (3)"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _heap.Gc.GetObjects(-2));
    }

    [Test]
    public void WhatIsTracked()
    {
        using var i = _heap.Int(42);
        using var f = _heap.Float(1.5);
        using var s = _heap.Str("text");
        Assert.That(_heap.Gc.IsTracked(i.Borrow()), Is.False);
        Assert.That(_heap.Gc.IsTracked(f.Borrow()), Is.False);
        Assert.That(_heap.Gc.IsTracked(s.Borrow()), Is.False);
        Assert.That(_heap.Gc.IsTracked(_heap.None), Is.False);
        Assert.That(_heap.Gc.IsTracked(_heap.True), Is.False);
        using var l = _heap.NewList();
        using var set = _heap.NewSet();
        using var d = _heap.NewDict();
        using var n = NewNode(_heap, _node, 1);
        using var empty = _heap.Tuple();
        Assert.That(_heap.Gc.IsTracked(l.Borrow()), Is.True);
        Assert.That(_heap.Gc.IsTracked(set.Borrow()), Is.True);
        Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.False, "{} starts untracked");
        Assert.That(_heap.Gc.IsTracked(n.Borrow()), Is.True);
        Assert.That(_heap.Gc.IsTracked(empty.Borrow()), Is.False, "the empty tuple");

        using var kk = _heap.Str("k");
        using var kl = _heap.Str("l");
        DictSet(d.Borrow(), kk.Borrow(), i.Borrow());
        Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.False, "after an int value");
        DictSet(d.Borrow(), kl.Borrow(), l.Borrow());
        Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.True, "after a list value");
        PyDict.DelItem(d.Borrow().Pointer, kl.Borrow().Pointer);
        Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.True, "removing it does not untrack");
    }

    [Test]
    public void CollectionsUntrackAtomicTuplesAndFullCollectionsUntrackDicts()
    {
        using var n = _heap.Int(7);
        using var n1 = _heap.Int(8);
        using var str = _heap.Str("s");
        using var t = _heap.Tuple(n.Address, n1.Address, str.Address);
        using var inner = _heap.NewList();
        inner.Borrow().Append(n.Borrow());
        using var u = _heap.Tuple(n.Address, inner.Address);
        Assert.That((_heap.Gc.IsTracked(t.Borrow()), _heap.Gc.IsTracked(u.Borrow())), Is.EqualTo((true, true)), "fresh");
        _heap.Gc.Collect();
        Assert.That((_heap.Gc.IsTracked(t.Borrow()), _heap.Gc.IsTracked(u.Borrow())), Is.EqualTo((false, true)), "after collect");

        using var w = _heap.Tuple(t.Address, n.Address);
        Assert.That(_heap.Gc.IsTracked(w.Borrow()), Is.True, "a tuple of an untracked tuple, fresh");
        _heap.Gc.Collect(0);
        Assert.That(_heap.Gc.IsTracked(w.Borrow()), Is.False, "after collect(0)");

        using var d = _heap.NewDict();
        using var ka = _heap.Str("a");
        using var listOfOne = _heap.NewList();
        DictSet(d.Borrow(), ka.Borrow(), listOfOne.Borrow());
        Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.True);
        DictSet(d.Borrow(), ka.Borrow(), n.Borrow());
        _heap.Gc.Collect(0);
        Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.True, "list replaced, after collect(0)");
        _heap.Gc.Collect(1);
        Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.True, "after collect(1)");
        _heap.Gc.Collect(2);
        Assert.That(_heap.Gc.IsTracked(d.Borrow()), Is.False, "after collect(2)");

        using var f = _heap.NewDict();
        using var fresh = _heap.Tuple(n.Address, n.Address);
        using var kk = _heap.Str("k");
        DictSet(f.Borrow(), kk.Borrow(), fresh.Borrow());
        Assert.That(_heap.Gc.IsTracked(f.Borrow()), Is.True, "a dict holding a fresh tuple");
    }

    [Test]
    public void FreezeHidesObjectsFromCollectionsUntilUnfreeze()
    {
        nint id;
        using (var a = NewNode(_heap, _node, 1))
        using (var b = NewNode(_heap, _node, 2))
        {
            Link(a.Borrow(), b.Borrow());
            Link(b.Borrow(), a.Borrow());
            id = a.Address;
            _heap.Gc.Freeze();
            Assert.That(_heap.Gc.GetFreezeCount(), Is.GreaterThan(0));
            Assert.That(_heap.Gc.GetCount().Gen0, Is.Zero);
        }
        Assert.That(_heap.Gc.Collect(), Is.Zero, "collect while frozen");
        Assert.That(IsLive(_heap, id), Is.True);
        _heap.Gc.Unfreeze();
        Assert.That(_heap.Gc.GetFreezeCount(), Is.Zero);
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(4), "collect after unfreeze");

        using (var x = _heap.NewList())
        {
            x.Borrow().Append(x.Borrow());
            _heap.Gc.Freeze();
            long frozen = _heap.Gc.GetFreezeCount();
            using var y = _heap.NewList();
            _heap.Gc.Freeze();
            Assert.That(_heap.Gc.GetFreezeCount(), Is.EqualTo(frozen + 1), "a second freeze adds the new objects");
            _heap.Gc.Unfreeze();
        }
        Assert.That(_heap.Gc.GetFreezeCount(), Is.Zero);
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1));
        Assert.That(CheckGenerations(_heap), Is.Null);
    }

    [Test]
    public void SaveAllKeepsTheTrashInGarbageUntilItIsCleared()
    {
        Assert.That(_heap.Gc.Garbage.TypeName, Is.EqualTo("list"));
        Assert.That(_heap.Gc.Garbage.Length, Is.Zero);
        _heap.Gc.SetDebug(GcDebugFlags.SaveAll);
        var (id1, id2, _, _) = BuildSeedCycle(_heap, _node);
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(4));
        BorrowedRef garbage = _heap.Gc.Garbage;
        Assert.That(garbage.Length, Is.EqualTo(4));
        Assert.That(TypeNames(garbage).Order(), Is.EqualTo(new[] { "Node", "Node", "list", "list" }));
        Assert.That(_heap.Cast(id1).Get("value").AsInt64(), Is.EqualTo(1), "saved objects are intact");
        Assert.That(_heap.Cast(id2).Get("edges")[0].Address, Is.EqualTo(id1));
        Assert.That(_heap.Gc.Collect(), Is.Zero, "collect again: gc.garbage keeps them reachable");
        Assert.That(garbage.Length, Is.EqualTo(4));
        _heap.Gc.SetDebug(GcDebugFlags.None);
        PyList.Clear(garbage.Pointer);
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(4), "freed by clearing gc.garbage");
        Assert.That(garbage.Length, Is.Zero);
        Assert.That(IsLive(_heap, id1), Is.False);
        Assert.That(GcDebugFlags.Leak, Is.EqualTo((GcDebugFlags)38));
    }

    [Test]
    public void DebugStatsPrintsCPythonsReport()
    {
        var text = new StringWriter();
        _heap.Gc.DebugOutput = text;
        using (var a = _heap.NewList())
        {
            a.Borrow().Append(a.Borrow());
        }
        _heap.Gc.SetDebug(GcDebugFlags.Stats);
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1));
        _heap.Gc.SetDebug(GcDebugFlags.None);
        Assert.That(_heap.Gc.GetDebug(), Is.EqualTo(GcDebugFlags.None));
        // gc.garbage and gc.callbacks (two lists) and the Node class (classes are tracked,
        // as in CPython) are in generation 2 since SetUp's collection.
        Assert.That(text.ToString(), Does.Match(new Regex(
            @"\Agc: collecting generation 2\.\.\.\n" +
            @"gc: objects in each generation: 1 0 3\n" +
            @"gc: objects in permanent generation: 0\n" +
            @"gc: done, 1 unreachable, 0 uncollectable, \d+\.\d{4}s elapsed\n\z")));
    }

    [Test]
    public void DebugCollectableNamesEachTrashObject()
    {
        var text = new StringWriter();
        _heap.Gc.DebugOutput = text;
        nint node, edges;
        using (var a = NewNode(_heap, _node, 1))
        {
            Link(a.Borrow(), a.Borrow());
            node = a.Address;
            edges = a.Borrow().Get("edges").Address;
        }
        _heap.Gc.SetDebug(GcDebugFlags.Collectable | GcDebugFlags.Uncollectable);
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2));
        Assert.That(text.ToString(), Is.EqualTo($"gc: collectable <list 0x{edges:x}>\ngc: collectable <Node 0x{node:x}>\n"));
        Assert.That(_heap.Gc.Garbage.Length, Is.Zero);
    }

    [Test]
    public void CallbacksSeeStartAndStopWithInfo()
    {
        var log = new List<(string, int, long, long)>();
        Action<string, GcInfo> cb = (phase, info) => log.Add((phase, info.Generation, info.Collected, info.Uncollectable));
        long nested = -1;
        Action<string, GcInfo> reentrant = (phase, _) => nested = _heap.Gc.Collect();
        _heap.Gc.Callbacks.Add(cb);
        _heap.Gc.Callbacks.Add(reentrant);
        using (var a = NewNode(_heap, _node, 1))
        {
            Link(a.Borrow(), a.Borrow());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2));
        Assert.That(nested, Is.Zero, "collect() during a collection does nothing");
        Assert.That(_heap.Gc.Collect(0), Is.Zero);
        Assert.That(_heap.Gc.Collect(1), Is.Zero);
        _heap.Gc.Callbacks.Remove(reentrant);
        _heap.Gc.Callbacks.Remove(cb);
        Assert.That(_heap.Gc.Callbacks, Is.Empty);
        Assert.That(log, Is.EqualTo(new[]
        {
            ("start", 2, 0L, 0L), ("stop", 2, 2L, 0L),
            ("start", 0, 0L, 0L), ("stop", 0, 0L, 0L),
            ("start", 1, 0L, 0L), ("stop", 1, 0L, 0L),
        }));
        _heap.Gc.Collect();
        Assert.That(log, Has.Count.EqualTo(6), "no more calls");
    }

    [Test]
    public void ScriptCallbacksAreCalledThroughTheInvoker()
    {
        var calls = new List<(nint, string, GcInfo)>();
        _heap.Gc.CallbackInvoker = (callback, phase, info) => calls.Add((callback.Address, phase, info));
        using var callable = _heap.NewList(); // stands in for a Python function
        _heap.Gc.CallbackObjects.Append(callable.Borrow());
        var order = new List<string>();
        _heap.Gc.Callbacks.Add((phase, _) => order.Add("managed " + phase));
        _heap.Gc.CallbackInvoker += (_, phase, _) => order.Add("script " + phase);
        _heap.Gc.Collect(1);
        Assert.That(calls, Is.EqualTo(new[] { (callable.Address, "start", new GcInfo(1, 0, 0)), (callable.Address, "stop", new GcInfo(1, 0, 0)) }));
        Assert.That(order, Is.EqualTo(new[] { "managed start", "script start", "managed stop", "script stop" }));
        PyList.Clear(_heap.Gc.CallbackObjects.Pointer);
    }

    [Test]
    public void AThrowingCallbackIsReported()
    {
        var reports = new List<string>();
        _heap.Gc.Unraisable = (_, e) => reports.Add(e.Message);
        _heap.Gc.Callbacks.Add((phase, _) => throw new InvalidOperationException(phase));
        Assert.That(_heap.Gc.Collect(), Is.Zero);
        Assert.That(reports, Is.EqualTo(new[] { "start", "stop" }));
    }

    [Test]
    public void TheHeapRefusesOtherThreads()
    {
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                _heap.Gc.Collect();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        thread.Start();
        thread.Join();
        Assert.That(error, Is.TypeOf<InvalidOperationException>());
    }
}
