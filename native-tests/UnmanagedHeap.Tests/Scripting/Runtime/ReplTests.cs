using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

public class ReplTests
{
    [Test]
    public void EchoesValuesKeepsStateAndSurvivesErrors()
    {
        var input = new StringReader("x = [1, 2]\nx\ndef f(n):\n    return n * 2\n\nf(21)\n1/0\nNone\nlen(x)\n");
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ScriptRepl.Run(new RunOptions(), input, stdout, stderr);
        Assert.That(exit, Is.EqualTo(0));
        string output = stdout.ToString();
        Assert.That(output, Does.Contain(">>> [1, 2]\n"));
        Assert.That(output, Does.Contain("42\n"));
        Assert.That(output, Does.Contain(">>> 2\n"));
        Assert.That(stderr.ToString(), Does.Contain("ZeroDivisionError: division by zero"));
    }
}
