using UnmanagedHeap;

namespace PyHeap.Stress;

/// <summary>
/// <c>chain</c>: a long singly linked chain, <c>Link(value, next)</c>, built from its tail
/// and dropped by its head, so reference counting frees it in one cascade (without
/// recursion proportional to its length: the heap defers deep deallocation).
/// </summary>
public sealed class ChainShape(Heap heap, ShapeParameters parameters) : StressShape(heap, parameters)
{
    /// <summary>Links per chain: long enough that the cascade, not the call, dominates.</summary>
    public const int Length = 10_000;

    private readonly PyClass _link = heap.DefineClass("Link", "value", "next");

    public override string Description => $"chains of {Length:N0} Link(value, next) objects, freed by the reference-counting cascade";

    public override int Step()
    {
        using NewRef head = BuildUnit(out int objects);
        return objects;
    }

    public override NewRef BuildUnit(out int objects)
    {
        NewRef head = Heap.None.NewReference();
        for (int i = 0; i < Length; i++)
        {
            head = Heap.New(_link, Heap.Int(i & 255), head);
        }
        objects = Length;
        return head;
    }
}
