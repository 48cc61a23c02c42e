using static UnmanagedHeap.Tests.Scripting.Runtime.ScriptHarness;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>
/// Name expressions remember their resolved binding on the node; reading and binding must
/// still follow each scope's rules (expected outputs are CPython 3.12's).
/// </summary>
public class NameSiteTests
{
    [Test]
    public void EachScopeKindReadsAndBindsWhereCPythonDoes()
    {
        var (output, _, exit) = Run("""
            x = "global"
            class C:
                x = "class"
                y = x
                global g
                g = "set in class"
                def m(self):
                    return x
            print(C.y, C().m(), g)
            def f():
                print(x)
                x = 1
            try:
                f()
            except UnboundLocalError as e:
                print(e)
            def h(n):
                total = 0
                for i in range(n):
                    total += i
                return [total for total in range(3)], total
            print(h(5))
            print([x for x in range(3)], x)
            def counter():
                c = 0
                def inc():
                    nonlocal c
                    c += 1
                    return c
                return inc
            inc = counter()
            print(inc(), inc())
            """);
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo(
            "class global set in class\n"
            + "cannot access local variable 'x' where it is not associated with a value\n"
            + "([0, 1, 2], 10)\n"
            + "[0, 1, 2] global\n"
            + "1 2\n"));
    }

    [Test]
    public void AGlobalShadowingABuiltinIsSeenAndDroppedAtOnce()
    {
        var (output, _, _) = Run("""
            def length():
                return len("abc")
            print(length())
            len = lambda s: 42
            print(length())
            del len
            print(length())
            try:
                undefined_name
            except NameError as e:
                print(e)
            """);
        Assert.That(output, Is.EqualTo("3\n42\n3\nname 'undefined_name' is not defined\n"));
    }

    [Test]
    public void CellsAndFreeVariablesReadAndBindThroughTheirCells()
    {
        var (output, _, _) = Run("""
            def outer():
                def g():
                    return x
                try:
                    g()
                except NameError as e:
                    print(e)
                try:
                    print(x)
                except UnboundLocalError as e:
                    print(e)
                x = 1
                print(g())
                x += 1
                print(g())
                def setter(v):
                    nonlocal x
                    x = v
                setter(10)
                print(x, g())
                del x
                try:
                    g()
                except NameError as e:
                    print(e)
            outer()
            def acc():
                total = 0
                def add(n):
                    nonlocal total
                    total += n
                    return total
                return add
            a = acc()
            print([a(i) for i in range(5)])
            """);
        Assert.That(output, Is.EqualTo(
            "cannot access free variable 'x' where it is not associated with a value in enclosing scope\n"
            + "cannot access local variable 'x' where it is not associated with a value\n"
            + "1\n2\n10 10\n"
            + "cannot access free variable 'x' where it is not associated with a value in enclosing scope\n"
            + "[0, 1, 3, 6, 10]\n"));
    }
}
