using UnmanagedHeap.Inspect;

namespace UnmanagedHeap.Tests.Inspection;

public class CensusTests
{
    [Test]
    public void CountsLiveObjectsByTypeFromTheAllocatorsBlocks()
    {
        using var heap = new Heap();
        PyClass node = heap.DefineClass("Node", "value", "edges");
        CensusRow Row(string name) => Census.Take(heap.Allocator, heap.Addresses).SingleOrDefault(r => r.TypeName == name);
        long listsBefore = Row("list").Count;
        var nodes = new NewRef[10];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = heap.New(node, heap.Int(i), heap.NewList());
        }
        Assert.That(Row("Node").Count, Is.EqualTo(10));
        Assert.That(Row("Node").Bytes, Is.EqualTo(10 * 64)); // pre-header, GC header, header, two inline values
        Assert.That(Row("list").Count - listsBefore, Is.EqualTo(10));
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i].Dispose();
        }
        Assert.That(Row("Node").Count, Is.EqualTo(0));
        // LiveObjects counts the Node class (a class is an object like any other); the census's
        // 'type' row also holds the static types, which are not counted: leave it out, add the class.
        // The edge lists freed with the Nodes are parked on the list freelist: dead, in rows of their own.
        var census = Census.Take(heap.Allocator, heap.Addresses);
        Assert.That(census.Single(r => r.TypeName == Census.ParkedRow("list")).Count, Is.GreaterThanOrEqualTo(nodes.Length));
        Assert.That(census.Where(r => r.Parked).Sum(r => r.Count), Is.EqualTo(heap.ParkedObjects));
        long objects = census.Where(r => r.TypeName is not (Census.Buffers or "type") && !r.Parked).Sum(r => r.Count);
        Assert.That(objects + 1, Is.EqualTo(heap.LiveObjects));
    }
}
