using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Memory;

/// <summary>The debug hooks over each plain allocator: fills, guards, serials, quarantine and every detection.</summary>
[TestFixtureSource(typeof(AllocatorCase), nameof(AllocatorCase.Plain))]
public sealed unsafe class DebugAllocatorTests(AllocatorCase inner)
{
    private const int Size = 40;   // not a multiple of 16, so the tail guard also covers padding
    private DebugAllocator _debug = null!;

    [SetUp]
    public void Create()
    {
        inner.SkipUnlessAvailable();
        _debug = new DebugAllocator(inner.Create());
    }

    [TearDown]
    public void Dispose() => _debug?.Dispose();

    private byte* Alloc(int size = Size)
    {
        var p = (byte*)_debug.Allocate((nuint)size);
        Assert.That((nint)p, Is.Not.Zero);
        return p;
    }

    private static HeapCorruptionException Caught(TestDelegate action) => Assert.Throws<HeapCorruptionException>(action)!;

    [Test]
    public void FreshMemoryIsCleanFilledBetweenForbiddenGuards()
    {
        byte* p = Alloc();
        Assert.That(new Span<byte>(p, Size).IndexOfAnyExcept((byte)0xCD), Is.EqualTo(-1));
        Assert.That(new Span<byte>(p - 16, 16).IndexOfAnyExcept((byte)0xFD), Is.EqualTo(-1), "front guard");
        Assert.That(new Span<byte>(p + Size, 8 + 16).IndexOfAnyExcept((byte)0xFD), Is.EqualTo(-1), "padding and tail guard");
        Assert.That((long)p % 16, Is.Zero);
        Assert.That(_debug.Name, Is.EqualTo($"debug({inner.Name})"));
    }

    [Test]
    public void EveryAllocationGetsTheNextSerial()
    {
        byte* a = Alloc(), b = Alloc(8), c = Alloc(1000);
        Assert.That(_debug.Lookup((nint)a).Serial, Is.EqualTo(1));
        Assert.That(_debug.Lookup((nint)b).Serial, Is.EqualTo(2));
        Assert.That(_debug.Lookup((nint)c + 500).Serial, Is.EqualTo(3));
        _debug.Free(b);
        Assert.That(_debug.Lookup((nint)Alloc(8)).Serial, Is.EqualTo(4));
    }

    [Test]
    public void FreedMemoryIsDeadFilledAndHeldInQuarantine()
    {
        byte* p = Alloc();
        byte* keep = Alloc();
        long innerFrees = _debug.Inner.Stats.TotalFrees;
        _debug.Free(p);

        Assert.That(new Span<byte>(p, Size).IndexOfAnyExcept((byte)0xDD), Is.EqualTo(-1));
        Assert.That(_debug.QuarantinedBlocks, Is.EqualTo(1));
        Assert.That(_debug.Inner.Stats.TotalFrees, Is.EqualTo(innerFrees), "not yet given back");
        BlockLookup found = _debug.Lookup((nint)p + 3);
        Assert.That(found, Is.EqualTo(new BlockLookup(BlockState.FreedInterior, (nint)p, Size, 1)));
        Assert.That(_debug.Stats.LiveBlocks, Is.EqualTo(1));
        Assert.That(_debug.IsLiveBlockStart((nint)keep), Is.True);
    }

    [Test]
    public void LookupReportsUserBlocksAndCountsHeaderAndGuardsAsMetadata()
    {
        byte* p = Alloc();
        Assert.That(_debug.Lookup((nint)p), Is.EqualTo(new BlockLookup(BlockState.LiveStart, (nint)p, Size, 1)));
        Assert.That(_debug.Lookup((nint)p + Size - 1).State, Is.EqualTo(BlockState.LiveInterior));
        foreach (int offset in new[] { -1, -16, -17, -32, Size, Size + 8, Size + 23 })
        {
            BlockLookup found = _debug.Lookup((nint)p + offset);
            Assert.That(found.State, Is.EqualTo(BlockState.Metadata), $"offset {offset}");
            Assert.That(found.BlockStart, Is.EqualTo((nint)p), $"offset {offset}");
            Assert.That(found.Serial, Is.EqualTo(1), $"offset {offset}");
        }
        int walked = 0;
        _debug.WalkLiveBlocks((start, size) =>
        {
            walked++;
            Assert.That(start, Is.EqualTo((nint)p));
            Assert.That(size, Is.EqualTo((nuint)Size));
        });
        Assert.That(walked, Is.EqualTo(1));
    }

    [Test]
    public void ADoubleFreeIsReportedWithAddressSizeAndSerial()
    {
        Alloc();
        byte* p = Alloc();
        _debug.Free(p);
        var ex = Caught(() => _debug.Free(p));
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.DoubleFree));
        Assert.That(ex.Address, Is.EqualTo((nint)p));
        Assert.That(ex.Size, Is.EqualTo((nuint)Size));
        Assert.That(ex.Serial, Is.EqualTo(2));
        Assert.That(ex.Message, Does.Contain($"0x{(nint)p:x}").And.Contain("serial 2"));
        Assert.That(_debug.Stats.TotalFrees, Is.EqualTo(1));
    }

    [TestCase(Size)]          // first byte past the end
    [TestCase(Size + 7)]      // in the rounding padding
    [TestCase(Size + 8 + 15)] // last byte of the tail guard
    public void AWritePastTheEndIsReportedOnFree(int offset)
    {
        byte* p = Alloc();
        p[offset] = 0;
        var ex = Caught(() => _debug.Free(p));
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.BufferOverflow));
        Assert.That(ex.Address, Is.EqualTo((nint)p));
        Assert.That(ex.Size, Is.EqualTo((nuint)Size));
        Assert.That(ex.Serial, Is.EqualTo(1));
        Assert.That(ex.Message, Does.Contain($"offset +{offset}").And.Contain("past the end"));
    }

    [TestCase(-1)]
    [TestCase(-16)]
    [TestCase(-20)]           // the header copy of size and serial
    public void AWriteBeforeTheStartIsReportedOnFree(int offset)
    {
        Alloc(8);
        byte* p = Alloc();
        p[offset] ^= 0x5A;
        var ex = Caught(() => _debug.Free(p));
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.BufferOverflow));
        Assert.That(ex.Address, Is.EqualTo((nint)p));
        Assert.That(ex.Size, Is.EqualTo((nuint)Size));
        Assert.That(ex.Serial, Is.EqualTo(2));
        Assert.That(ex.Message, Does.Contain($"offset {offset}").And.Contain("before the start"));
    }

    [Test]
    public void AfterAReportedOverflowTheHeapStaysConsistent()
    {
        byte* p = Alloc();
        p[Size] = 1;
        Caught(() => _debug.Free(p));
        Assert.That(_debug.Lookup((nint)p).State, Is.EqualTo(BlockState.FreedStart), "the free completed");
        Assert.That(_debug.Stats.LiveBlocks, Is.Zero);
        Assert.DoesNotThrow(() => _debug.CheckBlock((nint)p), "guards were repaired, so it is reported once");
        byte* q = Alloc();
        _debug.Free(q);
    }

    [Test]
    public void UseAfterFreeIsFoundByCheckBlock()
    {
        byte* p = Alloc();
        _debug.Free(p);
        Assert.DoesNotThrow(() => _debug.CheckBlock((nint)p));
        p[5] = 42;
        var ex = Caught(() => _debug.CheckBlock((nint)p));
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.UseAfterFree));
        Assert.That(ex.Address, Is.EqualTo((nint)p));
        Assert.That(ex.Size, Is.EqualTo((nuint)Size));
        Assert.That(ex.Serial, Is.EqualTo(1));
        Assert.That(ex.Message, Does.Contain("byte 5"));
    }

    [Test]
    public void UseAfterFreeIsFoundWhenTheBlockLeavesQuarantine()
    {
        using var debug = new DebugAllocator(inner.Create(), quarantineBlocks: 3);
        var victim = (byte*)debug.Allocate(Size);
        var others = Enumerable.Range(0, 3).Select(_ => (nint)debug.Allocate(64)).ToList();
        debug.Free(victim);
        victim[Size - 1] = 0;                                  // written after free
        debug.Free((void*)others[0]);
        debug.Free((void*)others[1]);
        Assert.That(debug.QuarantinedBlocks, Is.EqualTo(3));

        var ex = Caught(() => debug.Free((void*)others[2])); // pushes the victim out
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.UseAfterFree));
        Assert.That(ex.Address, Is.EqualTo((nint)victim));
        Assert.That(ex.Size, Is.EqualTo((nuint)Size));
        Assert.That(ex.Serial, Is.EqualTo(1));
        Assert.That(debug.QuarantinedBlocks, Is.EqualTo(3), "the free that found it still completed");
        Assert.That(debug.Stats.TotalFrees, Is.EqualTo(4));
    }

    [Test]
    public void CheckBlockValidatesLiveBlocksToo()
    {
        byte* p = Alloc();
        Assert.DoesNotThrow(() => _debug.CheckBlock((nint)p));
        p[-3] = 0;
        var ex = Caught(() => _debug.CheckBlock((nint)p));
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.BufferOverflow));
        Assert.That(ex.Serial, Is.EqualTo(1));
        Assert.Throws<ArgumentException>(() => _debug.CheckBlock((nint)p + 16));
    }

    [Test]
    public void CheckAllBlocksFindsTheOneDamagedBlock()
    {
        var blocks = Enumerable.Range(0, 50).Select(i => (nint)Alloc(i + 1)).ToList();
        foreach (nint p in blocks.Where((_, i) => i % 2 == 0))
            _debug.Free((void*)p);
        Assert.DoesNotThrow(_debug.CheckAllBlocks);
        ((byte*)blocks[31])[32] = 7;   // block 31 is 32 bytes long and live
        var ex = Caught(_debug.CheckAllBlocks);
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.BufferOverflow));
        Assert.That(ex.Address, Is.EqualTo(blocks[31]));
        Assert.That(ex.Serial, Is.EqualTo(32));
    }

    [Test]
    public void FreeingAnInteriorOrForeignAddressIsReported()
    {
        byte* p = Alloc();
        var ex = Caught(() => _debug.Free(p + 16));
        Assert.That(ex.Kind, Is.EqualTo(CorruptionKind.InvalidFree));
        Assert.That(ex.Address, Is.EqualTo((nint)p + 16));
        Assert.That(Caught(() => _debug.Free((void*)0x10_0000_0000)).Kind, Is.EqualTo(CorruptionKind.InvalidFree));
        Assert.That(_debug.IsLiveBlockStart((nint)p), Is.True);
    }

    [Test]
    public void TheQuarantineIsBoundedByCountAndBytes()
    {
        using var byCount = new DebugAllocator(inner.Create(), quarantineBlocks: 8);
        var blocks = Enumerable.Range(0, 20).Select(_ => (nint)byCount.Allocate(100)).ToList();
        foreach (nint p in blocks)
            byCount.Free((void*)p);
        Assert.That(byCount.QuarantinedBlocks, Is.EqualTo(8));
        Assert.That(byCount.Inner.Stats.TotalFrees, Is.EqualTo(12));
        Assert.That(byCount.Lookup(blocks[^1]).State, Is.EqualTo(BlockState.FreedStart));

        using var byBytes = new DebugAllocator(inner.Create(), quarantineBlocks: 100, quarantineBytes: 1000);
        var big = Enumerable.Range(0, 5).Select(_ => (nint)byBytes.Allocate(400)).ToList();
        foreach (nint p in big)
            byBytes.Free((void*)p);
        Assert.That(byBytes.QuarantinedBlocks, Is.EqualTo(2), "2 × 400 bytes fit under 1000");
    }

    [Test]
    public void WithoutOwnershipDisposeReturnsEveryBlockToTheInnerAllocator()
    {
        using Allocator plain = inner.Create();
        var debug = new DebugAllocator(plain, ownsInner: false);
        var blocks = Enumerable.Range(0, 10).Select(i => (nint)debug.Allocate((nuint)(i * 100 + 1))).ToList();
        debug.Free((void*)blocks[0]);
        Assert.That(plain.Stats.LiveBlocks, Is.EqualTo(10));
        debug.Dispose();
        Assert.That(plain.Stats.LiveBlocks, Is.Zero);
        Assert.That(plain.Stats.TotalFrees, Is.EqualTo(10));
    }
}
