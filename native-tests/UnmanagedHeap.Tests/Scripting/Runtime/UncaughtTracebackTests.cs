namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>Uncaught exceptions print their traceback body as CPython 3.12 does: source lines, and recursion cut short.</summary>
public class UncaughtTracebackTests
{
    [Test]
    public void EachEntryShowsItsSourceLineStripped()
    {
        var (_, err, exit) = ScriptHarness.Run("""
            def inner(x):
                return 1 / x
            def outer():
                    return inner(0)
            outer()
            """);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Is.EqualTo(
            "Traceback (most recent call last):\n" +
            "  File \"test.py\", line 5, in <module>\n    outer()\n" +
            "  File \"test.py\", line 4, in outer\n    return inner(0)\n" +
            "  File \"test.py\", line 2, in inner\n    return 1 / x\n" +
            "ZeroDivisionError: division by zero\n"));
    }

    [Test]
    public void RecursionPrintsThreeEntriesThenHowManyMoreTimes()
    {
        var (_, err, _) = ScriptHarness.Run("""
            import sys
            sys.setrecursionlimit(100)
            def down(n):
                return down(n + 1)
            down(0)
            """);
        string[] lines = err.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1 + 2 + 3 * 2 + 2));
        Assert.That(lines[^2], Does.Match(@"^  \[Previous line repeated \d+ more times\]$"));
        Assert.That(lines[^1], Is.EqualTo("RecursionError: maximum recursion depth exceeded"));
        Assert.That(lines.Count(l => l == "    return down(n + 1)"), Is.EqualTo(3));
    }

    [Test]
    public void OneRepeatBeyondTheCutOffIsSingular()
    {
        var (_, err, _) = ScriptHarness.Run("""
            def down(n):
                if n == 0:
                    raise ValueError("bottom")
                return down(n - 1)
            down(4)
            """);
        Assert.That(err, Does.Contain("  [Previous line repeated 1 more time]\n"));
        Assert.That(err, Does.Contain("  File \"test.py\", line 3, in down\n    raise ValueError(\"bottom\")\n"));
    }
}
