using System.Diagnostics;
using UnmanagedHeap.Gc;

namespace PyHeap.Stress;

/// <summary>
/// Times every collection of one heap through the collector's C# callbacks ("start" and
/// "stop"), and counts collections per generation and the objects they reclaimed. The
/// buffers are allocated up front and only grow (by doubling) past tens of thousands of
/// collections, so timing a collection allocates nothing managed. Only the heap's own
/// thread touches it; the figures reach other threads through <see cref="StressWorker"/>'s
/// published snapshot.
/// </summary>
public sealed class PauseLog
{
    private long _started;
    private long[] _at = new long[1 << 14];
    private long[] _ticks = new long[1 << 14];

    public int Count { get; private set; }

    public long[] Collections { get; } = new long[3];

    public long Collected { get; private set; }

    /// <summary>The latest pause, in Stopwatch ticks.</summary>
    public long LastPauseTicks { get; private set; }

    public void OnCollection(string phase, GcInfo info)
    {
        if (phase == "start")
        {
            _started = Stopwatch.GetTimestamp();
            return;
        }
        long now = Stopwatch.GetTimestamp();
        if (Count == _ticks.Length)
        {
            Array.Resize(ref _at, Count * 2);
            Array.Resize(ref _ticks, Count * 2);
        }
        _at[Count] = now;
        _ticks[Count] = now - _started;
        Count++;
        LastPauseTicks = now - _started;
        Collections[Math.Clamp(info.Generation, 0, 2)]++;
        Collected += info.Collected;
    }

    /// <summary>Pauses as (when, in Stopwatch timestamps; how long, in ticks).</summary>
    public ReadOnlySpan<long> EndedAt => _at.AsSpan(0, Count);

    public ReadOnlySpan<long> Durations => _ticks.AsSpan(0, Count);
}
