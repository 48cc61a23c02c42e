using UnmanagedHeap;
using UnmanagedHeap.Objects;

namespace PyHeap.Stress;

/// <summary>
/// <c>route-cache</c>: the seed's production story. A long-lived dict caches route
/// topologies by route id; a route is a cluster of <see cref="HopsPerRoute"/>
/// <c>RouteNode(hop, neighbours)</c> objects, each pointing at the next hop, and with
/// probability --back-links the next hop points back (a hard reference, or with --weak a
/// <c>weakref.ref</c>). Every step replaces one random route, so the old cluster becomes
/// garbage: with hard back-links it is cyclic garbage that only the collector reclaims;
/// with weak ones reference counting frees it the moment the dict lets go.
/// </summary>
public sealed unsafe class RouteCacheShape : StressShape
{
    public const int HopsPerRoute = 8;
    public const int MaxRoutes = 10_000;

    private readonly PyClass _hop;
    private NewRef _cache;
    private readonly NewRef[] _keys;
    private readonly NewRef[] _hops = new NewRef[HopsPerRoute];

    public RouteCacheShape(Heap heap, ShapeParameters parameters) : base(heap, parameters)
    {
        _hop = heap.DefineClass("RouteNode", "hop", "neighbours");
        // A small run gets a smaller cache, so that it still replaces every route several times.
        Routes = (int)Math.Clamp(parameters.ObjectsBudget / (4 * 2 * HopsPerRoute), 64, MaxRoutes);
        _cache = heap.NewDict();
        _keys = new NewRef[Routes];
        for (int i = 0; i < Routes; i++)
        {
            _keys[i] = heap.Int(100_000 + i);
        }
    }

    /// <summary>Routes in the cache.</summary>
    public int Routes { get; }

    public override string Description =>
        $"a dict caching {Routes:N0} routes of {HopsPerRoute} hops; each step replaces one route; {Parameters.BackLinksPercent}% of hops hold a back-link"
        + (Parameters.WeakPercent > 0 ? $", {Parameters.WeakPercent}% of them weakref.ref" : "");

    public override long Setup(Func<bool> stop)
    {
        long created = 0;
        for (int i = 0; i < Routes && !stop(); i++)
        {
            created += Replace(i);
        }
        return created;
    }

    public override int Step() => Replace(Random.Below(Routes));

    /// <summary>cache[route] = a new cluster: the old one is dropped here.</summary>
    private int Replace(int route)
    {
        using NewRef cluster = BuildUnit(out int objects);
        PyDict.SetItem((PyObject*)_cache.Address, (PyObject*)_keys[route].Address, (PyObject*)cluster.Address);
        return objects;
    }

    public override NewRef BuildUnit(out int objects)
    {
        int created = 0;
        for (int h = 0; h < HopsPerRoute; h++)
        {
            _hops[h] = Heap.New(_hop, Heap.Int(h), Heap.NewList());
            created += 2;
            if (h == 0)
            {
                continue;
            }
            BorrowedRef previous = _hops[h - 1].Borrow();
            BorrowedRef next = _hops[h].Borrow();
            previous.Get("neighbours").Append(next);
            if (Random.Percent(Parameters.BackLinksPercent))
            {
                created += AppendBackLink(next.Get("neighbours"), previous);
            }
        }
        for (int h = 1; h < HopsPerRoute; h++)
        {
            _hops[h].Dispose();
        }
        objects = created;
        NewRef head = _hops[0];
        _hops[0] = default;
        return head;
    }

    public override void Dispose()
    {
        foreach (ref NewRef hop in _hops.AsSpan())
        {
            hop.Dispose();
        }
        foreach (ref NewRef key in _keys.AsSpan())
        {
            key.Dispose();
        }
        _cache.Dispose();
        base.Dispose();
    }
}
