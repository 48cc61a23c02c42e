using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace UnmanagedHeap.Tests.Tools;

/// <summary><c>pyheap run --alloc-flamegraph out.svg</c>: the memory live at the peak, by Python call path.</summary>
[NonParallelizable]
public class AllocFlamegraphTests
{
    private const string Program = """
        class Node:
            def __init__(self, v):
                self.v = v
                self.edges = []

        def leaves(n):
            return [Node(i) for i in range(n)]

        def tree():
            big = leaves(3000)
            small = leaves(300)
            return big, small

        keep = tree()
        del keep
        after = [1, 2, 3]
        print("done")
        """;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>(title, width) of every bar drawn.</summary>
    private static List<(string Title, double Width, long Bytes)> Bars(XDocument doc) =>
        doc.Descendants(Svg + "g")
            .Select(g => (Title: g.Element(Svg + "title")!.Value, Width: double.Parse(g.Element(Svg + "rect")!.Attribute("width")!.Value, CultureInfo.InvariantCulture)))
            .Select(b => (b.Title, b.Width, long.Parse(Regex.Match(b.Title, @"\(([\d,]+) bytes\)").Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture)))
            .ToList();

    [Test]
    public void DrawsEachCallPathOfThePeakWithWidthsInProportionToItsBytes()
    {
        string script = Path.Combine(Path.GetTempPath(), $"flame-{Guid.NewGuid():N}.py");
        string svg = Path.ChangeExtension(script, ".svg");
        File.WriteAllText(script, Program);
        try
        {
            var (code, output, error) = CommandHarness.Run("run", "--alloc-flamegraph", svg, script);
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Is.EqualTo("done\n"), "stdout stays the program's");
            Assert.That(error, Does.Contain("wrote the allocation flame graph"));
            XDocument doc = XDocument.Load(svg); // well-formed XML or this throws
            Assert.That(doc.Descendants(Svg + "script"), Is.Empty, "self-contained: no scripts");
            var bars = Bars(doc);
            (string Title, double Width, long Bytes) root = bars[0];
            Assert.That(root.Title, Does.StartWith("all allocations"));
            var module = bars.Single(b => b.Title.StartsWith($"<module> {script}:14:", StringComparison.Ordinal));
            var tree = bars.Single(b => b.Title.StartsWith($"tree {script}:10:", StringComparison.Ordinal));
            var small = bars.Single(b => b.Title.StartsWith($"tree {script}:11:", StringComparison.Ordinal));
            var leaves = bars.Where(b => b.Title.StartsWith($"leaves {script}:7:", StringComparison.Ordinal)).ToList();
            Assert.That(leaves, Has.Count.EqualTo(2), "leaves() under each of its two call sites");
            Assert.That(tree.Bytes, Is.GreaterThan(small.Bytes * 8), "3000 nodes against 300");
            Assert.That(module.Bytes, Is.GreaterThanOrEqualTo(tree.Bytes + small.Bytes));
            Assert.That(bars.Any(b => b.Title.Contains(":16:")), Is.False, "line 16 allocated after the peak");
            foreach (var bar in bars.Where(b => b.Width > 1))
            {
                Assert.That(bar.Width / root.Width, Is.EqualTo((double)bar.Bytes / root.Bytes).Within(0.002), bar.Title);
            }
            Assert.That(doc.Descendants(Svg + "text").Select(t => t.Value), Does.Contain($"tree {script}:10"), "a wide bar is labelled in full");
        }
        finally
        {
            File.Delete(script);
            File.Delete(svg);
        }
    }

    [Test]
    public void AnUnwritableFileIsAFailureWithAMessage()
    {
        string script = Path.Combine(Path.GetTempPath(), $"flame-{Guid.NewGuid():N}.py");
        File.WriteAllText(script, "x = [1]\n");
        try
        {
            var (code, _, error) = CommandHarness.Run("run", "--alloc-flamegraph", "/nonexistent-dir/out.svg", script);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("cannot write the flame graph to '/nonexistent-dir/out.svg'"));
        }
        finally
        {
            File.Delete(script);
        }
    }
}
