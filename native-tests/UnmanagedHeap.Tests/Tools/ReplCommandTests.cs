using PyHeap;
using UnmanagedHeap.Scripting.Runtime.Repl;

namespace UnmanagedHeap.Tests.Tools;

/// <summary><c>pyheap repl</c> as a command, and its terminal line editor driven by keys.</summary>
public class ReplCommandTests
{
    [Test]
    public void PipedStdinGetsNoPromptsAndTheValuesOnly()
    {
        var (code, output, err) = CommandHarness.RunWithInput("import gc; gc.collect()\nx = [1,\n 2]\nx\nexit(2)\n", "repl");
        Assert.That((code, output, err), Is.EqualTo((2, "0\n[1, 2]\n", "")));
    }

    [Test]
    public void CensusAtThePromptIsATableOfTypesOnStdout()
    {
        var (_, output, err) = CommandHarness.RunWithInput("class Node:\n    pass\n\nn = [Node(), Node()]\n%census\n", "repl");
        Assert.That(err, Is.Empty);
        Assert.That(output, Does.Contain("census of live objects (growth since the session started)"));
        Assert.That(output, Does.Match(@"\| Node\s+\|\s+2 \|\s+\+2 \|"));
    }

    private static ConsoleKeyInfo Key(char c) => new(c, char.IsAsciiLetterUpper(c) ? ConsoleKey.A + (c - 'A') : char.IsAsciiLetterLower(c) ? ConsoleKey.A + (c - 'a') : 0, char.IsAsciiLetterUpper(c), false, false);

    private static ConsoleKeyInfo Key(ConsoleKey key, bool control = false) => new('\0', key, false, false, control);

    private static IEnumerable<ConsoleKeyInfo> Type(string text) => text.Select(Key);

    /// <summary>An editor reading <paramref name="keys"/>; what it drew goes to <paramref name="screen"/>.</summary>
    private static TerminalLineEditor Editor(IEnumerable<ConsoleKeyInfo> keys, StringWriter screen)
    {
        IEnumerator<ConsoleKeyInfo> next = keys.GetEnumerator();
        return new TerminalLineEditor(() => next.MoveNext() ? next.Current : throw new InvalidOperationException("the test ran out of keys"), screen);
    }

    [Test]
    public void KeysEditTheLine()
    {
        // "pint(1)", Home, Right, insert 'r', End, Backspace, ")" again, Enter.
        var keys = Type("pint(1)").Concat([Key(ConsoleKey.Home), Key(ConsoleKey.RightArrow)]).Concat(Type("r"))
            .Concat([Key(ConsoleKey.End), Key(ConsoleKey.Backspace)]).Concat(Type(")")).Append(Key(ConsoleKey.Enter));
        var screen = new StringWriter();
        InputLine line = Editor(keys, screen).Read(">>> ");
        Assert.That(line, Is.EqualTo(new InputLine(InputKind.Line, "print(1)")));
        Assert.That(screen.ToString(), Does.StartWith(">>> ").And.EndWith("\r>>> print(1)\u001b[J\n"));
    }

    [Test]
    public void ALineLongerThanTheTerminalWrapsAndTheCursorFollowsItsRows()
    {
        // Width 10: ">>> " and 12 characters take two rows; Home goes up one row to column 4.
        var keys = Type("abcdefghijkl").Append(Key(ConsoleKey.Home)).Concat(Type("X")).Append(Key(ConsoleKey.Enter));
        var screen = new StringWriter();
        IEnumerator<ConsoleKeyInfo> next = keys.GetEnumerator();
        var editor = new TerminalLineEditor(() => next.MoveNext() ? next.Current : throw new InvalidOperationException("out of keys"), screen, width: () => 10);
        Assert.That(editor.Read(">>> ").Text, Is.EqualTo("Xabcdefghijkl"));
        string drawn = screen.ToString();
        // After Home: from the end (row 1) up one row, to column 4.
        Assert.That(drawn, Does.Contain("\r>>> abcdefghijkl\u001b[J\u001b[1A\r\u001b[4C"));
        // A redraw with the cursor on the second row first goes up to the line's first row.
        Assert.That(drawn, Does.Contain("\u001b[1A\r>>> abcdefghijkl\u001b[J"));
        Assert.That(drawn, Does.Contain("\r>>> Xabcdefghijkl\u001b[J\u001b[1A\r\u001b[5C"));
        // Typing the 6th character on a row of 10 after ">>> " ends exactly at the edge: a fresh row.
        Assert.That(drawn, Does.Contain("\r>>> abcdef\u001b[J\n"));
    }

    [Test]
    public void UpAndDownWalkTheHistoryKeepingTheDraft()
    {
        var keys = Type("a = 1").Append(Key(ConsoleKey.Enter))
            .Concat(Type("b")).Append(Key(ConsoleKey.Enter))
            .Concat(Type("dr")).Concat([Key(ConsoleKey.UpArrow), Key(ConsoleKey.UpArrow), Key(ConsoleKey.Enter)])
            .Concat(Type("dr")).Concat([Key(ConsoleKey.UpArrow), Key(ConsoleKey.DownArrow), Key(ConsoleKey.Enter)]);
        TerminalLineEditor editor = Editor(keys, new StringWriter());
        Assert.That(editor.Read(">>> ").Text, Is.EqualTo("a = 1"));
        Assert.That(editor.Read(">>> ").Text, Is.EqualTo("b"));
        Assert.That(editor.Read(">>> ").Text, Is.EqualTo("a = 1"));
        Assert.That(editor.Read(">>> ").Text, Is.EqualTo("dr"));
        Assert.That(editor.History, Is.EqualTo(new[] { "a = 1", "b", "a = 1", "dr" }));
    }

    [Test]
    public void CtrlCInterruptsAndCtrlDEndsAnEmptyLine()
    {
        var keys = Type("abc").Append(Key(ConsoleKey.C, control: true))
            .Concat(Type("xy")).Concat([Key(ConsoleKey.Home), Key(ConsoleKey.D, control: true), Key(ConsoleKey.Enter)])
            .Append(Key(ConsoleKey.D, control: true));
        TerminalLineEditor editor = Editor(keys, new StringWriter());
        Assert.That(editor.Read(">>> ").Kind, Is.EqualTo(InputKind.Interrupted));
        Assert.That(editor.Read(">>> "), Is.EqualTo(new InputLine(InputKind.Line, "y")));
        Assert.That(editor.Read(">>> ").Kind, Is.EqualTo(InputKind.EndOfInput));
    }

    [Test]
    public void TabIndentsAndCtrlWDeletesAWord()
    {
        var keys = new[] { Key(ConsoleKey.Tab) }.Concat(Type("return one two"))
            .Append(Key(ConsoleKey.W, control: true)).Append(Key(ConsoleKey.Enter));
        Assert.That(Editor(keys, new StringWriter()).Read("... ").Text, Is.EqualTo("    return one "));
    }
}
