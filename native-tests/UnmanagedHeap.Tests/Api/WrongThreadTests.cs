using UnmanagedHeap.Memory;
using static UnmanagedHeap.Tests.Api.ApiConfigurations;

namespace UnmanagedHeap.Tests.Api;

/// <summary>A heap belongs to the thread that made it: every member refuses any other thread, LiveObjects included.</summary>
[TestFixtureSource(typeof(ApiConfigurations), nameof(ApiConfigurations.All))]
public sealed unsafe class WrongThreadTests(AllocatorKind kind, bool debugHooks)
{
    private Heap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = NewHeap(kind, debugHooks);

    [TearDown]
    public void TearDown() => _heap.Dispose();

    /// <summary>Runs each use on a second thread and returns what each threw (null: nothing).</summary>
    private static Dictionary<string, Exception?> OnAnotherThread(params (string Name, Action Use)[] uses)
    {
        var seen = new Dictionary<string, Exception?>();
        var thread = new Thread(() =>
        {
            foreach (var (name, use) in uses)
            {
                try
                {
                    use();
                    seen[name] = null;
                }
                catch (Exception e)
                {
                    seen[name] = e;
                }
            }
        });
        thread.Start();
        thread.Join();
        return seen;
    }

    [Test]
    public void EveryMemberRefusesAnotherThread()
    {
        PyClass node = _heap.DefineClass("Node", "value", "edges");
        NewRef list = _heap.NewList();
        NewRef spare = _heap.Int(1234567);
        Frame frame = _heap.EnterFrame();
        long live = _heap.LiveObjects;

        var seen = OnAnotherThread(
            ("LiveObjects", () => _ = _heap.LiveObjects),
            ("None", () => _ = _heap.None),
            ("Types", () => _ = _heap.Types),
            ("Gc", () => _ = _heap.Gc),
            ("Weakrefs", () => _ = _heap.Weakrefs),
            ("Allocator", () => _ = _heap.Allocator),
            ("NewList", () => _heap.NewList()),
            ("New", () => _heap.New(node)),
            ("Id", () => _heap.Id(in list)),
            ("RunPendingCollection", () => _heap.RunPendingCollection()),
            ("PyClass.Name", () => _ = node.Name),
            ("NewRef.ToString", () => list.ToString()),
            ("NewRef.Borrow", () => list.Borrow()),
            ("NewRef.Dispose", () => spare.Dispose()),
            ("Frame.Bind", () => frame.Bind("x", _heap.Int(1))),
            ("Frame.Names", () => _ = frame.Names),
            ("Frame.Dispose", () => frame.Dispose()),
            ("Dispose", () => _heap.Dispose()));

        foreach (var (name, e) in seen)
        {
            Assert.That(e, Is.TypeOf<InvalidOperationException>(), name);
            Assert.That(e!.Message, Does.Contain("one heap per thread"), name);
        }
        Assert.That(_heap.LiveObjects, Is.EqualTo(live), "nothing was made or freed from the other thread");
        Assert.That(list.ToString(), Is.EqualTo("[]"));
        frame.Dispose();
        list.Dispose();
        spare.Dispose();
    }
}
