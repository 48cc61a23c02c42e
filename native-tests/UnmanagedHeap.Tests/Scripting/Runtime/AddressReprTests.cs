using static UnmanagedHeap.Tests.Scripting.Runtime.ScriptHarness;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>
/// Reprs that contain addresses, which the CPython-generated conformance corpus cannot hold:
/// their shape is checked here with the addresses masked.
/// </summary>
public class AddressReprTests
{
    [Test]
    public void WeakrefsToClassesAndFunctionsNameTheirReferent()
    {
        var (output, _, exit) = Run("""
            import weakref
            class B:
                pass
            def f():
                pass
            b = B()
            for target in (B, f, b):
                print(repr(weakref.ref(target)))
            """);
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(System.Text.RegularExpressions.Regex.Replace(output, "0x[0-9a-f]+", "ADDR"), Is.EqualTo(
            "<weakref at ADDR; to 'type' at ADDR (B)>\n" +
            "<weakref at ADDR; to 'function' at ADDR (f)>\n" +
            "<weakref at ADDR; to '__main__.B' at ADDR>\n"));
    }
}
