using UnmanagedHeap.Scripting.Syntax;
using static UnmanagedHeap.Tests.Scripting.Syntax.SyntaxTestHelpers;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>
/// The common mistakes and CPython 3.12's reaction to each: exception class, message, and
/// position (<c>lineno:offset-end_lineno:end_offset</c>). Every expectation was produced by
/// <c>compile(source, "f.py", "exec")</c> under CPython 3.12.1.
/// </summary>
public class SyntaxErrorMessageTests
{
    [TestCase("x = 1 2", "SyntaxError: invalid syntax @ 1:7-1:8")]
    [TestCase("if x\n    pass", "SyntaxError: expected ':' @ 1:5-1:6")]
    [TestCase("while x\n    pass", "SyntaxError: expected ':' @ 1:8-1:9")]
    [TestCase("class A\n    pass", "SyntaxError: expected ':' @ 1:8-1:9")]
    [TestCase("x = 1\n    y = 2", "IndentationError: unexpected indent @ 2:4-2:-1")]
    [TestCase("if x:\npass", "IndentationError: expected an indented block after 'if' statement on line 1 @ 2:1-2:5")]
    [TestCase("for x in y:\npass", "IndentationError: expected an indented block after 'for' statement on line 1 @ 2:1-2:5")]
    [TestCase("while x:\npass", "IndentationError: expected an indented block after 'while' statement on line 1 @ 2:1-2:5")]
    [TestCase("def f():\npass", "IndentationError: expected an indented block after function definition on line 1 @ 2:1-2:5")]
    [TestCase("class A:\npass", "IndentationError: expected an indented block after class definition on line 1 @ 2:1-2:5")]
    [TestCase("try:\npass", "IndentationError: expected an indented block after 'try' statement on line 1 @ 2:1-2:5")]
    [TestCase("try:\n    pass\nexcept:\npass", "IndentationError: expected an indented block after 'except' statement on line 3 @ 4:1-4:5")]
    [TestCase("try:\n    pass\nfinally:\npass", "IndentationError: expected an indented block after 'finally' statement on line 3 @ 4:1-4:5")]
    [TestCase("with a:\npass", "IndentationError: expected an indented block after 'with' statement on line 1 @ 2:1-2:5")]
    [TestCase("if x:\n    pass\nelif y:\npass", "IndentationError: expected an indented block after 'elif' statement on line 3 @ 4:1-4:5")]
    [TestCase("if x:\n    pass\nelse:\npass", "IndentationError: expected an indented block after 'else' statement on line 3 @ 4:1-4:5")]
    [TestCase("if x:\n        a = 1\n    b = 2", "IndentationError: unindent does not match any outer indentation level @ 3:10-3:-1")]
    [TestCase("if x:\n\ta = 1\n        b = 2", "TabError: inconsistent use of tabs and spaces in indentation @ 3:1-3:0")]
    [TestCase("x = 'abc", "SyntaxError: unterminated string literal (detected at line 1) @ 1:5-1:5")]
    [TestCase("x = \"\"\"abc\ndef f():\n    pass", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @ 1:5-1:5")]
    [TestCase("x = (1,\n     2", "SyntaxError: '(' was never closed @ 1:5-1:0")]
    [TestCase("x = [1, 2))", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @ 1:10-1:10")]
    [TestCase("foo())", "SyntaxError: unmatched ')' @ 1:6-1:6")]
    [TestCase("x = (1, 2]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @ 1:10-1:10")]
    [TestCase("x = [1,\n     2)", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' on line 1 @ 2:7-2:7")]
    [TestCase("1 = x", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @ 1:1-1:2")]
    [TestCase("f() = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @ 1:1-1:4")]
    [TestCase("x = 12abc", "SyntaxError: invalid decimal literal @ 1:6-1:6")]
    [TestCase("return 1", "SyntaxError: 'return' outside function @ 1:1-1:9")]
    [TestCase("break", "SyntaxError: 'break' outside loop @ 1:1-1:6")]
    [TestCase("continue", "SyntaxError: 'continue' not properly in loop @ 1:1-1:9")]
    [TestCase("f(a=1, b)", "SyntaxError: positional argument follows keyword argument @ 1:9-1:10")]
    [TestCase("def f(a=1, b): pass", "SyntaxError: parameter without a default follows parameter with a default @ 1:12-1:13")]
    [TestCase("print \"hello\"", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @ 1:1-1:14")]
    [TestCase("x = 08", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @ 1:5-1:6")]
    [TestCase("f(**k, a)", "SyntaxError: positional argument follows keyword argument unpacking @ 1:9-1:10")]
    [TestCase("def f(a, a): pass", "SyntaxError: duplicate argument 'a' in function definition @ 1:10-1:11")]
    [TestCase("while True:\n    def g():\n        continue\n", "SyntaxError: 'continue' not properly in loop @ 3:9-3:17")]
    // Checks CPython makes after parsing: future imports, scopes, handlers, mangled names.
    [TestCase("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass", "SyntaxError: default 'except:' must be last @ 3:1-4:9")]
    [TestCase("def f():\n    from os import *", "SyntaxError: import * only allowed at module level @ 2:20-2:21")]
    [TestCase("{i for i in range(5) if (j := 0) for j in range(5)}", "SyntaxError: comprehension inner loop cannot rebind assignment expression target 'j' @ 1:38-1:39")]
    [TestCase("x = 1\nfrom __future__ import annotations", "SyntaxError: from __future__ imports must occur at the beginning of the file @ 2:1-2:35")]
    [TestCase("\"\"\"doc\"\"\"\nfrom __future__ import annotations\nfrom __future__ import braces", "SyntaxError: not a chance @ 3:1-3:0")]
    [TestCase("from __future__ import annotations, generator_stop\nx = 1", "OK")]
    [TestCase("class A:\n    def f(self):\n        nonlocal __x", "SyntaxError: no binding for nonlocal '_A__x' found @ 3:9-3:21")]
    [TestCase("class A:\n    def f(self):\n        def g():\n            nonlocal __class__", "OK")]
    [TestCase("__debug__: int = 1", "SyntaxError: cannot assign to __debug__ @ 1:1-1:10")]
    [TestCase("class C(x for x in y):\n    pass", "SyntaxError: invalid syntax @ 1:11-1:14")]
    [TestCase("def f(a, /*, b):\n    pass", "SyntaxError: expected comma between / and * @ 1:11-1:12")]
    [TestCase("def f(x, (y, z)):\n    pass", "SyntaxError: Function parameters cannot be parenthesized @ 1:10-1:16")]
    [TestCase("lambda (x, y): 0", "SyntaxError: Lambda expression parameters cannot be parenthesized @ 1:8-1:14")]
    [TestCase("with (a as b)\n    pass", "SyntaxError: expected ':' @ 1:14-1:15")]
    [TestCase("f(a=1, (x for x in y), 2)", "SyntaxError: positional argument follows keyword argument @ 1:25-1:26")]
    [TestCase("{1: 2, 3: x y}", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @ 1:11-1:14")]
    [TestCase("import a.b from c as d\n", "SyntaxError: Did you mean to use 'from ... import ...' instead? @ 1:1-1:20")]
    public void MatchesCPython(string source, string expected)
    {
        Assert.That(Outcome(source), Is.EqualTo(expected));
    }

    [Test]
    public void ErrorCarriesFileLineAndText()
    {
        var error = ErrorOf("x = 1\nif x\n    pass\n");
        Assert.That(error.Kind, Is.EqualTo(SyntaxErrorKind.SyntaxError));
        Assert.That(error.FileName, Is.EqualTo("f.py"));
        Assert.That(error.SourceLine, Is.EqualTo("if x"));
        Assert.That(error.ToCPythonString(), Is.EqualTo("SyntaxError: expected ':'"));
        Assert.That(error.ToStrValue(), Is.EqualTo("expected ':' (f.py, line 2)"));
    }

    [TestCase("if x:\npass\n", SyntaxErrorKind.IndentationError, "IndentationError")]
    [TestCase("if x:\n\ta\n        b\n", SyntaxErrorKind.TabError, "TabError")]
    [TestCase("x = (\n", SyntaxErrorKind.SyntaxError, "SyntaxError")]
    public void ErrorClassIsReported(string source, SyntaxErrorKind kind, string typeName)
    {
        var error = ErrorOf(source);
        Assert.That(error.Kind, Is.EqualTo(kind));
        Assert.That(error.TypeName, Is.EqualTo(typeName));
        Assert.That(error.ToCPythonString(), Does.StartWith(typeName + ": "));
    }

    [Test]
    public void TokenizerErrorLaterInTheFileWinsOverAParseError()
    {
        // CPython tokenizes the rest of the file after a parse error and reports a tokenizer error instead.
        Assert.That(Outcome("x = 1 2\ny = 'abc\n"), Is.EqualTo("SyntaxError: unterminated string literal (detected at line 2) @ 2:5-2:5"));
        Assert.That(Outcome("x = 1 2\ny = (\n"), Is.EqualTo("SyntaxError: invalid syntax @ 1:7-1:8"));
    }

    [Test]
    public void UnexpectedIndentIsNotReplacedByLaterTokenizerErrors()
    {
        Assert.That(Outcome("x = 1\n  y = 2\nz = 'abc\n"), Is.EqualTo("IndentationError: unexpected indent @ 2:2-2:-1"));
    }

    [Test]
    public void ParseErrorsComeBeforeCompilerErrors()
    {
        Assert.That(Outcome("return 1\nx = (1 2)\n"), Is.EqualTo("SyntaxError: invalid syntax. Perhaps you forgot a comma? @ 2:6-2:9"));
    }

    [Test]
    public void UnsupportedSyntaxIsRefusedWithAClearMessage()
    {
        Assert.That(ErrorOf("async def f():\n    yield 1\n").Message, Does.Contain("not supported"));
        Assert.That(ErrorOf("type Point = tuple\n").Message, Is.EqualTo("'type' statements are not supported by this interpreter"));
        Assert.That(ErrorOf("def f[T](x): pass\n").Message, Is.EqualTo("type parameter lists are not supported by this interpreter"));
    }

    [Test]
    public void ExceptStarCannotShareATryWithExcept()
    {
        Assert.That(ErrorOf("try:\n    pass\nexcept E:\n    pass\nexcept* F:\n    pass\n").Message, Is.EqualTo("cannot have both 'except' and 'except*' on the same 'try'"));
        Assert.That(ErrorOf("try:\n    pass\nexcept*:\n    pass\n").Message, Is.EqualTo("expected one or more exception types"));
    }

    [Test]
    public void AwaitOutsideAsyncFunctionUsesCPythonWording()
    {
        Assert.That(ErrorOf("await x\n").Message, Is.EqualTo("'await' outside function"));
        Assert.That(ErrorOf("def f():\n    await x\n").Message, Is.EqualTo("'await' outside async function"));
    }

    [Test]
    public void DeeplyNestedInputFailsCleanly()
    {
        Assert.That(ErrorOf(new string('-', 200_000) + "1\n").Message, Does.Contain("too complex"));
        Assert.That(ErrorOf(new string('(', 201) + new string(')', 201) + "\n").Message, Is.EqualTo("too many nested parentheses"));
        Assert.That(ErrorOf("x" + string.Concat(Enumerable.Repeat(".y", 200_000)) + "\n").Message, Does.Contain("recursion"));
    }
}
