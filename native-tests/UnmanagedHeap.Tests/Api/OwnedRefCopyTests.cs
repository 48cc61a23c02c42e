using UnmanagedHeap.Memory;
using static UnmanagedHeap.Tests.Api.ApiConfigurations;

namespace UnmanagedHeap.Tests.Api;

/// <summary>
/// Under debug hooks a struct copy of a NewRef disposed (or passed on) after its twin is
/// refused before the count is dropped a second time; the object keeps its count.
/// </summary>
[TestFixtureSource(typeof(ApiConfigurations), nameof(ApiConfigurations.Debug))]
public sealed unsafe class OwnedRefCopyTests(AllocatorKind kind, bool debugHooks)
{
    private Heap _heap = null!;
    private NewRef _keeper;

    [SetUp]
    public void SetUp()
    {
        _heap = NewHeap(kind, debugHooks);
        _keeper = _heap.Str("kept alive by the test");
    }

    [TearDown]
    public void TearDown() => _heap.Dispose();

    private static void AssertCopyMessage(Exception e) =>
        Assert.That(e.Message, Does.Contain("after a copy of it had already been disposed or passed on"));

    [Test]
    public void ACopyDisposedTwiceIsRefusedAndTheCountIsDroppedOnce()
    {
        NewRef original = _keeper.Borrow().NewReference();
        NewRef copy = original;
        long before = _keeper.Borrow().RefCount;

        original.Dispose();
        Assert.That(_keeper.Borrow().RefCount, Is.EqualTo(before - 1));
        var e = Assert.Throws<InvalidOperationException>(() => copy.Dispose())!;
        AssertCopyMessage(e);
        Assert.That(e.Message, Does.Contain($"0x{_keeper.Address:x}"));
        Assert.That(_keeper.Borrow().RefCount, Is.EqualTo(before - 1), "the second Dispose dropped nothing");
        Assert.That(_keeper.ToString(), Is.EqualTo("'kept alive by the test'"));
    }

    [Test]
    public void ACopyOfAReferenceThatWasPassedOnIsRefused()
    {
        using var list = _heap.NewList();
        NewRef item = _heap.Int(10_000_001);
        NewRef copy = item;
        list.Borrow().Append(item);   // the list takes the count; the copy's twin is retired

        AssertCopyMessage(Assert.Throws<InvalidOperationException>(() => copy.Dispose())!);
        AssertCopyMessage(Assert.Throws<InvalidOperationException>(() => copy.ToString())!);
        AssertCopyMessage(Assert.Throws<InvalidOperationException>(() => copy.Borrow())!);
        AssertCopyMessage(Assert.Throws<InvalidOperationException>(() => list.Borrow().Append(copy))!);
        Assert.That(list.Borrow().ToString(), Is.EqualTo("[10000001]"));
        Assert.That(list.Borrow()[0].RefCount, Is.EqualTo(1), "only the list holds the int");
    }

    [Test]
    public void ADisposedCopyCannotBeStolenByAFrameOrAConstructor()
    {
        PyClass node = _heap.DefineClass("Node", "value");
        NewRef value = _heap.Int(10_000_002);
        NewRef copy = value;
        value.Dispose();
        using Frame frame = _heap.EnterFrame();
        AssertCopyMessage(Assert.Throws<InvalidOperationException>(() => frame.Bind("v", copy))!);
        AssertCopyMessage(Assert.Throws<InvalidOperationException>(() => _heap.New(node, copy))!);
        Assert.That(frame.Names, Is.Empty);
    }

    [Test]
    public void IndependentReferencesToOneObjectAreEachDisposedOnce()
    {
        long before = _keeper.Borrow().RefCount;
        NewRef a = _keeper.Borrow().NewReference();
        NewRef b = _keeper.Borrow().NewReference();
        Assert.That(_keeper.Borrow().RefCount, Is.EqualTo(before + 2));
        a.Dispose();
        b.Dispose();
        Assert.That(_keeper.Borrow().RefCount, Is.EqualTo(before), "two owned references, two drops, no complaint");
        a.Dispose();   // the same struct twice is a no-op, as before
    }
}
