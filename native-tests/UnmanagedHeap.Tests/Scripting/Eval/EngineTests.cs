using UnmanagedHeap.Memory;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Tests.Scripting.Runtime;

namespace UnmanagedHeap.Tests.Scripting.Eval;

/// <summary>
/// The engine choice and what the bytecode loop must keep exactly as the tree-walker does:
/// refcounts through cells, gc.get_count(), and the frames stack captures see.
/// </summary>
public class EngineTests
{
    [TestCase(null, EngineKind.Bytecode)]
    [TestCase("", EngineKind.Bytecode)]
    [TestCase("bytecode", EngineKind.Bytecode)]
    [TestCase("tree", EngineKind.Tree)]
    [TestCase("strict", EngineKind.Strict)]
    public void PyheapEngineNamesAnEngine(string? name, EngineKind expected) =>
        Assert.That(Interpreter.ParseEngine(name), Is.EqualTo(expected));

    [Test]
    public void AnUnknownEngineIsRefusedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => Interpreter.ParseEngine("bytecod"));
        Assert.That(e!.Message, Does.Contain("PYHEAP_ENGINE=bytecod").And.Contain("tree, bytecode or strict"));
    }

    private static string RunOn(EngineKind engine, string source, AllocatorKind allocator = AllocatorKind.PyMalloc, bool debug = false)
    {
        var (stdout, stderr, exit) = ScriptHarness.Run(source, new RunOptions { Engine = engine, Allocator = allocator, DebugAlloc = debug });
        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stderr, Is.Empty);
        return stdout;
    }

    // A cell takes the stack's reference on STORE_DEREF: one too few would free the list
    // while the closure still reads it (a double free at shutdown under the debug hooks).
    private const string CellProgram = """
        import sys
        def outer():
            items = [0]
            def inner():
                return items
            items = [1, 2]
            return inner, sys.getrefcount(items)
        f, count = outer()
        print(count, f(), sys.getrefcount(f()))
        def holds():
            big = [0] * 3
            return (len(big) for _ in range(2))
        g = holds()
        print(next(g), next(g), next(g, "end"))
        print(list(list(j for j in range(i)) for i in range(3)))
        """;

    [TestCase(AllocatorKind.PyMalloc, false)]
    [TestCase(AllocatorKind.PyMalloc, true)]
    [TestCase(AllocatorKind.System, true)]
    public void CellsHoldTheirValuesOnBothEngines(AllocatorKind allocator, bool debug)
    {
        string tree = RunOn(EngineKind.Tree, CellProgram, allocator, debug);
        string bytecode = RunOn(EngineKind.Bytecode, CellProgram, allocator, debug);
        Assert.That(tree, Is.EqualTo("2 [1, 2] 3\n3 3 end\n[[], [0], [0, 1]]\n"));
        Assert.That(bytecode, Is.EqualTo(tree));
    }

    [Test]
    public void MethodCallsAllocateNoCountedObjectOnEitherEngine()
    {
        const string program = """
            import gc
            class Empty:
                pass
            gc.disable()
            keep = []
            gc.get_count()
            before = gc.get_count()[0]
            for i in range(50):
                keep.append(Empty())
            print(gc.get_count()[0] - before)
            """;
        Assert.That(RunOn(EngineKind.Bytecode, program), Is.EqualTo("50\n"));
        Assert.That(RunOn(EngineKind.Tree, program), Is.EqualTo("50\n"));
    }

    [Test]
    public void TracemallocSeesOneFramePerPythonFrameWithTheStatementsLine()
    {
        const string program = """
            import tracemalloc
            class Leaf:
                pass
            class Node:
                def __init__(self):
                    self.child = Leaf()
            def build():
                return Node()
            tracemalloc.start(5)
            n = build()
            tb = tracemalloc.get_object_traceback(n.child)
            print([f.lineno for f in tb])
            """;
        Assert.That(RunOn(EngineKind.Bytecode, program), Is.EqualTo("[10, 8, 6]\n"));
        Assert.That(RunOn(EngineKind.Tree, program), Is.EqualTo("[10, 8, 6]\n"));
    }

    [Test]
    public void TheFallbackProfileCountsWhatLeftTheLoopByKindAndLine()
    {
        const string program = """
            def f(xs):
                return {x: 2 for x in xs}
            for i in range(7):
                f([1])
            print("ok")
            """;
        var (stdout, stderr, exit) = ScriptHarness.Run(program, new RunOptions { Engine = EngineKind.Bytecode, ProfileFallbacks = true });
        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo("ok\n"));
        Assert.That(stderr, Does.StartWith("fallbacks to the tree-walker"));
        Assert.That(stderr, Does.Match(@"\s7  DictCompExpr at test\.py:2\n"));
        Assert.That(stderr, Does.Match(@"total\s+7  DictCompExpr"));
    }

    [Test]
    public void SlicesAreBuiltInTheLoop()
    {
        const string program = """
            a = list(range(10))
            print(a[2:5], a[:3], a[7:], a[::2], a[::-1], a[1:8:3], a[-3:])
            a[2:4] = [20, 30, 40]
            a[1:3] += [9]
            print(a, "hello"[1:3], (1, 2, 3)[1:])
            """;
        var (stdout, stderr, exit) = ScriptHarness.Run(program, new RunOptions { Engine = EngineKind.Bytecode, ProfileFallbacks = true });
        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo(
            "[2, 3, 4] [0, 1, 2] [7, 8, 9] [0, 2, 4, 6, 8] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [1, 4, 7] [7, 8, 9]\n" +
            "[0, 1, 20, 9, 30, 40, 4, 5, 6, 7, 8, 9] el (2, 3)\n"));
        Assert.That(stderr, Does.Not.Contain("SliceExpr"));
    }
}
