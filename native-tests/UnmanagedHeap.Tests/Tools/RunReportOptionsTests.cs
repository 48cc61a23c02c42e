namespace UnmanagedHeap.Tests.Tools;

/// <summary>
/// <c>pyheap run --census</c>, <c>--graph FILE</c> and <c>--graph-garbage</c> through the
/// command line: the flags reach the runner's exit reports, and stdout stays the program's.
/// </summary>
[NonParallelizable]
public class RunReportOptionsTests
{
    private static string Script(string source)
    {
        string path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source);
        return path;
    }

    [Test]
    public void CensusPrintsATableOfTheLeakedTypesOnStderr()
    {
        string path = Script("class Leak:\n    pass\nkeep = [Leak() for i in range(7)]\nprint('done')\n");
        try
        {
            var (code, output, error) = CommandHarness.Run("run", "--census", path);
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Is.EqualTo("done\n"));
            string leakRow = error.Split('\n').Single(l => l.Contains(" Leak "));
            Assert.That(leakRow, Does.Contain(" 7 ").And.Contain("+7"), error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void GraphWritesTheLiveObjectsAsDot()
    {
        string path = Script("class Node:\n    pass\na = Node()\nb = Node()\na.peer = b\nb.peer = a\n");
        string dot = Path.Combine(Path.GetTempPath(), $"graph-{Guid.NewGuid():N}.dot");
        try
        {
            var (code, _, error) = CommandHarness.Run("run", "--graph", dot, path);
            Assert.That(code, Is.EqualTo(0), error);
            string text = File.ReadAllText(dot);
            Assert.That(text, Does.StartWith("digraph"));
            Assert.That(text, Does.Contain("Node"));
            Assert.That(text, Does.Contain("peer"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(dot);
        }
    }

    [Test]
    public void GraphGarbageWithoutGraphIsAUsageError()
    {
        var (code, output, error) = CommandHarness.Run("run", "--graph-garbage", "x.py");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd('\n'), Is.EqualTo("pyheap run: --graph-garbage needs --graph FILE"));
    }
}
