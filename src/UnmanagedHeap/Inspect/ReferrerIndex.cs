using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// Who refers to whom, over every live object of the heap (tracked or not): the forward
/// references of each container and, inverted, the referrers of each object. Built in one
/// walk; valid until the heap next changes.
/// </summary>
public sealed unsafe class ReferrerIndex
{
    private static readonly IReadOnlyList<Reference> None = [];
    private readonly Dictionary<nint, List<Reference>> _referrers = [];
    private readonly Dictionary<nint, List<Reference>> _referents = [];

    public ReferrerIndex(Allocator allocator, AddressClassifier addresses)
    {
        Objects = HeapObjects.All(allocator, addresses, out _, out _);
        foreach (HeapObject o in Objects)
        {
            var op = (PyObject*)o.Address;
            if (!GcList.IsGcType(op->ob_type))
            {
                continue;
            }
            List<Reference> refs = ReferenceWalk.Referents(op);
            _referents[o.Address] = refs;
            foreach (Reference r in refs)
            {
                if (!_referrers.TryGetValue(r.To, out List<Reference>? into))
                {
                    _referrers[r.To] = into = [];
                }
                into.Add(r);
            }
        }
    }

    /// <summary>Every live object at the time the index was built.</summary>
    public IReadOnlyList<HeapObject> Objects { get; }

    /// <summary>References to <paramref name="address"/> (weak ones included, marked).</summary>
    public IReadOnlyList<Reference> ReferrersOf(nint address) =>
        _referrers.TryGetValue(address, out List<Reference>? r) ? r : None;

    /// <summary>References held by <paramref name="address"/>.</summary>
    public IReadOnlyList<Reference> ReferentsOf(nint address) =>
        _referents.TryGetValue(address, out List<Reference>? r) ? r : None;

    /// <summary>
    /// Strong references to <paramref name="address"/> that come from no heap object: its
    /// refcount minus the references the heap's containers hold (CPython's gc finds its
    /// roots the same way). Immortal objects report 0.
    /// </summary>
    public long OutsideReferences(nint address)
    {
        var op = (PyObject*)address;
        if (Refcount.IsImmortal(op))
        {
            return 0;
        }
        long inside = ReferrersOf(address).Count(r => !r.Weak);
        return Math.Max(0, op->ob_refcnt - inside);
    }
}
