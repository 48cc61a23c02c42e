using System.Globalization;
using System.Text;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>The shortest chain from a root to an object: the root, then each reference followed.</summary>
public sealed record AliveChain(Root Root, IReadOnlyList<Reference> Steps);

/// <summary>
/// Why is an object alive? A breadth-first search over strong references, first from the
/// given roots (module globals, frame locals, gc.garbage, the frozen generation); if none
/// reaches the object, from the objects that hold references from outside the heap (their
/// refcount exceeds the references heap objects hold, as CPython's collector decides what
/// is reachable). The first chain found is a shortest one.
/// </summary>
public static unsafe class WhyAlive
{
    public static AliveChain? Find(ReferrerIndex index, nint target, IReadOnlyList<Root> roots)
    {
        AliveChain? chain = Search(index, target, roots);
        if (chain != null)
        {
            return chain;
        }
        var outside = new List<Root>();
        foreach (HeapObject o in index.Objects)
        {
            long n = index.OutsideReferences(o.Address);
            if (n > 0 && o.Address != target)
            {
                outside.Add(new Root($"{n} reference{(n == 1 ? "" : "s")} from outside the heap (C# code or the interpreter) to {Describe(o.Address)}", o.Address));
            }
        }
        chain = Search(index, target, outside);
        if (chain == null && index.OutsideReferences(target) is long own and > 0)
        {
            chain = new AliveChain(new Root($"{own} reference{(own == 1 ? "" : "s")} from outside the heap (C# code or the interpreter)", target), []);
        }
        return chain;
    }

    private static AliveChain? Search(ReferrerIndex index, nint target, IReadOnlyList<Root> roots)
    {
        var cameFrom = new Dictionary<nint, (int Root, Reference? Via)>();
        var queue = new Queue<nint>();
        for (int i = 0; i < roots.Count; i++)
        {
            if (cameFrom.TryAdd(roots[i].Object, (i, null)))
            {
                queue.Enqueue(roots[i].Object);
            }
        }
        while (queue.Count > 0)
        {
            nint a = queue.Dequeue();
            if (a == target)
            {
                var steps = new List<Reference>();
                int root = cameFrom[a].Root;
                for (nint at = a; cameFrom[at].Via is Reference r; at = r.From)
                {
                    steps.Add(r);
                }
                steps.Reverse();
                return new AliveChain(roots[root], steps);
            }
            foreach (Reference r in index.ReferentsOf(a))
            {
                if (!r.Weak && cameFrom.TryAdd(r.To, (cameFrom[a].Root, r)))
                {
                    queue.Enqueue(r.To);
                }
            }
        }
        return null;
    }

    /// <summary>The chain as lines: the root, then one line per reference ("-> .next -> Node at 0x…").</summary>
    public static string Format(nint target, AliveChain? chain)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Describe(target)} is alive because:").AppendLine();
        if (chain == null)
        {
            sb.AppendLine("  nothing found: no root and no outside reference reaches it");
            return sb.ToString();
        }
        sb.Append("  ").AppendLine(chain.Root.Description);
        if (chain.Steps.Count == 0 && chain.Root.Object == target && !chain.Root.Description.Contains(" to ", StringComparison.Ordinal))
        {
            sb.Append("  which is ").AppendLine(Describe(target));
        }
        foreach (Reference step in chain.Steps)
        {
            string label = step.Label.Length == 0 ? "(reference)" : step.Label;
            sb.Append("  -> ").Append(label).Append(" -> ").AppendLine(Describe(step.To));
        }
        return sb.ToString();
    }

    /// <summary>"Node object at 0x… (refcount 2)": a line's description of an object.</summary>
    public static string Describe(nint address)
    {
        var op = (PyObject*)address;
        string name = TypeRegistry.NameOf(op->ob_type);
        string repr = ShortRepr.Of(op);
        string shown = repr.StartsWith('<') ? "" : $" {repr}";
        return $"{name}{shown} at 0x{address:x} (refcount {op->ob_refcnt})";
    }
}
