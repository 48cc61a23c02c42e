using System.Text;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// One object's edges as text, one labelled reference a line: what it refers to, then what
/// refers to it, then how many references come from outside the heap's objects (a frame's
/// locals, the interpreter) — the neighbourhood <c>show_refs</c>/<c>show_backrefs</c> draw at
/// depth 1, readable at a prompt without Graphviz.
/// </summary>
public static class ReferenceListing
{
    /// <summary>No more than this many lines per direction; the rest are counted.</summary>
    public const int MaxLines = 50;

    public static string Format(ReferrerIndex index, nint target)
    {
        var sb = new StringBuilder();
        sb.AppendLine(WhyAlive.Describe(target));
        IReadOnlyList<Reference> referents = index.ReferentsOf(target);
        sb.AppendLine(referents.Count == 0 ? "references: none" : $"references ({referents.Count}):");
        AppendEdges(sb, referents, r => $"  -> {Label(r)} -> {WhyAlive.Describe(r.To)}");
        IReadOnlyList<Reference> referrers = index.ReferrersOf(target);
        sb.AppendLine(referrers.Count == 0 ? "referred to by: no heap object" : $"referred to by ({referrers.Count}):");
        AppendEdges(sb, referrers, r => $"  <- {Label(r)} <- {WhyAlive.Describe(r.From)}");
        long outside = index.OutsideReferences(target);
        if (outside > 0)
        {
            sb.AppendLine($"plus {outside} reference{(outside == 1 ? "" : "s")} from outside the heap's objects (frames, the interpreter)");
        }
        return sb.ToString();
    }

    private static string Label(Reference r)
    {
        string label = r.Label.Length == 0 ? "(reference)" : r.Label;
        return r.Weak ? label + " (weak)" : label;
    }

    private static void AppendEdges(StringBuilder sb, IReadOnlyList<Reference> edges, Func<Reference, string> line)
    {
        foreach (Reference r in edges.Take(MaxLines))
        {
            sb.AppendLine(line(r));
        }
        if (edges.Count > MaxLines)
        {
            sb.AppendLine($"  ... and {edges.Count - MaxLines} more");
        }
    }
}
