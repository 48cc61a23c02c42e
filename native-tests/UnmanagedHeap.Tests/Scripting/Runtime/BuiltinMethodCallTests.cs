using static UnmanagedHeap.Tests.Scripting.Runtime.ScriptHarness;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>
/// Built-in method calls reuse their argument arrays: nested calls, calls back into Python
/// and failing arguments must not share or leak one (expected outputs are CPython 3.12's).
/// </summary>
public class BuiltinMethodCallTests
{
    [Test]
    public void NestedAndReentrantCallsKeepTheirOwnArguments()
    {
        var (output, _, exit) = Run("""
            import sys
            l = [1, 2, 3]
            l.append(l.pop())
            print(l)
            d = {"a": 1}
            print(d.get("b", d.get("a")), d.get("c"))
            x = object()
            try:
                l.append(x, 1 / 0)
            except ZeroDivisionError as e:
                print(e, sys.getrefcount(x))
            class Noisy:
                def __init__(self, log):
                    self.log = log
                def __eq__(self, other):
                    self.log.append(("eq", other))
                    return False
            log = []
            items = [Noisy(log), Noisy(log)]
            print(items.count(7), log)
            print(sys.getrefcount(x))
            """);
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo("[1, 2, 3]\n1 None\ndivision by zero 2\n0 [('eq', 7), ('eq', 7)]\n2\n"));
    }
}
