using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>Small helpers the collector tests share: the seed's Node class and raw container edits.</summary>
internal static unsafe class GcTestSupport
{
    /// <summary><c>class Node: def __init__(self, value): self.value = value; self.edges = []</c>.</summary>
    public static PyClass DefineNode(Heap heap) => heap.DefineClass("Node", "value", "edges");

    /// <summary>Node(value) with an empty edge list.</summary>
    public static NewRef NewNode(Heap heap, PyClass node, long value) => heap.New(node, heap.Int(value), heap.NewList());

    /// <summary>a.edges.append(b).</summary>
    public static void Link(BorrowedRef a, BorrowedRef b) => a.Get("edges").Append(b);

    /// <summary>d[key] = value for a dict (both referenced, not stolen).</summary>
    public static void DictSet(BorrowedRef dict, BorrowedRef key, BorrowedRef value) =>
        PyDict.SetItem(dict.Pointer, key.Pointer, value.Pointer);

    /// <summary>True when the id is a live object of the heap.</summary>
    public static bool IsLive(Heap heap, nint id) => heap.Classify(id).Kind == Inspect.AddressKind.LiveObject;

    /// <summary>Builds the seed's two-Node cycle inside a frame and returns the ids of the Nodes and their edge lists.</summary>
    public static (nint N1, nint N2, nint E1, nint E2) BuildSeedCycle(Heap heap, PyClass node)
    {
        using var frame = heap.EnterFrame();
        var n1 = frame.Bind("n1", heap.New(node, heap.Int(1), heap.NewList()));
        var n2 = frame.Bind("n2", heap.New(node, heap.Int(2), heap.NewList()));
        n1.Get("edges").Append(n2);
        n2.Get("edges").Append(n1);
        return (heap.Id(n1), heap.Id(n2), n1.Get("edges").Address, n2.Get("edges").Address);
    }

    /// <summary>
    /// CPython's validate_list for all four generation lists: every back link names the
    /// previous member, no member carries COLLECTING or the unreachable mark, and every
    /// member is a live, tracked container. Returns a description of the first problem, or null.
    /// </summary>
    public static string? CheckGenerations(Heap heap)
    {
        HeapState* st = heap.NativeState;
        for (int g = 0; g < 4; g++)
        {
            PyGC_Head* head = g < 3 ? &st->Generation(g)->head : &st->permanent.head;
            PyGC_Head* prev = head;
            long n = 0;
            for (var gc = (PyGC_Head*)head->_gc_next; gc != head; gc = (PyGC_Head*)gc->_gc_next)
            {
                if (++n > 100_000_000)
                    return $"generation {g} does not come back to its head";
                if ((gc->_gc_next & 1) != 0)
                    return $"generation {g}: member 0x{(nint)(gc + 1):x} has the unreachable mark";
                if ((gc->_gc_prev & GcList.PrevMaskCollecting) != 0)
                    return $"generation {g}: member 0x{(nint)(gc + 1):x} still has COLLECTING";
                if ((PyGC_Head*)(gc->_gc_prev & ~(nuint)3) != prev)
                    return $"generation {g}: member 0x{(nint)(gc + 1):x} has a wrong back link";
                if (!IsLive(heap, (nint)(gc + 1)))
                    return $"generation {g}: member 0x{(nint)(gc + 1):x} is not a live object ({heap.Classify((nint)(gc + 1)).Describe()})";
                prev = gc;
            }
            if ((PyGC_Head*)head->_gc_prev != prev)
                return $"generation {g}: the head's back link is wrong";
        }
        return null;
    }
}
