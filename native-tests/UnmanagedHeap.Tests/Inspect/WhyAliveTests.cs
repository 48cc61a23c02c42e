using UnmanagedHeap.Gc;
using UnmanagedHeap.Inspect;

namespace UnmanagedHeap.Tests.Inspection;

/// <summary>why_alive on graphs whose shortest root paths are known.</summary>
public unsafe class WhyAliveTests
{
    private Heap _heap = null!;
    private PyClass _node;

    [SetUp]
    public void SetUp()
    {
        _heap = new Heap();
        _node = _heap.DefineClass("Node", "value", "edges");
    }

    [TearDown]
    public void TearDown() => _heap.Dispose();

    [Test]
    public void FindsTheShortestChainFromAFrameLocal()
    {
        using var frame = _heap.EnterFrame();
        BorrowedRef target = frame.Bind("target_holder", _heap.NewList());
        BorrowedRef far = frame.Bind("far", _heap.New(_node, _heap.Int(0), _heap.NewList()));
        BorrowedRef node = frame.Bind("tmp", _heap.New(_node));
        // far -> .edges -> [0] -> list -> [0] -> node   (3 steps)
        BorrowedRef middle = _heap.Cast(far.Get("edges").Address);
        using NewRef inner = _heap.NewList();
        inner.Borrow().Append(node);
        middle.Append(inner.Borrow());
        // target_holder -> [0] -> node   (1 step)
        target.Append(node);
        frame.Unbind("tmp");

        AliveChain chain = _heap.Inspector.WhyAlive(node.Address)!;
        Assert.That(chain.Root.Description, Is.EqualTo("local 'target_holder' of frame 1"));
        Assert.That(chain.Steps.Select(s => s.Label), Is.EqualTo(new[] { "[0]" }));
        Assert.That(chain.Steps[^1].To, Is.EqualTo(node.Address));

        UnmanagedHeap.Objects.PyList.Clear(target.Pointer);
        AliveChain longer = _heap.Inspector.WhyAlive(node.Address)!;
        Assert.That(longer.Root.Description, Is.EqualTo("local 'far' of frame 1"));
        Assert.That(longer.Steps.Select(s => s.Label), Is.EqualTo(new[] { ".edges", "[0]", "[0]" }));
        string text = _heap.Inspector.WhyAliveText(node.Address);
        Assert.That(text, Does.Contain("local 'far' of frame 1"));
        Assert.That(text, Does.Contain("-> .edges -> list"));
    }

    [Test]
    public void WithoutRootsTheHolderWithOutsideReferencesIsTheRoot()
    {
        using NewRef held = _heap.NewList();        // a C# reference: outside the heap
        using NewRef node = _heap.New(_node);
        held.Borrow().Append(node.Borrow());
        AliveChain chain = _heap.Inspector.WhyAlive(node.Address)!;
        // node itself is held by C# too; the list is a root as well, and a chain through it
        // is found only when node's own outside reference is the sole explanation.
        Assert.That(chain.Root.Description, Does.Contain("from outside the heap"));
        Assert.That(chain.Root.Object == held.Address || chain.Root.Object == node.Address);
    }

    [Test]
    public void ALeakedCycleHeldByGcGarbageNamesIt()
    {
        _heap.Gc.SetDebug(GcDebugFlags.SaveAll);
        nint id;
        using (var frame = _heap.EnterFrame())
        {
            BorrowedRef a = frame.Bind("a", _heap.New(_node, _heap.Int(1), _heap.NewList()));
            a.Get("edges").Append(a);
            id = a.Address;
        }
        _heap.Gc.Collect();
        AliveChain chain = _heap.Inspector.WhyAlive(id)!;
        Assert.That(chain.Root.Description, Does.StartWith("gc.garbage["));
        Assert.That(chain.Steps, Is.Empty.Or.All.Matches<Reference>(r => r.Label.Length > 0));
        _heap.Gc.SetDebug(0);
        UnmanagedHeap.Objects.PyList.Clear(_heap.Gc.Garbage.Pointer);
    }

    [Test]
    public void FrozenObjectsAreRoots()
    {
        nint id;
        using (var frame = _heap.EnterFrame())
        {
            BorrowedRef a = frame.Bind("a", _heap.New(_node, _heap.Int(1), _heap.NewList()));
            a.Get("edges").Append(a);
            id = a.Address;
            _heap.Gc.Freeze();
        }
        AliveChain chain = _heap.Inspector.WhyAlive(id)!;
        Assert.That(chain.Root.Description, Is.EqualTo("the frozen generation (gc.freeze)"));
        _heap.Gc.Unfreeze();
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2));
    }

    [Test]
    public void FindBackrefChainStopsAtTheFirstObjectThePredicateAccepts()
    {
        using NewRef outer = _heap.NewDict();
        using NewRef list = _heap.NewList();
        using NewRef node = _heap.New(_node);
        list.Borrow().Append(node.Borrow());
        UnmanagedHeap.Objects.PyDict.SetItem(outer.Pointer, _heap.Intern("k").Pointer, list.Pointer);
        IReadOnlyList<nint> chain = _heap.Inspector.FindBackrefChain(node.Address, a => a == outer.Address);
        Assert.That(chain, Is.EqualTo(new[] { outer.Address, list.Address, node.Address }));
        Assert.That(_heap.Inspector.FindBackrefChain(node.Address, _ => false), Is.EqualTo(new[] { node.Address }));
        Assert.That(_heap.GetRefCount(node.Borrow()), Is.EqualTo(3), "the search's own references are all released");
    }

    [Test]
    public void CensusFunctionsCountByTypeAndReportGrowth()
    {
        Assert.That(_heap.Inspector.Count("Node"), Is.EqualTo(0));
        _heap.Inspector.Growth(limit: 1000);
        var nodes = Enumerable.Range(0, 5).Select(i => _heap.New(_node, _heap.Int(i), _heap.NewList())).ToArray();
        Assert.That(_heap.Inspector.Count("Node"), Is.EqualTo(5));
        Assert.That(_heap.Inspector.ByType("Node"), Is.EquivalentTo(nodes.Select(n => n.Address)));
        IReadOnlyList<TypeGrowth> growth = _heap.Inspector.Growth(limit: 1000);
        Assert.That(growth, Does.Contain(new TypeGrowth("Node", 5, 5)));
        Assert.That(growth.Single(g => g.TypeName == "list").Delta, Is.EqualTo(5));
        Assert.That(TypeStatistics.FormatGrowth(growth), Does.Contain("Node" + new string(' ', growth.Max(g => g.TypeName.Length) - 4) + "        5        +5"));
        Assert.That(_heap.Inspector.Growth(limit: 1000), Is.Empty);
        var common = _heap.Inspector.MostCommonTypes(limit: 3);
        Assert.That(common, Has.Count.EqualTo(3));
        Assert.That(common.Select(c => c.Count), Is.Ordered.Descending);
        foreach (NewRef n in nodes)
        {
            n.Dispose();
        }
        Assert.That(_heap.Inspector.Count("Node"), Is.EqualTo(0));
    }

    [Test]
    public void TheToolkitRefusesOtherThreadsAndADisposedHeap()
    {
        Exception? caught = null;
        var thread = new Thread(() =>
        {
            try
            {
                _heap.Inspector.Census();
            }
            catch (Exception e)
            {
                caught = e;
            }
        });
        thread.Start();
        thread.Join();
        Assert.That(caught, Is.InstanceOf<InvalidOperationException>());
        var other = new Heap();
        Inspector inspector = other.Inspector;
        other.Dispose();
        Assert.Throws<ObjectDisposedException>(() => inspector.Count("Node"));
    }
}
