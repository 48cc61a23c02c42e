using FsCheck;
using FsCheck.Fluent;
using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Memory;

/// <summary>
/// Random alloc/free sequences against a model (a list of live blocks and their fill), for
/// every allocator: whatever the order, the walk, Lookup, the counters and every block's
/// contents must agree with the model.
/// </summary>
[TestFixtureSource(typeof(AllocatorCase), nameof(AllocatorCase.All))]
public sealed unsafe class AllocatorModelProperties(AllocatorCase allocatorCase)
{
    public readonly record struct Step(bool Free, int Size, int Pick);

    private static readonly Gen<int> Sizes = Gen.Frequency(
        (6, Gen.Choose(0, 512)),
        (3, Gen.Choose(513, 5000)),
        (1, Gen.Choose(5001, 300_000)));

    private static readonly Gen<Step> Steps =
        from free in Gen.Choose(0, 2)
        from size in Sizes
        from pick in Gen.Choose(0, 100_000)
        select new Step(free == 0, size, pick);

    [SetUp]
    public void SkipUnlessAvailable() => allocatorCase.SkipUnlessAvailable();

    [Test]
    public void RandomSequencesAgreeWithTheModel()
    {
        Property property = Prop.ForAll(Gen.ArrayOf(Steps).ToArbitrary(), (Step[] steps) => Run(steps));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60).WithEndSize(300), property);
    }

    private bool Run(Step[] steps)
    {
        using Allocator allocator = allocatorCase.Create();
        var live = new List<(nint Start, int Size, byte Fill)>();
        byte fill = 0;
        foreach (Step step in steps)
        {
            if (step.Free && live.Count > 0)
            {
                int i = step.Pick % live.Count;
                var (start, size, expected) = live[i];
                if (new Span<byte>((void*)start, size).IndexOfAnyExcept(expected) >= 0)
                    return Fail($"block 0x{start:x} of {size} lost its contents");
                allocator.Free((void*)start);
                live[i] = live[^1];
                live.RemoveAt(live.Count - 1);
            }
            else
            {
                var p = (byte*)allocator.Allocate((nuint)step.Size);
                if (p == null || (nint)p % 16 != 0)
                    return Fail($"allocation of {step.Size} returned 0x{(nint)p:x}");
                fill++;
                new Span<byte>(p, step.Size).Fill(fill);
                live.Add(((nint)p, step.Size, fill));
            }
        }

        var walked = new Dictionary<nint, nuint>();
        allocator.WalkLiveBlocks((start, size) => walked[start] = size);
        if (walked.Count != live.Count || allocator.Stats.LiveBlocks != live.Count)
            return Fail($"model has {live.Count} blocks, walk {walked.Count}, stats {allocator.Stats.LiveBlocks}");
        foreach (var (start, size, expected) in live)
        {
            if (!walked.TryGetValue(start, out nuint walkedSize) || walkedSize < (nuint)size)
                return Fail($"walk misses 0x{start:x} of {size}");
            BlockLookup found = allocator.Lookup(start);
            if (found.State != BlockState.LiveStart || found.BlockStart != start)
                return Fail($"Lookup(0x{start:x}) = {found}");
            if (size > 1 && allocator.Lookup(start + size - 1).State != BlockState.LiveInterior)
                return Fail($"last byte of 0x{start:x} not interior");
            if (new Span<byte>((void*)start, size).IndexOfAnyExcept(expected) >= 0)
                return Fail($"block 0x{start:x} of {size} lost its contents");
        }
        foreach (var (start, _, _) in live)
            allocator.Free((void*)start);
        return allocator.Stats.LiveBlocks == 0 || Fail("blocks left after freeing all");
    }

    private static bool Fail(string why)
    {
        TestContext.Out.WriteLine(why);
        return false;
    }
}
