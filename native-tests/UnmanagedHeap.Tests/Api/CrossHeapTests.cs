using UnmanagedHeap.Memory;
using static UnmanagedHeap.Tests.Api.ApiConfigurations;

namespace UnmanagedHeap.Tests.Api;

/// <summary>
/// An object of one heap can never be stored into (or read through) another heap: every
/// call that takes a reference or a class refuses a foreign one before it changes anything,
/// so disposing the other heap cannot leave this one pointing into freed memory.
/// </summary>
[TestFixtureSource(typeof(ApiConfigurations), nameof(ApiConfigurations.All))]
public sealed unsafe class CrossHeapTests(AllocatorKind kind, bool debugHooks)
{
    private Heap _mine = null!;
    private Heap _other = null!;
    private PyClass _node;
    private PyClass _otherNode;

    [SetUp]
    public void SetUp()
    {
        _mine = NewHeap(kind, debugHooks);
        _other = NewHeap(kind, debugHooks);
        _node = _mine.DefineClass("Node", "value", "edges");
        _otherNode = _other.DefineClass("Node", "value", "edges");
    }

    [TearDown]
    public void TearDown()
    {
        _mine.Dispose();
        _other.Dispose();
    }

    private static void AssertForeign(Exception e, string what) =>
        Assert.That(e.Message, Does.Contain("belongs to another heap"), what);

    [Test]
    public void AppendingAnotherHeapsObjectIsRefusedAndDisposingThatHeapLeavesTheListIntact()
    {
        using var list = _mine.NewList();
        using var item = _mine.Int(7);
        list.Borrow().Append(item.Borrow());
        // Not a using: its heap is disposed below, which frees it with everything else.
        NewRef foreign = _other.New(_otherNode, _other.Int(1), _other.NewList());
        BorrowedRef lst = list.Borrow();

        AssertForeign(ThrowsOn<InvalidOperationException>(lst, l => l.Append(foreign.Borrow()), "Append(BorrowedRef)"), "Append(BorrowedRef)");
        NewRef owned = _other.Str("other heap");
        AssertForeign(ThrowsOn<InvalidOperationException>(lst, l => l.Append(owned), "Append(NewRef)"), "Append(NewRef)");
        Assert.That(owned.IsNull, Is.False, "a refused call takes nothing over: the caller still owns the reference");
        Assert.That(owned.ToString(), Is.EqualTo("'other heap'"));
        owned.Dispose();

        long otherLive = _other.LiveObjects;
        Assert.That(otherLive, Is.GreaterThan(0));
        _other.Dispose();
        Assert.That(lst.Length, Is.EqualTo(1));
        Assert.That(lst.ToString(), Is.EqualTo("[7]"), "the list never held the other heap's objects");
    }

    [Test]
    public void SettingAnAttributeToAnotherHeapsObjectIsRefused()
    {
        using var n = _mine.New(_node, _mine.Int(1), _mine.NewList());
        BorrowedRef node = n.Borrow();
        NewRef foreign = _other.Int(2);
        AssertForeign(ThrowsOn<InvalidOperationException>(node, b => b.Set("value", foreign), "Set"), "Set");
        Assert.That(foreign.IsNull, Is.False);
        Assert.That(node.Get("value").AsInt64(), Is.EqualTo(1), "the attribute is unchanged");
        foreign.Dispose();
    }

    [Test]
    public void NewRefusesAClassOrAnArgumentOfAnotherHeapBeforeMakingAnything()
    {
        long live = _mine.LiveObjects;
        AssertForeign(Assert.Throws<InvalidOperationException>(() => _mine.New(_otherNode))!, "New(foreign class)");
        NewRef foreignArg = _other.Int(5);
        NewRef ownArg = _mine.NewList();
        AssertForeign(Assert.Throws<InvalidOperationException>(() => _mine.New(_node, foreignArg))!, "New(cls, foreign)");
        AssertForeign(Assert.Throws<InvalidOperationException>(() => _mine.New(_node, ownArg, foreignArg))!, "New(cls, own, foreign)");
        AssertForeign(Assert.Throws<InvalidOperationException>(() => _mine.New(_otherNode, ownArg, ownArg))!, "New(foreign cls, own, own)");
        Assert.That(foreignArg.IsNull, Is.False);
        Assert.That(ownArg.IsNull, Is.False);
        Assert.That(_mine.LiveObjects, Is.EqualTo(live + 1), "no instance was made; only ownArg is new");
        foreignArg.Dispose();
        ownArg.Dispose();
    }

    [Test]
    public void FrameBindRefusesAnotherHeapsObject()
    {
        using Frame frame = _mine.EnterFrame();
        NewRef foreign = _other.Int(9);
        AssertForeign(Assert.Throws<InvalidOperationException>(() => frame.Bind("x", foreign))!, "Bind");
        Assert.That(foreign.IsNull, Is.False);
        Assert.That(frame.Names, Is.Empty);
        foreign.Dispose();
    }

    [Test]
    public void ReadsThroughTheWrongHeapAreRefusedToo()
    {
        using var foreign = _other.New(_otherNode, _other.Int(1), _other.NewList());
        BorrowedRef b = foreign.Borrow();
        AssertForeign(ThrowsOn<InvalidOperationException>(b, x => _mine.GetRefCount(x), "GetRefCount"), "GetRefCount");
        AssertForeign(ThrowsOn<InvalidOperationException>(b, x => _mine.SizeOf(x), "SizeOf"), "SizeOf");
        AssertForeign(ThrowsOn<InvalidOperationException>(b, x => _mine.Id(x), "Id"), "Id");
        AssertForeign(Assert.Throws<InvalidOperationException>(() => _mine.Id(in foreign))!, "Id(in NewRef)");
        Assert.Throws<UnmanagedHeap.Inspect.InvalidAddressException>(() => _mine.Tuple(foreign.Address), "Tuple checks each id like Cast");
    }

    [Test]
    public void CollectorAndWeakrefsRefuseAnotherHeapsObjectsAndClasses()
    {
        using var foreign = _other.New(_otherNode, _other.Int(1), _other.NewList());
        using var own = _mine.New(_node, _mine.Int(1), _mine.NewList());
        BorrowedRef b = foreign.Borrow();
        AssertForeign(Assert.Throws<InvalidOperationException>(() => _mine.Gc.SetFinalizer(_otherNode, _ => { }))!, "SetFinalizer");
        AssertForeign(ThrowsOn<InvalidOperationException>(b, x => _mine.Gc.IsTracked(x), "IsTracked"), "IsTracked");
        AssertForeign(ThrowsOn<InvalidOperationException>(b, x => _mine.Gc.IsFinalized(x), "IsFinalized"), "IsFinalized");
        AssertForeign(ThrowsOn<InvalidOperationException>(b, x => _mine.Gc.GetReferents(x), "GetReferents"), "GetReferents");
        AssertForeign(ThrowsOn<InvalidOperationException>(b, x => _mine.Weakrefs.Ref(x), "Weakrefs.Ref"), "Weakrefs.Ref");
        AssertForeign(ThrowsOn<InvalidOperationException>(b, x => _mine.Weakrefs.GetWeakRefs(x), "GetWeakRefs"), "GetWeakRefs");
        BorrowedRef mine = own.Borrow();
        AssertForeign(ThrowsOn<InvalidOperationException>(mine, x => _mine.Weakrefs.Ref(x, foreign.Borrow()), "Ref(obj, foreign callback)"), "Ref(obj, foreign callback)");
        Assert.That(_mine.Weakrefs.GetWeakRefCount(mine), Is.Zero, "no weak reference was made");
    }
}
