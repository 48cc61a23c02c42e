using System.Text.RegularExpressions;
using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>The heapdebug module and the run options built on the inspection toolkit, run in process.</summary>
public class HeapdebugModuleTests
{
    private const string Nodes = """
        import gc, heapdebug
        class Node:
            def __init__(self, name):
                self.name = name
                self.next = None
        """;

    [Test]
    public void DumpPrintsTheLabelledFieldsOfAnInstance()
    {
        var (output, err, exit) = ScriptHarness.Run(Nodes + """

            n = Node("x")
            heapdebug.dump(n)
            print("id", hex(id(n)))
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        string id = output.Split('\n').Single(l => l.StartsWith("id ", StringComparison.Ordinal))[3..];
        // n's global binding and the call's argument: CPython's sys.getrefcount(n) would say 2 as well.
        Assert.That(output, Does.StartWith($"Node object at {id}, refcount 2"));
        Assert.That(output, Does.Contain("ob_refcnt"));
        Assert.That(output, Does.Contain("-> <class 'Node'>"));
        Assert.That(output, Does.Contain(".name = 0x").And.Contain("str 'x'"));
        Assert.That(output, Does.Contain("gc: tracked"));
    }

    [Test]
    public void DumpAddressOfAFreedObjectSaysWhatFreedIt()
    {
        var (output, err, exit) = ScriptHarness.Run(Nodes + """

            a = Node("a"); b = Node("b"); a.next = b; b.next = a
            addr = id(a)
            del a, b
            gc.collect()
            heapdebug.dump_address(addr)
            heapdebug.dump_address(16)
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Does.Match(@"^0x[0-9a-f]+ held a Node object that was freed by collection \d+"));
        Assert.That(output, Does.Contain("stale bytes"));
        Assert.That(output, Does.Contain("0x10 is not this heap's memory"));
    }

    [Test]
    public void WhyAliveNamesTheGlobalAndTheChain()
    {
        var (output, err, exit) = ScriptHarness.Run(Nodes + """

            keep = [Node("a")]
            keep[0].next = Node("b")
            target = keep[0].next
            def look(obj):
                heapdebug.why_alive(obj)
            del target
            look(keep[0].next)
            def inner():
                local = Node("c")
                heapdebug.why_alive(local)
            inner()
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        string[] lines = output.Split('\n');
        Assert.That(lines[0], Does.Match(@"^Node at 0x[0-9a-f]+ \(refcount \d+\) is alive because:$"));
        Assert.That(lines[1], Is.EqualTo("  local 'obj' of look()"));
        Assert.That(output, Does.Contain("  local 'local' of inner()"));
        var (globalOut, globalErr, _) = ScriptHarness.Run(Nodes + """

            keep = [Node("a")]
            keep[0].next = Node("b")
            heapdebug.why_alive(keep[0].next)
            """);
        Assert.That(globalOut, Does.Contain("  global 'keep' of module __main__\n  -> [0] -> Node at 0x"), globalErr);
        Assert.That(globalOut, Does.Contain("  -> .next -> Node at 0x"));
    }

    [Test]
    public void CensusFunctionsCountAndFindByType()
    {
        var (output, err, exit) = ScriptHarness.Run(Nodes + """

            heapdebug.show_growth()
            nodes = [Node(i) for i in range(3)]
            print("count", heapdebug.count("Node"))
            print("by_type", sorted(n.name for n in heapdebug.by_type("Node")))
            print("same", all(a is b for a, b in zip(sorted(heapdebug.by_type("Node"), key=id), sorted(nodes, key=id))))
            print("---")
            heapdebug.show_growth()
            print("---")
            top = heapdebug.most_common_types(3)
            print(len(top), top[0][1] >= top[1][1] >= top[2][1])
            heapdebug.show_most_common_types(2)
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Does.Contain("count 3\n"));
        Assert.That(output, Does.Contain("by_type [0, 1, 2]\n"));
        Assert.That(output, Does.Contain("same True\n"));
        string growth = output.Split("---\n")[1];
        Assert.That(growth, Does.Match(@"(?m)^Node\s+3\s+\+3$"));
        Assert.That(output, Does.Contain("3 True\n"));
        Assert.That(output.Split("---\n")[2].Split('\n').Length, Is.EqualTo(4)); // the line of three, two rows, the final empty piece
    }

    [Test]
    public void ShowRefsAndBackrefsWriteDotWithLabelledEdges()
    {
        string dir = Directory.CreateTempSubdirectory("heapdebug").FullName;
        try
        {
            string refs = Path.Combine(dir, "refs.dot");
            string back = Path.Combine(dir, "back.dot");
            var (output, err, exit) = ScriptHarness.Run(Nodes + $$"""

                import weakref
                a = Node("a"); b = Node("b"); a.next = b
                w = weakref.ref(b)
                holder = {"a": a, "w": w}
                heapdebug.show_refs([holder], filename={{PyString(refs)}}, max_depth=4)
                heapdebug.show_backrefs([b], filename={{PyString(back)}})
                heapdebug.show_refs(Node, filename={{PyString(Path.Combine(dir, "class.dot"))}}, max_depth=1)
                print(hex(id(a)), hex(id(b)))
                """);
            Assert.That(exit, Is.EqualTo(0), err);
            Assert.That(output, Does.Contain($"Graph written to {refs} ("));
            string[] ids = output.Split('\n')[^2].Split(' ');
            string dot = File.ReadAllText(refs);
            Assert.That(dot, Does.Contain($"o{ids[0][2..]} -> o{ids[1][2..]} [label=\".next\"]"));
            Assert.That(dot, Does.Contain("[label=\"['a']\"]"));
            Assert.That(dot, Does.Match($"-> o{ids[1][2..]} \\[label=\"wr_object\", style=dashed\\]"));
            Assert.That(dot, Does.Contain("Node\\n" + ids[0]));
            string backDot = File.ReadAllText(back);
            Assert.That(backDot, Does.Contain($"o{ids[0][2..]} -> o{ids[1][2..]} [label=\".next\"]"));
            string classDot = File.ReadAllText(Path.Combine(dir, "class.dot"));
            Assert.That(classDot, Does.Contain("[label=\"__mro__\"]").And.Contain("[label=\"__dict__\"]").And.Contain("[label=\"__bases__\"]"));
            Assert.That(backDot, Does.Match($"-> o{ids[1][2..]} \\[label=\"wr_object\", style=dashed\\]"), "the weak referrer is drawn, dashed");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void FindBackrefChainCallsThePredicate()
    {
        var (output, err, exit) = ScriptHarness.Run(Nodes + """

            box = {"inner": [Node("deep")]}
            chain = heapdebug.find_backref_chain(box["inner"][0], lambda o: type(o) is dict and "inner" in o)
            print([type(o).__name__ for o in chain])
            print(chain[0] is box, chain[-1] is box["inner"][0])
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Is.EqualTo("['dict', 'list', 'Node']\nTrue True\n"));
    }

    [Test]
    public void ShowGarbageDrawsTheLastCollectionsUnreachableSet()
    {
        string dir = Directory.CreateTempSubdirectory("heapdebug").FullName;
        try
        {
            string path = Path.Combine(dir, "garbage.dot");
            var (output, err, exit) = ScriptHarness.Run(Nodes + $$"""

                heapdebug.show_garbage({{PyString(path)}})
                a = Node("a"); b = Node("b"); a.next = b; b.next = a
                del a, b
                print(gc.collect())
                heapdebug.show_garbage({{PyString(path)}})
                """);
            Assert.That(exit, Is.EqualTo(0), err);
            Assert.That(output, Does.StartWith("No collection has found unreachable objects since heapdebug was imported.\n"));
            string dot = File.ReadAllText(path);
            Assert.That(Regex.Matches(dot, "label=\"Node\\\\n").Count, Is.EqualTo(2));
            Assert.That(Regex.Matches(dot, "label=\"\\.next\"").Count, Is.EqualTo(2));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void StatsAreTakenBeforeTeardownAndAgreeWithThemselves()
    {
        var (_, err, exit) = ScriptHarness.Run(Nodes + """

            a = Node("a"); b = Node("b"); a.next = b; b.next = a
            del a, b
            """, new RunOptions { Stats = true });
        Assert.That(exit, Is.EqualTo(0), err);
        int live = int.Parse(Regex.Match(err, @"^live objects: (\d+)$", RegexOptions.Multiline).Groups[1].Value);
        Match totalLine = Regex.Match(err, @"^total objects\s+(\d+)\s+(\d+)$", RegexOptions.Multiline);
        int total = int.Parse(totalLine.Groups[1].Value);
        Assert.That(total, Is.EqualTo(live));
        var objectRows = Regex.Matches(err, @"^(\S.*?)\s+(\d+)\s+(\d+)$", RegexOptions.Multiline)
            .Where(m => !m.Groups[1].Value.StartsWith("total", StringComparison.Ordinal) && m.Groups[1].Value != "(item arrays, tables, buffers)")
            .Where(m => !m.Groups[1].Value.EndsWith("(parked on its freelist)", StringComparison.Ordinal)) // freed, waiting for reuse: not live
            .ToList();
        Assert.That(objectRows.Sum(m => int.Parse(m.Groups[2].Value)), Is.EqualTo(live));
        Assert.That(objectRows.Sum(m => long.Parse(m.Groups[3].Value)), Is.EqualTo(long.Parse(totalLine.Groups[2].Value)),
            "the objects' bytes total counts the object rows only, not the parked blocks");
        Assert.That(err, Does.Match(@"(?m)^Node\s+2\s+\d+$"), "the leaked cycle is still there when the census is taken");
    }

    [Test]
    public void CensusOptionPrintsGrowthSinceStart()
    {
        var (_, err, exit) = ScriptHarness.Run(Nodes + """

            leak = [Node(i) for i in range(4)]
            """, new RunOptions { Census = true });
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(err, Does.StartWith("census at exit (growth since the program started):\n"));
        Assert.That(err, Does.Match(@"(?m)^Node\s+4\s+\+4\s+\d+\s+\+\d+$"));

        IReadOnlyList<UnmanagedHeap.Inspect.CensusChange>? rows = null;
        (_, err, exit) = ScriptHarness.Run(Nodes + """

            leak = [Node(i) for i in range(4)]
            """, new RunOptions { Census = true, CensusReport = r => rows = r });
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(err, Does.Not.Contain("census at exit"));
        var node = rows!.Single(r => r.TypeName == "Node");
        Assert.That((node.Count, node.CountDelta, node.Bytes, node.BytesDelta), Is.EqualTo((4L, 4L, node.Bytes, node.Bytes)));
        Assert.That(node.Bytes, Is.EqualTo(4 * 96), "pre-header, GC header, header and the five inline slots 3.12 reserves");
    }

    [Test]
    public void GraphOptionsDrawWhatIsLiveAtExitOrTheGarbage()
    {
        string dir = Directory.CreateTempSubdirectory("pyheapgraph").FullName;
        try
        {
            string live = Path.Combine(dir, "live.dot");
            var (_, err, exit) = ScriptHarness.Run(Nodes + """

                a = Node("a"); a.next = Node("b")
                """, new RunOptions { GraphPath = live });
            Assert.That(exit, Is.EqualTo(0), err);
            string dot = File.ReadAllText(live);
            Assert.That(Regex.Matches(dot, "label=\"Node\\\\n").Count, Is.EqualTo(2));
            Assert.That(dot, Does.Contain("[label=\".next\"]"));
            Assert.That(dot, Does.Contain("[label=\"['a']\"]"), "the module's globals dict holds a");
            Assert.That(dot, Does.Not.Contain("label=\"builtin_function_or_method"), "the imported modules' contents are left out");
            Assert.That(dot, Does.Contain("label=\"module\\n"), "the imported modules themselves are drawn");
            Assert.That(dot, Does.Not.Contain("refcount 4294967295"), "immortal objects are left out");

            string garbage = Path.Combine(dir, "garbage.dot");
            (_, err, exit) = ScriptHarness.Run(Nodes + """

                a = Node("a"); b = Node("b"); a.next = b; b.next = a
                del a, b
                gc.collect()
                """, new RunOptions { GraphPath = garbage, GraphGarbage = true });
            Assert.That(exit, Is.EqualTo(0), err);
            Assert.That(Regex.Matches(File.ReadAllText(garbage), "label=\"\\.next\"").Count, Is.EqualTo(2));

            (_, err, exit) = ScriptHarness.Run("x = 1\n", new RunOptions { GraphPath = Path.Combine(dir, "missing", "g.dot") });
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(err, Does.Contain("pyheap: cannot write the graph to"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void GetReferrersAndReferentsServeGraphPrograms()
    {
        var (output, err, exit) = ScriptHarness.Run(Nodes + """

            a = Node("a"); holder = [a]; d = {"k": a}
            rs = gc.get_referrers(a)
            print(any(r is holder for r in rs), any(r is d for r in rs))
            print(gc.get_referents(holder)[0] is a, Node in gc.get_referents(a))
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Is.EqualTo("True True\nTrue True\n"));
    }

    private static string PyString(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
