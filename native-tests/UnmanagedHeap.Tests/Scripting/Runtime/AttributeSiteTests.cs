using static UnmanagedHeap.Tests.Scripting.Runtime.ScriptHarness;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>
/// Attribute expressions and constructor calls remember what a class said about them; a class
/// changed afterwards, or another class at the same expression, must be seen at once
/// (expected outputs are CPython 3.12's).
/// </summary>
public class AttributeSiteTests
{
    [Test]
    public void ClassChangesAndOtherClassesAtTheSameExpressionAreSeen()
    {
        var (output, _, exit) = Run("""
            class A:
                def __init__(self, v):
                    self.v = v
            class B:
                def __init__(self, v):
                    self.v = v * 10
            def show(o):
                return o.v
            def put(o, x):
                o.v = x
            a, b = A(1), B(2)
            print(show(a), show(b), show(a))
            put(a, 5)
            print(show(a))
            A.v = property(lambda self: "prop", lambda self, x: print("setter", x))
            print(show(a))
            put(a, 7)
            del A.v
            print(show(a))
            def logging_setattr(self, name, value):
                print("setattr", name, value)
                self.__dict__[name] = value
            B.__setattr__ = logging_setattr
            put(b, 3)
            print(show(b))
            del b.v
            try:
                show(b)
            except AttributeError as e:
                print(e)
            B.v = "class value"
            print(show(b))
            for o in (a, b):
                print(o.__class__.__name__, sorted(o.__dict__))
            """);
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo(
            "1 20 1\n5\nprop\nsetter 7\n5\nsetattr v 3\n3\n'B' object has no attribute 'v'\nclass value\nA ['v']\nB []\n"));
    }

    [Test]
    public void AConstructorCallSiteFollowsTheClassItIsGiven()
    {
        var (output, _, _) = Run("""
            class P:
                def __init__(self, v):
                    self.v = ("P", v)
            class Q:
                def __init__(self, v, w=0):
                    self.v = ("Q", v, w)
            class R:
                pass
            def make(cls, v):
                return cls(v)
            print(make(P, 1).v, make(Q, 2).v, make(P, 3).v)
            P.__init__ = lambda self, v: setattr(self, "v", ("P2", v))
            print(make(P, 4).v)
            try:
                make(R, 5)
            except TypeError as e:
                print(e)
            print(make(int, "6"), make(list, "ab"))
            """);
        Assert.That(output, Is.EqualTo("('P', 1) ('Q', 2, 0) ('P', 3)\n('P2', 4)\nR() takes no arguments\n6 ['a', 'b']\n"));
    }
}
