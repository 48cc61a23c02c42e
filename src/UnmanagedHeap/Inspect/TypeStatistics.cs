using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Inspect;

/// <summary>A type whose live count grew: the count now and the increase.</summary>
public readonly record struct TypeGrowth(string TypeName, long Count, long Delta);

/// <summary>
/// objgraph's census functions over the heap's <see cref="Census"/>: the most common types,
/// and the growth of each type's count since the last call. Growth is measured against the
/// highest count seen so far for each type, as objgraph's show_growth does, so a type whose
/// count went down and back up does not report growth twice.
/// </summary>
public sealed class TypeStatistics
{
    private readonly Dictionary<string, long> _peaks = new(StringComparer.Ordinal);

    /// <summary>Object counts by type, most common first (ties by name), buffers left out.</summary>
    public static IReadOnlyList<(string TypeName, long Count)> MostCommon(IReadOnlyList<CensusRow> census, int limit) =>
        census.Where(r => r.TypeName != Census.Buffers)
            .OrderByDescending(r => r.Count).ThenBy(r => r.TypeName, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(r => (r.TypeName, r.Count))
            .ToList();

    /// <summary>Types whose count exceeds its previous peak, largest increase first; updates the peaks.</summary>
    public IReadOnlyList<TypeGrowth> Growth(IReadOnlyList<CensusRow> census, int limit)
    {
        var grown = new List<TypeGrowth>();
        foreach (CensusRow row in census)
        {
            if (row.TypeName == Census.Buffers)
            {
                continue;
            }
            _peaks.TryGetValue(row.TypeName, out long peak);
            if (row.Count > peak)
            {
                grown.Add(new TypeGrowth(row.TypeName, row.Count, row.Count - peak));
                _peaks[row.TypeName] = row.Count;
            }
        }
        return grown.OrderByDescending(g => g.Delta).ThenBy(g => g.TypeName, StringComparer.Ordinal).Take(Math.Max(0, limit)).ToList();
    }

    /// <summary>objgraph's show_most_common_types layout: name padded to the longest, then the count.</summary>
    public static string FormatMostCommon(IReadOnlyList<(string TypeName, long Count)> rows)
    {
        int width = rows.Count == 0 ? 0 : rows.Max(r => r.TypeName.Length);
        var sb = new StringBuilder();
        foreach (var (name, count) in rows)
        {
            sb.Append(name.PadRight(width)).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>objgraph's show_growth layout: name, count (9 wide), signed delta (9 wide).</summary>
    public static string FormatGrowth(IReadOnlyList<TypeGrowth> rows)
    {
        int width = rows.Count == 0 ? 0 : rows.Max(r => r.TypeName.Length);
        var sb = new StringBuilder();
        foreach (TypeGrowth g in rows)
        {
            sb.Append(g.TypeName.PadRight(width))
                .Append(g.Count.ToString(CultureInfo.InvariantCulture).PadLeft(9))
                .Append(' ')
                .Append(("+" + g.Delta.ToString(CultureInfo.InvariantCulture)).PadLeft(9))
                .Append('\n');
        }
        return sb.ToString();
    }
}
