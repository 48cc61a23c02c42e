namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// An optional wall-clock limit on a run, for programs that are not ours to trust (the
/// learner's program under <c>pyheap exercise check</c>). The interrupt poll of loops and
/// calls (<see cref="PollInterrupt"/>) looks at the clock; past the deadline it raises KeyboardInterrupt, which <c>except Exception</c> does not
/// catch, and keep raising it at every later check, so the program unwinds to the end.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private long _deadline;

    /// <summary>Milliseconds the program may run; 0 means no limit. Set before the run starts.</summary>
    public long TimeLimitMs
    {
        get => _timeLimitMs;
        set
        {
            _timeLimitMs = value;
            _deadline = value > 0 ? Environment.TickCount64 + value : 0;
        }
    }

    private long _timeLimitMs;

    /// <summary>True once the program ran past <see cref="TimeLimitMs"/>.</summary>
    public bool TimedOut { get; private set; }

    private void ThrowIfPastTimeLimit()
    {
        if (_deadline != 0 && Environment.TickCount64 > _deadline)
        {
            TimedOut = true;
            throw Error(KeyboardInterrupt, $"the program ran longer than its time limit of {_timeLimitMs / 1000.0:0.#} s");
        }
    }
}
