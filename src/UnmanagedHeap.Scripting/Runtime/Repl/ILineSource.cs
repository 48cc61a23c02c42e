namespace UnmanagedHeap.Scripting.Runtime.Repl;

/// <summary>What a read at the prompt gave.</summary>
public enum InputKind
{
    /// <summary>A line of text (without its newline).</summary>
    Line,
    /// <summary>The input ended (Ctrl-D, or the end of a pipe or file).</summary>
    EndOfInput,
    /// <summary>Ctrl-C while the line was being typed: what was typed so far is dropped.</summary>
    Interrupted,
}

/// <summary>
/// One read at the prompt. <paramref name="AfterInterrupt"/>: a Ctrl-C came while waiting and
/// was answered at the prompt already; the line was typed after it, so what was typed before
/// (an unfinished block) is dropped and this line starts a new statement.
/// </summary>
public readonly record struct InputLine(InputKind Kind, string Text = "", bool AfterInterrupt = false)
{
    public static InputLine End => new(InputKind.EndOfInput);

    public static InputLine Interrupt => new(InputKind.Interrupted);
}

/// <summary>
/// Where <c>pyheap repl</c> gets its lines: a line editor with history at a terminal (the
/// <c>pyheap</c> program brings one), or plain line reading from a pipe or file. The REPL
/// asks for one line at a time with the prompt to show (<c>"&gt;&gt;&gt; "</c> or
/// <c>"... "</c>); a source that is not interactive shows no prompt at all.
/// </summary>
public interface ILineSource
{
    /// <summary>True at a terminal: the banner and the prompts are shown.</summary>
    bool Interactive { get; }

    /// <summary>
    /// Reads one line, showing <paramref name="prompt"/> first when interactive; at the end of
    /// the input an interactive source ends the prompt's line itself.
    /// </summary>
    InputLine Read(string prompt);
}
