using System.Text.Json;
using System.Xml.Linq;
using PyHeap.Stress;
using static UnmanagedHeap.Tests.Tools.CommandHarness;
using static UnmanagedHeap.Tests.Tools.StressRunner;

namespace UnmanagedHeap.Tests.Tools;

/// <summary><c>pyheap stress</c> end to end in-process: shapes, JSON, charts, limits and refusals.</summary>
[NonParallelizable]
public class StressCommandTests
{
    [TestCase("nodes", 40_000)]
    [TestCase("chain", 40_000)]
    [TestCase("graph", 40_000)]
    [TestCase("route-cache", 40_000)]
    [TestCase("binary-trees", 40_000)]
    public void EveryShapeRunsSmall(string shape, int objects)
    {
        var (code, output, error, report, _) = Stress("--shape", shape, "--objects", objects.ToString());
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(report, Is.Not.Null);
        Assert.That(report!.Shape, Is.EqualTo(shape));
        Assert.That(report.Stopped, Is.EqualTo("done"));
        // A step is never split, so a run ends within one step of its quota.
        Assert.That(report.ObjectsCreated, Is.InRange(objects, objects + 20_000));
        Assert.That(report.ObjectsPerSecond, Is.GreaterThan(0));
        Assert.That(report.Samples, Is.Not.Empty);
        Assert.That(report.Samples[^1].ObjectsCreated, Is.EqualTo(report.ObjectsCreated));
        Assert.That(output, Does.Contain("warming up"));
        Assert.That(output, Does.Contain("allocation rate"));
        Assert.That(output, Does.Contain("pauses p50 / p99 / max"));
    }

    [Test]
    public void NodeCyclesAreReclaimedByTheCollectorAndOnlyThem()
    {
        // Every step is a two-Node cycle: two Nodes and two edge lists for the collector.
        var (code, _, error, report, _) = Stress("--shape", "nodes", "--objects", "40000", "--back-links", "100", "--gc", "off");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(report!.Collected, Is.Zero);
        Assert.That(report.Samples[^1].LiveObjects - report.Samples[0].LiveObjects, Is.InRange(39_000, 40_000));

        var (_, _, _, acyclic, _) = Stress("--shape", "nodes", "--objects", "40000", "--back-links", "0");
        Assert.That(acyclic!.Collected, Is.Zero, "reference counting frees every acyclic Node");
        Assert.That(acyclic.FinalLiveObjects, Is.LessThan(acyclic.Samples[0].LiveObjects + 200), "at most what freelists park");
    }

    [Test]
    public void TheJsonRoundTripsWithEveryKey()
    {
        var (code, _, error, report, json) = Stress("--shape", "graph", "--objects", "30000");
        Assert.That(code, Is.EqualTo(0), error);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        foreach (string key in new[]
        {
            "shape", "objects_created", "seconds", "objects_per_second", "bytes_per_second", "peak_rss_bytes", "final_live_objects",
            "final_live_bytes", "bytes_per_live_object", "resident_bytes_per_live_object", "collections", "collected", "pauses_ms",
            "stopped", "samples", "per_heap", "allocator", "gc", "heaps", "seed",
        })
        {
            Assert.That(root.TryGetProperty(key, out _), Is.True, $"key {key}");
        }
        Assert.That(root.GetProperty("collections").GetArrayLength(), Is.EqualTo(3));
        foreach (string key in new[] { "p50", "p99", "max" })
        {
            Assert.That(root.GetProperty("pauses_ms").TryGetProperty(key, out _), Is.True, key);
        }
        JsonElement sample = root.GetProperty("samples")[0];
        foreach (string key in new[] { "t", "live_objects", "live_bytes", "rss_bytes", "collections" })
        {
            Assert.That(sample.TryGetProperty(key, out _), Is.True, $"sample key {key}");
        }
        string again = JsonSerializer.Serialize(report!, StressJsonContext.Default.StressReport);
        Assert.That(again, Is.EqualTo(json));
        Assert.That(report!.PausesMs.P50, Is.LessThanOrEqualTo(report.PausesMs.P99));
        Assert.That(report.PausesMs.P99, Is.LessThanOrEqualTo(report.PausesMs.Max));
        Assert.That(report.Collections.Sum(), Is.EqualTo(report.PausesMs.Count));
    }

    [Test]
    public void MaxRssStopsTheRunWithExitThreeAndACompleteJson()
    {
        long limit = ResidentBytes() + (96L << 20);
        var (code, output, error, report, _) = Stress("--shape", "route-cache", "--gc", "off", "--duration", "60s", "--max-rss", limit.ToString());
        Assert.That(code, Is.EqualTo(3), error);
        Assert.That(Lines(error), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("crossed --max-rss"));
        Assert.That(output, Does.Contain("allocation rate"), "the summary is still printed");
        Assert.That(report!.Stopped, Is.EqualTo("max-rss"));
        Assert.That(report.PeakRssBytes, Is.GreaterThanOrEqualTo(limit));
        Assert.That(report.Seconds, Is.LessThan(60));
        Assert.That(report.ObjectsCreated, Is.GreaterThan(0));
        Assert.That(report.Samples, Is.Not.Empty);
    }

    [TestCase(".svg")]
    [TestCase(".png")]
    public void AChartIsWritten(string extension)
    {
        string chart = Path.Combine(Path.GetTempPath(), $"stress-{Guid.NewGuid():N}{extension}");
        try
        {
            var (code, _, error) = Run("stress", "--quiet", "--shape", "nodes", "--objects", "30000", "--chart", chart);
            Assert.That(code, Is.EqualTo(0), error);
            if (extension == ".svg")
            {
                XElement svg = XDocument.Load(chart).Root!;
                Assert.That(svg.Name.LocalName, Is.EqualTo("svg"));
                Assert.That(svg.Descendants().Count(), Is.GreaterThan(10));
            }
            else
            {
                byte[] bytes = File.ReadAllBytes(chart);
                Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
                Assert.That(bytes.Length, Is.GreaterThan(5000));
            }
        }
        finally
        {
            File.Delete(chart);
        }
    }

    [TestCase(new[] { "--objects", "-5" }, "pyheap stress: --objects takes a whole number from 1 to 10,000,000,000,000, not '-5'")]
    [TestCase(new[] { "--objects", "lots" }, "pyheap stress: --objects takes a whole number from 1 to 10,000,000,000,000, not 'lots'")]
    [TestCase(new[] { "--shape", "tree" }, "pyheap stress: unknown shape 'tree' for --shape: expected one of nodes, chain, graph, route-cache, binary-trees")]
    [TestCase(new[] { "--objects", "10", "--duration", "5s" }, "pyheap stress: give --objects or --duration, not both")]
    [TestCase(new[] { "--duration", "5h" }, "pyheap stress: --duration takes a positive duration with an s or m suffix (10s, 2m), not '5h'")]
    [TestCase(new[] { "--back-links", "101" }, "pyheap stress: --back-links takes a whole number from 0 to 100, not '101'")]
    [TestCase(new[] { "--weak", "-1" }, "pyheap stress: --weak takes a whole number from 0 to 100, not '-1'")]
    [TestCase(new[] { "--shape", "chain", "--back-links", "10" }, "pyheap stress: --back-links applies to the shapes nodes, graph and route-cache, not chain")]
    [TestCase(new[] { "--gc", "sometimes" }, "pyheap stress: --gc takes on, off or three thresholds T0,T1,T2 (whole numbers, as gc.set_threshold), not 'sometimes'")]
    [TestCase(new[] { "--gc", "700,10" }, "pyheap stress: --gc takes on, off or three thresholds T0,T1,T2 (whole numbers, as gc.set_threshold), not '700,10'")]
    [TestCase(new[] { "--heaps", "0" }, "pyheap stress: --heaps takes a whole number from 1 to 256, not '0'")]
    [TestCase(new[] { "--rate", "0" }, "pyheap stress: --rate takes a whole number from 1 to 10,000,000,000, not '0'")]
    [TestCase(new[] { "--max-rss", "12Q" }, "pyheap stress: --max-rss takes a size in bytes with an optional K, M or G suffix (512M, 2G), not '12Q'")]
    [TestCase(new[] { "--chart", "out.jpg" }, "pyheap stress: --chart writes .svg or .png, not 'out.jpg'")]
    [TestCase(new[] { "--rounds", "3" }, "pyheap stress: Unrecognized command or argument '--rounds'.")]
    public void ImpossibleParametersExitTwoWithOneLine(string[] args, string message)
    {
        var (code, output, error) = Run(["stress", .. args]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(Lines(error), Is.EqualTo(new[] { message }));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void AMaxRssBelowTheStartingSizeExitsTwo()
    {
        var (code, _, error) = Run("stress", "--quiet", "--objects", "1000", "--max-rss", "1M");
        Assert.That(code, Is.EqualTo(2));
        string[] lines = Lines(error);
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.StartWith("pyheap stress: --max-rss 1.0 MiB is below the resident size at the start, "));
    }

    [TestCase("system")]
    [TestCase("mimalloc")]
    public void RunsOnTheOtherAllocators(string allocator)
    {
        var (code, _, error, report, _) = Stress("--shape", "nodes", "--objects", "20000", "--allocator", allocator);
        if (allocator == "mimalloc" && !UnmanagedHeap.Memory.MimallocAllocator.IsAvailable)
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(Lines(error), Has.Length.EqualTo(1));
            Assert.That(error, Does.Contain("libmimalloc2.0"));
            return;
        }
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(report!.Allocator, Is.EqualTo(allocator));
    }

    [Test]
    public void DebugHooksRunToo()
    {
        var (code, _, error, report, _) = Stress("--shape", "graph", "--objects", "20000", "--debug-alloc");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(report!.Collected, Is.GreaterThan(0));
    }

    [Test]
    public void RatePacesTheRun()
    {
        // 30,000 objects at 60,000 a second take half a second, however fast the machine.
        var (code, _, error, report, _) = Stress("--shape", "nodes", "--objects", "30000", "--rate", "60000");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(report!.Seconds, Is.GreaterThanOrEqualTo(0.45));
        Assert.That(report.ObjectsPerSecond, Is.LessThanOrEqualTo(66_000));
    }

    [Test]
    public void CustomThresholdsAreUsed()
    {
        // Cycles only, so containers pile up between collections (a freed one counts back
        // down, as in CPython); gen0 at 100 containers instead of 700: about seven times the collections.
        var (_, _, _, standard, _) = Stress("--shape", "nodes", "--objects", "40000", "--back-links", "100");
        var (code, _, error, custom, _) = Stress("--shape", "nodes", "--objects", "40000", "--back-links", "100", "--gc", "100,10,10");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(custom!.Gc, Is.EqualTo("100,10,10"));
        Assert.That(standard!.Collections[0], Is.GreaterThan(20));
        Assert.That(custom.Collections[0], Is.GreaterThan(standard.Collections[0] * 4));
    }

    [Test]
    public void TheSameSeedBuildsTheSameObjects()
    {
        var (_, _, _, a, _) = Stress("--shape", "graph", "--objects", "20000", "--seed", "7", "--gc", "off");
        var (_, _, _, b, _) = Stress("--shape", "graph", "--objects", "20000", "--seed", "7", "--gc", "off");
        var (_, _, _, c, _) = Stress("--shape", "graph", "--objects", "20000", "--seed", "8", "--gc", "off");
        Assert.That(b!.FinalLiveObjects, Is.EqualTo(a!.FinalLiveObjects));
        Assert.That(c!.FinalLiveObjects, Is.Not.EqualTo(a.FinalLiveObjects));
    }
}
