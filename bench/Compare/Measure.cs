using System.Diagnostics;

namespace UnmanagedHeap.Compare;

/// <summary>Best-of-N timing with one unmeasured warm-up run (which also JIT-compiles the code).</summary>
public static class Measure
{
    /// <summary>
    /// Runs <paramref name="run"/> once to warm up, then <paramref name="runs"/> times; each call
    /// returns the seconds of the part it times. The best run, in ns per operation.
    /// </summary>
    public static double BestNsPerOp(Func<double> run, long operations, int runs)
    {
        run();
        double best = double.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            best = Math.Min(best, run());
        }
        return best * 1e9 / operations;
    }

    /// <summary>Seconds that <paramref name="body"/> takes.</summary>
    public static double Seconds(Action body)
    {
        long start = Stopwatch.GetTimestamp();
        body();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
