using static UnmanagedHeap.Tests.Scripting.Runtime.ScriptHarness;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>map, filter, zip, enumerate, reversed and iter(callable, sentinel) draw one item per next(), as CPython's do.</summary>
public class LazyIteratorTests
{
    private const string Naturals = """
        def nat():
            i = 0
            while True:
                print("gen", i)
                yield i
                i += 1
        """;

    [Test]
    public void InfiniteGeneratorsWorkAndSideEffectsInterleave()
    {
        var (output, err, exit) = Run(Naturals + """

            m = map(lambda x: x * 2, nat())
            print(next(m), next(m))
            print(list(zip(nat(), "ab")))
            e = enumerate(nat(), start=5)
            print(next(e))
            f = filter(lambda x: x % 3 == 0, nat())
            print(next(f), next(f))
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Is.EqualTo(
            "gen 0\ngen 1\n0 2\n" +
            "gen 0\ngen 1\ngen 2\n[(0, 'a'), (1, 'b')]\n" +
            "gen 0\n(5, 0)\n" +
            "gen 0\ngen 1\ngen 2\ngen 3\n0 3\n"));
    }

    [Test]
    public void EachIsAHeapObjectWithCPythonsTypeName()
    {
        var (output, err, _) = Run("""
            import gc
            def f():
                n = 0
                def g():
                    nonlocal n
                    n += 1
                    return n
                return g
            objs = [map(str, [1]), filter(None, [1]), zip([1]), enumerate([1]), reversed([1]), reversed((1,)), reversed(range(3)), iter(f(), 3)]
            print([type(o).__name__ for o in objs])
            print(repr(objs[0]).startswith("<map object at 0x"), all(iter(o) is o for o in objs))
            print(gc.is_tracked(objs[0]), list(objs[-1]), list(objs[6]))
            """);
        Assert.That(output, Is.EqualTo(
            "['map', 'filter', 'zip', 'enumerate', 'list_reverseiterator', 'reversed', 'range_iterator', 'callable_iterator']\n" +
            "True True\nTrue [1, 2] [2, 1, 0]\n"), err);
    }

    [Test]
    public void ZipStrictNamesTheArgumentThatDiffers()
    {
        var (output, err, _) = Run("""
            for args in [([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1, 2], [1, 2, 3], [1, 2])]:
                try:
                    print(list(zip(*args, strict=True)))
                except ValueError as ex:
                    print(ex)
            print(list(zip([1, 2], [3, 4], strict=True)))
            """);
        Assert.That(output, Is.EqualTo(
            "zip() argument 2 is shorter than argument 1\n" +
            "zip() argument 2 is longer than argument 1\n" +
            "zip() argument 3 is shorter than arguments 1-2\n" +
            "zip() argument 2 is longer than argument 1\n" +
            "[(1, 3), (2, 4)]\n"), err);
    }

    [Test]
    public void ListReverseIteratorReadsTheListAsItIsAtEachStep()
    {
        var (output, err, _) = Run("""
            l = [1, 2, 3]
            r = reversed(l)
            print(next(r))
            l.clear()
            print(list(r))
            m = map(lambda a, b: a + b, [1, 2, 3], [10, 20])
            print(list(m), list(m))
            """);
        Assert.That(output, Is.EqualTo("3\n[]\n[11, 22] []\n"), err);
    }

    [Test]
    public void AMapInAnUnreachableCycleIsCollected()
    {
        var (output, err, _) = Run("""
            import gc
            class Box:
                pass
            b = Box()
            b.it = map(id, [b])
            del b
            print(gc.collect() >= 3)
            """);
        Assert.That(output, Is.EqualTo("True\n"), err);
    }
}
