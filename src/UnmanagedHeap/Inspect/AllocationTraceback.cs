namespace UnmanagedHeap.Inspect;

/// <summary>
/// The stack of one or more allocations, most recent frame first, as tracemalloc keeps it.
/// A tracer interns its tracebacks, so allocations made from the same place share one
/// instance and grouping them is a reference comparison.
/// </summary>
public sealed class AllocationTraceback
{
    internal AllocationTraceback(AllocationFrame[] frames, int totalFrames, long hash)
    {
        Frames = frames;
        TotalFrames = totalFrames;
        Hash = hash;
    }

    /// <summary>The recorded frames, most recent first (at most the tracer's frame limit).</summary>
    public IReadOnlyList<AllocationFrame> Frames { get; }

    /// <summary>How deep the stack was, including frames past the limit (tracemalloc's total_nframe).</summary>
    public int TotalFrames { get; }

    internal long Hash { get; }

    /// <summary>The next interned traceback with the same hash.</summary>
    internal AllocationTraceback? NextWithHash { get; set; }

    internal bool SameAs(ReadOnlySpan<AllocationFrame> frames, int total)
    {
        if (total != TotalFrames || frames.Length != Frames.Count)
        {
            return false;
        }
        for (int i = 0; i < frames.Length; i++)
        {
            if (!frames[i].Equals(Frames[i]))
            {
                return false;
            }
        }
        return true;
    }

    internal static long HashOf(ReadOnlySpan<AllocationFrame> frames, int total)
    {
        long h = total;
        foreach (AllocationFrame f in frames)
        {
            h = h * 1_000_003 ^ f.GetHashCode();
        }
        return h;
    }

    public override string ToString() => Frames.Count == 0 ? "<no Python frame>" : Frames[0].ToString();
}

/// <summary>One live traced block: its address, the bytes the allocator handed out, where it was made.</summary>
public readonly record struct AllocationTrace(nint Block, long Size, AllocationTraceback Traceback);
