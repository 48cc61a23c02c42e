namespace PyHeap.Stress;

/// <summary>Why a run ended.</summary>
public enum StopReason
{
    None,
    Done,
    MaxRss,
    Failed,
}

/// <summary>Shared between the heaps' threads and the monitor: the first reason given wins.</summary>
public sealed class StopSignal
{
    private int _reason;

    public bool Requested => Volatile.Read(ref _reason) != (int)StopReason.None;

    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    public void Request(StopReason reason) => Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None);
}
