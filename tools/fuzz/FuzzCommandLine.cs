using System.Globalization;

namespace PyHeap.Fuzz;

/// <summary>
/// <c>pyheap-fuzz [run] [options]</c>, <c>pyheap-fuzz generate --seed S --index I</c> and the
/// internal <c>pyheap-fuzz worker</c>. Exit code: 0 no finding, 1 findings, 2 usage error.
/// </summary>
public static class FuzzCommandLine
{
    /// <summary>The fuzzer's default heap budget: a mutant such as <c>[0] * 2**31</c> must not take the machine's memory.</summary>
    public const long DefaultMaxHeap = 1L << 30;

    public const string Usage =
        "usage: pyheap-fuzz [run] [--seed S] [--count N] [--start I] [--jobs J] [--timeout 5s]\n" +
        "                   [--mode worker|process] [--out DIR] [--corpus DIR] [--pyheap PATH]\n" +
        "                   [--allocator pymalloc|mimalloc|system] [--debug-alloc] [--max-heap BYTES]\n" +
        "       pyheap-fuzz generate --seed S --index I [--corpus DIR]   (the mutant's source on stdout)\n";

    private static readonly HashSet<string> Switches = ["debug-alloc"];

    public static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            string verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "run";
            var flags = Parse(args.Length > 0 && verb == args[0] ? args[1..] : args);
            switch (verb)
            {
                case "run":
                    return RunCampaign(flags, stdout);
                case "generate":
                    return Generate(flags, stdout);
                case "worker":
                    return WorkerMain.Run(Settings(flags, requirePyHeap: false));
                case "help" or "--help":
                    stdout.Write(Usage);
                    return 0;
                default:
                    throw new FuzzUsageException($"unknown command '{verb}'");
            }
        }
        catch (FuzzUsageException e)
        {
            stderr.WriteLine($"pyheap-fuzz: {e.Message}");
            stderr.Write(Usage);
            return 2;
        }
    }

    private static int RunCampaign(Dictionary<string, string?> flags, TextWriter stdout)
    {
        string corpus = flags.TryGetValue("corpus", out string? c) ? c! : Corpus.FindDefaultDirectory();
        RunMode mode = Text(flags, "mode", "worker") switch
        {
            "worker" => RunMode.Worker,
            "process" => RunMode.Process,
            string other => throw new FuzzUsageException($"--mode takes worker or process, not '{other}'"),
        };
        var options = new CampaignOptions
        {
            Seed = Number(flags, "seed", 1),
            Count = (int)Number(flags, "count", 200, min: 1, max: 10_000_000),
            Start = Number(flags, "start", 0, min: 0),
            Jobs = (int)Number(flags, "jobs", Environment.ProcessorCount, min: 1, max: 256),
            CorpusDirectory = corpus,
            OutDirectory = Text(flags, "out", "fuzz-findings"),
            Mode = mode,
            Settings = Settings(flags, requirePyHeap: true),
            WorkerPath = typeof(FuzzCommandLine).Assembly.Location,
        };
        stdout.WriteLine($"pyheap-fuzz: seed {options.Seed}, mutants {options.Start}..{options.Start + options.Count - 1}, " +
            $"{options.Jobs} jobs, {mode.ToString().ToLowerInvariant()} mode, timeout {options.Settings.Timeout.TotalSeconds:0.###} s, findings in {options.OutDirectory}");
        CampaignResult result = Campaign.Run(options, stdout);
        stdout.Write(result.Summary());
        return result.Findings.Count == 0 ? 0 : 1;
    }

    private static int Generate(Dictionary<string, string?> flags, TextWriter stdout)
    {
        string corpus = flags.TryGetValue("corpus", out string? c) ? c! : Corpus.FindDefaultDirectory();
        if (!flags.ContainsKey("index"))
        {
            throw new FuzzUsageException("generate needs --index I");
        }
        Mutant mutant = new Mutator(Corpus.Load(corpus)).Generate(Number(flags, "seed", 1), Number(flags, "index", 0, min: 0));
        stdout.Write(mutant.Source);
        return 0;
    }

    private static RunSettings Settings(Dictionary<string, string?> flags, bool requirePyHeap)
    {
        string pyheap = Text(flags, "pyheap", Path.Combine(AppContext.BaseDirectory, "pyheap.dll"));
        if (requirePyHeap && !File.Exists(pyheap))
        {
            throw new FuzzUsageException($"pyheap not found at '{pyheap}'; build it or pass --pyheap PATH");
        }
        string? allocator = flags.TryGetValue("allocator", out string? a) ? a : null;
        if (allocator != null && !UnmanagedHeap.Memory.Allocators.TryParse(allocator, out _))
        {
            throw new FuzzUsageException($"unknown allocator '{allocator}'");
        }
        return new RunSettings
        {
            PyHeapPath = pyheap,
            Timeout = Duration(Text(flags, "timeout", "5s")),
            Allocator = allocator,
            DebugAlloc = flags.ContainsKey("debug-alloc"),
            MaxHeap = Number(flags, "max-heap", DefaultMaxHeap, min: 0),
        };
    }

    private static Dictionary<string, string?> Parse(string[] args)
    {
        var flags = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new FuzzUsageException($"unexpected argument '{arg}'");
            }
            string name = arg[2..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (!Switches.Contains(name))
            {
                value = i + 1 < args.Length ? args[++i] : throw new FuzzUsageException($"option '--{name}' needs a value");
            }
            flags[name] = value;
        }
        return flags;
    }

    private static string Text(Dictionary<string, string?> flags, string name, string fallback) =>
        flags.TryGetValue(name, out string? v) && v != null ? v : fallback;

    private static long Number(Dictionary<string, string?> flags, string name, long fallback, long min = long.MinValue, long max = long.MaxValue)
    {
        if (!flags.TryGetValue(name, out string? v) || v == null)
        {
            return fallback;
        }
        if (!long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) || n < min || n > max)
        {
            throw new FuzzUsageException($"--{name} takes a whole number{(min > long.MinValue ? $" >= {min}" : "")}, not '{v}'");
        }
        return n;
    }

    /// <summary>"5s", "500ms", "2m" or a plain number of seconds.</summary>
    public static TimeSpan Duration(string text)
    {
        (string digits, double scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0 || value * scale > 3600)
        {
            throw new FuzzUsageException($"--timeout takes a duration such as 5s or 500ms, not '{text}'");
        }
        return TimeSpan.FromSeconds(value * scale);
    }
}
