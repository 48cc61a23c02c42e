using static UnmanagedHeap.Tests.Gc.GcTestSupport;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>
/// A fresh heap for each collector test: automatic collection off, a Node class defined,
/// and one collection run so every object made at start-up sits in the oldest generation.
/// </summary>
public abstract class CollectorFixture
{
    protected Heap _heap = null!;
    protected PyClass _node;

    [SetUp]
    public void CreateHeap()
    {
        _heap = new Heap();
        _heap.Gc.Disable();
        _node = DefineNode(_heap);
        _heap.Gc.Collect();
    }

    [TearDown]
    public void DisposeHeap() => _heap.Dispose();
}
