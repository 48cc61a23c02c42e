using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Inspect;

/// <summary>Live objects of one type: how many, and the bytes of their blocks.</summary>
public readonly record struct CensusRow(string TypeName, long Count, long Bytes);

/// <summary>
/// A census of a heap: every live block the allocator knows, classified by the object
/// header it holds (by type) or as a buffer (list item arrays, dict tables, str UTF-8
/// copies, type names). Walks the allocator, so it sees exactly what is in memory.
/// </summary>
public static class Census
{
    /// <summary>The row name for blocks that hold no object header.</summary>
    public const string Buffers = "(item arrays, tables, buffers)";

    private static readonly int[] Prefixes = [0, 16, 32];

    public static IReadOnlyList<CensusRow> Take(Allocator allocator, AddressClassifier addresses)
    {
        var blocks = new List<(nint Start, nuint Size)>();
        allocator.WalkLiveBlocks((start, size) => blocks.Add((start, size)));
        var rows = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        foreach (var (start, size) in blocks)
        {
            string name = Buffers;
            foreach (int prefix in Prefixes)
            {
                if ((nuint)prefix >= size)
                {
                    break;
                }
                AddressInfo info = addresses.Classify(start + prefix);
                if (info.Kind == AddressKind.LiveObject)
                {
                    name = info.TypeName ?? "?";
                    break;
                }
            }
            rows.TryGetValue(name, out var row);
            rows[name] = (row.Count + 1, row.Bytes + (long)size);
        }
        return rows.Select(r => new CensusRow(r.Key, r.Value.Count, r.Value.Bytes))
            .OrderByDescending(r => r.Bytes)
            .ThenBy(r => r.TypeName, StringComparer.Ordinal)
            .ToList();
    }
}
