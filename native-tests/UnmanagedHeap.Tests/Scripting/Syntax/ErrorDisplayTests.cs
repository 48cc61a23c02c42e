using UnmanagedHeap.Scripting.Syntax;
using static UnmanagedHeap.Tests.Scripting.Syntax.SyntaxTestHelpers;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>
/// <see cref="PythonSyntaxError.FormatForDisplay"/> against what <c>python3 x.py</c> (CPython 3.12.1)
/// writes to stderr for the same file: the File line, the stripped source line, the carets.
/// </summary>
public class ErrorDisplayTests
{
    [TestCase("x = 1\nif x\n    pass\n", "  File \"x.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n")]
    [TestCase("print(a b)\n", "  File \"x.py\", line 1\n    print(a b)\n          ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n")]
    [TestCase("def f():\n    return 1\n        x = 2\n", "  File \"x.py\", line 3\n    x = 2\nIndentationError: unexpected indent\n")]
    [TestCase("for i in range(3):\nprint(i)\n", "  File \"x.py\", line 2\n    print(i)\n    ^\nIndentationError: expected an indented block after 'for' statement on line 1\n")]
    [TestCase("s = 'unterminated\n", "  File \"x.py\", line 1\n    s = 'unterminated\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n")]
    [TestCase("def f():\n\tif x:\n\t\treturn 1\n\treturn (1 +\n\t\t2 3)\n", "  File \"x.py\", line 4\n    return (1 +\n            ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n")]
    [TestCase("if x = 1:\n    pass\n", "  File \"x.py\", line 1\n    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n")]
    [TestCase("f(a for a in b,\n  c)\n", "  File \"x.py\", line 1\n    f(a for a in b,\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n")]
    [TestCase("if x:\n", "  File \"x.py\", line 1\n    if x:\nIndentationError: expected an indented block after 'if' statement on line 1\n")]
    [TestCase("x = [1, 2)\n", "  File \"x.py\", line 1\n    x = [1, 2)\n             ^\nSyntaxError: closing parenthesis ')' does not match opening parenthesis '['\n")]
    public void DisplayMatchesCPython(string source, string stderr)
    {
        var error = ErrorOf(source);
        var relocated = new PythonSyntaxError(
            error.Kind, error.Message, "x.py", error.Line, error.Column, error.EndLine, error.EndColumn, error.SourceLine)
        {
            CaretHidden = error.CaretHidden,
        };
        Assert.That(relocated.FormatForDisplay(), Is.EqualTo(stderr));
    }

    [Test]
    public void ErrorWithoutSourceLineShowsOnlyFileAndMessage()
    {
        var error = new PythonSyntaxError(SyntaxErrorKind.SyntaxError, "invalid syntax", "x.py", 3, 1, 3, 2, null);
        Assert.That(error.FormatForDisplay(), Is.EqualTo("  File \"x.py\", line 3\nSyntaxError: invalid syntax\n"));
    }
}
