using System.Text.Json.Serialization;

namespace PyHeap.Stress;

/// <summary>One point of the sampled timeline.</summary>
public sealed record StressSample
{
    /// <summary>Seconds since the timed run began (after warm-up and setup).</summary>
    public double T { get; init; }
    public long ObjectsCreated { get; init; }
    public long LiveObjects { get; init; }
    public long LiveBytes { get; init; }
    public long RssBytes { get; init; }
    /// <summary>Collections so far, per generation.</summary>
    public long[] Collections { get; init; } = [];
    public long Collected { get; init; }
}

/// <summary>Collection pauses in milliseconds.</summary>
public sealed record PauseSummary
{
    public long Count { get; init; }
    public double P50 { get; init; }
    public double P99 { get; init; }
    public double Max { get; init; }
}

/// <summary>Everything a run measured: the summary table's figures, and what --json writes.</summary>
public sealed record StressReport
{
    public string Shape { get; init; } = "";
    public string Description { get; init; } = "";
    public string Allocator { get; init; } = "";
    public string Gc { get; init; } = "";
    public int BackLinks { get; init; }
    public int Weak { get; init; }
    public int Heaps { get; init; }
    public ulong Seed { get; init; }
    public long Rate { get; init; }
    public long ObjectsCreated { get; init; }
    public long SetupObjects { get; init; }
    public double Seconds { get; init; }
    public double ObjectsPerSecond { get; init; }
    public double BytesPerSecond { get; init; }
    /// <summary>The allocator's bytes per object of this shape (instance, item arrays, GC header).</summary>
    public double BytesPerObjectAllocated { get; init; }
    public long StartRssBytes { get; init; }
    public long PeakRssBytes { get; init; }
    public long FinalLiveObjects { get; init; }
    public long FinalLiveBytes { get; init; }
    /// <summary>Allocator-side bytes per live object at the sample with the most, above an empty heap; null when too few were alive.</summary>
    public double? BytesPerLiveObject { get; init; }
    /// <summary>Resident bytes per live object at that sample, above the resident size at the start.</summary>
    public double? ResidentBytesPerLiveObject { get; init; }
    public long[] Collections { get; init; } = [];
    public long Collected { get; init; }
    public PauseSummary PausesMs { get; init; } = new();
    /// <summary>"done" or "max-rss".</summary>
    public string Stopped { get; init; } = "done";
    public long MaxRssBytes { get; init; }
    public HeapResult[] PerHeap { get; init; } = [];
    public StressSample[] Samples { get; init; } = [];
}

/// <summary>
/// System.Text.Json's source-generated serializer for the report: no reflection, so it works
/// in the native (AOT) executable. Keys are snake_case.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(StressReport))]
public sealed partial class StressJsonContext : JsonSerializerContext;
