using System.Diagnostics;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// time: the clocks programs use to measure themselves. perf_counter and monotonic read the
/// same high-resolution monotonic clock (as CPython's do on Linux), time reads the wall
/// clock, process_time this process's CPU time. The *_ns forms return exact integers.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyObject* CreateTimeModule()
    {
        PyObject* m = NewModule("time");
        TimeClock(m, "perf_counter", MonotonicNs);
        TimeClock(m, "monotonic", MonotonicNs);
        TimeClock(m, "time", WallNs);
        TimeClock(m, "process_time", ProcessNs);
        TimeClock(m, "thread_time", ProcessNs);
        ModuleFunction(m, "sleep", (_, a, kw) =>
        {
            CheckKw("sleep", kw);
            Arity("sleep", a, 1, 1);
            PyObject* s = A(a, 0);
            if (!IsInt(s) && s->ob_type != St->type_float)
            {
                throw TypeErr($"'{TypeName(s)}' object cannot be interpreted as an integer");
            }
            double seconds = ToDouble(s);
            if (double.IsNaN(seconds))
            {
                throw ValueErr("Invalid value NaN (not a number)");
            }
            if (seconds < 0)
            {
                throw ValueErr("sleep length must be non-negative");
            }
            // In short slices, so Ctrl-C and the run's time limit still stop a long sleep.
            var clock = Stopwatch.StartNew();
            double ms = seconds * 1000.0;
            while (clock.Elapsed.TotalMilliseconds < ms)
            {
                PollInterrupt();
                double left = ms - clock.Elapsed.TotalMilliseconds;
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(0, Math.Min(left, 50))));
            }
            return None;
        });
        return m;
    }

    private static readonly long MonotonicOrigin = Stopwatch.GetTimestamp();

    /// <summary>Nanoseconds of the monotonic clock; the origin is arbitrary, as CPython documents.</summary>
    private static long MonotonicNs()
    {
        long ticks = Stopwatch.GetTimestamp() - MonotonicOrigin;
        return (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
    }

    private static long WallNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    private static long ProcessNs() => Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100;

    /// <summary>NAME() as a float of seconds and NAME_ns() as an int of nanoseconds.</summary>
    private void TimeClock(PyObject* module, string name, Func<long> ns)
    {
        ModuleFunction(module, name, (_, a, kw) =>
        {
            RequireNoArgs(name, a, kw);
            return Float(ns() / 1e9);
        });
        ModuleFunction(module, name + "_ns", (_, a, kw) =>
        {
            RequireNoArgs(name + "_ns", a, kw);
            return Int(ns());
        });
    }
}
