using System.Diagnostics;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>
/// The collector must not recurse with the depth of the object graph: a ten-million-node
/// ring and long chains are collected (and freed) on a thread with a 256 KiB stack, which
/// a few thousand nested frames would overflow.
/// </summary>
public sealed unsafe class DeepStructureTests
{
    private const int SmallStack = 256 * 1024;

    /// <summary>Runs <paramref name="body"/> on a new thread with a small stack (the heap is created there: one heap, one thread).</summary>
    private static void OnSmallStack(Action body)
    {
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception e)
            {
                error = e;
            }
        }, SmallStack);
        thread.Start();
        thread.Join();
        if (error != null)
        {
            throw new AssertionException($"failed on the small-stack thread: {error}");
        }
    }

    /// <summary>A new instance of <paramref name="cls"/> (attributes stored inline, index = declaration order).</summary>
    private static PyObject* NewInstance(PyClass cls) => PyInstance.New(cls.Type);

    /// <summary>obj.attr[index] = value, taking over the caller's reference.</summary>
    private static void SetSlot(PyObject* obj, int index, PyObject* value) =>
        Refcount.Assign(&PyInstance.Values(obj)[index], value);

    [Test]
    public void ATenMillionNodeRingIsCollected()
    {
        const int n = 10_000_000;
        OnSmallStack(() =>
        {
            using var heap = new Heap();
            heap.Gc.Disable();
            var link = heap.DefineClass("Link", "next");
            heap.Gc.Collect();
            long baseline = heap.LiveObjects;

            PyObject* first = NewInstance(link);
            PyObject* prev = first;
            for (int i = 1; i < n; i++)
            {
                PyObject* node = NewInstance(link);
                SetSlot(prev, 0, node); // prev holds the only reference to node
                prev = node;
            }
            Refcount.Incref(first);
            SetSlot(prev, 0, first); // close the ring
            nint firstId = (nint)first, lastId = (nint)prev;
            Refcount.Decref(first); // the ring keeps itself alive
            Assert.That(heap.LiveObjects, Is.EqualTo(baseline + n));
            Assert.That(heap.Classify(lastId).Kind, Is.EqualTo(Inspect.AddressKind.LiveObject));

            var watch = Stopwatch.StartNew();
            long found = heap.Gc.Collect();
            watch.Stop();
            Assert.That(found, Is.EqualTo(n));
            Assert.That(heap.LiveObjects, Is.EqualTo(baseline));
            Assert.That(heap.Classify(firstId).Kind, Is.EqualTo(Inspect.AddressKind.FreedByCollection));
            TestContext.Out.WriteLine($"collected a {n:N0}-node ring in {watch.Elapsed.TotalMilliseconds:F0} ms");
        });
    }

    [Test]
    public void ADeepChainHangingOffACycleIsCollectedAndFreed()
    {
        const int n = 1_000_000;
        OnSmallStack(() =>
        {
            using var heap = new Heap();
            heap.Gc.Disable();
            var link = heap.DefineClass("Link", "next", "other");
            heap.Gc.Collect();
            long baseline = heap.LiveObjects;

            PyObject* head = NewInstance(link);
            Refcount.Incref(head);
            SetSlot(head, 1, head); // head.other = head: a cycle
            PyObject* prev = head;
            for (int i = 0; i < n; i++)
            {
                PyObject* node = NewInstance(link);
                SetSlot(prev, 0, node);
                prev = node;
            }
            Refcount.Decref(head);
            Assert.That(heap.LiveObjects, Is.EqualTo(baseline + n + 1));
            Assert.That(heap.Gc.Collect(), Is.EqualTo(n + 1));
            Assert.That(heap.LiveObjects, Is.EqualTo(baseline));
        });
    }

    [Test]
    public void AReachableDeepChainInTheWorstOrderSurvivesIntact()
    {
        // Created tail first, so the root's end comes last in generation 0: the scan first
        // takes every link for unreachable, then moves them back one by one.
        const int n = 1_000_000;
        OnSmallStack(() =>
        {
            using var heap = new Heap();
            heap.Gc.Disable();
            var link = heap.DefineClass("Link", "next");
            heap.Gc.Collect();
            long baseline = heap.LiveObjects;

            PyObject* next = null;
            for (int i = 0; i < n; i++)
            {
                PyObject* node = NewInstance(link);
                if (next != null)
                {
                    SetSlot(node, 0, next);
                }
                next = node;
            }
            PyObject* root = next; // our one reference
            Assert.That(heap.Gc.Collect(0), Is.Zero);
            Assert.That(heap.Gc.Collect(), Is.Zero);
            Assert.That(heap.LiveObjects, Is.EqualTo(baseline + n));
            long length = 0;
            for (PyObject* p = root; p != null; p = PyInstance.Values(p)[0])
            {
                Assert.That((long)p->ob_refcnt, Is.EqualTo(1));
                length++;
            }
            Assert.That(length, Is.EqualTo(n));
            Assert.That(GcTestSupport.CheckGenerations(heap), Is.Null);
            Refcount.Decref(root); // reference counting frees the chain, also without deep recursion
            Assert.That(heap.LiveObjects, Is.EqualTo(baseline));
        });
    }
}
