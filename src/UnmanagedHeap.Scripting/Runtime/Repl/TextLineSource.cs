namespace UnmanagedHeap.Scripting.Runtime.Repl;

/// <summary>
/// Plain line reading from a <see cref="TextReader"/>. With <paramref name="prompts"/> off
/// (stdin is not a terminal) nothing but the program's own output is written, as
/// <c>python3 &lt; file</c> shows no <c>&gt;&gt;&gt;</c>. A Ctrl-C while waiting for a line is
/// answered through <paramref name="interrupt"/>, which says KeyboardInterrupt and prompts
/// again; the terminal discards the half-typed line and the REPL drops an unfinished block.
/// </summary>
public sealed class TextLineSource(TextReader input, TextWriter output, bool prompts, InterruptFlag? interrupt = null) : ILineSource
{
    public bool Interactive => prompts;

    public InputLine Read(string prompt)
    {
        if (prompts)
        {
            output.Write(prompt);
        }
        output.Flush();
        interrupt?.EnterPrompt(output, prompts ? ">>> " : "");
        string? line = input.ReadLine();
        bool interrupted = interrupt != null && interrupt.LeavePrompt();
        if (line == null)
        {
            if (prompts)
            {
                output.Write('\n'); // Ctrl-D leaves the prompt's line, as Python's does
                output.Flush();
            }
            return InputLine.End;
        }
        return new InputLine(InputKind.Line, line, interrupted);
    }
}
