using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Runtime.Repl;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary><c>pyheap repl</c>'s session: reading statements, echoing values, errors, exit, interrupts.</summary>
public class ReplTests
{
    /// <summary>Runs a session over piped input (no prompts): exit code, stdout, stderr.</summary>
    internal static (int Exit, string Out, string Err) Repl(string input, bool prompts = false, InterruptFlag? interrupt = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ScriptRepl.Run(new RunOptions { Interrupt = interrupt }, new StringReader(input), stdout, stderr, prompts);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void PipedInputShowsNoPromptsOrBannerOnlyTheEchoedValues()
    {
        var (exit, output, err) = Repl("x = [1, 2]\nx\ndef f(n):\n    return n * 2\n\nf(21)\nNone\nlen(x)\n");
        Assert.That((exit, err), Is.EqualTo((0, "")));
        Assert.That(output, Is.EqualTo("[1, 2]\n42\n2\n"));
    }

    [Test]
    public void AtATerminalItPromptsAndContinuesWithDots()
    {
        // Banner and prompts on stderr, as CPython without readline: stdout is the values.
        var (_, output, err) = Repl("(1,\n 2)\n", prompts: true);
        Assert.That(output, Is.EqualTo("(1, 2)\n"));
        Assert.That(err, Does.StartWith("pyheap repl: "));
        Assert.That(err, Does.EndWith(">>> ... >>> \n"));
    }

    [TestCase("x = (1,\n\n 2)\nx\n", "(1, 2)\n", TestName = "brackets go on, through a blank line")]
    [TestCase("s = \"\"\"a\n\nb\"\"\"\ns\n", "'a\\n\\nb'\n", TestName = "a triple-quoted string goes on")]
    [TestCase("1 + \\\n  2\n", "3\n", TestName = "a backslash continues the line")]
    [TestCase("for i in range(3):\n    i * 10\n\n'done'\n", "0\n10\n20\n'done'\n", TestName = "a block goes on until a blank line")]
    [TestCase("if 1: 5\n\n", "5\n", TestName = "a one-line block waits for the blank line too")]
    [TestCase("@staticmethod\ndef g():\n    pass\n\ntype(g).__name__\n", "'staticmethod'\n", TestName = "a decorator waits for its def")]
    [TestCase("try:\n    1/0\nexcept ZeroDivisionError:\n    'caught'\n\n", "'caught'\n", TestName = "a try body waits for its except")]
    [TestCase("for i in range(2):\n    i\n", "0\n1\n", TestName = "the end of input runs a last open block")]
    public void StatementsContinueUntilComplete(string input, string expected)
    {
        var (exit, output, err) = Repl(input);
        Assert.That((exit, err), Is.EqualTo((0, "")));
        Assert.That(output, Is.EqualTo(expected));
    }

    [Test]
    public void EveryExpressionStatementOfTheInputEchoes()
    {
        var (_, output, err) = Repl("import gc; gc.collect()\n1; 2\nx = 5; x\n");
        Assert.That(err, Is.Empty);
        Assert.That(output, Is.EqualTo("0\n1\n2\n5\n"));
    }

    [Test]
    public void FunctionAndClassBodiesDoNotEcho()
    {
        var (_, output, err) = Repl("def f():\n    5\n    return None\n\nf()\nclass A:\n    7\n\n");
        Assert.That((output, err), Is.EqualTo(("", "")));
    }

    [Test]
    public void UnderscoreIsTheLastEchoedValueKeptInBuiltins()
    {
        // A global _ shadows the builtin one, as in CPython: echoing goes on setting builtins._.
        var (_, output, err) = Repl("6 * 7\n_\nNone\n_ + 1\n_ = 'mine'\n5\n_\ndel _\n_\n");
        Assert.That(err, Is.Empty);
        Assert.That(output, Is.EqualTo("42\n42\n43\n5\n'mine'\n'mine'\n"));
    }

    [Test]
    public void AnExceptionIsReportedWithTheRunnersTracebackAndTheSessionGoesOn()
    {
        var (exit, output, err) = Repl("def f():\n    return 1/0\n\nf()\nprint('after')\n1 +\n'still here'\n");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(err, Does.Contain("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n  File \"<stdin>\", line 2, in f\nZeroDivisionError: division by zero\n"));
        Assert.That(err, Does.Contain("SyntaxError: invalid syntax"));
        Assert.That(output, Is.EqualTo("after\n'still here'\n"));
    }

    [TestCase("exit(3)\nprint('not reached')\n", 3, TestName = "exit(3)")]
    [TestCase("quit()\nprint('not reached')\n", 0, TestName = "quit()")]
    [TestCase("import sys\nsys.exit(4)\n", 4, TestName = "sys.exit(4)")]
    [TestCase("raise SystemExit(5)\n", 5, TestName = "raise SystemExit(5)")]
    public void ExitEndsTheSessionWithItsCode(string input, int code)
    {
        var (exit, output, _) = Repl(input);
        Assert.That(exit, Is.EqualTo(code));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void BareExitSaysHowToLeaveAndHelpHelps()
    {
        var (_, output, err) = Repl("exit\nquit\nhelp\nhelp()\nclass Node:\n    'A node of a graph.'\n    def link(self): pass\n\nhelp(Node)\n"
            + "def walk(node):\n    'Visit every node.'\n\nhelp(walk)\nwalk.__doc__\n");
        Assert.That(err, Is.Empty);
        Assert.That(output, Does.StartWith("Use exit() or Ctrl-D (i.e. EOF) to exit\nUse quit() or Ctrl-D (i.e. EOF) to exit\nType help() for interactive help"));
        Assert.That(output, Does.Contain("%dump EXPR"));
        Assert.That(output, Does.Contain("Help on class Node:\n\n    A node of a graph.\n"));
        Assert.That(output, Does.Contain("attributes: link"));
        Assert.That(output, Does.Contain("Help on function walk:\n\n    Visit every node.\n"));
        Assert.That(output, Does.EndWith("'Visit every node.'\n"));
    }

    /// <summary>Lines handed over one by one; a null line is a Ctrl-C at the prompt.</summary>
    private sealed class ScriptedLines(IEnumerable<string?> lines, Action<int>? onRead = null) : ILineSource
    {
        private readonly IEnumerator<string?> _lines = lines.GetEnumerator();
        private int _reads;

        public List<string> Prompts { get; } = [];

        public bool Interactive => false;

        public InputLine Read(string prompt)
        {
            Prompts.Add(prompt);
            onRead?.Invoke(_reads++);
            if (!_lines.MoveNext())
            {
                return InputLine.End;
            }
            return _lines.Current == null ? InputLine.Interrupt : new InputLine(InputKind.Line, _lines.Current);
        }
    }

    [Test]
    public void CtrlCAtTheContinuationPromptDropsTheBlock()
    {
        var lines = new ScriptedLines(["for i in range(3):", "    i", null, "7"]);
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ScriptRepl.Run(new RunOptions(), lines, stdout, stderr);
        Assert.That((exit, stdout.ToString(), stderr.ToString()), Is.EqualTo((0, "7\n", "KeyboardInterrupt\n")));
        Assert.That(lines.Prompts, Is.EqualTo(new[] { ">>> ", "... ", "... ", ">>> ", ">>> " }));
    }

    [Test]
    public void KeyboardInterruptThroughTheInterruptFlagStopsTheStatementAndKeepsTheSession()
    {
        var interrupt = new InterruptFlag();
        using var statementDone = new ManualResetEventSlim();
        Thread? pressing = null;
        // Read 2 hands over the blank line that closes the loop: from then on Ctrl-C is
        // "pressed" until the session asks for the next line (read 3), so it lands in the loop.
        var lines = new ScriptedLines(["while True:", "    pass", "", "print('after', 6 * 7)"], read =>
        {
            if (read == 2)
            {
                pressing = new Thread(() =>
                {
                    while (!statementDone.Wait(20))
                    {
                        if (!interrupt.Pending)
                        {
                            interrupt.Request();
                        }
                    }
                });
                pressing.Start();
            }
            if (read == 3)
            {
                statementDone.Set();
                pressing!.Join();
                interrupt.Take(); // a press after the loop ended has nothing to stop
            }
        });
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = ScriptRepl.Run(new RunOptions { Interrupt = interrupt }, lines, stdout, stderr);
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(stderr.ToString(), Does.EndWith("File \"<stdin>\", line 2, in <module>\nKeyboardInterrupt\n").Or.EndWith("File \"<stdin>\", line 1, in <module>\nKeyboardInterrupt\n"));
        Assert.That(stdout.ToString(), Is.EqualTo("after 42\n"));
    }

    /// <summary>A reader that presses Ctrl-C while the prompt waits for one particular line.</summary>
    private sealed class InterruptingReader(string[] lines, int interruptBefore, InterruptFlag interrupt) : TextReader
    {
        private int _next;

        public override string? ReadLine()
        {
            if (_next == interruptBefore)
            {
                interrupt.Request();
            }
            return _next < lines.Length ? lines[_next++] : null;
        }
    }

    [Test]
    public void CtrlCWhilePipedInputWaitsDropsTheUnfinishedBlock()
    {
        var interrupt = new InterruptFlag();
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var reader = new InterruptingReader(["for i in range(3):", "    i", "5"], 2, interrupt);
        int exit = ScriptRepl.Run(new RunOptions { Interrupt = interrupt }, reader, stdout, stderr);
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(stdout.ToString(), Is.EqualTo("5\n"));
        Assert.That(stderr.ToString(), Is.EqualTo("\nKeyboardInterrupt\n"));
    }
}
