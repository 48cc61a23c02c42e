using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.ObjectLayer;

/// <summary>PyList.Resize keeps CPython's list_resize contract: the size is set, growth follows the over-allocation rule.</summary>
public unsafe class ListResizeTests
{
    [Test]
    public void ResizeSetsTheSizeBothWaysAndToZero()
    {
        using var heap = new Heap();
        HeapState* st = heap.NativeState;
        PyObject* op = PyList.New(st);
        var list = (PyListObject*)op;
        PyList.Resize(list, 5);
        Assert.That((long)list->ob_base.ob_size, Is.EqualTo(5));
        Assert.That((long)list->allocated, Is.EqualTo(8)); // (5 + 0 + 6) & ~3, as CPython
        for (int i = 0; i < 5; i++)
        {
            PyList.Items(op)[i] = st->small_ints[i + 5]; // immortal: no references to manage
        }
        PyList.Resize(list, 2);
        Assert.That((long)list->ob_base.ob_size, Is.EqualTo(2));
        Assert.That(PyList.Items(op)[1] == st->small_ints[6]);
        PyList.Resize(list, 0);
        Assert.That((long)list->ob_base.ob_size, Is.EqualTo(0));
        Assert.That((long)list->allocated, Is.EqualTo(0));
        Assert.That(PyList.Items(op) == null);
        Refcount.Decref(op);
    }
}
