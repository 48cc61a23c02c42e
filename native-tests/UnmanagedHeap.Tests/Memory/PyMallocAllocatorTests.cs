using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Memory;

/// <summary>What is particular to the pymalloc-style allocator: classes, reuse, pools, arenas, the large path.</summary>
public sealed unsafe class PyMallocAllocatorTests
{
    private const int ArenaBytes = PyMallocAllocator.ArenaBytes;
    private const int PoolBytes = PyMallocAllocator.PoolBytes;
    private static readonly int HeaderBytes = (int)PyMallocLayout.PoolHeaderSize;

    private PyMallocAllocator _py = null!;

    [SetUp]
    public void Create() => _py = new PyMallocAllocator();

    [TearDown]
    public void Dispose() => _py.Dispose();

    private nint Alloc(int size)
    {
        nint p = (nint)_py.Allocate((nuint)size);
        Assert.That(p, Is.Not.Zero);
        return p;
    }

    private void Free(nint p) => _py.Free((void*)p);

    private static int BlocksPerPool(int blockSize) => (PoolBytes - HeaderBytes) / blockSize;

    [Test]
    public void AFreedBlockIsTheNextOneHandedOutForItsClass()
    {
        nint a = Alloc(32), b = Alloc(32);
        Free(a);
        Assert.That(Alloc(32), Is.EqualTo(a), "the id of a freed object is reused at once");

        Free(b);
        Free(a);
        Assert.That(Alloc(32), Is.EqualTo(a), "last freed, first reused");
        Assert.That(Alloc(32), Is.EqualTo(b));
    }

    [Test]
    public void SizesInOneSixteenByteClassShareBlocks()
    {
        nint a = Alloc(17);
        Free(a);
        Assert.That(Alloc(32), Is.EqualTo(a), "17 and 32 bytes are both the 32-byte class");
        nint c = Alloc(33);
        Assert.That(c, Is.Not.EqualTo(a));
        Assert.That(_py.Lookup(c).BlockSize, Is.EqualTo((nuint)48));
    }

    [Test]
    public void ThereAreThirtyTwoClassesOfSixteenByteSteps()
    {
        var sizes = new HashSet<nuint>();
        for (int request = 1; request <= PyMallocAllocator.SmallRequestLimit; request++)
        {
            nint p = Alloc(request);
            nuint blockSize = _py.Lookup(p).BlockSize;
            Assert.That(blockSize, Is.EqualTo((nuint)((request + 15) / 16 * 16)), $"request {request}");
            sizes.Add(blockSize);
        }
        Assert.That(sizes, Has.Count.EqualTo(32));
        Assert.That(_py.LargeBlockCount, Is.Zero);
    }

    [Test]
    public void TheFirstBlockFollowsThePoolHeaderAtTheStartOfAnAlignedArena()
    {
        nint p = Alloc(64);
        nint pool = p & ~(nint)(PoolBytes - 1);
        nint arena = p & ~(nint)(ArenaBytes - 1);
        Assert.That(pool, Is.EqualTo(arena), "the first pool is at the arena's start");
        Assert.That(p, Is.EqualTo(pool + HeaderBytes));

        Assert.That(_py.Lookup(pool).State, Is.EqualTo(BlockState.Metadata), "pool header");
        Assert.That(_py.Lookup(pool + HeaderBytes - 1).State, Is.EqualTo(BlockState.Metadata), "last header byte");
        Assert.That(_py.Lookup(p + 64 * 5).State, Is.EqualTo(BlockState.Metadata), "not carved yet");
        Assert.That(_py.Lookup(arena + 7 * PoolBytes + 100).State, Is.EqualTo(BlockState.Metadata), "a pool never used");
        Assert.That(_py.Lookup(arena + ArenaBytes - 1).State, Is.EqualTo(BlockState.Metadata), "last byte of the arena");
        Assert.That(_py.Lookup(arena + ArenaBytes).State, Is.EqualTo(BlockState.NotOwned), "first byte past the arena");
        Assert.That(_py.Lookup(arena - 1).State, Is.EqualTo(BlockState.NotOwned), "last byte before the arena");
    }

    [Test]
    public void TheSlackAtAPoolsEndIsMetadata()
    {
        int perPool = BlocksPerPool(512);
        var blocks = Enumerable.Range(0, perPool).Select(_ => Alloc(512)).ToList();
        nint pool = blocks[0] & ~(nint)(PoolBytes - 1);
        Assert.That(blocks.All(b => (b & ~(nint)(PoolBytes - 1)) == pool), Is.True, "one pool holds them all");
        Assert.That(_py.PoolsInUse, Is.EqualTo(1));

        nint lastEnd = blocks.Max() + 512;
        Assert.That(lastEnd, Is.LessThanOrEqualTo(pool + PoolBytes));
        Assert.That(_py.Lookup(pool + PoolBytes - 1).State, Is.EqualTo(BlockState.Metadata));
        Assert.That(_py.Lookup(lastEnd).State, Is.EqualTo(BlockState.Metadata));
        Assert.That(_py.Lookup(lastEnd - 1).State, Is.EqualTo(BlockState.LiveInterior));

        nint next = Alloc(512);
        Assert.That(next & ~(nint)(PoolBytes - 1), Is.Not.EqualTo(pool), "a full pool hands out nothing more");
        Assert.That(_py.PoolsInUse, Is.EqualTo(2));
    }

    [Test]
    public void EmptyPoolsGoBackToTheirArena()
    {
        int perPool = BlocksPerPool(512);
        var blocks = Enumerable.Range(0, 3 * perPool).Select(_ => Alloc(500)).ToList();
        Assert.That(_py.PoolsInUse, Is.EqualTo(3));

        foreach (nint p in blocks.Take(perPool))
            Free(p);
        Assert.That(_py.PoolsInUse, Is.EqualTo(2));

        // The emptied pool serves another class now; its memory is reused, not lost.
        nint pool = blocks[0] & ~(nint)(PoolBytes - 1);
        nint small = Alloc(16);
        Assert.That(small, Is.EqualTo(pool + HeaderBytes), "the emptied pool was reformatted for 16-byte blocks");
        Assert.That(_py.Lookup(blocks[1]).State, Is.EqualTo(BlockState.Metadata), "its old 512-byte blocks are gone");
        Assert.That(_py.Lookup(small).BlockSize, Is.EqualTo((nuint)16));

        Free(small);
        foreach (nint p in blocks.Skip(perPool))
            Free(p);
        Assert.That(_py.PoolsInUse, Is.Zero);
        Assert.That(_py.ArenaCount, Is.EqualTo(1), "one empty arena is kept as a spare");
    }

    [Test]
    public void AnEmptiedPoolStaysWithItsClassUntilAnArenaIsAskedForAPool()
    {
        nint p = Alloc(32);
        nint pool = p & ~(nint)(PoolBytes - 1);
        Free(p);
        Assert.That(_py.KeptPoolCount, Is.EqualTo(1), "its class's only pool: kept, not returned");
        Assert.That(_py.PoolsInUse, Is.Zero);
        Assert.That(_py.Lookup(p).State, Is.EqualTo(BlockState.FreedStart));
        Assert.That(Alloc(32), Is.EqualTo(p));
        Free(p);

        nint other = Alloc(100);   // another class needs a pool: kept pools go back first,
        Assert.That(_py.KeptPoolCount, Is.Zero);
        Assert.That(other, Is.EqualTo(pool + HeaderBytes), "and the only arena hands that very pool out again");
        Assert.That(_py.Lookup(other).BlockSize, Is.EqualTo((nuint)112));
    }

    [Test]
    public void AKeptPoolGoesBackWhenItsClassHasAnotherPoolWithRoom()
    {
        int perPool = BlocksPerPool(512);
        var full = Enumerable.Range(0, perPool).Select(_ => Alloc(512)).ToList();
        nint lone = Alloc(512);
        nint lonePool = lone & ~(nint)(PoolBytes - 1);
        Free(lone);
        Assert.That(_py.KeptPoolCount, Is.EqualTo(1));

        Free(full[3]);                       // the full pool has room again
        Assert.That(_py.KeptPoolCount, Is.Zero);
        Assert.That(Alloc(512), Is.EqualTo(full[3]));
        Assert.That(Alloc(16), Is.EqualTo(lonePool + HeaderBytes), "the returned pool serves the next class that needs one");
    }

    [Test]
    public void EmptyArenasAreGivenBackKeepingOneSpare()
    {
        int perArena = 64 * BlocksPerPool(512);
        int count = perArena * 3 + perArena / 2;
        var blocks = Enumerable.Range(0, count).Select(_ => Alloc(512)).ToList();
        Assert.That(_py.ArenaCount, Is.EqualTo(4));
        Assert.That(_py.Stats.ReservedBytes, Is.EqualTo(4L * ArenaBytes));

        foreach (nint p in blocks)
            Free(p);
        Assert.That(_py.ArenaCount, Is.EqualTo(1));
        Assert.That(_py.Stats.ReservedBytes, Is.EqualTo((long)ArenaBytes));
        Assert.That(_py.Stats.LiveBytes, Is.Zero);

        // Blocks of the kept arena are freed; all others are in memory that went back to the system.
        var states = blocks.GroupBy(p => _py.Lookup(p).State).ToDictionary(g => g.Key, g => g.ToList());
        Assert.That(states.Keys, Is.SubsetOf(new[] { BlockState.FreedStart, BlockState.NotOwned }));
        Assert.That(states[BlockState.NotOwned], Has.Count.GreaterThanOrEqualTo(count - perArena));
        Assert.That(states[BlockState.FreedStart].Select(p => p & ~(nint)(ArenaBytes - 1)).Distinct().Count(), Is.EqualTo(1));

        // And the spare is what the next allocation uses.
        nint again = Alloc(512);
        Assert.That(_py.ArenaCount, Is.EqualTo(1));
        Assert.That(states[BlockState.FreedStart], Does.Contain(again));
    }

    [Test]
    public void NewPoolsComeFromTheFullestArena()
    {
        int perArena = 64 * BlocksPerPool(512);
        var blocks = Enumerable.Range(0, perArena * 2).Select(_ => Alloc(512)).ToList();
        nint first = blocks[0] & ~(nint)(ArenaBytes - 1);
        nint second = blocks[^1] & ~(nint)(ArenaBytes - 1);
        Assert.That(second, Is.Not.EqualTo(first));

        // Empty two pools of the first arena and ten of the second: the first is fuller.
        int perPool = BlocksPerPool(512);
        foreach (nint p in blocks.Take(2 * perPool).Concat(blocks.Skip(perArena).Take(10 * perPool)))
            Free(p);
        nint fresh = Alloc(16);
        Assert.That(fresh & ~(nint)(ArenaBytes - 1), Is.EqualTo(first));
    }

    [Test]
    public void RequestsAbove512BytesTakeTheLargePath()
    {
        nint small = Alloc(512);
        int arenas = _py.ArenaCount;
        nint p = Alloc(513);
        Assert.That(_py.LargeBlockCount, Is.EqualTo(1));
        Assert.That(_py.ArenaCount, Is.EqualTo(arenas));
        Assert.That(p & ~(nint)(ArenaBytes - 1), Is.Not.EqualTo(small & ~(nint)(ArenaBytes - 1)));
        BlockLookup found = _py.Lookup(p);
        Assert.That(found.State, Is.EqualTo(BlockState.LiveStart));
        Assert.That(found.BlockSize, Is.EqualTo((nuint)528));
        Assert.That(_py.Lookup(p + 527).State, Is.EqualTo(BlockState.LiveInterior));
        Assert.That(_py.Stats.ReservedBytes, Is.EqualTo((long)arenas * ArenaBytes + 528));

        Free(p);
        Assert.That(_py.LargeBlockCount, Is.Zero);
        Assert.That(_py.Lookup(p).State, Is.EqualTo(BlockState.NotOwned), "a freed large block went back to the system");
        Assert.That(_py.Stats.ReservedBytes, Is.EqualTo((long)arenas * ArenaBytes));
    }

    [Test]
    public void ADoubleFreeIsReportedAndLeavesTheFreeListIntact()
    {
        nint p = Alloc(64);
        Free(p);
        var ex = Assert.Throws<HeapCorruptionException>(() => Free(p))!;
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.DoubleFree));
        Assert.That(ex.Address, Is.EqualTo(p));
        Assert.That(ex.Size, Is.EqualTo((nuint)64));

        Assert.That(Alloc(64), Is.EqualTo(p));
        Assert.That(Alloc(64), Is.Not.EqualTo(p), "p was on the free list once, not twice");
        Assert.That(_py.Stats.TotalFrees, Is.EqualTo(1));
    }

    [Test]
    public void FreeingAnInteriorPointerIsReportedAndChangesNothing()
    {
        nint p = Alloc(64);
        var ex = Assert.Throws<HeapCorruptionException>(() => Free(p + 16))!;
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.InvalidFree));
        Assert.That(ex.Address, Is.EqualTo(p + 16));
        Assert.That(ex.Message, Does.Contain("inside the live block"));
        Assert.Throws<HeapCorruptionException>(() => Free(p + 8), "misaligned");
        Assert.That(_py.Lookup(p).State, Is.EqualTo(BlockState.LiveStart));
        Assert.That(_py.Stats.LiveBlocks, Is.EqualTo(1));
    }

    [Test]
    public void FreeingWhatPymallocDoesNotOwnIsReported()
    {
        nint large = Alloc(4000);
        Free(large);
        int onStack = 0;
        foreach (nint bogus in new[] { (nint)0x1234_5670, (nint)(&onStack), large, (nint)(-16) })
        {
            var ex = Assert.Throws<HeapCorruptionException>(() => Free(bogus))!;
            Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.InvalidFree), $"0x{bogus:x}");
        }
        nint p = Alloc(64);
        nint header = p & ~(nint)(PoolBytes - 1);
        Assert.That(Assert.Throws<HeapCorruptionException>(() => Free(header))!.Kind, Is.EqualTo(CorruptionKind.InvalidFree));
    }

    [Test]
    public void AWriteIntoAFreedBlocksLinkIsCaughtWhenTheBlockIsReused()
    {
        nint p = Alloc(64), q = Alloc(64), keep = Alloc(64);
        Free(q);
        Free(p);                                   // free list: p → q
        *(long*)p = 0x4141_4141_4141_4141;         // use after free clobbers the link

        var ex = Assert.Throws<HeapCorruptionException>(() => Alloc(64))!;
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.UseAfterFree));
        Assert.That(ex.Address, Is.EqualTo(p));
        Assert.That(ex.Size, Is.EqualTo((nuint)64));

        // The damaged list was dropped: the allocator carries on with fresh blocks.
        nint next = Alloc(64);
        Assert.That(next, Is.Not.EqualTo(p).And.Not.EqualTo(q).And.Not.EqualTo(0x4141_4141_4141_4141));
        Assert.That(_py.Lookup(q).State, Is.EqualTo(BlockState.FreedStart));
        Assert.That(_py.Lookup(keep).State, Is.EqualTo(BlockState.LiveStart));
    }

    [Test]
    public void ALinkRedirectedAtAnotherBlocksMiddleIsRejected()
    {
        nint p = Alloc(64), q = Alloc(64), r = Alloc(64);
        Free(p);
        *(nint*)p = r + 16;                        // inside the pool, 16-aligned, but not a block start
        Assert.That(Assert.Throws<HeapCorruptionException>(() => Alloc(64))!.Kind, Is.EqualTo(CorruptionKind.UseAfterFree));
        Assert.That(_py.Lookup(r).State, Is.EqualTo(BlockState.LiveStart));
        Assert.That(_py.Lookup(q).State, Is.EqualTo(BlockState.LiveStart));
    }

    [Test]
    public void TheBlockBoundaryTestIsExactForEveryClassAndOffset()
    {
        var wrong = new List<string>();
        int boundaries = 0;
        for (uint index = 0; index < 32; index++)
        {
            uint size = PyMallocLayout.BlockSize(index);
            uint reciprocal = PyMallocLayout.Reciprocal(index);
            for (uint offset = 0; offset < PoolBytes - HeaderBytes; offset += 16)
            {
                bool answer = PyMallocLayout.IsBlockBoundary(offset, index, reciprocal);
                if (answer != (offset % size == 0))
                    wrong.Add($"class {size}, offset {offset}");
                if (answer) boundaries++;
            }
        }
        Assert.That(wrong, Is.Empty);
        Assert.That(boundaries, Is.EqualTo(Enumerable.Range(1, 32).Sum(k => (PoolBytes - HeaderBytes + 16 * k - 1) / (16 * k))));
    }

    [Test]
    public void UsingADisposedAllocatorIsRefused()
    {
        _py.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _py.Lookup(0));
        Assert.Throws<ObjectDisposedException>(() => _ = _py.Functions);
        _py = new PyMallocAllocator();
    }
}
