using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.ObjectLayer;

public unsafe class RefcountTests
{
    private Heap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = new Heap();

    [TearDown]
    public void TearDown() => _heap.Dispose();

    [Test]
    public void ImmortalsNeverChangeAndReportCPythonsCount()
    {
        HeapState* st = _heap.NativeState;
        PyObject*[] immortals = [st->none, st->true_obj, st->false_obj, st->small_ints[0], st->small_ints[261], st->empty_tuple, _heap.Interned.Intern("value")];
        foreach (PyObject* op in immortals)
        {
            for (int i = 0; i < 1000; i++)
            {
                Refcount.Incref(op);
            }
            for (int i = 0; i < 5000; i++)
            {
                Refcount.Decref(op);
            }
            Assert.That((long)op->ob_refcnt, Is.EqualTo(0xFFFFFFFFL));
        }
        Assert.That(_heap.GetRefCount(_heap.None), Is.EqualTo(4294967295L));
    }

    [Test]
    public void SmallIntsAreSharedAndLargeOnesAreNot()
    {
        using var a = _heap.Int(256);
        using var b = _heap.Int(256);
        using var c = _heap.Int(257);
        using var d = _heap.Int(257);
        Assert.That(a.Address, Is.EqualTo(b.Address));
        Assert.That(c.Address, Is.Not.EqualTo(d.Address));
        Assert.That(c.Borrow().RefCount, Is.EqualTo(1));
    }

    [Test]
    public void FreshObjectBoundToOneNameReportsTwo()
    {
        using var frame = _heap.EnterFrame();
        var x = frame.Bind("x", _heap.NewList());
        Assert.That(_heap.GetRefCount(x), Is.EqualTo(2));
        using var list = _heap.NewList();
        list.Borrow().Append(x);
        Assert.That(_heap.GetRefCount(x), Is.EqualTo(3));
    }

    [Test]
    public void LastDecrefFreesAndCascadesThroughContainers()
    {
        long before = _heap.LiveObjects;
        PyClass node = _heap.DefineClass("Node", "value", "edges");
        long afterClass = _heap.LiveObjects;
        var n = _heap.New(node, _heap.Int(1000), _heap.NewList());
        n.Borrow().Get("edges").Append(_heap.Str("payload"));
        Assert.That(_heap.LiveObjects, Is.EqualTo(afterClass + 4)); // Node, int 1000, list, str
        nint id = n.Address;
        n.Dispose();
        Assert.That(_heap.LiveObjects, Is.EqualTo(afterClass));
        Assert.That(_heap.Classify(id).Kind, Is.EqualTo(UnmanagedHeap.Inspect.AddressKind.FreedByRefcount).Or.EqualTo(UnmanagedHeap.Inspect.AddressKind.LiveObject));
        Assert.That(afterClass, Is.GreaterThan(before));
    }

    [Test]
    public void FrameExitDropsLocalsInBindingOrder()
    {
        nint first, second;
        using (var frame = _heap.EnterFrame())
        {
            first = frame.Bind("a", _heap.Float(1.0)).Address;
            second = frame.Bind("b", _heap.Float(2.0)).Address;
        }
        // pymalloc hands back the most recently freed block first: 'b' was freed last.
        using var reuse = _heap.Float(3.0);
        Assert.That(reuse.Address, Is.EqualTo(second));
        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void IdsAreReusedAfterFreeUnderPymalloc()
    {
        var a = _heap.NewList();
        nint id = a.Address;
        a.Dispose();
        using var b = _heap.NewList();
        Assert.That(b.Address, Is.EqualTo(id));
    }

    [Test]
    public void TenMillionLinkChainFreesWithoutOverflowingTheStack()
    {
        PyClass link = _heap.DefineClass("Link", "next");
        long baseline = _heap.LiveObjects;
        var head = _heap.New(link);
        const int links = 10_000_000;
        PyObject* tail = (PyObject*)head.Address;
        for (int i = 1; i < links; i++)
        {
            PyObject* next = PyInstance.New((PyTypeObject*)link.Address);
            PyInstance.Values(tail)[0] = next; // the chain owns each link's single reference
            tail = next;
        }
        Assert.That(_heap.LiveObjects, Is.EqualTo(baseline + links));
        head.Dispose();
        Assert.That(_heap.LiveObjects, Is.EqualTo(baseline));
    }

    [Test]
    public void MillionDeepNestedListFreesWithoutOverflowingTheStack()
    {
        long baseline = _heap.LiveObjects;
        HeapState* st = _heap.NativeState;
        PyObject* outer = PyList.New(st);
        PyObject* current = outer;
        for (int i = 0; i < 1_000_000; i++)
        {
            PyObject* inner = PyList.New(st);
            PyList.Append(current, inner);
            Refcount.Decref(inner);
            current = inner;
        }
        Refcount.Decref(outer);
        Assert.That(_heap.LiveObjects, Is.EqualTo(baseline));
    }

    [Test]
    public void DeferredDeallocKeepsTheFinalizedFlag()
    {
        PyClass link = _heap.DefineClass("Link", "next");
        int finalizerCalls = 0;
        _heap.Gc.SetFinalizer(link, _ => finalizerCalls++);
        var head = _heap.New(link);
        PyObject* tail = (PyObject*)head.Address;
        Finalization.SetFinalized(tail);
        for (int i = 1; i < 500; i++)
        {
            PyObject* next = PyInstance.New((PyTypeObject*)link.Address);
            Finalization.SetFinalized(next); // as if __del__ had already run once (PEP 442)
            PyInstance.Values(tail)[0] = next;
            tail = next;
        }
        head.Dispose(); // links past the trashcan depth are deferred, then freed
        Assert.That(finalizerCalls, Is.EqualTo(0));
    }

    [Test]
    public void ReferencesRefuseUseAfterTheHeapIsDisposed()
    {
        var heap = new Heap();
        var list = heap.NewList();
        nint id = list.Address;
        heap.Dispose();
        Assert.Throws<ObjectDisposedException>(() => list.Borrow());
        Assert.Throws<ObjectDisposedException>(() => list.Dispose());
        Assert.Throws<ObjectDisposedException>(() => heap.Cast(id));
        Assert.Throws<ObjectDisposedException>(() => heap.NewList());
    }

    [Test]
    public void HeapRefusesUseFromAnotherThread()
    {
        Exception? seen = null;
        var thread = new Thread(() =>
        {
            try
            {
                _heap.NewList().Dispose();
            }
            catch (Exception e)
            {
                seen = e;
            }
        });
        thread.Start();
        thread.Join();
        Assert.That(seen, Is.TypeOf<InvalidOperationException>());
        Assert.That(seen!.Message, Does.Contain("one heap per thread"));
    }
}
