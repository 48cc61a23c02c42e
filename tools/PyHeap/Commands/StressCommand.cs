using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using PyHeap.Stress;
using UnmanagedHeap;

namespace PyHeap;

/// <summary>
/// <c>pyheap stress</c>: drives a workload shape through an allocator and the collector on
/// one or more heaps, with a live display, a summary table, and optionally the figures as
/// JSON and a chart. Exit 0 when done, 3 when --max-rss stopped it, 2 for impossible
/// parameters (one line), 1 for other failures.
/// </summary>
public static class StressCommand
{
    public static Command Create(CommandIo io)
    {
        var o = new StressOptions();
        var command = new Command("stress", "Stress-test allocation throughput: a workload shape through the allocator and the collector, with live figures, a summary, JSON and a chart.");
        o.AddTo(command);
        command.SetAction(result => Run(o.Read(result), io));
        return command;
    }

    public static int Run(StressSettings settings, CommandIo io)
    {
        var run = new StressRun(settings, io.Out);
        StressReport report;
        try
        {
            run.Prepare();
            report = ProgressView.Run(run, io, settings);
        }
        catch (StressFailedException e) when (e.InnerException is UnmanagedHeap.Memory.AllocatorUnavailableException missing)
        {
            throw missing; // reported as for every command: one line, exit 1
        }
        catch (StressFailedException e)
        {
            io.Out.Flush();
            io.Err.WriteLine($"pyheap stress: failed on a heap's thread: {e.InnerException!.GetType().Name}: {e.Message}");
            return ExitCodes.Failure;
        }
        if (report.Stopped == "max-rss")
        {
            io.Out.Flush();
            io.Err.WriteLine($"pyheap stress: stopped after {report.Seconds:F1} s: resident memory {Units.Bytes(report.PeakRssBytes)} crossed --max-rss {Units.Bytes(settings.MaxRssBytes)}");
        }
        SummaryTable.Write(report, io);
        if (settings.JsonPath is string json)
        {
            using FileStream stream = File.Create(json);
            JsonSerializer.Serialize(stream, report, StressJsonContext.Default.StressReport);
        }
        if (settings.ChartPath is string chart)
        {
            StressChart.Write(chart, report, run.Pauses);
        }
        return report.Stopped == "max-rss" ? ExitCodes.MaxRss : ExitCodes.Ok;
    }
}

/// <summary>The options of <c>pyheap stress</c>, each with its help and its validation.</summary>
internal sealed class StressOptions
{
    private readonly Option<string> _shape = new("--shape")
    {
        Description = "the workload: nodes (Node(i, []) and two-Node cycles), chain (long chains freed by the refcount cascade), graph (random graphs with back-links), route-cache (the seed's production leak), binary-trees (GCBench)",
        HelpName = string.Join('|', StressShape.Names),
        DefaultValueFactory = _ => "nodes",
        CustomParser = ValueParsers.OneOf("--shape", "shape", StressShape.Names),
    };

    private readonly Option<long?> _objects = new("--objects")
    {
        Description = $"objects to create over all heaps (default {StressSettings.DefaultObjects:N0}); not with --duration",
        HelpName = "N",
        CustomParser = r => ValueParsers.Count("--objects", 1, 10_000_000_000_000)(r),
    };

    private readonly Option<TimeSpan?> _duration = new("--duration")
    {
        Description = "run for this long instead of a number of objects (10s, 2m)",
        HelpName = "TIME",
        CustomParser = r => ValueParsers.Duration("--duration")(r),
    };

    private readonly Option<long> _rate = new("--rate")
    {
        Description = "pace to this many objects per second over all heaps (default: flat out)",
        HelpName = "N",
        CustomParser = ValueParsers.Count("--rate", 1, 10_000_000_000),
    };

    private readonly Option<long?> _backLinks = new("--back-links")
    {
        Description = "percent of links that also point back, making cycles (nodes, graph, route-cache; defaults 50, 20, 100)",
        HelpName = "P",
        CustomParser = r => ValueParsers.Count("--back-links", 0, 100)(r),
    };

    private readonly Option<long> _weak = new("--weak")
    {
        Description = "percent of back-links that are weakref.ref instead of strong references (default 0)",
        HelpName = "P",
        CustomParser = ValueParsers.Count("--weak", 0, 100),
    };

    private readonly Option<GcSetting> _gc = new("--gc")
    {
        Description = "the cycle collector: on (CPython's thresholds 700,10,10), off, or on with thresholds T0,T1,T2",
        HelpName = "on|off|T0,T1,T2",
        DefaultValueFactory = _ => GcSetting.On,
        CustomParser = ParseGc,
    };

    private readonly Option<long> _heaps = new("--heaps")
    {
        Description = "run K heaps on K threads, each heap owned by its thread",
        HelpName = "K",
        DefaultValueFactory = _ => 1,
        CustomParser = ValueParsers.Count("--heaps", 1, 256),
    };

    private readonly Option<long> _seed = new("--seed")
    {
        Description = "seed of the shapes' random choices; the same seed builds the same objects",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
        CustomParser = ValueParsers.Count("--seed", 0, long.MaxValue),
    };

    private readonly HeapOptionSet _heap = new(withMaxHeap: false);

    private readonly Option<long> _maxRss = new("--max-rss")
    {
        Description = "stop cleanly when resident memory crosses SIZE (512M, 2G): summary, JSON and chart are still written, exit code 3. Without it the ceiling is 3/4 of the memory available",
        HelpName = "SIZE",
        CustomParser = ValueParsers.Size("--max-rss"),
    };

    private readonly Option<string> _json = new("--json")
    {
        Description = "write the figures and the sampled timeline to FILE as JSON",
        HelpName = "FILE",
    };

    private readonly Option<string> _chart = new("--chart")
    {
        Description = "draw live bytes, resident memory and collection pauses over time to FILE.svg or FILE.png",
        HelpName = "FILE.svg|FILE.png",
    };

    private readonly Option<bool> _quiet = new("--quiet")
    {
        Description = "no live display: a few plain progress lines, then the summary",
    };

    public StressOptions()
    {
        _chart.Validators.Add(r =>
        {
            string? path = r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;
            if (path != null && !StressChart.IsSupported(path))
            {
                r.AddError($"--chart writes .svg or .png, not '{path}'");
            }
        });
    }

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _shape, _objects, _duration, _rate, _backLinks, _weak, _gc, _heaps, _seed })
        {
            command.Add(option);
        }
        _heap.AddTo(command);
        foreach (Option option in new Option[] { _maxRss, _json, _chart, _quiet })
        {
            command.Add(option);
        }
        command.Validators.Add(r =>
        {
            if (r.GetResult(_objects) is { Implicit: false } && r.GetResult(_duration) is { Implicit: false })
            {
                r.AddError("give --objects or --duration, not both");
            }
            // Read the word itself: a shape that failed to parse has its own error already.
            string shape = r.GetResult(_shape) is { Tokens.Count: > 0 } given ? given.Tokens[^1].Value : "nodes";
            if (StressShape.Names.Contains(shape) && !StressShape.WithBackLinks.Contains(shape))
            {
                foreach (string name in new[] { "--back-links", "--weak" })
                {
                    if (r.Children.OfType<OptionResult>().Any(o => o.Option.Name == name && !o.Implicit))
                    {
                        r.AddError($"{name} applies to the shapes nodes, graph and route-cache, not {shape}");
                    }
                }
            }
        });
    }

    public StressSettings Read(ParseResult result)
    {
        string shape = result.GetValue(_shape) ?? "nodes";
        long? maxRss = result.GetResult(_maxRss) is { Implicit: false } ? result.GetValue(_maxRss) : null;
        TimeSpan? duration = result.GetValue(_duration);
        return new StressSettings
        {
            Shape = shape,
            Objects = duration == null ? result.GetValue(_objects) ?? StressSettings.DefaultObjects : null,
            Duration = duration,
            Rate = result.GetValue(_rate),
            BackLinksPercent = (int)(result.GetValue(_backLinks) ?? StressShape.DefaultBackLinks(shape)),
            WeakPercent = (int)result.GetValue(_weak),
            Gc = result.GetValue(_gc),
            Heaps = (int)result.GetValue(_heaps),
            Seed = (ulong)result.GetValue(_seed),
            Heap = _heap.Read(result),
            MaxRssBytes = maxRss ?? SafetyCeiling(),
            MaxRssGiven = maxRss != null,
            JsonPath = result.GetValue(_json),
            ChartPath = result.GetValue(_chart),
            Quiet = result.GetValue(_quiet),
        };
    }

    /// <summary>Without --max-rss, a run still stops before the kernel's OOM killer would end it.</summary>
    private static long SafetyCeiling()
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return available > 0 ? available / 4 * 3 : long.MaxValue;
    }

    private static GcSetting ParseGc(ArgumentResult r)
    {
        string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
        if (text == "on")
        {
            return GcSetting.On;
        }
        if (text == "off")
        {
            return GcSetting.Off;
        }
        string[] parts = text.Split(',');
        var t = new int[3];
        bool ok = parts.Length == 3;
        for (int i = 0; ok && i < 3; i++)
        {
            ok = int.TryParse(parts[i], out t[i]) && t[i] >= 0;
        }
        if (!ok)
        {
            r.AddError($"--gc takes on, off or three thresholds T0,T1,T2 (whole numbers, as gc.set_threshold), not '{text}'");
            return GcSetting.On;
        }
        return new GcSetting(true, t[0], t[1], t[2], CustomThresholds: true);
    }
}
