using System.Text.RegularExpressions;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>The prompt's %dump, %refs, %why, %census and %help, checked for what they show.</summary>
public partial class ReplMagicTests
{
    private const string Graph = "class Node:\n    pass\n\nroot = Node()\nroot.child = Node()\nroot.child.items = [1, 2]\n";

    private static (int Exit, string Out, string Err) Repl(string input) => ReplTests.Repl(input);

    [Test]
    public void DumpShowsTheLabelledHeaderOfTheObject()
    {
        var (_, output, err) = Repl(Graph + "%dump root.child.items\n");
        Assert.That(err, Is.Empty);
        Assert.That(output, Does.StartWith("list object at 0x"));
        Assert.That(output, Does.Match(@"ob_refcnt\s+= \d+"));
        Assert.That(output, Does.Contain("ob_type        = 0x").And.Contain("<class 'list'>"));
        Assert.That(output, Does.Match(@"ob_size\s+= 2\n"));
        Assert.That(output, Does.Contain("[0] 0x").And.Contain("int 1"));
    }

    [Test]
    public void RefsListsLabelledEdgesBothWays()
    {
        var (_, output, err) = Repl(Graph + "%refs root.child\n");
        Assert.That(err, Is.Empty);
        Assert.That(output, Does.StartWith("Node at 0x"));
        Assert.That(output, Does.Contain("references (2):"));
        Assert.That(output, Does.Contain("-> __class__ -> type at 0x"));
        Assert.That(output, Does.Match(@"-> \S*items\S* -> list \[1, 2\] at 0x"));
        Assert.That(output, Does.Contain("referred to by (1):"));
        Assert.That(output, Does.Match(@"<- \S*child\S* <- Node at 0x"));
    }

    [Test]
    public void WhyFollowsTheChainFromTheSessionsGlobal()
    {
        var (_, output, err) = Repl(Graph + "%why root.child.items\n");
        Assert.That(err, Is.Empty);
        Assert.That(output, Does.StartWith("list [1, 2] at 0x"));
        Assert.That(output, Does.Contain("is alive because:\n  global 'root' of module __main__\n"));
        Assert.That(output, Does.Match(@"-> \S*child\S* -> Node at 0x"));
        Assert.That(output, Does.Match(@"-> \S*items\S* -> list \[1, 2\] at 0x"));
    }

    [Test]
    public void CensusCountsTypesAndBytesWithTheGrowthSinceTheSessionStarted()
    {
        var (_, output, err) = Repl(Graph + "%census\n");
        Assert.That(err, Is.Empty);
        Assert.That(output, Does.StartWith("census of live objects (growth since the session started):\ntype "));
        Match node = NodeRow().Match(output);
        Assert.That(node.Success, output);
        Assert.That(node.Groups["count"].Value, Is.EqualTo("2"));
        Assert.That(node.Groups["growth"].Value, Is.EqualTo("+2"));
        Assert.That(long.Parse(node.Groups["bytes"].Value), Is.GreaterThan(0));
        Assert.That(output, Does.Contain("total objects"));
    }

    [GeneratedRegex(@"\nNode\s+(?<count>\d+)\s+(?<growth>[+-]?\d+)\s+(?<bytes>\d+)\s+\+\d+\n")]
    private static partial Regex NodeRow();

    [Test]
    public void HelpListsTheCommands()
    {
        var (_, output, _) = Repl("%help\n");
        foreach (string command in new[] { "%dump EXPR", "%refs EXPR", "%why EXPR", "%census", "%help" })
        {
            Assert.That(output, Does.Contain(command));
        }
    }

    [TestCase("%foo\n", "pyheap repl: unknown command %foo: %help lists the commands\n")]
    [TestCase("%dump\n", "pyheap repl: %dump needs an expression: %dump EXPR\n")]
    [TestCase("%why x = 1\n", "pyheap repl: %why needs an expression, not a statement: %why EXPR\n")]
    [TestCase("%census now\n", "pyheap repl: %census takes no argument\n")]
    [TestCase("%\n", "pyheap repl: a command name must follow %: %help lists them\n")]
    public void BadCommandsAreOneLineErrorsAndTheSessionGoesOn(string command, string error)
    {
        var (exit, output, err) = Repl(command + "'next'\n");
        Assert.That((exit, output, err), Is.EqualTo((0, "'next'\n", error)));
    }

    [Test]
    public void AnExpressionThatRaisesGivesItsTraceback()
    {
        var (_, output, err) = Repl("%dump missing\n'next'\n");
        Assert.That(err, Does.Contain("NameError: name 'missing' is not defined"));
        Assert.That(output, Is.EqualTo("'next'\n"));
    }
}
