using System.Text.RegularExpressions;
using UnmanagedHeap.Inspect;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.Inspection;

/// <summary>objgraph-style graphs: built from the heap, written as DOT, parsed back; rendered by Graphviz when installed.</summary>
public unsafe partial class ReferenceGraphTests
{
    private Heap _heap = null!;
    private PyClass _node;

    [SetUp]
    public void SetUp()
    {
        _heap = new Heap();
        _node = _heap.DefineClass("Node", "value", "edges");
    }

    [TearDown]
    public void TearDown() => _heap.Dispose();

    [GeneratedRegex("^  o(?<id>[0-9a-f]+) \\[label=\"(?<label>(?:[^\"\\\\]|\\\\.)*)\"(?<rest>[^\\]]*)\\];$", RegexOptions.Multiline)]
    private static partial Regex NodeLine();

    [GeneratedRegex("^  o(?<from>[0-9a-f]+) -> o(?<to>[0-9a-f]+) \\[label=\"(?<label>(?:[^\"\\\\]|\\\\.)*)\"(?<style>, style=dashed)?\\];$", RegexOptions.Multiline)]
    private static partial Regex EdgeLine();

    private sealed record ParsedEdge(nint From, nint To, string Label, bool Dashed);

    private static (Dictionary<nint, string> Nodes, List<ParsedEdge> Edges) Parse(string dot)
    {
        Assert.That(dot, Does.StartWith("digraph "));
        Assert.That(dot.TrimEnd(), Does.EndWith("}"));
        var nodes = NodeLine().Matches(dot).ToDictionary(m => (nint)Convert.ToInt64(m.Groups["id"].Value, 16), m => m.Groups["label"].Value.Replace("\\n", "\n"));
        var edges = EdgeLine().Matches(dot).Select(m => new ParsedEdge((nint)Convert.ToInt64(m.Groups["from"].Value, 16),
            (nint)Convert.ToInt64(m.Groups["to"].Value, 16), m.Groups["label"].Value, m.Groups["style"].Success)).ToList();
        return (nodes, edges);
    }

    [Test]
    public void RefsGraphLabelsAttributesIndexesKeysAndDashesWeakEdges()
    {
        using NewRef a = _heap.New(_node, _heap.Int(1), _heap.NewList());
        using NewRef b = _heap.New(_node, _heap.Int(2), _heap.NewList());
        a.Borrow().Get("edges").Append(b.Borrow());
        using NewRef d = _heap.NewDict();
        PyDict.SetItem(d.Pointer, _heap.Intern("first").Pointer, a.Pointer);
        using NewRef wr = _heap.Weakrefs.Ref(b.Borrow());
        using NewRef holder = _heap.NewList();
        holder.Borrow().Append(d.Borrow());
        holder.Borrow().Append(wr.Borrow());

        ObjectGraph graph = _heap.Inspector.Refs([holder.Address], maxDepth: 4);
        var (nodes, edges) = Parse(DotWriter.Write(graph));

        nint edgesList = a.Borrow().Get("edges").Address;
        Assert.That(nodes[a.Address], Is.EqualTo($"Node\n0x{a.Address:x}\nrefcount {a.Pointer->ob_refcnt}\n<__main__.Node object at 0x{a.Address:x}>"));
        Assert.That(nodes[d.Address], Does.StartWith($"dict\n0x{d.Address:x}\nrefcount 2\n{{'first': <__main__.Node"));
        Assert.That(nodes.Keys, Is.SupersetOf(new[] { holder.Address, d.Address, wr.Address, a.Address, b.Address, edgesList }));
        Assert.That(edges, Does.Contain(new ParsedEdge(holder.Address, d.Address, "[0]", false)));
        Assert.That(edges, Does.Contain(new ParsedEdge(holder.Address, wr.Address, "[1]", false)));
        Assert.That(edges, Does.Contain(new ParsedEdge(d.Address, a.Address, "['first']", false)));
        Assert.That(edges, Does.Contain(new ParsedEdge(a.Address, edgesList, ".edges", false)));
        Assert.That(edges, Does.Contain(new ParsedEdge(edgesList, b.Address, "[0]", false)));
        Assert.That(edges, Does.Contain(new ParsedEdge(wr.Address, b.Address, "wr_object", true)));
        Assert.That(edges.Where(e => e.Dashed).Select(e => e.Label), Is.All.EqualTo("wr_object"));
        Assert.That(DotWriter.Write(graph), Does.Contain($"o{holder.Address:x} [label=").And.Contain("fillcolor=\"#ffd38d\""));
    }

    [Test]
    public void MaxDepthStopsTheWalk()
    {
        using NewRef a = _heap.New(_node, _heap.Int(1), _heap.NewList());
        using NewRef b = _heap.New(_node, _heap.Int(2), _heap.NewList());
        a.Borrow().Get("edges").Append(b.Borrow());
        ObjectGraph graph = _heap.Inspector.Refs([a.Address], maxDepth: 1);
        Assert.That(graph.Nodes.Select(n => n.Address), Does.Contain(a.Borrow().Get("edges").Address));
        Assert.That(graph.Nodes.Select(n => n.Address), Does.Not.Contain(b.Address));
        ObjectGraph deeper = _heap.Inspector.Refs([a.Address], maxDepth: 2);
        Assert.That(deeper.Nodes.Select(n => n.Address), Does.Contain(b.Address));
    }

    [Test]
    public void BackrefsGraphFindsTheHolders()
    {
        using NewRef target = _heap.New(_node);
        using NewRef list = _heap.NewList();
        list.Borrow().Append(target.Borrow());
        using NewRef outer = _heap.NewList();
        outer.Borrow().Append(list.Borrow());
        var (nodes, edges) = Parse(DotWriter.Write(_heap.Inspector.Backrefs([target.Address])));
        Assert.That(nodes.Keys, Does.Contain(list.Address).And.Contain(outer.Address));
        Assert.That(edges, Does.Contain(new ParsedEdge(list.Address, target.Address, "[0]", false)));
        Assert.That(edges, Does.Contain(new ParsedEdge(outer.Address, list.Address, "[0]", false)));
    }

    [Test]
    public void LastCollectionsGarbageCanBeDrawnAfterItWasFreed()
    {
        _heap.Inspector.RememberGarbage = true;
        nint n1, n2;
        using (var frame = _heap.EnterFrame())
        {
            BorrowedRef a = frame.Bind("n1", _heap.New(_node, _heap.Int(1), _heap.NewList()));
            BorrowedRef b = frame.Bind("n2", _heap.New(_node, _heap.Int(2), _heap.NewList()));
            a.Get("edges").Append(b);
            b.Get("edges").Append(a);
            (n1, n2) = (a.Address, b.Address);
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(4));
        ObjectGraph garbage = _heap.Inspector.LastGarbage!;
        Assert.That(garbage.Nodes.Select(n => n.TypeName).Order(), Is.EqualTo(new[] { "Node", "Node", "list", "list" }));
        Assert.That(garbage.Edges.Count(e => e.Label == ".edges"), Is.EqualTo(2));
        Assert.That(garbage.Edges.Count(e => e.Label == "[0]" && (e.To == n1 || e.To == n2)), Is.EqualTo(2));
        Assert.That(_heap.Classify(n1).Kind, Is.EqualTo(AddressKind.FreedByCollection));
        _heap.Inspector.RememberGarbage = false;
        Assert.That(_heap.Gc.UnreachableObserver, Is.Null);
    }

    [Test]
    public void WithoutGraphvizTheDotFileIsWrittenAndTheMessageSaysHowToGetPictures()
    {
        using NewRef a = _heap.New(_node);
        string dir = Directory.CreateTempSubdirectory("heapgraph").FullName;
        string? path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", dir);
            GraphOutput output = _heap.Inspector.ShowRefs([a.Address], Path.Combine(dir, "g.svg"));
            Assert.That(output.ImagePath, Is.Null);
            Assert.That(output.DotPath, Is.EqualTo(Path.Combine(dir, "g.dot")));
            Assert.That(output.Message, Does.Contain("apt-get install graphviz"));
            Assert.That(Parse(File.ReadAllText(output.DotPath)).Nodes.Keys, Does.Contain(a.Address));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void RenderedSvgContainsTheNodes()
    {
        if (GraphvizRenderer.FindDot() == null)
        {
            Assert.Ignore(GraphvizRenderer.InstallHint);
        }
        using NewRef a = _heap.New(_node, _heap.Int(1), _heap.NewList());
        string dir = Directory.CreateTempSubdirectory("heapgraph").FullName;
        try
        {
            GraphOutput output = _heap.Inspector.ShowRefs([a.Address], Path.Combine(dir, "g.svg"));
            Assert.That(output.ImagePath, Is.EqualTo(Path.Combine(dir, "g.svg")), output.Message);
            string svg = File.ReadAllText(output.ImagePath!);
            Assert.That(svg, Does.Contain("<svg"));
            Assert.That(svg, Does.Contain($"0x{a.Address:x}"));
            Assert.That(svg, Does.Contain(".edges"));
            Assert.That(svg, Does.Contain($"0x{a.Borrow().Get("edges").Address:x}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
