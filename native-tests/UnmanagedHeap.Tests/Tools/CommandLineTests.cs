using PyHeap;
using static UnmanagedHeap.Tests.Tools.CommandHarness;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>pyheap's command line: help, version, exit codes, and what reaches a script's sys.argv.</summary>
[NonParallelizable]
public class CommandLineTests
{
    private string _script = "";

    [SetUp]
    public void WriteScript()
    {
        _script = Path.Combine(Path.GetTempPath(), $"argv-{Guid.NewGuid():N}.py");
        File.WriteAllText(_script, "import sys\nprint(sys.argv)\n");
    }

    [TearDown]
    public void DeleteScript() => File.Delete(_script);

    [TestCase("demo", "--allocator")]
    [TestCase("run", "--trace")]
    [TestCase("repl", "--max-heap")]
    [TestCase("stress", "--max-rss")]
    public void EveryCommandHasHelp(string command, string option)
    {
        var (code, output, error) = Run(command, "--help");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain($"pyheap {command} ").And.Contain("[options]"));
        Assert.That(output, Does.Contain(option));
    }

    [Test]
    public void StressHelpDocumentsEveryOptionOfTheIssue()
    {
        var (_, output, _) = Run("stress", "--help");
        foreach (string option in new[] { "--shape", "--objects", "--duration", "--rate", "--back-links", "--weak", "--gc", "--heaps", "--seed", "--allocator", "--debug-alloc", "--max-rss", "--json", "--chart", "--quiet" })
        {
            Assert.That(output, Does.Contain(option));
        }
        Assert.That(output, Does.Contain("nodes|chain|graph|route-cache|binary-trees"));
    }

    [Test]
    public void VersionIsPrinted()
    {
        var (code, output, _) = Run("--version");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output.Trim(), Does.Match(@"^\d+\.\d+\.\d+$"));
    }

    [Test]
    public void RunPassesTheArgumentsAfterTheScriptToSysArgv()
    {
        // Words after the script are the script's, even ones that look like pyheap's options.
        var (code, output, error) = Run("run", "--stats", _script, "one", "--allocator", "-c");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo($"['{_script}', 'one', '--allocator', '-c']\n"));
        Assert.That(error, Does.Contain("live objects:"), "--stats before the script is pyheap's");
    }

    [Test]
    public void RunDashReadsTheProgramFromStandardInput()
    {
        var (code, output, error) = RunWithInput("import sys\nprint(sys.argv)\nprint(6 * 7)\n", "run", "-", "x");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("['-', 'x']\n42\n"));
    }

    [Test]
    public void DashCRunsInlineCode()
    {
        var (code, output, error) = Run("-c", "import sys; print(sys.argv)", "a", "--b");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("['-c', 'a', '--b']\n"));
    }

    [Test]
    public void RunDashCTakesRunsOptions()
    {
        var (code, output, error) = Run("run", "--allocator", "system", "-c", "print(sum(range(10)))");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("45\n"));
    }

    [Test]
    public void AnUncaughtExceptionExitsOne()
    {
        var (code, _, error) = Run("-c", "raise ValueError('no')");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(Lines(error)[^1], Is.EqualTo("ValueError: no"));
    }

    [Test]
    public void SysExitSetsTheExitCode()
    {
        var (code, _, _) = Run("-c", "import sys; sys.exit(5)");
        Assert.That(code, Is.EqualTo(5));
    }

    [TestCase(new[] { "run" }, "pyheap run: missing FILE.py (or - for standard input, or -c CODE)")]
    [TestCase(new[] { "run", "--trace", "refs,heap", "x.py" }, "pyheap run: unknown trace category 'heap' for --trace: expected refs, alloc, gc")]
    [TestCase(new[] { "run", "--max-heap", "lots", "x.py" }, "pyheap run: --max-heap takes a size in bytes with an optional K, M or G suffix (512M, 2G), not 'lots'")]
    [TestCase(new[] { "run", "--allocator", "tcmalloc", "x.py" }, "pyheap run: unknown allocator 'tcmalloc' for --allocator: expected one of pymalloc, mimalloc, system")]
    [TestCase(new[] { "-c" }, "pyheap: Required argument missing for option: '-c'.")]
    public void BadRunCommandLinesExitTwoWithOneLine(string[] args, string message)
    {
        var (code, _, error) = Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(Lines(error), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void AMissingScriptIsReportedAsCPythonDoes()
    {
        var (code, _, error) = Run("run", "/nonexistent/prog.py");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("can't open file '/nonexistent/prog.py': [Errno 2] No such file or directory"));
    }

    [TestCase(new[] { "run", "--max-heap", "5M", "p.py", "--stats" }, new[] { "run", "--max-heap", "5M", "p.py" }, new[] { "--stats" })]
    [TestCase(new[] { "run", "--max-heap=5M", "p.py" }, new[] { "run", "--max-heap=5M", "p.py" }, new string[0])]
    [TestCase(new[] { "run", "--", "-odd.py", "a" }, new[] { "run", "--", "-odd.py" }, new[] { "a" })]
    [TestCase(new[] { "-c", "code", "x", "y" }, new[] { "-c", "code" }, new[] { "x", "y" })]
    [TestCase(new[] { "stress", "--objects", "5" }, new[] { "stress", "--objects", "5" }, new string[0])]
    public void TheProgramsArgumentsAreSplitOffWherePythonSplitsThem(string[] args, string[] own, string[] script)
    {
        (string[] o, string[] s) = ScriptArguments.Split(args, RunCommand.ValueOptionNames);
        Assert.That(o, Is.EqualTo(own));
        Assert.That(s, Is.EqualTo(script));
    }
}
