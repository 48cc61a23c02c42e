using PyHeap.Fuzz;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>
/// The fuzz campaign that stays (tools/fuzz): a fixed-seed run of 200 mutants of the
/// conformance corpus must find no crash and no internal error, and the fuzzer's own
/// parts (determinism, classification, the worker's restart) behave as documented.
/// </summary>
public class FuzzCampaignTests
{
    /// <summary>Changing it changes the mutants; a finding of this run is regenerated with it.</summary>
    private const long SuiteSeed = 20261204;

    private static string TestDir => TestContext.CurrentContext.TestDirectory;

    private static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(TestDir); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "native-tests", "conformance");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("native-tests/conformance not found above the test directory");
    }

    private static RunSettings Settings(TimeSpan timeout) => new()
    {
        PyHeapPath = Path.Combine(TestDir, "pyheap.dll"),
        Timeout = timeout,
        MaxHeap = FuzzCommandLine.DefaultMaxHeap,
    };

    [Test]
    public void FixedSeedCampaignFindsNoCrashAndNoInternalError()
    {
        var options = new CampaignOptions
        {
            Seed = SuiteSeed,
            Count = 200,
            Jobs = Environment.ProcessorCount,
            CorpusDirectory = CorpusDirectory(),
            Mode = RunMode.Worker,
            Settings = Settings(TimeSpan.FromSeconds(5)),
            WorkerPath = typeof(Campaign).Assembly.Location,
        };
        CampaignResult result = Campaign.Run(options, TestContext.Progress);
        TestContext.Out.Write(result.Summary());
        Assert.That(result.Runs, Has.Count.EqualTo(200));
        Assert.That(result.Findings.Select(r => $"{r.Outcome.Kind} {r.Mutant.Describe()}: {r.Outcome.Signature}"), Is.Empty,
            $"regenerate one with: pyheap-fuzz generate --seed {SuiteSeed} --index N\n{result.Summary()}");
        // The mutants reach the interpreter, not only the parser: some must run to the end.
        Assert.That(result.CountOf(OutcomeKind.Normal), Is.GreaterThan(20), result.Summary());
    }

    [Test]
    public void MutantsAreReproducibleFromSeedAndIndex()
    {
        var first = new Mutator(Corpus.Load(CorpusDirectory()));
        var second = new Mutator(Corpus.Load(CorpusDirectory()));
        var sources = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < 50; i++)
        {
            Mutant a = first.Generate(SuiteSeed, i);
            Mutant b = second.Generate(SuiteSeed, i);
            Assert.That(b.Source, Is.EqualTo(a.Source), a.Describe());
            Assert.That(b.Steps, Is.EqualTo(a.Steps));
            sources.Add(a.Source);
        }
        Assert.That(sources, Has.Count.GreaterThan(45), "different indices give different mutants");
        int sameUnderOtherSeed = Enumerable.Range(0, 20).Count(i => first.Generate(SuiteSeed + 1, i).Source == first.Generate(SuiteSeed, i).Source);
        Assert.That(sameUnderOtherSeed, Is.LessThan(3), "another seed gives other mutants");
    }

    [TestCase(134, "Fatal error. System.AccessViolationException: Attempted to read or write protected memory.\n   at UnmanagedHeap.Objects.PyDict.GetItem(PyObject* d)\n", OutcomeKind.Crash)]
    [TestCase(134, "Stack overflow.\nRepeat 1000 times:\n--------------------------------\n", OutcomeKind.Crash)]
    [TestCase(1, "Unhandled exception. System.IndexOutOfRangeException: Index was outside the bounds of the array.\n", OutcomeKind.Crash)]
    [TestCase(139, "", OutcomeKind.Crash)]
    [TestCase(137, "", OutcomeKind.Crash)]
    [TestCase(1, "pyheap: internal error: PythonException: Exception of type 'PythonException' was thrown.\n", OutcomeKind.InternalError)]
    [TestCase(1, "Traceback (most recent call last):\n  File \"m.py\", line 1, in <module>\nSystemError: OverflowException: Value was either too large or too small for an Int32.\n", OutcomeKind.InternalError)]
    [TestCase(1, "Traceback (most recent call last):\n  File \"m.py\", line 1, in <module>\nSystemError: error return without exception set\n", OutcomeKind.PythonError)]
    [TestCase(1, "  File \"m.py\", line 3\n    x = (\n        ^\nSyntaxError: '(' was never closed\n", OutcomeKind.PythonError)]
    [TestCase(2, "", OutcomeKind.PythonError)]
    [TestCase(130, "Traceback (most recent call last):\nKeyboardInterrupt\n", OutcomeKind.PythonError)]
    [TestCase(0, "", OutcomeKind.Normal)]
    public void ClassifiesByExitCodeAndStderr(int exitCode, string stderr, OutcomeKind expected)
    {
        Assert.That(Classifier.Classify(exitCode, stderr, timedOut: false).Kind, Is.EqualTo(expected));
    }

    [Test]
    public void PythonErrorsAreNamedByTheTracebacksLastLine()
    {
        Outcome o = Classifier.Classify(1, "Traceback (most recent call last):\n  File \"m.py\", line 2, in <module>\nZeroDivisionError: division by zero\n", timedOut: false);
        Assert.That(o.Signature, Is.EqualTo("ZeroDivisionError"));
    }

    [Test]
    public void WorkerRestartsAfterATimeoutAndKeepsClassifying()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"fuzz-worker-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string Write(string name, string source)
            {
                string path = Path.Combine(dir, name);
                File.WriteAllText(path, source);
                return path;
            }
            string loop = Write("loop.py", "while True:\n    pass\n");
            string ok = Write("ok.py", "print(sum(range(10)))\n");
            string error = Write("error.py", "d = {}\nd['missing']\n");
            // Generous: the machine running the suite may be busy, and the loop costs this much.
            using var runner = new WorkerRunner(Settings(TimeSpan.FromSeconds(10)), typeof(Campaign).Assembly.Location);
            Assert.That(runner.Run(ok).Kind, Is.EqualTo(OutcomeKind.Normal));
            Assert.That(runner.Run(loop).Kind, Is.EqualTo(OutcomeKind.Timeout));
            Outcome after = runner.Run(error);
            Assert.That((after.Kind, after.Signature), Is.EqualTo((OutcomeKind.PythonError, "KeyError")));
            Assert.That(runner.Run(ok).Kind, Is.EqualTo(OutcomeKind.Normal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
