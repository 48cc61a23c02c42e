using System.Diagnostics;
using System.Text;

namespace PyHeap.Fuzz;

/// <summary>Which child runs each mutant.</summary>
public enum RunMode
{
    /// <summary>A fresh <c>pyheap run</c> per mutant (<see cref="ProcessRunner"/>).</summary>
    Process,
    /// <summary>One long-lived worker per job (<see cref="WorkerRunner"/>); findings are re-run in a fresh process.</summary>
    Worker,
}

public sealed record CampaignOptions
{
    public long Seed { get; init; } = 1;
    public int Count { get; init; } = 200;
    /// <summary>The first mutant index: <c>--start 4000 --count 1</c> re-runs one mutant.</summary>
    public long Start { get; init; }
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public required string CorpusDirectory { get; init; }
    /// <summary>Where findings are saved; null saves nothing (the test suite's run).</summary>
    public string? OutDirectory { get; init; }
    public RunMode Mode { get; init; } = RunMode.Worker;
    public required RunSettings Settings { get; init; }
    /// <summary>The worker executable (this tool's own dll); needed in worker mode.</summary>
    public string? WorkerPath { get; init; }
}

/// <summary>One mutant's result.</summary>
public sealed record RunRecord(Mutant Mutant, Outcome Outcome, string? Note);

public sealed record CampaignResult(IReadOnlyList<RunRecord> Runs, TimeSpan Elapsed)
{
    public int CountOf(OutcomeKind kind) => Runs.Count(r => r.Outcome.Kind == kind);

    public IReadOnlyList<RunRecord> Findings => Runs.Where(r => r.Outcome.IsFinding).ToArray();

    /// <summary>The summary printed at the end of a campaign.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.Append($"{Runs.Count} mutants in {Elapsed.TotalSeconds:F1} s\n");
        foreach (OutcomeKind kind in Enum.GetValues<OutcomeKind>())
        {
            sb.Append($"  {kind,-14} {CountOf(kind),6}\n");
        }
        var errors = Runs.Where(r => r.Outcome.Kind == OutcomeKind.PythonError)
            .GroupBy(r => r.Outcome.Signature)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(12);
        sb.Append("Python errors: ").Append(string.Join(", ", errors.Select(g => $"{g.Key} {g.Count()}"))).Append('\n');
        foreach (var group in Findings.GroupBy(r => (r.Outcome.Kind, r.Outcome.Signature)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Signature, StringComparer.Ordinal))
        {
            sb.Append($"{group.Key.Kind}: {group.Key.Signature}  x{group.Count()}  (e.g. #{string.Join(", #", group.Take(5).Select(r => r.Mutant.Index))})\n");
        }
        return sb.ToString();
    }
}

/// <summary>
/// Generates and runs mutants <c>Start .. Start+Count-1</c> on <see cref="CampaignOptions.Jobs"/>
/// threads, each with its own child, and saves every finding with its stderr and the
/// command that regenerates it.
/// </summary>
public static class Campaign
{
    public static CampaignResult Run(CampaignOptions options, TextWriter log)
    {
        var corpus = Corpus.Load(options.CorpusDirectory);
        var mutator = new Mutator(corpus);
        string scratch = Path.Combine(Path.GetTempPath(), $"pyheap-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        if (options.OutDirectory != null)
        {
            Directory.CreateDirectory(options.OutDirectory);
        }
        var records = new RunRecord?[options.Count];
        long next = -1;
        int done = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            var threads = Enumerable.Range(0, Math.Max(1, Math.Min(options.Jobs, options.Count))).Select(_ => new Thread(() =>
            {
                using IMutantRunner runner = NewRunner(options);
                long i;
                while ((i = Interlocked.Increment(ref next)) < options.Count)
                {
                    Mutant mutant = mutator.Generate(options.Seed, options.Start + i);
                    records[i] = RunOne(options, runner, mutant, scratch);
                    int n = Interlocked.Increment(ref done);
                    RunRecord r = records[i]!;
                    if (r.Outcome.IsFinding)
                    {
                        lock (log)
                        {
                            log.WriteLine($"{r.Outcome.Kind} {mutant.Describe()}\n    {r.Outcome.Signature}{(r.Note != null ? "\n    " + r.Note : "")}");
                        }
                    }
                    if (n % 100 == 0)
                    {
                        lock (log)
                        {
                            log.WriteLine($"... {n}/{options.Count} in {clock.Elapsed.TotalSeconds:F0} s");
                        }
                    }
                }
            }, 16 * 1024 * 1024)).ToArray();
            foreach (Thread t in threads)
            {
                t.Start();
            }
            foreach (Thread t in threads)
            {
                t.Join();
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
        var result = new CampaignResult(records.Select(r => r!).ToArray(), clock.Elapsed);
        if (options.OutDirectory != null)
        {
            WriteResults(options, result);
        }
        return result;
    }

    private static IMutantRunner NewRunner(CampaignOptions options) => options.Mode switch
    {
        RunMode.Process => new ProcessRunner(options.Settings),
        _ => new WorkerRunner(options.Settings, options.WorkerPath ?? throw new FuzzUsageException("worker mode needs the path of pyheap-fuzz.dll")),
    };

    private static RunRecord RunOne(CampaignOptions options, IMutantRunner runner, Mutant mutant, string scratch)
    {
        string file = Path.Combine(scratch, $"mutant-{mutant.Index}.py");
        File.WriteAllText(file, mutant.Source, new UTF8Encoding(false));
        try
        {
            Outcome outcome = runner.Run(file);
            string? note = null;
            if (outcome.IsFinding && options.Mode == RunMode.Worker && File.Exists(options.Settings.PyHeapPath))
            {
                // Confirm in a fresh pyheap process, as a user would meet it, and keep that stderr.
                // The fresh process pays the runtime's start-up and JIT again: give it more time.
                RunSettings slower = options.Settings with { Timeout = options.Settings.Timeout * 2 + TimeSpan.FromSeconds(5) };
                Outcome fresh = new ProcessRunner(slower).Run(file);
                if (fresh.IsFinding)
                {
                    outcome = fresh;
                }
                else
                {
                    note = $"only in a long-lived worker; a fresh pyheap run gives {fresh.Kind} {fresh.Signature}";
                }
            }
            if (outcome.IsFinding && options.OutDirectory != null)
            {
                Save(options, mutant, outcome, note, file);
            }
            return new RunRecord(mutant, outcome, note);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>results.tsv: one line per mutant, so timeouts and Python errors can be triaged too.</summary>
    private static void WriteResults(CampaignOptions options, CampaignResult result)
    {
        var sb = new StringBuilder("index\tclass\texit\tsignature\tmutant\n");
        foreach (RunRecord r in result.Runs)
        {
            sb.Append(r.Mutant.Index).Append('\t').Append(r.Outcome.Kind).Append('\t').Append(r.Outcome.ExitCode).Append('\t')
                .Append(r.Outcome.Signature.Replace('\t', ' ')).Append('\t').Append(r.Mutant.Describe().Replace('\t', ' ')).Append('\n');
        }
        File.WriteAllText(Path.Combine(options.OutDirectory!, $"results-seed{options.Seed}-{options.Start}-{options.Start + options.Count - 1}.tsv"), sb.ToString());
    }

    private static void Save(CampaignOptions options, Mutant mutant, Outcome outcome, string? note, string file)
    {
        string stem = Path.Combine(options.OutDirectory!, $"{outcome.Kind.ToString().ToLowerInvariant()}-seed{mutant.Seed}-{mutant.Index}");
        File.Copy(file, stem + ".py", overwrite: true);
        File.WriteAllText(stem + ".stderr.txt", outcome.Stderr);
        string pass = string.Join(" ", options.Settings.PassThrough());
        File.WriteAllText(stem + ".txt",
            $"{outcome.Kind}: {outcome.Signature}\n" +
            $"exit code: {outcome.ExitCode}\n" +
            (note != null ? $"note: {note}\n" : "") +
            $"mutant: {mutant.Describe()}\n" +
            $"regenerate: pyheap-fuzz generate --seed {mutant.Seed} --index {mutant.Index} > m.py\n" +
            $"reproduce:  pyheap run {(pass.Length > 0 ? pass + " " : "")}{Path.GetFileName(stem)}.py\n");
    }
}
