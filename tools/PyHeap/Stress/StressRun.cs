using System.Diagnostics;

namespace PyHeap.Stress;

/// <summary>What the monitor shows while a run goes on.</summary>
public readonly record struct StressProgress(
    double Seconds, long Created, double ObjectsPerSecond, long LiveObjects, long LiveBytes, long RssBytes,
    long Gen0, long Gen1, long Gen2, double LastPauseMs);

/// <summary>
/// Runs <c>pyheap stress</c>: a warm-up on a throw-away heap (so that the first sample is
/// not JIT time), then K heaps on K threads, each owned by its thread, while this thread
/// samples their published figures and the resident size, stops the run at --duration or
/// --max-rss, and feeds the live display. The result is a <see cref="StressReport"/>.
/// </summary>
public sealed class StressRun(StressSettings settings, TextWriter log)
{
    private const int MaxSamples = 2000;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromMilliseconds(300);

    private readonly ResidentMemory _rss = new();
    private readonly StopSignal _stop = new();
    private readonly List<StressSample> _samples = [];
    private TimeSpan _sampleEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>The resident size after warm-up, before any heap of the run exists.</summary>
    public long StartRss { get; private set; }

    /// <summary>Warms up, and checks that --max-rss is above the resident size now.</summary>
    public void Prepare()
    {
        log.WriteLine($"pyheap stress: warming up ({settings.Shape} on a throw-away heap, so that compiling the hot paths is not timed) ...");
        log.Flush();
        WarmUp();
        StartRss = _rss.Read();
        if (settings.MaxRssGiven && settings.MaxRssBytes <= StartRss)
        {
            throw new UsageException($"--max-rss {Units.Bytes(settings.MaxRssBytes)} is below the resident size at the start, {Units.Bytes(StartRss)}");
        }
    }

    /// <summary>Runs the heaps; <paramref name="onProgress"/> is called on this thread at every sample.</summary>
    public StressReport Execute(Action<StressProgress> onProgress)
    {
        int k = settings.Heaps;
        var workers = new StressWorker?[k];
        var results = new HeapResult?[k];
        var pauseDurations = new List<double>();
        var pauseTimes = new List<double>();
        Exception? failure = null;
        using var ready = new CountdownEvent(k);
        using var go = new ManualResetEventSlim(false);
        using var ran = new CountdownEvent(k);
        // A heap is disposed only after the last sample, so that the timeline ends with the
        // run's memory, not with the heap already given back.
        using var release = new ManualResetEventSlim(false);
        long t0 = 0;
        var threads = new Thread[k];
        for (int i = 0; i < k; i++)
        {
            int index = i;
            threads[i] = new Thread(() =>
            {
                StressWorker? worker = null;
                bool readySignalled = false;
                try
                {
                    worker = new StressWorker(index, settings);
                    workers[index] = worker;
                    worker.Setup(_stop);
                    ready.Signal();
                    readySignalled = true;
                    go.Wait();
                    long rate = settings.Rate > 0 ? Math.Max(1, settings.Rate / k) : 0;
                    results[index] = worker.Run(settings.ObjectsFor(index), rate, _stop);
                    lock (pauseDurations)
                    {
                        double msPerTick = 1000.0 / Stopwatch.Frequency;
                        ReadOnlySpan<long> ticks = worker.Pauses.Durations;
                        ReadOnlySpan<long> at = worker.Pauses.EndedAt;
                        for (int p = 0; p < ticks.Length; p++)
                        {
                            pauseDurations.Add(ticks[p] * msPerTick);
                            pauseTimes.Add((at[p] - Volatile.Read(ref t0)) / (double)Stopwatch.Frequency);
                        }
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    _stop.Request(StopReason.Failed);
                }
                finally
                {
                    if (!readySignalled)
                    {
                        ready.Signal();
                    }
                    ran.Signal();
                    release.Wait();
                    worker?.Dispose();
                }
            }, 16 * 1024 * 1024) { Name = $"pyheap stress heap {i}", IsBackground = true };
            threads[i].Start();
        }

        // Setup (the route cache, the long-lived tree) is not timed, but --max-rss holds during it.
        while (!ready.Wait(20))
        {
            CheckRss();
        }
        if (failure == null && settings.Shape is "route-cache" or "binary-trees")
        {
            log.WriteLine($"pyheap stress: setup done ({workers.Sum(w => w?.SetupObjects ?? 0):N0} long-lived objects); timing starts now");
        }
        if (failure == null)
        {
            log.WriteLine($"pyheap stress: {workers[0]?.Description}");
        }
        log.Flush();
        Volatile.Write(ref t0, Stopwatch.GetTimestamp());
        Sample(workers, Volatile.Read(ref t0)); // t = 0: what setup left, before the first step
        go.Set();
        try
        {
            Monitor(workers, ran, Volatile.Read(ref t0), onProgress);
            Sample(workers, Volatile.Read(ref t0));
        }
        catch
        {
            _stop.Request(StopReason.Failed);
            throw;
        }
        finally
        {
            ran.Wait();
            release.Set();
        }
        foreach (Thread thread in threads)
        {
            thread.Join();
        }
        if (failure != null)
        {
            throw new StressFailedException(failure);
        }
        return Summarize(workers, results, pauseDurations, pauseTimes);
    }

    /// <summary>The collection pauses of the last run: when (seconds) and how long (ms), for the chart.</summary>
    public (double[] At, double[] Ms) Pauses { get; private set; } = ([], []);

    private void Monitor(StressWorker?[] workers, CountdownEvent ran, long t0, Action<StressProgress> onProgress)
    {
        long lastCreated = 0;
        double lastT = 0;
        while (!ran.Wait(_sampleEvery))
        {
            StressSample s = Sample(workers, t0);
            if (settings.Duration is TimeSpan d && s.T >= d.TotalSeconds)
            {
                _stop.Request(StopReason.Done);
            }
            double dt = s.T - lastT;
            double rate = dt > 0 ? (s.ObjectsCreated - lastCreated) / dt : 0;
            lastCreated = s.ObjectsCreated;
            lastT = s.T;
            double lastPause = workers.Max(w => w?.Snapshot().LastPauseTicks ?? 0) * 1000.0 / Stopwatch.Frequency;
            onProgress(new StressProgress(s.T, s.ObjectsCreated, rate, s.LiveObjects, s.LiveBytes, s.RssBytes,
                s.Collections[0], s.Collections[1], s.Collections[2], lastPause));
        }
    }

    private StressSample Sample(StressWorker?[] workers, long t0)
    {
        long created = 0, live = 0, bytes = 0, g0 = 0, g1 = 0, g2 = 0, collected = 0;
        foreach (StressWorker? w in workers)
        {
            if (w == null)
            {
                continue;
            }
            WorkerSnapshot s = w.Snapshot();
            created += s.Created;
            live += s.LiveObjects;
            bytes += s.LiveBytes;
            g0 += s.Gen0;
            g1 += s.Gen1;
            g2 += s.Gen2;
            collected += s.Collected;
        }
        var sample = new StressSample
        {
            T = Stopwatch.GetElapsedTime(t0).TotalSeconds,
            ObjectsCreated = created,
            LiveObjects = live,
            LiveBytes = bytes,
            RssBytes = CheckRss(),
            Collections = [g0, g1, g2],
            Collected = collected,
        };
        _samples.Add(sample);
        if (_samples.Count >= MaxSamples)
        {
            // Keep the timeline bounded: every other sample goes, and sampling slows down.
            for (int i = 0; i < _samples.Count / 2; i++)
            {
                _samples[i] = _samples[2 * i];
            }
            _samples.RemoveRange(_samples.Count / 2, _samples.Count - _samples.Count / 2);
            _sampleEvery *= 2;
        }
        return sample;
    }

    private long CheckRss()
    {
        long rss = _rss.Read();
        if (rss >= settings.MaxRssBytes)
        {
            _stop.Request(StopReason.MaxRss);
        }
        return rss;
    }

    private void WarmUp()
    {
        var warm = settings with { Heaps = 1, Objects = 50_000, Duration = null, Rate = 0, Gc = GcSetting.On };
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var worker = new StressWorker(0, warm);
                var stop = new StopSignal();
                worker.Setup(stop);
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < WarmUpTime && !stop.Requested)
                {
                    worker.Run(20_000, 0, stop);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 16 * 1024 * 1024) { IsBackground = true };
        thread.Start();
        thread.Join();
        if (failure != null)
        {
            throw new StressFailedException(failure);
        }
    }

    private StressReport Summarize(StressWorker?[] workers, HeapResult?[] results, List<double> pauseMs, List<double> pauseAt)
    {
        HeapResult[] heaps = [.. results.Where(r => r != null).Select(r => r!)];
        long created = heaps.Sum(h => h.ObjectsCreated);
        double seconds = heaps.Length > 0 ? heaps.Max(h => h.Seconds) : 0;
        double perSecond = seconds > 0 ? created / seconds : 0;
        double bytesPerObject = workers.Average(w => w?.BytesPerObject ?? 0);
        long emptyObjects = workers.Sum(w => w?.EmptyLiveObjects ?? 0);
        long emptyBytes = workers.Sum(w => w?.EmptyLiveBytes ?? 0);

        // Bytes per live object where the most were alive (shapes that drop everything at once
        // have few live objects at the end).
        StressSample fullest = _samples.MaxBy(s => s.LiveObjects)!;
        long liveAbove = fullest.LiveObjects - emptyObjects;
        bool enough = liveAbove >= 10_000;

        Pauses = ([.. pauseAt], [.. pauseMs]);
        double[] sorted = [.. pauseMs];
        Array.Sort(sorted);
        StopReason reason = _stop.Reason == StopReason.MaxRss ? StopReason.MaxRss : StopReason.Done;
        return new StressReport
        {
            Shape = settings.Shape,
            Description = workers[0]?.Description ?? "",
            Allocator = settings.Heap.Allocator.ToString().ToLowerInvariant(),
            Gc = settings.Gc.ToString(),
            BackLinks = settings.BackLinksPercent,
            Weak = settings.WeakPercent,
            Heaps = settings.Heaps,
            Seed = settings.Seed,
            Rate = settings.Rate,
            ObjectsCreated = created,
            SetupObjects = workers.Sum(w => w?.SetupObjects ?? 0),
            Seconds = seconds,
            ObjectsPerSecond = perSecond,
            BytesPerSecond = perSecond * bytesPerObject,
            BytesPerObjectAllocated = bytesPerObject,
            StartRssBytes = StartRss,
            PeakRssBytes = _samples.Max(s => s.RssBytes),
            FinalLiveObjects = heaps.Sum(h => h.FinalLiveObjects),
            FinalLiveBytes = heaps.Sum(h => h.FinalLiveBytes),
            BytesPerLiveObject = enough ? (double)(fullest.LiveBytes - emptyBytes) / liveAbove : null,
            ResidentBytesPerLiveObject = enough ? (double)(fullest.RssBytes - StartRss) / liveAbove : null,
            Collections = [heaps.Sum(h => h.Collections[0]), heaps.Sum(h => h.Collections[1]), heaps.Sum(h => h.Collections[2])],
            Collected = heaps.Sum(h => h.Collected),
            PausesMs = new PauseSummary
            {
                Count = sorted.Length,
                P50 = Percentile(sorted, 0.50),
                P99 = Percentile(sorted, 0.99),
                Max = sorted.Length > 0 ? sorted[^1] : 0,
            },
            Stopped = reason == StopReason.MaxRss ? "max-rss" : "done",
            MaxRssBytes = settings.MaxRssBytes,
            PerHeap = heaps,
            Samples = [.. _samples],
        };
    }

    /// <summary>The nearest-rank percentile of sorted values (0 when there are none).</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>A heap's thread failed; the message is the cause's.</summary>
public sealed class StressFailedException(Exception inner) : Exception(inner.Message, inner);
