using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// Live objects of one type: how many, and the bytes of their blocks; or, with
/// <paramref name="Parked"/>, freed objects of that type waiting on its freelist.
/// </summary>
public readonly record struct CensusRow(string TypeName, long Count, long Bytes, bool Parked = false);

/// <summary>
/// A census of a heap: every live block the allocator knows, classified by the object
/// header it holds (by type) or as a buffer (list item arrays, dict tables, str UTF-8
/// copies, type names), or as a freed object parked on a freelist. Walks the allocator, so
/// it sees exactly what is in memory.
/// </summary>
public static class Census
{
    /// <summary>The row name for blocks that hold no object header.</summary>
    public const string Buffers = "(item arrays, tables, buffers)";

    /// <summary>
    /// The row name for freed objects of <paramref name="typeName"/> whose blocks wait on its
    /// freelist: still allocator blocks, but not live objects, so they get rows of their own.
    /// </summary>
    public static string ParkedRow(string typeName) => typeName + ParkedSuffix;

    private const string ParkedSuffix = " (parked on its freelist)";

    public static IReadOnlyList<CensusRow> Take(Allocator allocator, AddressClassifier addresses)
    {
        var blocks = new List<(nint Start, nuint Size)>();
        allocator.WalkLiveBlocks((start, size) => blocks.Add((start, size)));
        var rows = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        foreach (var (start, size) in blocks)
        {
            string name = HeapObjects.Find(addresses, start, size) switch
            {
                HeapObject { Parked: true } parked => ParkedRow(parked.TypeName),
                HeapObject found => found.TypeName,
                null => Buffers,
            };
            rows.TryGetValue(name, out var row);
            rows[name] = (row.Count + 1, row.Bytes + (long)size);
        }
        return rows.Select(r => new CensusRow(r.Key, r.Value.Count, r.Value.Bytes, r.Key.EndsWith(ParkedSuffix, StringComparison.Ordinal)))
            .OrderByDescending(r => r.Bytes)
            .ThenBy(r => r.TypeName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Live objects in a census (every row but the buffers' and the parked objects').</summary>
    public static long ObjectCount(IReadOnlyList<CensusRow> census) =>
        census.Where(r => r.TypeName != Buffers && !r.Parked).Sum(r => r.Count);
}
