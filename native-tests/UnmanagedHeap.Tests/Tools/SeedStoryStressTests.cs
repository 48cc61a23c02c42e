using PyHeap.Stress;
using static UnmanagedHeap.Tests.Tools.StressRunner;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>
/// The README's three route-cache runs, asserted from their sampled timelines (counts and
/// bytes, never wall time): hard back-links without the collector climb until --max-rss
/// stops them; with the collector they plateau; weak back-links stay flat and leave the
/// collector nothing to reclaim.
/// </summary>
[NonParallelizable]
public class SeedStoryStressTests
{
    private const string Objects = "1200000";

    [Test]
    public void HardBackLinksWithoutTheCollectorClimbUntilMaxRss()
    {
        long limit = ResidentBytes() + (128L << 20);
        var (code, _, error, report, _) = Stress("--shape", "route-cache", "--gc", "off", "--duration", "120s", "--max-rss", limit.ToString());
        Assert.That(code, Is.EqualTo(3), error);
        Assert.That(report!.Stopped, Is.EqualTo("max-rss"));
        StressSample[] s = report.Samples;
        Assert.That(s.Length, Is.GreaterThanOrEqualTo(3));
        // Nothing is ever freed: every replaced route is cyclic garbage that stays.
        for (int i = 1; i < s.Length; i++)
        {
            Assert.That(s[i].LiveObjects, Is.GreaterThanOrEqualTo(s[i - 1].LiveObjects), $"sample {i}");
        }
        Assert.That(s[^1].LiveObjects - s[0].LiveObjects, Is.EqualTo(report.ObjectsCreated));
        Assert.That(s[^1].LiveBytes, Is.GreaterThan(s[0].LiveBytes + (64L << 20)));
        Assert.That(report.Collected, Is.Zero);
        Assert.That(report.Collections, Is.EqualTo(new long[] { 0, 0, 0 }));
    }

    [Test]
    public void HardBackLinksWithTheCollectorPlateau()
    {
        var (code, _, error, report, _) = Stress("--shape", "route-cache", "--objects", Objects);
        Assert.That(code, Is.EqualTo(0), error);
        StressSample[] s = report!.Samples;
        long cache = s[0].LiveObjects;
        // Many times the cache's size went through the heap, and the collector took it back.
        Assert.That(report.ObjectsCreated, Is.GreaterThan(4 * cache));
        Assert.That(report.Collected, Is.GreaterThan(report.ObjectsCreated / 2));
        Assert.That(report.Collections[2], Is.GreaterThan(0), "old routes are reclaimed by full collections");
        // Bounded: garbage waits at most for the next full collection...
        Assert.That(s.Max(x => x.LiveObjects), Is.LessThan(2.5 * cache));
        // ...and no trend: the second half of the run is no higher than the first.
        StressSample[] firstHalf = s.Where(x => x.ObjectsCreated <= report.ObjectsCreated / 2).ToArray();
        StressSample[] secondHalf = s.Where(x => x.ObjectsCreated > report.ObjectsCreated / 2).ToArray();
        Assert.That(firstHalf, Is.Not.Empty);
        Assert.That(secondHalf, Is.Not.Empty);
        Assert.That(secondHalf.Max(x => x.LiveBytes), Is.LessThan(1.3 * firstHalf.Max(x => x.LiveBytes)));
    }

    [Test]
    public void WeakBackLinksStayFlatAndTheCollectorReclaimsNothing()
    {
        var (code, _, error, report, _) = Stress("--shape", "route-cache", "--weak", "100", "--objects", Objects);
        Assert.That(code, Is.EqualTo(0), error);
        StressSample[] s = report!.Samples;
        long cache = s[0].LiveObjects;
        Assert.That(report.ObjectsCreated, Is.GreaterThan(4 * cache));
        // Reference counting frees each old route the moment the dict lets go of it; as in
        // CPython, a freed container counts generation 0 back down, so the collector is
        // hardly ever even started.
        Assert.That(report.Collected, Is.Zero);
        Assert.That(report.Collections.Sum(), Is.LessThanOrEqualTo(2));
        // Flat: at most the route being built on top of the cache.
        Assert.That(s.Max(x => x.LiveObjects) - s.Min(x => x.LiveObjects), Is.LessThanOrEqualTo(3 * 8 * 3));
        Assert.That(s.Max(x => x.LiveBytes), Is.LessThan(1.02 * s.Min(x => x.LiveBytes)));
    }
}
