using ScottPlot;

namespace PyHeap.Stress;

/// <summary>
/// <c>--chart FILE.svg|FILE.png</c>: live bytes and resident memory over time (left axis,
/// MiB) and every collection pause (right axis, ms), drawn with ScottPlot. Whether memory
/// plateaus or climbs is visible at a glance. ScottPlot draws through SkiaSharp, whose
/// native library ships in its NuGet package; a machine where it cannot load gets a
/// message saying so.
/// </summary>
public static class StressChart
{
    public const int Width = 900;
    public const int Height = 420;

    /// <summary>The extensions --chart accepts.</summary>
    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".svg" or ".png";

    public static void Write(string path, StressReport report, (double[] At, double[] Ms) pauses)
    {
        try
        {
            Plot plot = Draw(report, pauses);
            if (Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase))
            {
                plot.SavePng(path, Width, Height);
            }
            else
            {
                plot.SaveSvg(path, Width, Height);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            throw new IOException(
                $"cannot draw {path}: ScottPlot needs SkiaSharp's native library (libSkiaSharp), which did not load here ({e.GetBaseException().Message}); --json still has every figure", e);
        }
    }

    private static Plot Draw(StressReport report, (double[] At, double[] Ms) pauses)
    {
        var plot = new Plot();
        double[] t = [.. report.Samples.Select(s => s.T)];
        const double MiB = 1 << 20;
        var live = plot.Add.ScatterLine(t, report.Samples.Select(s => s.LiveBytes / MiB).ToArray());
        live.LegendText = "live bytes (allocator)";
        live.LineWidth = 2;
        var rss = plot.Add.ScatterLine(t, report.Samples.Select(s => s.RssBytes / MiB).ToArray());
        rss.LegendText = "resident (RSS)";
        rss.LineWidth = 2;
        if (report.Stopped == "max-rss")
        {
            var ceiling = plot.Add.HorizontalLine(report.MaxRssBytes / MiB);
            ceiling.LegendText = "--max-rss";
            ceiling.LinePattern = LinePattern.Dashed;
        }
        if (pauses.At.Length > 0)
        {
            (double[] at, double[] ms) = Thin(pauses.At, pauses.Ms, 500);
            var marks = plot.Add.ScatterPoints(at, ms);
            marks.LegendText = "collection pause";
            marks.MarkerSize = 3;
            marks.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "pause (ms)";
        }
        plot.Title($"pyheap stress --shape {report.Shape} --gc {report.Gc} --weak {report.Weak}: {report.Stopped}");
        plot.XLabel("seconds");
        plot.YLabel("MiB");
        plot.Axes.SetLimitsY(0, Math.Max(1, report.Samples.Max(s => Math.Max(s.RssBytes, s.LiveBytes)) / MiB * 1.1), plot.Axes.Left);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>At most <paramref name="max"/> points, keeping the longest pause of each stretch.</summary>
    private static (double[], double[]) Thin(double[] at, double[] ms, int max)
    {
        if (at.Length <= max)
        {
            return (at, ms);
        }
        int per = (at.Length + max - 1) / max;
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < at.Length; i += per)
        {
            int best = i;
            for (int j = i; j < Math.Min(at.Length, i + per); j++)
            {
                if (ms[j] > ms[best])
                {
                    best = j;
                }
            }
            xs.Add(at[best]);
            ys.Add(ms[best]);
        }
        return ([.. xs], [.. ys]);
    }
}
