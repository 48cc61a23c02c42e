namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>The tracemalloc module over the heap's allocator: lines, sizes, diffs, str() forms.</summary>
public class TracemallocModuleTests
{
    [Test]
    public void StatisticsAttributeEachAllocationToTheLineThatMadeItWithPymallocsBlockSizes()
    {
        var (output, err, exit) = ScriptHarness.Run("""
            import sys, tracemalloc
            tracemalloc.start()
            a = ["%0100d" % i for i in range(400)]
            b = ["%0100d" % i for i in range(40)]
            snap = tracemalloc.take_snapshot()
            stats = {s.traceback[0].lineno: s for s in snap.statistics("lineno")}
            # A 100-character str is one block: pymalloc rounds its size up to a multiple of 16.
            block = (sys.getsizeof(a[0]) + 15) // 16 * 16
            for line in (3, 4):
                sizes = [t.size for t in snap.traces if t.traceback[0].lineno == line]
                print(line, sizes.count(block), sum(sizes) == stats[line].size, len(sizes) == stats[line].count)
            print(str(stats[3]))
            print(snap.statistics("lineno")[0].traceback[0].lineno)
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        string[] lines = output.Split('\n');
        Assert.That(lines[0], Is.EqualTo("3 400 True True"));
        Assert.That(lines[1], Is.EqualTo("4 40 True True"));
        Assert.That(lines[2], Does.Match(@"^test\.py:3: size=\d+\.\d KiB, count=\d+, average=\d+ B$"));
        Assert.That(lines[3], Is.EqualTo("3"));
    }

    [Test]
    public void CompareToIsPositiveForWhatGrewAndNegativeForWhatWasFreed()
    {
        var (output, err, exit) = ScriptHarness.Run("""
            import tracemalloc
            tracemalloc.start()
            old = [str(i) * 50 for i in range(300)]
            first = tracemalloc.take_snapshot()
            new = [(i, i) for i in range(300)]
            del old
            second = tracemalloc.take_snapshot()
            for d in second.compare_to(first, "lineno"):
                if d.traceback[0].lineno in (3, 5):
                    print(d.traceback[0].lineno, d.size_diff > 0, d.count_diff > 0, d.size < 1000)
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Is.EqualTo("3 False False True\n5 True True False\n"));
    }

    [Test]
    public void ObjectTracebacksHoldTheWholeStackOldestFirst()
    {
        var (output, err, exit) = ScriptHarness.Run("""
            import tracemalloc
            def inner():
                return {"k": 1}
            def outer():
                return inner()
            tracemalloc.start(10)
            d = outer()
            tb = tracemalloc.get_object_traceback(d)
            print([f.lineno for f in tb], len(tb))
            print(tb.format(most_recent_first=True)[0])
            print(tracemalloc.get_object_traceback(tracemalloc) is None)
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Is.EqualTo("[7, 5, 3] 3\n  File \"test.py\", line 3\nTrue\n"));
    }

    [Test]
    public void PeakOutlivesTheMemoryThatMadeIt()
    {
        var (output, err, exit) = ScriptHarness.Run("""
            import tracemalloc
            tracemalloc.start()
            big = [None] * 50000
            del big
            current, peak = tracemalloc.get_traced_memory()
            print(peak - current >= 50000 * 8, tracemalloc.get_tracemalloc_memory() > 0)
            tracemalloc.reset_peak()
            current, peak = tracemalloc.get_traced_memory()
            print(peak - current < 1000)
            tracemalloc.stop()
            print(tracemalloc.get_traced_memory())
            """);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Is.EqualTo("True True\nTrue\n(0, 0)\n"));
    }

    [Test]
    public void BadArgumentsAreCPythonsErrors()
    {
        var (_, err, exit) = ScriptHarness.Run("import tracemalloc\ntracemalloc.start('x')\n");
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(ScriptHarness.LastLine(err), Is.EqualTo("TypeError: 'str' object cannot be interpreted as an integer"));
        (_, err, exit) = ScriptHarness.Run("import tracemalloc\ntracemalloc.take_snapshot().filter_traces(3)\n");
        Assert.That(ScriptHarness.LastLine(err), Does.StartWith("RuntimeError: the tracemalloc module must be tracing"));
        (_, err, exit) = ScriptHarness.Run("import tracemalloc\ntracemalloc.start()\ntracemalloc.take_snapshot().filter_traces(3)\n");
        Assert.That(ScriptHarness.LastLine(err), Is.EqualTo("TypeError: filters must be a list of filters, not int"));
    }
}
