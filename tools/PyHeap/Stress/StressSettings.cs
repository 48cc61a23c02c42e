using UnmanagedHeap;

namespace PyHeap.Stress;

/// <summary>The collector's setting for a run: on with CPython's thresholds, off, or on with given thresholds.</summary>
public readonly record struct GcSetting(bool Enabled, int Threshold0 = 0, int Threshold1 = 0, int Threshold2 = 0, bool CustomThresholds = false)
{
    public static GcSetting On => new(true);
    public static GcSetting Off => new(false);

    public override string ToString() =>
        !Enabled ? "off" : CustomThresholds ? $"{Threshold0},{Threshold1},{Threshold2}" : "on";

    public void ApplyTo(Heap heap)
    {
        if (CustomThresholds)
        {
            heap.Gc.SetThreshold(Threshold0, Threshold1, Threshold2);
        }
        if (Enabled)
        {
            heap.Gc.Enable();
        }
        else
        {
            heap.Gc.Disable();
        }
    }
}

/// <summary>Everything <c>pyheap stress</c> was asked for, validated.</summary>
public sealed record StressSettings
{
    public const long DefaultObjects = 2_000_000;

    public string Shape { get; init; } = "nodes";
    /// <summary>Objects to create over all heaps; null when the run is timed by <see cref="Duration"/>.</summary>
    public long? Objects { get; init; }
    public TimeSpan? Duration { get; init; }
    /// <summary>Target objects per second over all heaps; 0 is flat out.</summary>
    public long Rate { get; init; }
    public int BackLinksPercent { get; init; }
    public int WeakPercent { get; init; }
    public GcSetting Gc { get; init; } = GcSetting.On;
    public int Heaps { get; init; } = 1;
    public ulong Seed { get; init; } = 1;
    public HeapOptions Heap { get; init; } = new();
    /// <summary>Stop when resident memory crosses this many bytes.</summary>
    public long MaxRssBytes { get; init; }
    /// <summary>True when --max-rss was given (otherwise <see cref="MaxRssBytes"/> is the safety ceiling).</summary>
    public bool MaxRssGiven { get; init; }
    public string? JsonPath { get; init; }
    public string? ChartPath { get; init; }
    public bool Quiet { get; init; }

    /// <summary>The share of <see cref="Objects"/> for heap <paramref name="index"/> (the first heaps take the remainder).</summary>
    public long ObjectsFor(int index) =>
        Objects is long n ? n / Heaps + (index < n % Heaps ? 1 : 0) : long.MaxValue;
}
