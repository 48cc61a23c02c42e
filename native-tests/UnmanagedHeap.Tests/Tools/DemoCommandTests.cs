using static UnmanagedHeap.Tests.Tools.CommandHarness;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>The README's main job, <c>pyheap demo</c>, end to end in-process.</summary>
public class DemoCommandTests
{
    [Test]
    public void TellsTheWholeSeedStory()
    {
        var (code, output, error) = Run("demo");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("sys.getsizeof = 48 bytes"));
        Assert.That(output, Does.Contain("ob_refcnt = 1 (the only reference is the other Node's edge list)"));
        Assert.That(output, Does.Contain(".Get(\"value\") = 1").And.Contain(".Get(\"value\") = 2"));
        Assert.That(output, Does.Contain("heap.Gc.Collect() = 4"));
        Assert.That(output, Does.Contain("that was freed by collection 1"));
        Assert.That(output, Does.Contain("dd dd dd dd dd dd dd dd  ob_refcnt"));
        Assert.That(output, Does.Contain("Node 1 still alive: False").And.Contain("Node 2 still alive: False"));
        Assert.That(output, Does.Contain("collections needed: 0"));
    }

    [TestCase("system")]
    [TestCase("mimalloc")]
    public void RunsOnTheOtherAllocators(string allocator)
    {
        if (allocator == "mimalloc")
        {
            NativeMimalloc.RequireOrSkip();
        }
        var (code, output, error) = Run("demo", "--allocator", allocator);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain($"allocator: {allocator}"));
        Assert.That(output, Does.Contain("heap.Gc.Collect() = 4"));
    }

    /// <summary>What a machine without the library gets; skipped where it is installed (CI), since it cannot happen there.</summary>
    [Test]
    public void WithoutNativeMimallocTheDemoNamesThePackageInOneLine()
    {
        if (UnmanagedHeap.Memory.MimallocAllocator.IsAvailable)
        {
            Assert.Ignore("libmimalloc2.0 is installed: this checks what a machine without it prints");
        }
        var (code, output, error) = Run("demo", "--allocator", "mimalloc");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.StartWith("pyheap: mimalloc is not available").And.Contain("apt-get install libmimalloc2.0"));
    }

    [TestCase(new[] { "demo", "--allocator", "jemalloc" }, "pyheap demo: unknown allocator 'jemalloc' for --allocator: expected one of pymalloc, mimalloc, system")]
    [TestCase(new[] { "demo", "--allocator" }, "pyheap demo: Required argument missing for option: '--allocator'.")]
    [TestCase(new[] { "demo", "--colour" }, "pyheap demo: Unrecognized command or argument '--colour'.")]
    [TestCase(new[] { "demo", "extra" }, "pyheap demo: Unrecognized command or argument 'extra'.")]
    [TestCase(new[] { "frobnicate" }, "pyheap: Unrecognized command or argument 'frobnicate'.")]
    [TestCase(new string[0], "pyheap: a command is required: demo, run, repl, stress or exercise (pyheap --help lists them)")]
    public void BadCommandLinesGetOneClearLineAndExitTwo(string[] args, string message)
    {
        var (code, output, error) = Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(Lines(error), Is.EqualTo(new[] { message }));
        Assert.That(output, Is.Empty);
    }
}
