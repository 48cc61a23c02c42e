using System.Text.Json;
using UnmanagedHeap.Compare;
using UnmanagedHeap.Memory;

// The .NET and C# API half of bench/compare: times each shared workload with ordinary
// .NET objects and through the UnmanagedHeap C# API, and writes ns per operation as JSON
// to stdout. bench/compare.py runs it next to CPython and pyheap and prints the table.
//
//   compare-dotnet [--runs N]     N measured runs after one warm-up (default 3)

int runs = 3;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs" && i + 1 < args.Length && int.TryParse(args[i + 1], out runs) && runs > 0)
    {
        i++;
        continue;
    }
    Console.Error.WriteLine($"compare-dotnet: bad argument '{args[i]}' (usage: compare-dotnet [--runs N], N > 0)");
    return 2;
}

var managed = new ManagedWorkloads();
var pymalloc = new HeapWorkloads(AllocatorKind.PyMalloc);
var results = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal);

void Record(string workload, string side, Func<double> run, long operations)
{
    Console.Error.WriteLine($"compare-dotnet: {workload} ({side}) ...");
    if (!results.TryGetValue(workload, out var sides))
    {
        results[workload] = sides = new SortedDictionary<string, double>(StringComparer.Ordinal);
    }
    sides[side] = Measure.BestNsPerOp(run, operations, runs);
}

Record("node_create_free", "dotnet", managed.NodeCreateFree, Workloads.Nodes);
Record("node_create_free", "csharp_api", pymalloc.NodeCreateFree, Workloads.Nodes);
Record("cycles_create_collect", "dotnet", managed.CyclesCreateCollect, Workloads.Cycles);
Record("cycles_create_collect", "csharp_api", pymalloc.CyclesCreateCollect, Workloads.Cycles);
const long scanned = 2L * Workloads.LiveNodes * Workloads.LiveCollections;
Record("live_heap_collect", "dotnet", managed.LiveHeapCollect, scanned);
Record("live_heap_collect", "csharp_api", pymalloc.LiveHeapCollect, scanned);
const long links = (long)Workloads.ChainLength * Workloads.ChainRounds;
Record("deep_chain_free", "dotnet", managed.DeepChainFree, links);
Record("deep_chain_free", "csharp_api", pymalloc.DeepChainFree, links);
const long treeNodes = Workloads.Trees * Workloads.TreeNodes;
Record("binary_trees_16", "dotnet", managed.BinaryTrees, treeNodes);
Record("binary_trees_16", "csharp_api", pymalloc.BinaryTrees, treeNodes);

var skipped = new SortedDictionary<string, string>(StringComparer.Ordinal);
foreach (AllocatorKind kind in new[] { AllocatorKind.PyMalloc, AllocatorKind.System, AllocatorKind.Mimalloc })
{
    string name = "alloc_free_" + Allocators.NameOf(kind);
    if (kind == AllocatorKind.Mimalloc && !MimallocAllocator.IsAvailable)
    {
        skipped[name] = "libmimalloc.so.2 is not loadable (Debian package libmimalloc2.0)";
        continue;
    }
    Record(name, "csharp_api", new HeapWorkloads(kind).NodeCreateFree, Workloads.Nodes);
}

using var json = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true });
json.WriteStartObject();
json.WriteNumber("runs", runs);
json.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
json.WriteStartObject("ns_per_op");
foreach (var (workload, sides) in results)
{
    json.WriteStartObject(workload);
    foreach (var (side, ns) in sides)
    {
        json.WriteNumber(side, Math.Round(ns, 2));
    }
    json.WriteEndObject();
}
json.WriteEndObject();
json.WriteStartObject("skipped");
foreach (var (workload, why) in skipped)
{
    json.WriteString(workload, why);
}
json.WriteEndObject();
json.WriteEndObject();
json.Flush();
Console.Out.WriteLine();
return 0;
