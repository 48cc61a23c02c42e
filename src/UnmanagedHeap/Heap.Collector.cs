using UnmanagedHeap.Gc;

namespace UnmanagedHeap;

/// <summary>The heap's cycle collector (<see cref="Gc"/>) and weak references (<see cref="Weakrefs"/>).</summary>
public sealed unsafe partial class Heap
{
    private Collector? _collector;
    private Weakrefs? _weakrefs;

    /// <summary>The cycle collector: Python's <c>gc</c> module for this heap.</summary>
    public Collector Gc
    {
        get
        {
            CheckThread();
            return _collector ?? throw new InvalidOperationException("the collector is not initialised yet");
        }
    }

    /// <summary>Weak references: Python's <c>weakref.ref</c>, getweakrefcount and getweakrefs for this heap.</summary>
    public Weakrefs Weakrefs
    {
        get
        {
            CheckThread();
            return _weakrefs ?? throw new InvalidOperationException("weak references are not initialised yet");
        }
    }

    partial void InitializeCollector()
    {
        _collector = new Collector(this);
        _weakrefs = new Weakrefs(this);
    }

    partial void RunScheduledCollection() => _collector?.RunScheduled();
}
