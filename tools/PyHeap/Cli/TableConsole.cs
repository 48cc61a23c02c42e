using Spectre.Console;

namespace PyHeap;

/// <summary>
/// A Spectre.Console console for a table printed once at the end of a command: colours and
/// rounded borders on a terminal, plain ASCII at a fixed width otherwise, so a log or a test
/// reads the same table.
/// </summary>
public static class TableConsole
{
    public static IAnsiConsole For(TextWriter writer, bool terminal)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 100;
        }
        return console;
    }

    public static TableBorder Border(bool terminal) => terminal ? TableBorder.Rounded : TableBorder.Ascii;
}
