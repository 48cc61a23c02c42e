using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Inspect;

/// <summary>One type in a census compared with an earlier one.</summary>
public readonly record struct CensusChange(string TypeName, long Count, long CountDelta, long Bytes, long BytesDelta);

/// <summary>
/// Two censuses compared type by type (<c>pyheap run --census</c>: at exit against the start
/// of the program). Types present in either appear; most bytes first.
/// </summary>
public static class CensusGrowth
{
    public static IReadOnlyList<CensusChange> Compare(IReadOnlyList<CensusRow> before, IReadOnlyList<CensusRow> after)
    {
        var old = before.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
        var now = after.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
        return old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Select(name =>
            {
                now.TryGetValue(name, out CensusRow n);
                old.TryGetValue(name, out CensusRow o);
                return new CensusChange(name, n.Count, n.Count - o.Count, n.Bytes, n.Bytes - o.Bytes);
            })
            .OrderByDescending(c => c.Bytes).ThenBy(c => c.TypeName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A plain-text table: type, count, growth, bytes, growth; then the object and block totals.</summary>
    public static string Format(IReadOnlyList<CensusChange> changes)
    {
        var sb = new StringBuilder();
        int width = Math.Max(32, changes.Count == 0 ? 0 : changes.Max(c => c.TypeName.Length) + 1);
        void Line(string name, string count, string dc, string bytes, string db) =>
            sb.Append(name.PadRight(width)).Append(count.PadLeft(10)).Append(dc.PadLeft(10))
              .Append(bytes.PadLeft(12)).Append(db.PadLeft(12)).Append('\n');
        static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
        static string D(long v) => v > 0 ? "+" + N(v) : N(v);
        Line("type", "count", "growth", "bytes", "growth");
        foreach (CensusChange c in changes.Where(c => c.TypeName != Census.Buffers))
        {
            Line(c.TypeName, N(c.Count), D(c.CountDelta), N(c.Bytes), D(c.BytesDelta));
        }
        var objects = changes.Where(c => c.TypeName != Census.Buffers).ToList();
        Line("total objects", N(objects.Sum(c => c.Count)), D(objects.Sum(c => c.CountDelta)), N(objects.Sum(c => c.Bytes)), D(objects.Sum(c => c.BytesDelta)));
        foreach (CensusChange c in changes.Where(c => c.TypeName == Census.Buffers))
        {
            Line(c.TypeName, N(c.Count), D(c.CountDelta), N(c.Bytes), D(c.BytesDelta));
        }
        Line("total blocks", N(changes.Sum(c => c.Count)), D(changes.Sum(c => c.CountDelta)), N(changes.Sum(c => c.Bytes)), D(changes.Sum(c => c.BytesDelta)));
        return sb.ToString();
    }
}
