using UnmanagedHeap;

namespace PyHeap;

/// <summary>
/// The end of the seed's story: the collector finds the leaked cycle and frees it, the old
/// ids become dangling (the checked cast says which collection freed them, and under debug
/// hooks the stale bytes show the 0xDD fill), and weak edges let reference counting free
/// both Nodes at once with no collection at all.
/// </summary>
public static class CollectStory
{
    public static void Tell(Heap heap, Narrator say, nint id1, nint id2)
    {
        say.Step("gc.collect(): the cycle collector finds what reference counting cannot free");
        long found = heap.Gc.Collect();
        say.Line($"heap.Gc.Collect() = {found}  (two Nodes and their two edge lists; attribute values are inline, so no dicts)");

        say.Step("The old ids are dangling now; the checked cast says so instead of reading freed memory");
        foreach (nint id in new[] { id1, id2 })
        {
            say.Line($"heap.Cast(0x{id:x}): {CycleStory.Refusal(heap, id)}");
        }
    }

    /// <summary>The same cycle on a heap with debug hooks: the freed memory reads back as 0xDD.</summary>
    public static void ShowStaleBytes(HeapOptions options, Narrator say)
    {
        say.Step("What a dangling pointer would see: the same story on a heap with debug hooks (PYTHONMALLOC=debug)");
        using var heap = new Heap(options with { DebugHooks = true });
        PyClass node = heap.DefineClass("Node", "value", "edges");
        nint id;
        using (Frame frame = heap.EnterFrame())
        {
            BorrowedRef n1 = frame.Bind("n1", heap.New(node, heap.Int(1), heap.NewList()));
            BorrowedRef n2 = frame.Bind("n2", heap.New(node, heap.Int(2), heap.NewList()));
            n1.Get("edges").Append(n2);
            n2.Get("edges").Append(n1);
            id = heap.Id(n1);
        }
        heap.Gc.Collect();
        say.Line($"after collection 1, the raw bytes at 0x{id:x} (freed blocks are filled with 0xDD):");
        say.Block(heap.HexDump(id));
        say.Line($"heap.Cast(0x{id:x}): {CycleStory.Refusal(heap, id)}");
    }

    /// <summary>The seed's fix: edges that are weak references do not keep the other Node alive.</summary>
    public static void WeakEdges(HeapOptions options, Narrator say)
    {
        say.Step("The fix from the seed: weak edges. n1.edges.append(weakref.ref(n2)) and back");
        using var heap = new Heap(options);
        PyClass node = heap.DefineClass("Node", "value", "edges");
        long collectionsBefore = heap.Gc.Collections;
        NewRef ref1, ref2;
        using (Frame frame = heap.EnterFrame())
        {
            BorrowedRef n1 = frame.Bind("n1", heap.New(node, heap.Int(1), heap.NewList()));
            BorrowedRef n2 = frame.Bind("n2", heap.New(node, heap.Int(2), heap.NewList()));
            n1.Get("edges").Append(heap.Weakrefs.Ref(n2));
            n2.Get("edges").Append(heap.Weakrefs.Ref(n1));
            say.Line($"inside the scope: ob_refcnt of n1 = {n1.RefCount}, of n2 = {n2.RefCount} (only their names: weak edges add nothing)");
            ref1 = heap.Weakrefs.Ref(n1);
            ref2 = heap.Weakrefs.Ref(n2);
        }
        say.Line($"scope left: Node 1 still alive: {heap.Weakrefs.IsAlive(ref1.Borrow())}");
        say.Line($"            Node 2 still alive: {heap.Weakrefs.IsAlive(ref2.Borrow())}");
        say.Line($"collections needed: {heap.Gc.Collections - collectionsBefore} — reference counting freed both the moment the scope ended");
        ref1.Dispose();
        ref2.Dispose();
    }
}
