using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>
/// The SyntaxWarnings CPython 3.12 prints when it compiles a script, in its order: the
/// tokenizer's and parser's first (in source order), then the compiler's. Expectations come from
/// <c>compile(source, "f.py", "exec")</c> under CPython 3.12.1 with warnings recorded.
/// </summary>
public class CompilerWarningTests
{
    [TestCase("5()", new[] { "f.py:1: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?" })]
    [TestCase("x = [None(), \"a\"(), (1, 2)(), [x]()]", new[] { "f.py:1: SyntaxWarning: 'NoneType' object is not callable; perhaps you missed a comma?", "f.py:1: SyntaxWarning: 'str' object is not callable; perhaps you missed a comma?", "f.py:1: SyntaxWarning: 'tuple' object is not callable; perhaps you missed a comma?", "f.py:1: SyntaxWarning: 'list' object is not callable; perhaps you missed a comma?" })]
    [TestCase("f\"{x}\"()", new[] { "f.py:1: SyntaxWarning: 'str' object is not callable; perhaps you missed a comma?" })]
    [TestCase("5[0]", new[] { "f.py:1: SyntaxWarning: 'int' object is not subscriptable; perhaps you missed a comma?" })]
    [TestCase("None[0]", new[] { "f.py:1: SyntaxWarning: 'NoneType' object is not subscriptable; perhaps you missed a comma?" })]
    [TestCase("True[0]", new[] { "f.py:1: SyntaxWarning: 'bool' object is not subscriptable; perhaps you missed a comma?" })]
    [TestCase("\"abc\"[None]", new[] { "f.py:1: SyntaxWarning: str indices must be integers or slices, not NoneType; perhaps you missed a comma?" })]
    [TestCase("[1, 2][\"x\"]", new[] { "f.py:1: SyntaxWarning: list indices must be integers or slices, not str; perhaps you missed a comma?" })]
    [TestCase("(1, 2)[1.5]", new[] { "f.py:1: SyntaxWarning: tuple indices must be integers or slices, not float; perhaps you missed a comma?" })]
    [TestCase("\"abc\"[1]", new string[0])]
    [TestCase("\"abc\"[1:2]", new string[0])]
    [TestCase("{1}[0]", new[] { "f.py:1: SyntaxWarning: 'set' object is not subscriptable; perhaps you missed a comma?" })]
    [TestCase("(x for x in y)[0]", new[] { "f.py:1: SyntaxWarning: 'generator' object is not subscriptable; perhaps you missed a comma?" })]
    [TestCase("(lambda: 1)[0]", new[] { "f.py:1: SyntaxWarning: 'function' object is not subscriptable; perhaps you missed a comma?" })]
    [TestCase("x is 1", new[] { "f.py:1: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?" })]
    [TestCase("x is not \"a\"", new[] { "f.py:1: SyntaxWarning: \"is not\" with 'str' literal. Did you mean \"!=\"?" })]
    [TestCase("x is None", new string[0])]
    [TestCase("1 is x is 2", new[] { "f.py:1: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?" })]
    [TestCase("x is ()", new[] { "f.py:1: SyntaxWarning: \"is\" with 'tuple' literal. Did you mean \"==\"?" })]
    [TestCase("assert (x, \"msg\")", new[] { "f.py:1: SyntaxWarning: assertion is always true, perhaps remove parentheses?" })]
    [TestCase("assert ()", new string[0])]
    [TestCase("x = '\\d'\ny = 5()", new[] { "f.py:1: SyntaxWarning: invalid escape sequence '\\d'", "f.py:2: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?" })]
    [TestCase("y = 5()\nx = '\\d'", new[] { "f.py:2: SyntaxWarning: invalid escape sequence '\\d'", "f.py:1: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?" })]
    [TestCase("def f():\n    return 5() + 6()", new[] { "f.py:2: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?", "f.py:2: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?" })]
    [TestCase("a = b\"x\"[None]", new[] { "f.py:1: SyntaxWarning: bytes indices must be integers or slices, not NoneType; perhaps you missed a comma?" })]
    [TestCase("f\"{x}\"[None]", new[] { "f.py:1: SyntaxWarning: str indices must be integers or slices, not NoneType; perhaps you missed a comma?" })]
    [TestCase("x == 1 is 2", new[] { "f.py:1: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?" })]
    [TestCase("x = 1 if y is 2 else 3", new[] { "f.py:1: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?" })]
    [TestCase("[5(), 5()]", new[] { "f.py:1: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?", "f.py:1: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?" })]
    [TestCase("x = '\\d' '\\e'\n", new[] { "f.py:1: SyntaxWarning: invalid escape sequence '\\d'", "f.py:1: SyntaxWarning: invalid escape sequence '\\e'" })]
    [TestCase("x = -1\nprint(x is -1, x is (1, 2), x is (1, (2, 3)), x is (1, y), x is 1 + 2, (-1)(), x is ~1, x is not -1.5)", new[] { "f.py:2: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?", "f.py:2: SyntaxWarning: \"is\" with 'tuple' literal. Did you mean \"==\"?", "f.py:2: SyntaxWarning: \"is\" with 'tuple' literal. Did you mean \"==\"?", "f.py:2: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?", "f.py:2: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?", "f.py:2: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?", "f.py:2: SyntaxWarning: \"is not\" with 'float' literal. Did you mean \"!=\"?" })]
    [TestCase("\"abc\"[-1]", new string[0])]
    [TestCase("\"abc\"[-1.5]", new[] { "f.py:1: SyntaxWarning: str indices must be integers or slices, not float; perhaps you missed a comma?" })]
    [TestCase("(1,2)[\"x\"]", new[] { "f.py:1: SyntaxWarning: tuple indices must be integers or slices, not str; perhaps you missed a comma?" })]
    [TestCase("(-1)[0]", new[] { "f.py:1: SyntaxWarning: 'int' object is not subscriptable; perhaps you missed a comma?" })]
    [TestCase("(1+2j)()", new[] { "f.py:1: SyntaxWarning: 'complex' object is not callable; perhaps you missed a comma?" })]
    public void WarningsMatchCPython(string source, string[] expected)
    {
        var module = Parser.ParseModule(source, "f.py");
        Assert.That(module.Warnings.Select(w => w.ToCPythonString()), Is.EqualTo(expected));
    }
}
