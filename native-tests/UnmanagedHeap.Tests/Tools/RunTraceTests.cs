using System.Text.RegularExpressions;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.Tools;

/// <summary><c>pyheap run --trace refs,alloc</c>: one line per event with address, type and new count.</summary>
[NonParallelizable]
public class RunTraceTests
{
    [Test]
    public void TracesAllocationsFreesAndCountChangesOfOneList()
    {
        string path = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, "x = []\ny = x\ndel y\ndel x\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            // What pyheap run --trace refs,alloc does, with stderr captured.
            var options = new RunOptions { Trace = new HashSet<string> { "refs", "alloc" } };
            int code = ScriptRunner.RunFile(path, options, stdout, stderr);
            Assert.That(code, Is.EqualTo(0), stderr.ToString());
        }
        finally
        {
            File.Delete(path);
        }
        string trace = stderr.ToString();
        Match alloc = Regex.Match(trace, @"^(.+):1: alloc (0x[0-9a-f]+) list 1$", RegexOptions.Multiline);
        Assert.That(alloc.Success, trace);
        Assert.That(alloc.Groups[1].Value, Is.EqualTo(path), "each line names the script's file and line");
        string address = alloc.Groups[2].Value;
        Assert.That(trace, Does.Contain($"{path}:2: incref {address} list 2"));
        Assert.That(trace, Does.Contain($"{path}:3: decref {address} list 1"));
        Assert.That(trace, Does.Contain($"{path}:4: decref {address} list 0"));
        Assert.That(trace, Does.Contain($"{path}:4: free {address} list 0"));
        Assert.That(ObjectTrace.Refs || ObjectTrace.Allocations, Is.False, "tracing stops when the run ends");
    }

    [Test]
    public void TraceFilterKeepsOneType()
    {
        string path = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, "class Node:\n    pass\na = Node()\nb = [Node(), Node()]\ndel a, b\n");
        try
        {
            var (code, _, error) = CommandHarness.Run("run", "--trace", "alloc", "--trace-filter", "type=Node", path);
            Assert.That(code, Is.EqualTo(0), error);
            string[] lines = CommandHarness.Lines(error);
            Assert.That(lines.Count(l => l.Contains(" alloc ")), Is.EqualTo(3), error);
            Assert.That(lines.Count(l => l.Contains(" free ")), Is.EqualTo(3), error);
            Assert.That(lines.All(l => l.Contains(" Node ")), Is.True, "only Node events");
            Assert.That(lines.Count(l => l.StartsWith($"{path}:4: alloc ", StringComparison.Ordinal)), Is.EqualTo(2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public unsafe void AddressFilterKeepsOneObjectsEvents()
    {
        using var heap = new Heap();
        using NewRef kept = heap.NewList();
        using NewRef other = heap.NewList();
        var output = new StringWriter();
        ObjectTrace.Start(output, refs: true, allocations: false);
        ObjectTrace.AddressFilter = kept.Address;
        ObjectTrace.Location = () => "prog.py:7";
        try
        {
            Refcount.Incref((PyObject*)kept.Address);
            Refcount.Incref((PyObject*)other.Address);
            Refcount.Decref((PyObject*)other.Address);
            Refcount.Decref((PyObject*)kept.Address);
        }
        finally
        {
            ObjectTrace.Stop();
        }
        Assert.That(output.ToString().ReplaceLineEndings("\n"),
            Is.EqualTo($"prog.py:7: incref 0x{kept.Address:x} list 2\nprog.py:7: decref 0x{kept.Address:x} list 1\n"));
    }

    [TestCase("type=")]
    [TestCase("address=0xzz")]
    [TestCase("colour=red")]
    [TestCase("address=0")]
    public void AMalformedTraceFilterIsAUsageError(string filter)
    {
        var (code, _, error) = CommandHarness.Run("run", "--trace", "alloc", "--trace-filter", filter, "-c", "pass");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--trace-filter takes type=NAME or address=0xHEX"));
    }

    [Test]
    public void TraceFilterWithoutTraceIsAUsageError()
    {
        var (code, _, error) = CommandHarness.Run("run", "--trace-filter", "type=Node", "-c", "pass");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--trace-filter needs --trace"));
    }
}
