using System.Text;

namespace UnmanagedHeap.Tests.Mutation;

/// <summary>
/// The container-mutation corpus (<c>native-tests/mutation/</c>, written by
/// <c>tools/gen-mutation-corpus.py</c>): programs whose <c>__eq__</c>, <c>__hash__</c>,
/// <c>__repr__</c>, <c>key=</c> and other callbacks clear, shrink, grow or replace the
/// container being walked, or delete its last name. Each program runs under the debug
/// allocator (freed blocks filled with 0xDD, guard bytes checked) and under the system
/// allocator (a freed-block read is a real use-after-free there), and must print exactly
/// what CPython 3.12 printed.
/// <para>
/// The programs run in child processes, so that a use-after-free that kills the process
/// fails tests instead of the test host. To keep start-up cost down, programs are run in
/// batches, one script that prints a marker line before each program; a program whose
/// part of the batch's output differs, or that comes after a crash, is run again alone and
/// judged by that run.
/// </para>
/// </summary>
public class MutationCorpusTests
{
    private const string Marker = "#### mutation-corpus ";
    private const int BatchesPerMode = 2;
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromSeconds(240);
    private static readonly TimeSpan SingleTimeout = TimeSpan.FromSeconds(30);
    private static readonly SemaphoreSlim ChildSlots = new(Math.Max(1, Math.Min(2, Environment.ProcessorCount)));

    private static readonly string CorpusDirectory = FindCorpus();
    private static readonly string[] Names = Directory.GetFiles(CorpusDirectory, "*.py")
        .Select(p => Path.GetFileNameWithoutExtension(p)!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>How a mode runs pyheap: the allocator flags.</summary>
    private static readonly Dictionary<string, string[]> Modes = new(StringComparer.Ordinal)
    {
        ["debug-alloc"] = ["--debug-alloc"],
        ["system"] = ["--allocator", "system"],
    };

    private static readonly Lazy<Dictionary<(string Mode, int Batch), Task<BatchOutcome>>> Batches = new(StartAllBatches);

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "native-tests", "mutation");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("native-tests/mutation not found above the test directory");
    }

    public static IEnumerable<TestCaseData> Programs() =>
        from mode in Modes.Keys
        from name in Names
        select new TestCaseData(name, mode).SetName($"Mutation({name}, {mode})");

    private static Dictionary<string, string> ExpectedFailures()
    {
        string path = Path.Combine(CorpusDirectory, "expected-failures.txt");
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            int space = line.IndexOfAny([' ', '\t']);
            known[space < 0 ? line : line[..space]] = space < 0 ? "" : line[space..].Trim();
        }
        return known;
    }

    [TestCaseSource(nameof(Programs))]
    public void Program(string name, string mode)
    {
        byte[] expectedOut = File.ReadAllBytes(Path.Combine(CorpusDirectory, name + ".out"));
        string[] status = File.ReadAllLines(Path.Combine(CorpusDirectory, name + ".status"));
        int expectedExit = int.Parse(status[0]["exit:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        string expectedLast = status[1]["stderr-last:".Length..].Trim();
        string expectedText = Encoding.UTF8.GetString(expectedOut);

        int batch = Array.IndexOf(Names, name) % BatchesPerMode;
        BatchOutcome outcome = Batches.Value[(mode, batch)].GetAwaiter().GetResult();
        ChildRun run;
        if (outcome.Clean && outcome.Chunks.TryGetValue(name, out string? chunk) && chunk == expectedText && expectedExit == 0 && expectedLast.Length == 0)
        {
            run = new ChildRun(chunk, "", 0, false);
        }
        else
        {
            // Not proven by the batch: judged by a run of its own.
            run = RunChild(File.ReadAllText(Path.Combine(CorpusDirectory, name + ".py"), Encoding.UTF8), Modes[mode], SingleTimeout);
        }

        var problems = new List<string>();
        if (run.TimedOut)
        {
            problems.Add($"did not finish within {SingleTimeout.TotalSeconds} s");
        }
        else
        {
            if (run.Stdout != expectedText)
            {
                problems.Add($"stdout differs:\n--- expected (CPython 3.12)\n{expectedText}--- actual\n{run.Stdout}");
            }
            if (run.Exit != expectedExit)
            {
                problems.Add($"exit code {run.Exit}, expected {expectedExit}" + (run.Exit is 134 or 139 ? " (the process crashed)" : ""));
            }
            string lastErr = run.Stderr.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
            if (lastErr != expectedLast)
            {
                problems.Add($"last stderr line '{lastErr}', expected '{expectedLast}'");
            }
        }
        if (ExpectedFailures().TryGetValue(name, out string? reason))
        {
            Assert.That(problems, Is.Not.Empty, $"{name} passes now: remove it from expected-failures.txt");
            Assert.Ignore($"known difference: {reason}");
        }
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void CorpusIsNotEmptyAndEveryProgramHasItsExpectedFiles()
    {
        Assert.That(Names, Has.Length.GreaterThan(100), "run tools/gen-mutation-corpus.py");
        foreach (string name in Names)
        {
            Assert.That(File.Exists(Path.Combine(CorpusDirectory, name + ".out")), Is.True, name + ".out");
            Assert.That(File.Exists(Path.Combine(CorpusDirectory, name + ".status")), Is.True, name + ".status");
        }
        foreach (string name in ExpectedFailures().Keys)
        {
            Assert.That(Names, Does.Contain(name), $"expected-failures.txt names '{name}', which has no program");
        }
    }

    private sealed record BatchOutcome(bool Clean, Dictionary<string, string> Chunks);

    private sealed record ChildRun(string Stdout, string Stderr, int Exit, bool TimedOut);

    private static Dictionary<(string Mode, int Batch), Task<BatchOutcome>> StartAllBatches()
    {
        var tasks = new Dictionary<(string, int), Task<BatchOutcome>>();
        foreach (string mode in Modes.Keys)
        {
            for (int b = 0; b < BatchesPerMode; b++)
            {
                string[] members = Names.Where((_, i) => i % BatchesPerMode == b).ToArray();
                string[] flags = Modes[mode];
                tasks[(mode, b)] = Task.Run(() => RunBatch(members, flags));
            }
        }
        return tasks;
    }

    private static BatchOutcome RunBatch(string[] members, string[] flags)
    {
        var script = new StringBuilder();
        foreach (string name in members)
        {
            script.Append("print(").Append('"').Append(Marker).Append(name).Append('"').Append(")\n");
            script.Append(File.ReadAllText(Path.Combine(CorpusDirectory, name + ".py"), Encoding.UTF8)).Append('\n');
        }
        ChildRun run = RunChild(script.ToString(), flags, BatchTimeout);
        var chunks = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var text = new StringBuilder();
        foreach (string line in run.Stdout.Split('\n'))
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                if (current != null)
                {
                    chunks[current] = text.ToString();
                }
                current = line[Marker.Length..];
                text.Clear();
            }
            else if (current != null)
            {
                text.Append(line).Append('\n');
            }
        }
        if (current != null && text.Length > 0)
        {
            // The split added one newline too many after the last line.
            chunks[current] = text.ToString(0, text.Length - 1);
        }
        bool clean = !run.TimedOut && run.Exit == 0 && run.Stderr.Trim().Length == 0;
        if (!clean && current != null)
        {
            // The program that was running when the batch died is not proven by it.
            chunks.Remove(current);
        }
        return new BatchOutcome(clean, chunks);
    }

    /// <summary>Runs <paramref name="source"/> with <c>dotnet pyheap.dll run</c> (pyheap.dll is copied next to the tests by the project reference).</summary>
    private static ChildRun RunChild(string source, string[] flags, TimeSpan timeout)
    {
        string path = Path.Combine(Path.GetTempPath(), $"mutation-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source, new UTF8Encoding(false));
        ChildSlots.Wait();
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                WorkingDirectory = CorpusDirectory,
            };
            start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "pyheap.dll"));
            start.ArgumentList.Add("run");
            start.ArgumentList.Add(path);
            foreach (string flag in flags)
            {
                start.ArgumentList.Add(flag);
            }
            using var child = System.Diagnostics.Process.Start(start)!;
            child.StandardInput.Close();
            Task<string> stdout = child.StandardOutput.ReadToEndAsync();
            Task<string> stderr = child.StandardError.ReadToEndAsync();
            if (!child.WaitForExit(timeout))
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
                return new ChildRun(stdout.Result, stderr.Result, -1, true);
            }
            child.WaitForExit();
            return new ChildRun(stdout.Result.Replace("\r\n", "\n", StringComparison.Ordinal), stderr.Result, child.ExitCode, false);
        }
        finally
        {
            ChildSlots.Release();
            File.Delete(path);
        }
    }
}
