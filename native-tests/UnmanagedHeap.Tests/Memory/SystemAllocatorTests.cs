using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Memory;

/// <summary>The libc allocator: its table is the only knowledge of what is live.</summary>
public sealed unsafe class SystemAllocatorTests
{
    [Test]
    public void FreedBlocksAreNoLongerOwnedAndCannotBeFreedAgain()
    {
        using var system = new SystemAllocator();
        var p = (nint)system.Allocate(100);
        Assert.That(system.Lookup(p + 99), Is.EqualTo(new BlockLookup(BlockState.LiveInterior, p, 100)));
        system.Free((void*)p);
        Assert.That(system.Lookup(p).State, Is.EqualTo(BlockState.NotOwned));

        var ex = Assert.Throws<HeapCorruptionException>(() => system.Free((void*)p))!;
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.InvalidFree));
        Assert.That(ex.Address, Is.EqualTo(p));
    }

    [Test]
    public void AnInteriorFreeIsReportedWithTheBlockItFallsIn()
    {
        using var system = new SystemAllocator();
        var p = (nint)system.Allocate(100);
        var ex = Assert.Throws<HeapCorruptionException>(() => system.Free((void*)(p + 10)))!;
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.InvalidFree));
        Assert.That(ex.Size, Is.EqualTo((nuint)100));
        Assert.That(ex.Message, Does.Contain("10 bytes inside"));
        Assert.That(system.IsLiveBlockStart(p), Is.True);
    }

    [Test]
    public void TheTableSurvivesGrowthAndChurn()
    {
        using var system = new SystemAllocator();
        var random = new Random(3);
        var live = new List<nint>();
        for (int round = 0; round < 20_000; round++)
        {
            if (live.Count > 0 && random.Next(3) == 0)
            {
                int i = random.Next(live.Count);
                system.Free((void*)live[i]);
                live[i] = live[^1];
                live.RemoveAt(live.Count - 1);
            }
            else
            {
                live.Add((nint)system.Allocate((nuint)random.Next(1, 200)));
            }
        }
        Assert.That(system.Stats.LiveBlocks, Is.EqualTo(live.Count));
        Assert.That(live.All(system.IsLiveBlockStart), Is.True);
        var walked = new HashSet<nint>();
        system.WalkLiveBlocks((start, _) => walked.Add(start));
        Assert.That(walked, Is.EquivalentTo(live));
    }
}
