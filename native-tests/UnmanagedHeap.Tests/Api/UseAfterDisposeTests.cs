using UnmanagedHeap.Memory;
using static UnmanagedHeap.Tests.Api.ApiConfigurations;

namespace UnmanagedHeap.Tests.Api;

/// <summary>
/// After <c>heap.Dispose()</c> every member of the C# surface that would read the heap's
/// freed native memory throws ObjectDisposedException instead. A member that skipped the
/// check would read freed memory: an AccessViolation that ends the whole test run, or
/// garbage under debug hooks, and either fails here loudly.
/// </summary>
[TestFixtureSource(typeof(ApiConfigurations), nameof(ApiConfigurations.All))]
public sealed unsafe class UseAfterDisposeTests(AllocatorKind kind, bool debugHooks)
{
    private Heap _heap = null!;
    private PyClass _node;
    private NewRef _instance;
    private NewRef _list;
    private Frame _frame = null!;

    [SetUp]
    public void SetUp()
    {
        _heap = NewHeap(kind, debugHooks);
        _node = _heap.DefineClass("Node", "value", "edges");
        _instance = _heap.New(_node, _heap.Int(1), _heap.NewList());
        _list = _heap.NewList();
        _list.Borrow().Append(_instance.Borrow());
        _frame = _heap.EnterFrame();
        _frame.Bind("n", _instance.Borrow().NewReference());
    }

    [TearDown]
    public void TearDown() => _heap.Dispose();   // a second Dispose is harmless

    private static void Refused(string member, TestDelegate use)
    {
        var e = Assert.Throws<ObjectDisposedException>(use, member)!;
        Assert.That(e.Message, Does.Contain("disposed"), member);
    }

    [Test]
    public void ReprAndClassNameRefuseInsteadOfReadingFreedMemory()
    {
        Assert.That(_instance.ToString(), Does.StartWith("<__main__.Node object at 0x"));
        Assert.That(_node.Name, Is.EqualTo("Node"));
        _heap.Dispose();

        Refused("NewRef.ToString", () => _instance.ToString());
        Refused("PyClass.Name", () => _ = _node.Name);
        Refused("PyClass.ToString", () => _node.ToString());
        var e = Assert.Throws<ObjectDisposedException>(() => _instance.ToString())!;
        Assert.That(e.Message, Does.Contain("this Heap was disposed"));
    }

    [Test]
    public void EveryHeapMemberRefuses()
    {
        BorrowedRef borrowed = _list.Borrow();
        nint id = _list.Address;
        _heap.Dispose();

        Refused(nameof(Heap.LiveObjects), () => _ = _heap.LiveObjects);
        Refused(nameof(Heap.None), () => _ = _heap.None);
        Refused(nameof(Heap.True), () => _ = _heap.True);
        Refused(nameof(Heap.False), () => _ = _heap.False);
        Refused(nameof(Heap.NativeState), () => _ = (nint)_heap.NativeState);
        Refused(nameof(Heap.Allocator), () => _ = _heap.Allocator);
        Refused(nameof(Heap.Types), () => _ = _heap.Types);
        Refused(nameof(Heap.Interned), () => _ = _heap.Interned);
        Refused(nameof(Heap.Raw), () => _ = _heap.Raw);
        Refused(nameof(Heap.Addresses), () => _ = _heap.Addresses);
        Refused(nameof(Heap.Dump), () => _ = _heap.Dump);
        Refused(nameof(Heap.Gc), () => _ = _heap.Gc);
        Refused(nameof(Heap.Weakrefs), () => _ = _heap.Weakrefs);
        Refused("Int(long)", () => _heap.Int(5));
        Refused("Int(BigInteger)", () => _heap.Int(System.Numerics.BigInteger.Pow(2, 100)));
        Refused(nameof(Heap.Float), () => _heap.Float(1.5));
        Refused(nameof(Heap.Str), () => _heap.Str("s"));
        Refused(nameof(Heap.Intern), () => _heap.Intern("s"));
        Refused(nameof(Heap.NewList), () => _heap.NewList());
        Refused(nameof(Heap.NewDict), () => _heap.NewDict());
        Refused(nameof(Heap.NewSet), () => _heap.NewSet());
        Refused(nameof(Heap.Tuple), () => _heap.Tuple(id));
        Refused(nameof(Heap.DefineClass), () => _heap.DefineClass("Other", "x"));
        Refused("New(cls)", () => _heap.New(_node));
        Refused(nameof(Heap.EnterFrame), () => _heap.EnterFrame());
        Refused(nameof(Heap.Cast), () => _heap.Cast(id));
        Refused(nameof(Heap.Classify), () => _heap.Classify(id));
        Refused(nameof(Heap.HexDump), () => _heap.HexDump(id));
        Refused(nameof(Heap.RunPendingCollection), () => _heap.RunPendingCollection());
        Refused(nameof(Heap.CheckThread), () => _heap.CheckThread());
        Refused("Id(in NewRef)", () => _heap.Id(in _list));
        ThrowsOn<ObjectDisposedException>(borrowed, b => _heap.Id(b), "Id(BorrowedRef)");
        ThrowsOn<ObjectDisposedException>(borrowed, b => _heap.GetRefCount(b), nameof(Heap.GetRefCount));
        ThrowsOn<ObjectDisposedException>(borrowed, b => _heap.SizeOf(b), nameof(Heap.SizeOf));
    }

    [Test]
    public void EveryReferenceMemberRefuses()
    {
        BorrowedRef list = _list.Borrow();
        BorrowedRef instance = _instance.Borrow();
        NewRef spare = _heap.Int(123456789);
        _heap.Dispose();

        Refused("NewRef.Borrow", () => _list.Borrow());
        Refused("NewRef.Dispose", () => spare.Dispose());
        Assert.That(_list.IsNull, Is.False, "IsNull and Address only read the struct");
        Assert.That(_list.Address, Is.Not.Zero);
        ThrowsOn<ObjectDisposedException>(list, b => _ = b.RefCount, "RefCount");
        ThrowsOn<ObjectDisposedException>(list, b => _ = b.TypeName, "TypeName");
        ThrowsOn<ObjectDisposedException>(list, b => _ = b.IsNone, "IsNone");
        ThrowsOn<ObjectDisposedException>(list, b => b.NewReference(), "NewReference");
        ThrowsOn<ObjectDisposedException>(list, b => _ = b.Length, "Length");
        ThrowsOn<ObjectDisposedException>(list, b => _ = b[0], "indexer");
        ThrowsOn<ObjectDisposedException>(list, b => b.ToString(), "ToString");
        ThrowsOn<ObjectDisposedException>(list, b => b.AsInt64(), "AsInt64");
        ThrowsOn<ObjectDisposedException>(list, b => b.Append(b), "Append(BorrowedRef)");
        ThrowsOn<ObjectDisposedException>(instance, b => b.Get("value"), "Get");
        ThrowsOn<ObjectDisposedException>(instance, b => b.Set("value", default), "Set");
        ThrowsOn<ObjectDisposedException>(list, b => b.Append(default(NewRef)), "Append(NewRef)");
    }

    [Test]
    public void FrameMembersRefuseAndDisposeFreesOnlyTheFramesOwnTable()
    {
        _heap.Dispose();

        Refused("Frame.Get", () => _frame.Get("n"));
        Refused("Frame.Unbind", () => _frame.Unbind("n"));
        Refused("Frame.Names", () => _ = _frame.Names);
        Refused("Frame.Dispose", () => _frame.Dispose());
        Assert.DoesNotThrow(() => _frame.Dispose(), "the frame is closed now; closing again does nothing");
    }

    [Test]
    public void CollectorAndWeakrefMembersRefuse()
    {
        var gc = _heap.Gc;
        var weakrefs = _heap.Weakrefs;
        BorrowedRef instance = _instance.Borrow();
        _heap.Dispose();

        Refused("Gc.Collect", () => gc.Collect());
        Refused("Gc.GetCount", () => gc.GetCount());
        Refused("Gc.GetObjects", () => gc.GetObjects());
        Refused("Gc.Garbage", () => _ = gc.Garbage);
        Refused("Gc.Collections", () => _ = gc.Collections);
        Refused("Gc.SetFinalizer", () => gc.SetFinalizer(_node, _ => { }));
        ThrowsOn<ObjectDisposedException>(instance, b => gc.IsTracked(b), "Gc.IsTracked");
        ThrowsOn<ObjectDisposedException>(instance, b => gc.GetReferrers(b), "Gc.GetReferrers");
        ThrowsOn<ObjectDisposedException>(instance, b => weakrefs.Ref(b), "Weakrefs.Ref");
        ThrowsOn<ObjectDisposedException>(instance, b => weakrefs.GetWeakRefCount(b), "Weakrefs.GetWeakRefCount");
    }
}
