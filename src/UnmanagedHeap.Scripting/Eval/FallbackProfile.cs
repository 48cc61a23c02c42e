using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Eval;

/// <summary>
/// How often each fallback ran (<c>PYHEAP_FALLBACK_PROFILE=1</c>): the constructs that still
/// leave the loop for the tree-walker, by kind and source line, most frequent first. It is
/// the work list for moving constructs into the compiler, measured on real programs.
/// </summary>
public sealed class FallbackProfile
{
    private readonly Dictionary<(string Kind, string File, int Line), long> _counts = [];

    /// <summary>True when <c>PYHEAP_FALLBACK_PROFILE=1</c> asks for a profile.</summary>
    public static bool Requested => Environment.GetEnvironmentVariable("PYHEAP_FALLBACK_PROFILE") is "1";

    public void Count(Node node, string file)
    {
        var key = (node.GetType().Name, file, node.Line);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>The report: one line per construct and line, then the totals by kind.</summary>
    public void WriteTo(TextWriter w, int top = 25)
    {
        w.WriteLine("fallbacks to the tree-walker (PYHEAP_FALLBACK_PROFILE):");
        foreach (var ((kind, file, line), n) in _counts.OrderByDescending(p => p.Value).Take(top))
        {
            w.WriteLine($"  {n,12}  {kind} at {file}:{line}");
        }
        foreach (var group in _counts.GroupBy(p => p.Key.Kind).OrderByDescending(g => g.Sum(p => p.Value)))
        {
            w.WriteLine($"  total {group.Sum(p => p.Value),12}  {group.Key}");
        }
    }
}
