namespace UnmanagedHeap.Inspect;

/// <summary>
/// Python's tracemalloc over one heap: while started, every block the heap's allocator hands
/// out is recorded with its real size and the call stack that asked for it (from an
/// <see cref="ICallStackSource"/>, the script interpreter's frames), until it is freed.
/// Answers the current and peak traced bytes, the traceback of a live block, and snapshots
/// of the live traces, now or as they stood at the peak (what a flame graph of the peak draws).
/// Blocks allocated before <see cref="Start"/> are not traced, as in CPython.
/// </summary>
public sealed class AllocationTracer
{
    /// <summary>tracemalloc's limit on frames per traceback.</summary>
    public const int MaxFrameLimit = 65535;

    private struct LiveBlock
    {
        public long Size;
        public AllocationTraceback Traceback;
        public long Serial;
    }

    private readonly AllocationHooks _hooks;
    private readonly Action _checkThread;
    private readonly Dictionary<nint, LiveBlock> _live = [];
    private readonly Dictionary<long, AllocationTraceback> _tracebacks = [];
    /// <summary>Blocks that were live at the peak and have been freed since: the peak's view needs them back.</summary>
    private readonly List<AllocationTrace> _freedSincePeak = [];
    private AllocationFrame[] _buffer = [];
    private long _serial;
    private long _peakSerial;

    internal AllocationTracer(AllocationHooks hooks, Action checkThread)
    {
        _hooks = hooks;
        _checkThread = checkThread;
    }

    /// <summary>Who is allocating; null records every block with an empty traceback.</summary>
    public ICallStackSource? Stacks { get; set; }

    public bool IsTracing { get; private set; }

    /// <summary>Frames kept per traceback (tracemalloc.start's nframe).</summary>
    public int FrameLimit { get; private set; } = 1;

    /// <summary>Bytes of the traced blocks now live.</summary>
    public long CurrentBytes { get; private set; }

    /// <summary>The most <see cref="CurrentBytes"/> has been since start, clear or <see cref="ResetPeak"/>.</summary>
    public long PeakBytes { get; private set; }

    /// <summary>Traced blocks now live.</summary>
    public int LiveBlocks => _live.Count;

    /// <summary>Starts tracing (again) with up to <paramref name="frameLimit"/> frames per traceback.</summary>
    public void Start(int frameLimit = 1)
    {
        _checkThread();
        if (frameLimit < 1 || frameLimit > MaxFrameLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(frameLimit), frameLimit, $"the number of frames must be in range [1; {MaxFrameLimit}]");
        }
        FrameLimit = frameLimit;
        if (_buffer.Length < frameLimit)
        {
            _buffer = new AllocationFrame[frameLimit];
        }
        if (!IsTracing)
        {
            IsTracing = true;
            _hooks.Attach(this);
        }
    }

    /// <summary>Stops tracing and forgets every trace, as tracemalloc.stop does.</summary>
    public void Stop()
    {
        _checkThread();
        if (IsTracing)
        {
            IsTracing = false;
            _hooks.Detach(this);
        }
        Clear();
    }

    /// <summary>Forgets every trace; current and peak go back to zero (tracemalloc.clear_traces).</summary>
    public void Clear()
    {
        _checkThread();
        _live.Clear();
        _tracebacks.Clear();
        _freedSincePeak.Clear();
        CurrentBytes = 0;
        PeakBytes = 0;
        _peakSerial = _serial;
    }

    /// <summary>The peak becomes the current size (tracemalloc.reset_peak).</summary>
    public void ResetPeak()
    {
        _checkThread();
        PeakBytes = CurrentBytes;
        _peakSerial = _serial;
        _freedSincePeak.Clear();
    }

    /// <summary>
    /// An estimate of the managed memory the tracer itself uses for its records
    /// (tracemalloc.get_tracemalloc_memory): per live block, per traceback and per frame.
    /// </summary>
    public long OwnMemoryBytes
    {
        get
        {
            long frames = 0;
            foreach (AllocationTraceback t in _tracebacks.Values)
            {
                for (AllocationTraceback? at = t; at != null; at = at.NextWithHash)
                {
                    frames += at.Frames.Count;
                }
            }
            return 64 + _live.Count * 48L + _tracebacks.Count * 72L + frames * 32 + _freedSincePeak.Count * 24L;
        }
    }

    /// <summary>Where the live traced block at <paramref name="block"/> was allocated, or null when it is not traced.</summary>
    public AllocationTraceback? TracebackOf(nint block)
    {
        _checkThread();
        return _live.TryGetValue(block, out LiveBlock b) ? b.Traceback : null;
    }

    /// <summary>The traced blocks live now.</summary>
    public List<AllocationTrace> Snapshot()
    {
        _checkThread();
        var traces = new List<AllocationTrace>(_live.Count);
        foreach (var (block, b) in _live)
        {
            traces.Add(new AllocationTrace(block, b.Size, b.Traceback));
        }
        return traces;
    }

    /// <summary>The traced blocks that were live when <see cref="PeakBytes"/> was reached; their sizes sum to it.</summary>
    public List<AllocationTrace> PeakSnapshot()
    {
        _checkThread();
        var traces = new List<AllocationTrace>(_freedSincePeak);
        foreach (var (block, b) in _live)
        {
            if (b.Serial <= _peakSerial)
            {
                traces.Add(new AllocationTrace(block, b.Size, b.Traceback));
            }
        }
        return traces;
    }

    internal void Record(nint block, long size)
    {
        if (_live.Remove(block, out LiveBlock stale))
        {
            // Freed behind the hooks' back (cannot happen while they are installed); keep the sums right.
            CurrentBytes -= stale.Size;
        }
        AllocationTraceback traceback = CurrentTraceback();
        long serial = ++_serial;
        _live[block] = new LiveBlock { Size = size, Traceback = traceback, Serial = serial };
        CurrentBytes += size;
        if (CurrentBytes > PeakBytes)
        {
            PeakBytes = CurrentBytes;
            _peakSerial = serial;
            _freedSincePeak.Clear();
        }
    }

    internal void Forget(nint block)
    {
        if (_live.Remove(block, out LiveBlock b))
        {
            CurrentBytes -= b.Size;
            if (b.Serial <= _peakSerial)
            {
                _freedSincePeak.Add(new AllocationTrace(block, b.Size, b.Traceback));
            }
        }
    }

    private AllocationTraceback CurrentTraceback()
    {
        int total = 0;
        int count = Stacks?.CaptureStack(_buffer.AsSpan(0, FrameLimit), out total) ?? 0;
        ReadOnlySpan<AllocationFrame> frames = _buffer.AsSpan(0, count);
        long hash = AllocationTraceback.HashOf(frames, total);
        _tracebacks.TryGetValue(hash, out AllocationTraceback? first);
        for (AllocationTraceback? t = first; t != null; t = t.NextWithHash)
        {
            if (t.SameAs(frames, total))
            {
                return t;
            }
        }
        var made = new AllocationTraceback(frames.ToArray(), total, hash) { NextWithHash = first };
        _tracebacks[hash] = made;
        return made;
    }
}
