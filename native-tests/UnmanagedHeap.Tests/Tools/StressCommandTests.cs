using static UnmanagedHeap.Tests.Tools.CommandHarness;

namespace UnmanagedHeap.Tests.Tools;

public class StressCommandTests
{
    [Test]
    public void ReportsEveryRoundAndReclaimsExactlyTheCycles()
    {
        var (code, output, error) = Run("stress", "--objects", "1000", "--rounds", "2", "--cycle-percent", "50");
        Assert.That(code, Is.EqualTo(0), error);
        string[] rows = output.Split('\n').Where(l => l.TrimStart().StartsWith('1') || l.TrimStart().StartsWith('2')).ToArray();
        Assert.That(rows, Has.Length.EqualTo(2));
        // 500 Nodes in 250 two-Node cycles: each cycle is two Nodes and their two edge lists.
        Assert.That(rows, Has.All.Contain(" 1,000 "));
        Assert.That(output, Does.Contain("million Nodes per second"));
    }

    [Test]
    public void WithoutCyclesNothingIsLeftForTheCollector()
    {
        var (code, output, _) = Run("stress", "--objects", "500", "--rounds", "1", "--cycle-percent", "0");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("          0  "));
    }

    [TestCase("--objects", "0")]
    [TestCase("--rounds", "-3")]
    [TestCase("--cycle-percent", "101")]
    [TestCase("--objects", "lots")]
    public void ImpossibleOptionsAreRefused(string flag, string value)
    {
        var (code, _, error) = Run("stress", flag, value);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(flag));
    }
}
