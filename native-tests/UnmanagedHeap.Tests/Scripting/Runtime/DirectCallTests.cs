using static UnmanagedHeap.Tests.Scripting.Runtime.ScriptHarness;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>
/// Calls whose arguments are evaluated straight into the callee's reused frame must behave as
/// the general path does (expected outputs are CPython 3.12's).
/// </summary>
public class DirectCallTests
{
    [Test]
    public void AFailingArgumentReleasesTheOnesBeforeIt()
    {
        var (output, _, exit) = Run("""
            import sys
            class Node:
                def __init__(self, value, extra=10):
                    self.value = value
                    self.extra = extra
            def boom():
                raise ValueError("boom")
            x = object()
            try:
                Node(x, boom())
            except ValueError as e:
                print(e, sys.getrefcount(x))
            n = Node(1)
            print(n.value, n.extra, sys.getrefcount(x))
            """);
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo("boom 2\n1 10 2\n"));
    }

    [Test]
    public void InitReplacedWhileTheArgumentsAreEvaluatedIsTheOneCalled()
    {
        var (output, _, _) = Run("""
            class Changing:
                def __init__(self, v):
                    self.v = ("old", v)
            def swap():
                def new_init(self, v):
                    self.v = ("new", v)
                Changing.__init__ = new_init
                return 5
            print(Changing(swap()).v)
            class Bad:
                def __init__(self):
                    return 3
            try:
                Bad()
            except TypeError as e:
                print(e)
            """);
        Assert.That(output, Is.EqualTo("('new', 5)\n__init__() should return None, not 'int'\n"));
    }

    [Test]
    public void ReusedFramesKeepRecursionGeneratorsAndClosuresApart()
    {
        var (output, _, _) = Run("""
            def fact(n):
                return 1 if n <= 1 else n * fact(n - 1)
            print(fact(20))
            def gen(a, b=2):
                yield a
                yield b
            g1 = gen(1)
            g2 = gen(3, 4)
            print(next(g1), next(g2), next(g1), next(g2))
            def outer(v):
                def inner():
                    return v
                return inner
            fs = [outer(i) for i in range(3)]
            print([f() for f in fs])
            def depth(n):
                return depth(n + 1)
            try:
                depth(0)
            except RecursionError as e:
                print(e)
            print(fact(5))
            """);
        Assert.That(output, Is.EqualTo("2432902008176640000\n1 3 2 4\n[0, 1, 2]\nmaximum recursion depth exceeded\n120\n"));
    }

    [Test]
    public void ArityErrorsStillComeFromTheGeneralPath()
    {
        var (output, _, _) = Run("""
            class P:
                def m(self, a, b=5):
                    return a + b
            p = P()
            print(p.m(1), p.m(1, 2))
            for call in (lambda: p.m(), lambda: p.m(1, 2, 3), lambda: P(1)):
                try:
                    call()
                except TypeError as e:
                    print(e)
            """);
        Assert.That(output, Is.EqualTo(
            "6 3\n"
            + "P.m() missing 1 required positional argument: 'a'\n"
            + "P.m() takes from 2 to 3 positional arguments but 4 were given\n"
            + "P() takes no arguments\n"));
    }
}
