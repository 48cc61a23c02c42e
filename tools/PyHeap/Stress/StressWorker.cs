using System.Diagnostics;
using UnmanagedHeap;

namespace PyHeap.Stress;

/// <summary>What one heap did in a run.</summary>
public sealed record HeapResult
{
    public int Heap { get; init; }
    public int ThreadId { get; init; }
    public long ObjectsCreated { get; init; }
    public double Seconds { get; init; }
    public double ObjectsPerSecond { get; init; }
    public long FinalLiveObjects { get; init; }
    public long FinalLiveBytes { get; init; }
    public long[] Collections { get; init; } = [];
    public long Collected { get; init; }
}

/// <summary>
/// One heap and one shape, owned by the thread that creates the worker (a heap refuses
/// any other thread). <see cref="Run"/> is the stress loop: steps until its quota or a stop,
/// publishing its figures every few thousand objects for the monitor thread to read, and
/// allocating nothing managed per object.
/// </summary>
public sealed class StressWorker : IDisposable
{
    /// <summary>Objects between two looks at the clock, the stop signal and the pace.</summary>
    private const int CheckEvery = 2048;

    private readonly StressShape _shape;
    private readonly long _bytesEvery = Stopwatch.Frequency / 100;
    private long _lastBytesAt;
    private PauseLog _pauses = new();

    // Published for the monitor thread (written with Volatile.Write, read with Volatile.Read).
    private long _created;
    private long _liveObjects;
    private long _liveBytes;
    private long _gen0, _gen1, _gen2;
    private long _collected;
    private long _lastPause;

    public StressWorker(int index, StressSettings settings)
    {
        Index = index;
        Heap = new Heap(settings.Heap);
        OwnerThread = Environment.CurrentManagedThreadId;
        EmptyLiveObjects = Heap.LiveObjects;
        EmptyLiveBytes = Heap.Allocator.Stats.LiveBytes;
        ulong seed = settings.Seed + (ulong)index * 0x9E3779B97F4A7C15UL;
        _shape = StressShape.Create(settings.Shape, Heap, new ShapeParameters(settings.BackLinksPercent, settings.WeakPercent, seed, settings.ObjectsFor(index)));
        Settings = settings;
    }

    public int Index { get; }
    public Heap Heap { get; }
    public StressSettings Settings { get; }
    public string Description => _shape.Description;

    /// <summary>The managed thread that created the heap and alone may use it.</summary>
    public int OwnerThread { get; }

    /// <summary>What an empty heap holds (types, singletons, small ints), to subtract from live figures.</summary>
    public long EmptyLiveObjects { get; }
    public long EmptyLiveBytes { get; }

    /// <summary>The allocator's bytes per object of this shape, measured on a few units kept alive.</summary>
    public double BytesPerObject { get; private set; }

    public long SetupObjects { get; private set; }

    public PauseLog Pauses => _pauses;

    /// <summary>
    /// Measures the bytes per object, then builds what lives for the whole run (untimed),
    /// with the collector as --gc asks; collections from here on are timed.
    /// </summary>
    public void Setup(StopSignal stop)
    {
        Heap.Gc.Disable();
        long objectsBefore = Heap.LiveObjects;
        long bytesBefore = Heap.Allocator.Stats.LiveBytes;
        var units = new NewRef[64];
        int built = 0;
        for (long objects = 0; built < units.Length && objects < 4096; built++)
        {
            units[built] = _shape.BuildUnit(out int n);
            objects += n;
        }
        long liveObjects = Heap.LiveObjects - objectsBefore;
        long liveBytes = Heap.Allocator.Stats.LiveBytes - bytesBefore;
        BytesPerObject = liveObjects > 0 ? (double)liveBytes / liveObjects : 0;
        for (int i = 0; i < built; i++)
        {
            units[i].Dispose();
        }
        Heap.Gc.Collect();
        Settings.Gc.ApplyTo(Heap);
        SetupObjects = _shape.Setup(() => stop.Requested);
        _pauses = new PauseLog();
        Heap.Gc.Callbacks.Add(_pauses.OnCollection);
        Publish(0, force: true);
    }

    /// <summary>
    /// The stress loop: steps until <paramref name="quota"/> objects or a stop. With a
    /// <paramref name="rate"/> (objects per second, 0 = flat out) it sleeps whenever it is
    /// ahead of the pace.
    /// </summary>
    public HeapResult Run(long quota, long rate, StopSignal stop)
    {
        long start = Stopwatch.GetTimestamp();
        long created = 0;
        long nextCheck = rate > 0 ? Math.Clamp(rate / 200, 1, CheckEvery) : CheckEvery;
        long checkEvery = nextCheck;
        while (created < quota)
        {
            created += _shape.Step();
            if (created >= nextCheck)
            {
                nextCheck = created + checkEvery;
                Publish(created, force: false);
                if (stop.Requested)
                {
                    break;
                }
                if (rate > 0)
                {
                    Pace(created, start, rate, stop);
                }
            }
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Publish(created, force: true);
        return new HeapResult
        {
            Heap = Index,
            ThreadId = OwnerThread,
            ObjectsCreated = created,
            Seconds = seconds,
            ObjectsPerSecond = seconds > 0 ? created / seconds : 0,
            FinalLiveObjects = Heap.LiveObjects,
            FinalLiveBytes = Heap.Allocator.Stats.LiveBytes,
            Collections = [.. _pauses.Collections],
            Collected = _pauses.Collected,
        };
    }

    /// <summary>Sleeps until <paramref name="created"/> objects are due at <paramref name="rate"/> per second.</summary>
    private static void Pace(long created, long start, long rate, StopSignal stop)
    {
        long due = start + (long)((double)created / rate * Stopwatch.Frequency);
        while (!stop.Requested)
        {
            long ahead = due - Stopwatch.GetTimestamp();
            if (ahead <= 0)
            {
                return;
            }
            long ms = ahead * 1000 / Stopwatch.Frequency;
            if (ms >= 2)
            {
                Thread.Sleep((int)Math.Min(ms, 50));
            }
            else
            {
                Thread.SpinWait(64);
            }
        }
    }

    private void Publish(long created, bool force)
    {
        Volatile.Write(ref _created, created);
        Volatile.Write(ref _liveObjects, Heap.LiveObjects);
        long now = Stopwatch.GetTimestamp();
        // The allocator counts live bytes by walking its pools: a hundred times a second is plenty.
        if (force || now - _lastBytesAt >= _bytesEvery)
        {
            _lastBytesAt = now;
            Volatile.Write(ref _liveBytes, Heap.Allocator.Stats.LiveBytes);
        }
        Volatile.Write(ref _gen0, _pauses.Collections[0]);
        Volatile.Write(ref _gen1, _pauses.Collections[1]);
        Volatile.Write(ref _gen2, _pauses.Collections[2]);
        Volatile.Write(ref _collected, _pauses.Collected);
        Volatile.Write(ref _lastPause, _pauses.LastPauseTicks);
    }

    /// <summary>The figures last published by the heap's thread; safe to read from any thread.</summary>
    public WorkerSnapshot Snapshot() => new(
        Volatile.Read(ref _created),
        Volatile.Read(ref _liveObjects),
        Volatile.Read(ref _liveBytes),
        Volatile.Read(ref _gen0),
        Volatile.Read(ref _gen1),
        Volatile.Read(ref _gen2),
        Volatile.Read(ref _collected),
        Volatile.Read(ref _lastPause));

    public void Dispose()
    {
        _shape.Dispose();
        Heap.Dispose();
    }
}

/// <summary>One heap's published figures at a moment.</summary>
public readonly record struct WorkerSnapshot(long Created, long LiveObjects, long LiveBytes, long Gen0, long Gen1, long Gen2, long Collected, long LastPauseTicks);
