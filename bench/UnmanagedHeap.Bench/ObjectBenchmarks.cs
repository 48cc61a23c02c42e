using BenchmarkDotNet.Attributes;
using UnmanagedHeap;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Bench;

/// <summary>
/// The object layer's hot paths through the public C# API: creating and freeing a
/// <c>Node(int, [])</c> (two native blocks, GC tracking, refcounted teardown), the same
/// shape as a .NET object graph for comparison, incref+decref, and list append.
/// Every benchmark should show 0 B allocated: the hot paths touch only native memory.
/// </summary>
[MemoryDiagnoser]
public unsafe class ObjectBenchmarks
{
    private const int Batch = 1000;
    private Heap _heap = null!;
    private PyClass _node;
    private PyObject* _target;
    private PyObject* _list;
    private ManagedNode? _sink;

    private sealed class ManagedNode
    {
        public List<ManagedNode>? Edges;
    }

    [GlobalSetup]
    public void Setup()
    {
        _heap = new Heap();
        _node = _heap.DefineClass("Node", "value", "edges");
        HeapState* st = _heap.NativeState;
        _target = PyFloat.FromDouble(st, 1.5);
        _list = PyList.New(st);
        _heap.NativeState->gc_enabled = 0; // measure refcounting alone; collection has its own benchmarks
    }

    [GlobalCleanup]
    public void Cleanup() => _heap.Dispose();

    [Benchmark(Description = "Node(1, []) create+free via C# API")]
    public void NodeCreateFree()
    {
        using NewRef n = _heap.New(_node, _heap.Int(1), _heap.NewList());
    }

    [Benchmark(Baseline = true, Description = ".NET new Node { Edges = new List<Node>() }")]
    public void DotNetNodeCreate()
    {
        // Exactly the baseline: the value stays null (boxing an int would add an allocation
        // the Python side does not make, since 1 is a cached small int).
        _sink = new ManagedNode { Edges = new List<ManagedNode>() };
    }

    /// <summary>A float made and freed: after the first, every one is the freelist's parked float.</summary>
    [Benchmark(OperationsPerInvoke = Batch, Description = "float create+free (freelist reuse)")]
    public void FloatCreateFree()
    {
        HeapState* st = _heap.NativeState;
        for (int i = 0; i < Batch; i++)
        {
            Refcount.Decref(PyFloat.FromDouble(st, i));
        }
    }

    /// <summary>Empty lists made and freed 50 at a time, all 50 coming back from the list freelist.</summary>
    [Benchmark(OperationsPerInvoke = Batch, Description = "list create+free, 50 live (freelist reuse)")]
    public void ListCreateFree()
    {
        HeapState* st = _heap.NativeState;
        PyObject** lists = stackalloc PyObject*[50];
        for (int round = 0; round < Batch / 50; round++)
        {
            for (int i = 0; i < 50; i++)
            {
                lists[i] = PyList.New(st);
            }
            for (int i = 0; i < 50; i++)
            {
                Refcount.Decref(lists[i]);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "incref+decref")]
    public void IncrefDecref()
    {
        PyObject* op = _target;
        for (int i = 0; i < Batch; i++)
        {
            Refcount.Incref(op);
            Refcount.Decref(op);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "list.append (then clear)")]
    public void ListAppend()
    {
        PyObject* list = _list;
        PyObject* item = _target;
        for (int i = 0; i < Batch; i++)
        {
            PyList.Append(list, item);
        }
        PyList.Clear(list);
    }
}
