using System.Text;
using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Tests.Conformance;

/// <summary>
/// Runs every program of <c>native-tests/conformance/</c> through the interpreter, in process,
/// and compares stdout (bytes), the last non-blank stderr line and the exit code with
/// CPython 3.12's recorded results (see that folder's README). Programs named in
/// <c>passing.txt</c> must pass; the others are reported as not yet supported, so CI stays
/// green while the list grows.
/// </summary>
public class ConformanceTests
{
    private static readonly string CorpusDirectory = FindCorpus();

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "native-tests", "conformance");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("native-tests/conformance not found above the test directory");
    }

    public static IEnumerable<TestCaseData> Programs() =>
        Directory.GetFiles(CorpusDirectory, "*.py")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal)
            .Select(n => new TestCaseData(n).SetName($"Conformance({n})"));

    private static HashSet<string> Passing() =>
        File.ReadAllLines(Path.Combine(CorpusDirectory, "passing.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

    [TestCaseSource(nameof(Programs))]
    public void Program(string name)
    {
        string source = File.ReadAllText(Path.Combine(CorpusDirectory, name + ".py"), Encoding.UTF8);
        byte[] expectedOut = File.ReadAllBytes(Path.Combine(CorpusDirectory, name + ".out"));
        string[] status = File.ReadAllLines(Path.Combine(CorpusDirectory, name + ".status"));
        int expectedExit = int.Parse(status[0]["exit:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        string expectedLast = status[1]["stderr-last:".Length..].Trim();

        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = -1;
        var run = Task.Run(() => exit = ScriptRunner.RunSource(source, name + ".py", new RunOptions(), stdout, stderr));
        bool finished = run.Wait(TimeSpan.FromSeconds(10));
        // The recorded line is stripped on both sides (README: "strip surrounding whitespace").
        string lastErr = stderr.ToString().Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
        byte[] actualOut = Encoding.UTF8.GetBytes(stdout.ToString());

        var problems = new List<string>();
        if (!finished)
        {
            problems.Add("did not finish within 10 s");
        }
        else
        {
            if (!actualOut.AsSpan().SequenceEqual(expectedOut))
            {
                problems.Add($"stdout differs:\n--- expected\n{Encoding.UTF8.GetString(expectedOut)}--- actual\n{stdout}");
            }
            if (exit != expectedExit)
            {
                problems.Add($"exit code {exit}, expected {expectedExit}");
            }
            if (lastErr != expectedLast)
            {
                problems.Add($"last stderr line '{lastErr}', expected '{expectedLast}'");
            }
        }
        if (!Passing().Contains(name))
        {
            Assert.Ignore(problems.Count == 0
                ? "not yet supported: (passes now — add it to passing.txt)"
                : "not yet supported: " + problems[0].Split('\n')[0]);
        }
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void PassingListNamesExistingPrograms()
    {
        foreach (string name in Passing())
        {
            Assert.That(File.Exists(Path.Combine(CorpusDirectory, name + ".py")), Is.True, $"passing.txt names '{name}', which has no program");
        }
    }
}
