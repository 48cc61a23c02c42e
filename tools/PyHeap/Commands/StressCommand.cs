using System.Diagnostics;
using System.Globalization;
using UnmanagedHeap;

namespace PyHeap;

/// <summary>
/// <c>pyheap stress</c>: drives objects through an allocator and the collector and reports
/// throughput and pauses. Each round builds a batch of <c>Node(i, [])</c> objects, links a
/// share of them into two-Node cycles, drops them all (reference counting frees the
/// acyclic ones at once), then collects the cycles and times the pause.
/// </summary>
public static class StressCommand
{
    public static readonly IReadOnlyDictionary<string, FlagKind> Flags = new Dictionary<string, FlagKind>
    {
        ["allocator"] = FlagKind.Value,
        ["debug-alloc"] = FlagKind.Switch,
        ["objects"] = FlagKind.Value,
        ["rounds"] = FlagKind.Value,
        ["cycle-percent"] = FlagKind.Value,
    };

    public static int Run(Options options, TextWriter output)
    {
        if (options.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{options.Positional[0]}'");
        }
        int objects = PositiveInt(options, "objects", 1_000_000, 100_000_000);
        int rounds = PositiveInt(options, "rounds", 5, 1000);
        int cyclePercent = PositiveInt(options, "cycle-percent", 50, 100, allowZero: true);
        HeapOptions heapOptions = options.HeapOptions();

        using var heap = new Heap(heapOptions);
        heap.Gc.Disable(); // collections happen where the rounds ask, so each pause is measured alone
        PyClass node = heap.DefineClass("Node", "value", "edges");
        output.WriteLine($"pyheap stress: {objects:N0} Nodes a round, {cyclePercent}% of them in two-Node cycles, {rounds} rounds, allocator {heap.Allocator.Name}");
        output.WriteLine();
        output.WriteLine($"{"round",5}  {"create+drop",13}  {"per Node",9}  {"collect",10}  {"reclaimed",10}  {"per object",10}  {"live after",10}");
        var best = double.MaxValue;
        for (int round = 1; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            BuildAndDrop(heap, node, objects, cyclePercent);
            TimeSpan build = clock.Elapsed;
            clock.Restart();
            long reclaimed = heap.Gc.Collect();
            TimeSpan pause = clock.Elapsed;
            double perNode = build.TotalNanoseconds / objects;
            best = Math.Min(best, perNode);
            string perObject = reclaimed > 0 ? $"{pause.TotalNanoseconds / reclaimed,7:F1} ns" : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{round,5}  {build.TotalMilliseconds,10:F1} ms  {perNode,6:F1} ns  {pause.TotalMilliseconds,7:F1} ms  {reclaimed,10:N0}  {perObject,10}  {heap.LiveObjects,10:N0}"));
        }
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best: {best:F1} ns per Node created and dropped ({1e3 / best:F1} million Nodes per second)"));
        return CommandLine.Ok;
    }

    private static void BuildAndDrop(Heap heap, PyClass node, int objects, int cyclePercent)
    {
        int cyclic = (int)((long)objects * cyclePercent / 100) & ~1;
        for (int i = 0; i < cyclic; i += 2)
        {
            using NewRef a = heap.New(node, heap.Int(i), heap.NewList());
            using NewRef b = heap.New(node, heap.Int(i + 1), heap.NewList());
            a.Borrow().Get("edges").Append(b.Borrow());
            b.Borrow().Get("edges").Append(a.Borrow());
        }
        for (int i = cyclic; i < objects; i++)
        {
            using NewRef n = heap.New(node, heap.Int(i), heap.NewList());
        }
    }

    private static int PositiveInt(Options options, string name, int fallback, int max, bool allowZero = false)
    {
        string? text = options.Value(name);
        if (text == null)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out int value) || value < (allowZero ? 0 : 1) || value > max)
        {
            throw new UsageException($"--{name} takes a whole number from {(allowZero ? 0 : 1)} to {max}, not '{text}'");
        }
        return value;
    }
}
