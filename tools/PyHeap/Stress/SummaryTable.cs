using System.Globalization;
using Spectre.Console;

namespace PyHeap.Stress;

/// <summary>The table printed at the end of a run (Spectre.Console, plain characters when not on a terminal).</summary>
public static class SummaryTable
{
    public static void Write(StressReport r, CommandIo io)
    {
        IAnsiConsole console = TableConsole.For(io.Out, io.Terminal);
        var table = new Table()
            .Border(TableConsole.Border(io.Terminal))
            .Title($"pyheap stress --shape {r.Shape}: {r.Stopped}")
            .AddColumn("figure")
            .AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("heaps (threads)", r.Heaps.ToString(CultureInfo.InvariantCulture));
        Row("allocator, collector", $"{r.Allocator}, gc {r.Gc}");
        Row("objects created", $"{Units.Count(r.ObjectsCreated)} in {r.Seconds.ToString("F2", CultureInfo.InvariantCulture)} s");
        Row("allocation rate", $"{Units.Rate(r.ObjectsPerSecond)}objects/s, {Units.Bytes(r.BytesPerSecond)}/s");
        foreach (HeapResult h in r.PerHeap.Length > 1 ? r.PerHeap : [])
        {
            Row($"  heap {h.Heap} (thread {h.ThreadId})", $"{Units.Rate(h.ObjectsPerSecond)}objects/s");
        }
        Row("pauses p50 / p99 / max", $"{Units.Ms(r.PausesMs.P50)} / {Units.Ms(r.PausesMs.P99)} / {Units.Ms(r.PausesMs.Max)}");
        Row("bytes per object allocated", Units.Bytes(r.BytesPerObjectAllocated));
        Row("bytes per live object, allocator", r.BytesPerLiveObject is double a ? Units.Bytes(a) : "- (too few live objects)");
        Row("bytes per live object, resident", r.ResidentBytesPerLiveObject is double b ? Units.Bytes(b) : "- (too few live objects)");
        Row("collections gen0 / gen1 / gen2", string.Join(" / ", r.Collections));
        Row("objects collected", Units.Count(r.Collected));
        Row("final live objects", $"{Units.Count(r.FinalLiveObjects)} ({Units.Bytes(r.FinalLiveBytes)})");
        Row("resident at start / peak", $"{Units.Bytes(r.StartRssBytes)} / {Units.Bytes(r.PeakRssBytes)}");
        console.Write(table);
        io.Out.Flush();
    }
}
