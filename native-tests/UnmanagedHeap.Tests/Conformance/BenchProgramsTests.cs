using System.Text.RegularExpressions;

namespace UnmanagedHeap.Tests.Conformance;

/// <summary>
/// The benchmark programs of <c>bench/programs/</c> are too slow to run in the suite, but
/// their files must stay usable by <c>bench/compare programs</c>: every program has CPython
/// 3.12's <c>.out</c> and a well-formed <c>.status</c>, nothing is orphaned, and the first
/// line credits the benchmark it was written after.
/// </summary>
public partial class BenchProgramsTests
{
    private static readonly string ProgramsDirectory = FindPrograms();

    private static string FindPrograms()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "programs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("bench/programs not found above the test directory");
    }

    private static string[] Names(string extension) =>
        Directory.GetFiles(ProgramsDirectory, "*" + extension)
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex(@"^# ([a-z0-9_]+): .+; written for UnmanagedHeap$")]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"^exit: -?[0-9]+\nstderr-last:( .*[^ ])?\n$")]
    private static partial Regex StatusFormat();

    [Test]
    public void HasAtLeastTwelvePrograms() => Assert.That(Names(".py"), Has.Length.GreaterThanOrEqualTo(12));

    [Test]
    public void EveryProgramHasItsRecordedOutputAndNothingIsOrphaned()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Names(".out"), Is.EqualTo(Names(".py")), ".out files");
            Assert.That(Names(".status"), Is.EqualTo(Names(".py")), ".status files");
        });
    }

    [Test]
    public void EveryProgramCreditsItsSourceAndEndsCleanlyUnderCPython()
    {
        Assert.Multiple(() =>
        {
            foreach (string name in Names(".py"))
            {
                string first = File.ReadLines(Path.Combine(ProgramsDirectory, name + ".py")).First();
                Match credit = CreditLine().Match(first);
                Assert.That(credit.Success && credit.Groups[1].Value == name, Is.True, $"{name}.py first line: {first}");

                string status = File.ReadAllText(Path.Combine(ProgramsDirectory, name + ".status"));
                Assert.That(StatusFormat().IsMatch(status), Is.True, $"{name}.status: {status}");
                Assert.That(status, Does.StartWith("exit: 0\n"), $"{name} must run to the end under CPython 3.12");
                Assert.That(new FileInfo(Path.Combine(ProgramsDirectory, name + ".out")).Length, Is.GreaterThan(0), $"{name}.out is empty");
            }
        });
    }
}
