using UnmanagedHeap.Inspect;

namespace PyHeap.Exercises;

/// <summary>
/// Says in plain words why objects of one type are still alive: the shortest chain from a
/// module global (or another root), or, when nothing reaches them, the reference cycle
/// they keep each other alive in.
/// </summary>
public static class LeakReport
{
    /// <summary>Null when no object of <paramref name="typeName"/> is alive; otherwise the explanation.</summary>
    public static string? Explain(CheckContext context, string typeName, string when)
    {
        IReadOnlyList<nint> alive = context.Heap.Inspector.ByType(typeName);
        if (alive.Count == 0)
        {
            return null;
        }
        string count = alive.Count == 1 ? $"1 {typeName} object is" : $"{alive.Count} {typeName} objects are";
        ReferrerIndex index = context.Heap.Inspector.Index();
        var names = index.Objects.ToDictionary(o => o.Address, o => o.TypeName);
        AliveChain? chain = context.Heap.Inspector.WhyAlive(alive[0], context.Exit.GlobalRoots());
        if (chain != null)
        {
            string steps = chain.Steps.Count == 0 ? $" (the {typeName} at 0x{alive[0]:x} itself)" : $" -> {Steps(chain.Steps, names)}";
            return $"{count} still alive {when}; the chain holding the first one is: {chain.Root.Description}{steps}";
        }
        IReadOnlyList<Reference>? cycle = FindCycle(index, alive[0]);
        if (cycle != null)
        {
            return $"{count} still alive {when}, and nothing the program can reach holds them: they keep each other alive in a reference cycle: {names[alive[0]]} at 0x{alive[0]:x} -> {Steps(cycle, names)}";
        }
        return $"{count} still alive {when}, held by references from outside the heap";
    }

    /// <summary>"children -> list -> [0] -> Node at 0x…": each reference, then what it reaches.</summary>
    private static string Steps(IReadOnlyList<Reference> steps, Dictionary<nint, string> names) =>
        string.Join(" -> ", steps.Select(s => $"{(s.Label.Length == 0 ? "(reference)" : s.Label)} -> {names.GetValueOrDefault(s.To, "object")} at 0x{s.To:x}"));

    /// <summary>The shortest path of strong references from <paramref name="start"/> back to itself.</summary>
    private static IReadOnlyList<Reference>? FindCycle(ReferrerIndex index, nint start)
    {
        var cameFrom = new Dictionary<nint, Reference>();
        var queue = new Queue<nint>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            nint at = queue.Dequeue();
            foreach (Reference r in index.ReferentsOf(at))
            {
                if (r.Weak)
                {
                    continue;
                }
                if (r.To == start)
                {
                    var path = new List<Reference> { r };
                    for (nint back = at; back != start; back = cameFrom[back].From)
                    {
                        path.Add(cameFrom[back]);
                    }
                    path.Reverse();
                    return path;
                }
                if (r.To != start && cameFrom.TryAdd(r.To, r))
                {
                    queue.Enqueue(r.To);
                }
            }
        }
        return null;
    }
}
