using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Memory;

/// <summary>
/// The native mimalloc binding: availability, private heaps, and the missing-library error.
/// Every test but the missing-library one needs libmimalloc2.0 and is skipped without it.
/// </summary>
public sealed unsafe class MimallocAllocatorTests
{
    [SetUp]
    public void SkipWithoutTheLibrary()
    {
        if (TestContext.CurrentContext.Test.MethodName != nameof(AMissingLibraryIsAClearErrorNamingTheDebianPackage))
        {
            NativeMimalloc.RequireOrSkip();
        }
    }

    [Test]
    public void TheDebianLibraryIsInstalledAndLoads()
    {
        Assert.That(MimallocAllocator.IsAvailable, Is.True);
        Assert.That(MimallocAllocator.NativeVersion, Is.InRange(200, 299), "mimalloc 2.x");
        Assert.DoesNotThrow(() => MimallocAllocator.EnsureLoadable("libmimalloc.so.2"));
    }

    [Test]
    public void AMissingLibraryIsAClearErrorNamingTheDebianPackage()
    {
        var ex = Assert.Throws<AllocatorUnavailableException>(() => MimallocAllocator.EnsureLoadable("libmimalloc-not-here.so.9"))!;
        Assert.That(ex.AllocatorName, Is.EqualTo("mimalloc"));
        Assert.That(ex.Message, Does.Contain("libmimalloc2.0").And.Contain("libmimalloc-not-here.so.9"));
    }

    [Test]
    public void EachAllocatorHasItsOwnHeap()
    {
        using var first = new MimallocAllocator();
        using var second = new MimallocAllocator();
        var a = (nint)first.Allocate(64);
        var b = (nint)second.Allocate(64);

        Assert.That(first.Lookup(a).State, Is.EqualTo(BlockState.LiveStart));
        Assert.That(second.Lookup(a).State, Is.EqualTo(BlockState.NotOwned), "a block of another heap is not ours");
        Assert.That(first.Lookup(b).State, Is.EqualTo(BlockState.NotOwned));

        var walked = new List<nint>();
        second.WalkLiveBlocks((start, _) => walked.Add(start));
        Assert.That(walked, Is.EqualTo(new[] { b }));
    }

    [Test]
    public void DisposeDestroysTheHeapWithItsBlocks()
    {
        var doomed = new MimallocAllocator();
        for (int i = 0; i < 1000; i++)
            doomed.Allocate((nuint)(i % 300 + 1));
        Assert.That(doomed.Stats.LiveBlocks, Is.EqualTo(1000));
        Assert.That(doomed.Stats.ReservedBytes, Is.GreaterThan(0));
        doomed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = doomed.Stats);
        doomed.Dispose();   // twice is harmless
    }

    [Test]
    public void StatsCountUsableBytes()
    {
        using var mi = new MimallocAllocator();
        var p = (nint)mi.Allocate(20);
        BlockLookup found = mi.Lookup(p);
        Assert.That(found.BlockSize, Is.GreaterThanOrEqualTo((nuint)32), "requests are rounded up to 16-byte multiples");
        Assert.That(mi.Stats.LiveBytes, Is.EqualTo((long)found.BlockSize));
        mi.Free((void*)p);
        Assert.That(mi.Stats.LiveBytes, Is.Zero);
    }
}
