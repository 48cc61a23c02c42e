using UnmanagedHeap.Memory;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Tests.Scripting.Runtime;

namespace UnmanagedHeap.Tests.Scripting.Eval;

/// <summary>
/// List comprehensions inlined into their function (PEP 709): the same results, scoping and
/// refcounts as the tree-walker's, nothing falling back, and the last item not kept alive.
/// </summary>
public class InlineComprehensionTests
{
    private const string Program = """
        import sys
        def f(xs, k):
            x = "outer"
            a = [x * k for x in xs]
            b = [(i, j) for i in range(3) for j in range(i) if (i + j) % 2]
            c = [[y for y in range(n)] for n in range(4)]
            d = [p + q for p, q in zip(xs, xs[1:]) if p > 0 if q > 0]
            return x, a, b, c, d
        print(f([1, 2, 3, -1, 5], 10))
        class Obj:
            pass
        def g():
            objs = [Obj() for _ in range(3)]
            last = objs[-1]
            del objs
            return sys.getrefcount(last)
        print(g())
        def h(n):
            return [1 // (i - n) for i in range(5)]
        try:
            h(2)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
        def unbound():
            return [z for q in range(1)]
        try:
            unbound()
        except NameError as e:
            print(e)
        """;

    private const string Expected =
        "('outer', [10, 20, 30, -10, 50], [(1, 0), (2, 1)], [[], [0], [0, 1], [0, 1, 2]], [3, 5])\n" +
        "2\n" +
        "ZeroDivisionError integer division or modulo by zero\n" +
        "name 'z' is not defined\n";

    [TestCase(EngineKind.Bytecode, AllocatorKind.PyMalloc, false)]
    [TestCase(EngineKind.Bytecode, AllocatorKind.PyMalloc, true)]
    [TestCase(EngineKind.Bytecode, AllocatorKind.System, true)]
    [TestCase(EngineKind.Tree, AllocatorKind.PyMalloc, false)]
    public void ComprehensionsGiveCPythonsResults(EngineKind engine, AllocatorKind allocator, bool debug)
    {
        var (stdout, stderr, exit) = ScriptHarness.Run(Program, new RunOptions { Engine = engine, Allocator = allocator, DebugAlloc = debug });
        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo(Expected));
    }

    [Test]
    public void InAFunctionNothingFallsBack()
    {
        var (_, stderr, exit) = ScriptHarness.Run(Program, new RunOptions { Engine = EngineKind.Bytecode, ProfileFallbacks = true });
        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stderr, Does.Not.Contain("ListCompExpr at test.py:"));
    }

    [Test]
    public void ACapturedComprehensionVariableLeavesTheWholeComprehensionToTheTreeWalker()
    {
        const string program = """
            def f():
                return [(lambda: i)() for i in range(3)]
            print(f())
            """;
        var (stdout, stderr, exit) = ScriptHarness.Run(program, new RunOptions { Engine = EngineKind.Bytecode, ProfileFallbacks = true });
        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo("[0, 1, 2]\n"));
        Assert.That(stderr, Does.Contain("ListCompExpr at test.py:2"));
    }

    [Test]
    public void TheLastItemIsReleasedWhenTheComprehensionEnds()
    {
        const string program = """
            import weakref
            class Obj:
                pass
            def f(objs):
                n = len([o for o in objs])
                r = weakref.ref(objs[-1])
                objs.clear()
                return n, r() is None
            print(f([Obj(), Obj()]))
            """;
        var (stdout, stderr, exit) = ScriptHarness.Run(program, new RunOptions { Engine = EngineKind.Bytecode });
        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo("(2, True)\n"));
    }
}
