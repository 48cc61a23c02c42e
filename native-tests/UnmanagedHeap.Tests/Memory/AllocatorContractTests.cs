using System.Runtime.InteropServices;
using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Memory;

/// <summary>The behaviour every allocator promises, run against each one in <see cref="AllocatorCase.All"/>.</summary>
[TestFixtureSource(typeof(AllocatorCase), nameof(AllocatorCase.All))]
public sealed unsafe class AllocatorContractTests(AllocatorCase allocatorCase)
{
    private Allocator _allocator = null!;

    [SetUp]
    public void Create()
    {
        allocatorCase.SkipUnlessAvailable();
        _allocator = allocatorCase.Create();
    }

    [TearDown]
    public void Dispose() => _allocator?.Dispose();

    private byte* Alloc(nuint size)
    {
        var p = (byte*)_allocator.Allocate(size);
        Assert.That((nint)p, Is.Not.Zero, $"allocation of {size} bytes failed");
        return p;
    }

    [Test]
    public void BlocksKeepTheirContentsAndTheCountersFollow()
    {
        const int count = 200;
        var blocks = new List<(nint Start, int Size)>();
        for (int i = 0; i < count; i++)
        {
            int size = 1 + i * 37 % 3000;
            byte* p = Alloc((nuint)size);
            new Span<byte>(p, size).Fill((byte)i);
            blocks.Add(((nint)p, size));
        }

        AllocatorStats stats = _allocator.Stats;
        Assert.That(stats.LiveBlocks, Is.EqualTo(count));
        Assert.That(stats.TotalAllocations, Is.EqualTo(count));
        Assert.That(stats.LiveBytes, Is.GreaterThanOrEqualTo(blocks.Sum(b => (long)b.Size)));
        Assert.That(stats.ReservedBytes, Is.GreaterThanOrEqualTo(stats.LiveBytes));

        for (int i = 0; i < count; i++)
        {
            var (start, size) = blocks[i];
            Assert.That(new Span<byte>((void*)start, size).IndexOfAnyExcept((byte)i), Is.EqualTo(-1), $"block {i} was overwritten");
            _allocator.Free((void*)start);
        }

        stats = _allocator.Stats;
        Assert.That(stats.LiveBlocks, Is.Zero);
        Assert.That(stats.LiveBytes, Is.Zero);
        Assert.That(stats.TotalFrees, Is.EqualTo(count));
    }

    [Test]
    public void EverySizeFrom1To4096Is16ByteAlignedUsableAndDisjoint()
    {
        var blocks = new List<(nint Start, int Size)>();
        for (int size = 1; size <= 4096; size++)
        {
            byte* p = Alloc((nuint)size);
            Assert.That((long)p % 16, Is.Zero, $"size {size}: 0x{(nint)p:x} is not 16-byte aligned");
            BlockLookup found = _allocator.Lookup((nint)p);
            Assert.That(found.State, Is.EqualTo(BlockState.LiveStart), $"size {size}");
            Assert.That(found.BlockStart, Is.EqualTo((nint)p));
            Assert.That(found.BlockSize, Is.GreaterThanOrEqualTo((nuint)size));
            new Span<byte>(p, size).Fill((byte)size);
            blocks.Add(((nint)p, size));
        }

        // Disjointness: every block still holds its own fill after all were written.
        foreach (var (start, size) in blocks)
        {
            Assert.That(new Span<byte>((void*)start, size).IndexOfAnyExcept((byte)size), Is.EqualTo(-1), $"block of {size} overlapped");
            _allocator.Free((void*)start);
        }
        Assert.That(_allocator.Stats.LiveBlocks, Is.Zero);
    }

    [TestCase(70_000)]
    [TestCase(1 << 20)]
    [TestCase(3 << 20)]
    public void LargeBlocksAreAlignedAndReported(int size)
    {
        byte* p = Alloc((nuint)size);
        Assert.That((long)p % 16, Is.Zero);
        p[0] = 1;
        p[size - 1] = 2;
        BlockLookup start = _allocator.Lookup((nint)p);
        Assert.That(start.State, Is.EqualTo(BlockState.LiveStart));
        Assert.That(start.BlockStart, Is.EqualTo((nint)p));
        Assert.That(start.BlockSize, Is.GreaterThanOrEqualTo((nuint)size));
        BlockLookup inside = _allocator.Lookup((nint)p + size - 1);
        Assert.That(inside.State, Is.EqualTo(BlockState.LiveInterior));
        Assert.That(inside.BlockStart, Is.EqualTo((nint)p));
        _allocator.Free(p);
        Assert.That(_allocator.Stats.LiveBlocks, Is.Zero);
    }

    [Test]
    public void ZeroByteRequestsGetDistinctLiveBlocks()
    {
        byte* a = Alloc(0);
        byte* b = Alloc(0);
        Assert.That((nint)a, Is.Not.EqualTo((nint)b));
        Assert.That((long)a % 16, Is.Zero);
        Assert.That(_allocator.Lookup((nint)a).State, Is.EqualTo(BlockState.LiveStart));
        Assert.That(_allocator.Lookup((nint)b).State, Is.EqualTo(BlockState.LiveStart));
        _allocator.Free(a);
        _allocator.Free(b);
        Assert.That(_allocator.Stats.LiveBlocks, Is.Zero);
    }

    [Test]
    public void FreeingNullDoesNothing()
    {
        byte* p = Alloc(24);
        AllocatorStats before = _allocator.Stats;
        _allocator.Free(null);
        Assert.That(_allocator.Stats, Is.EqualTo(before));
        _allocator.Free(p);
    }

    [Test]
    public void WalkVisitsExactlyTheLiveBlocks()
    {
        var random = new Random(7);
        var live = new Dictionary<nint, int>();
        var all = new List<nint>();
        for (int i = 0; i < 1500; i++)
        {
            int size = random.Next(10) switch
            {
                0 => random.Next(513, 20_000),
                1 => random.Next(0, 17),
                _ => random.Next(1, 513),
            };
            byte* p = Alloc((nuint)size);
            live[(nint)p] = size;
            all.Add((nint)p);
        }
        foreach (nint p in all.Where(_ => random.Next(2) == 0))
        {
            _allocator.Free((void*)p);
            live.Remove(p);
        }

        var walked = new Dictionary<nint, nuint>();
        _allocator.WalkLiveBlocks((start, size) => Assert.That(walked.TryAdd(start, size), Is.True, $"0x{start:x} visited twice"));

        Assert.That(walked.Keys, Is.EquivalentTo(live.Keys));
        foreach (var (start, size) in live)
            Assert.That(walked[start], Is.GreaterThanOrEqualTo((nuint)size), $"size of 0x{start:x}");
        Assert.That(_allocator.Stats.LiveBlocks, Is.EqualTo(live.Count));

        foreach (nint p in live.Keys)
            _allocator.Free((void*)p);
        int after = 0;
        _allocator.WalkLiveBlocks((_, _) => after++);
        Assert.That(after, Is.Zero);
    }

    [TestCase(100)]
    [TestCase(512)]
    [TestCase(513)]
    [TestCase(5000)]
    public void LookupNamesTheStartAndInteriorOfALiveBlock(int size)
    {
        byte* p = Alloc((nuint)size);
        Assert.That(_allocator.Lookup((nint)p), Has.Property(nameof(BlockLookup.State)).EqualTo(BlockState.LiveStart)
            .And.Property(nameof(BlockLookup.BlockStart)).EqualTo((nint)p));
        foreach (int offset in new[] { 1, 8, size / 2, size - 1 })
        {
            BlockLookup found = _allocator.Lookup((nint)p + offset);
            Assert.That(found.State, Is.EqualTo(BlockState.LiveInterior), $"offset {offset}");
            Assert.That(found.BlockStart, Is.EqualTo((nint)p), $"offset {offset}");
            Assert.That(found.Offset((nint)p + offset), Is.EqualTo((nint)offset));
            Assert.That(found.BlockSize, Is.GreaterThanOrEqualTo((nuint)size));
        }
        _allocator.Free(p);
    }

    [Test]
    public void LookupOfAFreedBlockIsNeverLive()
    {
        byte* keepPageAlive = Alloc(48);
        byte* p = Alloc(48);
        byte* alsoKept = Alloc(48);
        _allocator.Free(p);

        BlockLookup start = _allocator.Lookup((nint)p);
        BlockLookup inside = _allocator.Lookup((nint)p + 8);
        Assert.That(start.State, Is.EqualTo(allocatorCase.FreedState));
        if (allocatorCase.FreedState == BlockState.FreedStart)
        {
            Assert.That(start.BlockStart, Is.EqualTo((nint)p));
            Assert.That(inside.State, Is.EqualTo(BlockState.FreedInterior));
            Assert.That(inside.BlockStart, Is.EqualTo((nint)p));
        }
        else
        {
            Assert.That(inside.State, Is.EqualTo(BlockState.NotOwned));
        }
        Assert.That(_allocator.IsLiveBlockStart((nint)p), Is.False);
        Assert.That(_allocator.IsLiveBlockStart((nint)keepPageAlive), Is.True);
        _allocator.Free(keepPageAlive);
        _allocator.Free(alsoKept);
    }

    [Test]
    public void RandomSixtyFourBitValuesAreNotOwned()
    {
        var blocks = new BlockSet(AllocateMixed(400, seed: 11));
        var random = new Random(1234);
        var specials = new nint[] { 0, 1, -1, nint.MinValue, nint.MaxValue, unchecked((nint)0x7fff_ffff_ffffL), unchecked((nint)0x8000_0000_0000L), 4096, 16 };
        var failures = new List<string>();
        foreach (nint value in specials.Concat(Enumerable.Range(0, 200_000).Select(_ => (nint)random.NextInt64(long.MinValue, long.MaxValue))))
        {
            BlockLookup found = _allocator.Lookup(value);
            // The chance that a uniform 64-bit value lands in a few megabytes of heap is nil.
            if (found.State != BlockState.NotOwned)
                failures.Add($"0x{value:x} → {found}");
            blocks.Check(value, found, failures);
        }
        Assert.That(failures, Is.Empty);
        FreeAll(blocks.Sizes);
    }

    [Test]
    public void AddressesAroundLiveBlocksAreClassifiedConsistently()
    {
        var blocks = new BlockSet(AllocateMixed(400, seed: 12));
        var starts = blocks.Sizes.Keys.ToArray();
        var random = new Random(99);
        var failures = new List<string>();
        var seen = new HashSet<BlockState>();
        for (int i = 0; i < 100_000; i++)
        {
            nint value = starts[random.Next(starts.Length)] + random.Next(-4096, 8192);
            BlockLookup found = _allocator.Lookup(value);
            seen.Add(found.State);
            blocks.Check(value, found, failures);
        }
        Assert.That(failures, Is.Empty);
        Assert.That(seen, Does.Contain(BlockState.LiveStart).And.Contain(BlockState.LiveInterior));
        FreeAll(blocks.Sizes);
    }

    [Test]
    public void InteriorPointersMapToTheirBlock()
    {
        var blocks = AllocateMixed(300, seed: 13);
        var random = new Random(5);
        foreach (var (start, size) in blocks)
        {
            if (size < 2) continue;
            nint inside = start + random.Next(1, size);
            BlockLookup found = _allocator.Lookup(inside);
            Assert.That(found.State, Is.EqualTo(BlockState.LiveInterior), $"0x{inside:x} in block 0x{start:x} of {size}");
            Assert.That(found.BlockStart, Is.EqualTo(start));
        }
        FreeAll(blocks);
    }

    [Test]
    public void MemoryGivenBackToTheSystemIsNotOwned()
    {
        // glibc serves 8 MiB with mmap and unmaps it on free: reading there would fault.
        var blocks = AllocateMixed(50, seed: 14);
        void* foreign = NativeMemory.AlignedAlloc(8 << 20, 1 << 20);
        nint gone = (nint)foreign;
        NativeMemory.AlignedFree(foreign);
        for (nint offset = 0; offset < (8 << 20); offset += 4096 + 16)
            Assert.That(_allocator.Lookup(gone + offset).State, Is.EqualTo(BlockState.NotOwned));
        FreeAll(blocks);
    }

    /// <summary>The blocks a test holds, sorted so "which of ours contains this address?" is a binary search.</summary>
    private sealed class BlockSet(Dictionary<nint, int> sizes)
    {
        private readonly nint[] _starts = sizes.Keys.Order().ToArray();
        public Dictionary<nint, int> Sizes { get; } = sizes;

        /// <summary>
        /// What any answer must satisfy: a live answer names one of our blocks and contains
        /// the address; a freed answer names none of ours; an address inside a block we hold
        /// is reported as that block.
        /// </summary>
        public void Check(nint value, BlockLookup found, List<string> failures)
        {
            string where = $"0x{value:x} → {found}";
            bool contains = (nuint)(value - found.BlockStart) < Math.Max(found.BlockSize, 1);
            if (found.IsLive && (!Sizes.ContainsKey(found.BlockStart) || !contains || (found.State == BlockState.LiveStart) != (value == found.BlockStart)))
                failures.Add("bad live answer: " + where);
            if (found.IsFreed && (Sizes.ContainsKey(found.BlockStart) || !contains))
                failures.Add("bad freed answer: " + where);

            int i = Array.BinarySearch(_starts, value);
            if (i < 0) i = ~i - 1;
            if (i >= 0)
            {
                nint start = _starts[i];
                if (value < start + Math.Max(Sizes[start], 1) && (!found.IsLive || found.BlockStart != start))
                    failures.Add($"inside our block 0x{start:x} of {Sizes[start]}: " + where);
            }
        }
    }

    private Dictionary<nint, int> AllocateMixed(int count, int seed)
    {
        var random = new Random(seed);
        var blocks = new Dictionary<nint, int>();
        for (int i = 0; i < count; i++)
        {
            int size = random.Next(8) == 0 ? random.Next(513, 10_000) : random.Next(1, 513);
            blocks.Add((nint)Alloc((nuint)size), size);
        }
        return blocks;
    }

    private void FreeAll(Dictionary<nint, int> blocks)
    {
        foreach (nint p in blocks.Keys)
            _allocator.Free((void*)p);
        Assert.That(_allocator.Stats.LiveBlocks, Is.Zero);
    }
}
