using Spectre.Console;
using Spectre.Console.Rendering;

namespace PyHeap.Stress;

/// <summary>
/// Shows a run's progress: on a terminal a live table (Spectre.Console) redrawn a few
/// times a second; otherwise, or with --quiet, a plain line every second or so.
/// </summary>
public static class ProgressView
{
    public static StressReport Run(StressRun run, CommandIo io, StressSettings settings)
    {
        if (io.Terminal && !settings.Quiet)
        {
            return Live(run, io);
        }
        return Plain(run, io.Out, settings);
    }

    private static StressReport Plain(StressRun run, TextWriter output, StressSettings settings)
    {
        // A few lines, not a flood: every second, or every tenth of a long timed run.
        double every = Math.Max(1.0, (settings.Duration?.TotalSeconds ?? 0) / 10);
        double next = every;
        return run.Execute(p =>
        {
            if (p.Seconds < next)
            {
                return;
            }
            next = p.Seconds + every;
            output.WriteLine($"  {p.Seconds,6:F1} s  {Units.Count(p.Created),14} objects  {Units.Rate(p.ObjectsPerSecond)}objects/s  live {Units.Count(p.LiveObjects)} ({Units.Bytes(p.LiveBytes)})  RSS {Units.Bytes(p.RssBytes)}  collections {p.Gen0}/{p.Gen1}/{p.Gen2}  last pause {Units.Ms(p.LastPauseMs)}");
            output.Flush();
        });
    }

    private static StressReport Live(StressRun run, CommandIo io)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.Out),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        StressReport? report = null;
        console.Live(Render(default)).AutoClear(false).Start(context =>
        {
            long redrawAt = 0;
            report = run.Execute(p =>
            {
                long now = Environment.TickCount64;
                if (now < redrawAt)
                {
                    return;
                }
                redrawAt = now + 200;
                context.UpdateTarget(Render(p));
            });
        });
        return report!;
    }

    private static IRenderable Render(StressProgress p)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("pyheap stress").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.ShowHeaders = false;
        table.AddRow("elapsed", $"{p.Seconds:F1} s");
        table.AddRow("objects created", Units.Count(p.Created));
        table.AddRow("objects/s", Units.Rate(p.ObjectsPerSecond));
        table.AddRow("live objects", Units.Count(p.LiveObjects));
        table.AddRow("live bytes (allocator)", Units.Bytes(p.LiveBytes));
        table.AddRow("resident (RSS)", Units.Bytes(p.RssBytes));
        table.AddRow("collections gen0/gen1/gen2", $"{p.Gen0} / {p.Gen1} / {p.Gen2}");
        table.AddRow("last pause", Units.Ms(p.LastPauseMs));
        return table;
    }
}
