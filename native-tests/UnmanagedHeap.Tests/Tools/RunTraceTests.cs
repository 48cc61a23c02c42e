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
        Match alloc = Regex.Match(trace, @"^alloc (0x[0-9a-f]+) list 1$", RegexOptions.Multiline);
        Assert.That(alloc.Success, trace);
        string address = alloc.Groups[1].Value;
        Assert.That(trace, Does.Contain($"incref {address} list 2"));
        Assert.That(trace, Does.Contain($"decref {address} list 1"));
        Assert.That(trace, Does.Contain($"decref {address} list 0"));
        Assert.That(trace, Does.Contain($"free {address} list 0"));
        Assert.That(ObjectTrace.Refs || ObjectTrace.Allocations, Is.False, "tracing stops when the run ends");
    }
}
