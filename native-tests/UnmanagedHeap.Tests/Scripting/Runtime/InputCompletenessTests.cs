using UnmanagedHeap.Scripting.Runtime.Repl;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

public class InputCompletenessTests
{
    private static Completeness Check(params string[] lines) => InputCompleteness.Check(lines);

    [TestCase("x = 1")]
    [TestCase("import gc; gc.collect()")]
    [TestCase("")]
    [TestCase("# a comment")]
    [TestCase("1 +", TestName = "a real SyntaxError is complete: it is reported at once")]
    [TestCase("x = )", TestName = "a stray closing bracket is complete")]
    [TestCase("'abc", TestName = "an unterminated one-line string is complete")]
    public void OneLineStatementsAreComplete(string line) =>
        Assert.That(Check(line), Is.EqualTo(Completeness.Complete));

    [TestCase("x = [1,", TestName = "an open bracket")]
    [TestCase("f(a,", TestName = "an open call")]
    [TestCase("s = \"\"\"abc", TestName = "an open triple-quoted string")]
    [TestCase("x = 1 + \\", TestName = "a trailing backslash")]
    [TestCase("if x:", TestName = "a block header")]
    [TestCase("if x: y", TestName = "a one-line block")]
    [TestCase("for i in range(3):", TestName = "a for header")]
    [TestCase("@decorator", TestName = "a decorator")]
    public void OpenInputIsIncomplete(string line) =>
        Assert.That(Check(line), Is.EqualTo(Completeness.Incomplete));

    [Test]
    public void ABlockEndsAtABlankLine()
    {
        Assert.That(Check("def f():", "    return 1"), Is.EqualTo(Completeness.Incomplete));
        Assert.That(Check("def f():", "    return 1", ""), Is.EqualTo(Completeness.Complete));
        Assert.That(Check("if x:", "    pass", "else:"), Is.EqualTo(Completeness.Incomplete));
        Assert.That(Check("try:", "    1"), Is.EqualTo(Completeness.Incomplete));
    }

    [Test]
    public void BracketsAndStringsGoOnThroughBlankLines()
    {
        Assert.That(Check("x = (1,", ""), Is.EqualTo(Completeness.Incomplete));
        Assert.That(Check("s = '''a", ""), Is.EqualTo(Completeness.Incomplete));
        Assert.That(Check("x = (1,", "", "2)"), Is.EqualTo(Completeness.Complete));
    }

    [Test]
    public void ABlankLineAfterAHeaderIsTheErrorNotMoreWaiting() =>
        Assert.That(Check("if x:", ""), Is.EqualTo(Completeness.Complete));
}
