using System.Text;
using UnmanagedHeap.Scripting.Runtime.Repl;

namespace PyHeap;

/// <summary>
/// The prompt's lines at a terminal, with line editing and the session's history, in the
/// manner of readline:
/// <list type="bullet">
/// <item>Left/Right, Home/End (Ctrl-A/Ctrl-E), Ctrl-Left/Ctrl-Right by word;</item>
/// <item>Backspace, Delete, Ctrl-K (to the end), Ctrl-U (to the start), Ctrl-W (the word before);</item>
/// <item>Up/Down through the lines entered before (the line being typed is kept);</item>
/// <item>Tab inserts four spaces (an indentation step);</item>
/// <item>Ctrl-C drops the line (the REPL says KeyboardInterrupt), Ctrl-D on an empty line
/// ends the input and elsewhere deletes the character under the cursor.</item>
/// </list>
/// While a line is read, Ctrl-C arrives as a key rather than as SIGINT (the console's
/// TreatControlCAsInput), so it cannot interrupt the editor half-way; between reads it is
/// SIGINT again and stops running code. The line is redrawn with ANSI sequences: up to its
/// first row, carriage return, the prompt and text, erase below, cursor to its place.
/// </summary>
/// <remarks>
/// RadLine 0.6, the library the issue names, was built against Spectre.Console 0.43 and
/// cannot run beside the Spectre.Console 0.57 this program uses: its LineEditor constructor
/// fails with MissingMethodException for Markup's constructor (Spectre's Style type moved to
/// the Spectre.Console.Ansi assembly), and the compiler refuses its Spectre-typed members
/// (RadLine references an unsigned Spectre.Console, 0.57 is strong-named).
/// </remarks>
public sealed class TerminalLineEditor : ILineSource
{
    private readonly Func<ConsoleKeyInfo> _readKey;
    private readonly TextWriter _output;
    private readonly Action<bool>? _keyMode;
    private readonly Func<int> _width;
    /// <summary>Screen rows between the line's first row and the terminal's cursor (a long line wraps).</summary>
    private int _cursorRow;
    private readonly List<string> _history = [];
    private readonly StringBuilder _line = new();
    private int _cursor;
    private string _prompt = "";

    /// <summary>Most lines kept in the history.</summary>
    public const int HistoryLimit = 1000;

    /// <param name="readKey">Reads one key without echoing it.</param>
    /// <param name="output">Where the prompt and the line are drawn.</param>
    /// <param name="keyMode">Called with true before a line is read and false after (Ctrl-C as a key while true).</param>
    /// <param name="width">The terminal's width in columns (80 when not given).</param>
    public TerminalLineEditor(Func<ConsoleKeyInfo> readKey, TextWriter output, Action<bool>? keyMode = null, Func<int>? width = null)
    {
        _readKey = readKey;
        _output = output;
        _keyMode = keyMode;
        _width = width ?? (() => 80);
    }

    /// <summary>The editor on this process's console.</summary>
    public static TerminalLineEditor ForConsole(TextWriter output) =>
        new(() => Console.ReadKey(intercept: true), output, on => Console.TreatControlCAsInput = on, ConsoleWidth);

    private static int ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <summary>Whether an editor can work here: standard input and output both a terminal.</summary>
    public static bool IsUsable => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public bool Interactive => true;

    /// <summary>The lines entered so far, oldest first.</summary>
    public IReadOnlyList<string> History => _history;

    public InputLine Read(string prompt)
    {
        _prompt = prompt;
        _line.Clear();
        _cursor = 0;
        _cursorRow = 0;
        _keyMode?.Invoke(true);
        try
        {
            _output.Write(prompt);
            _output.Flush();
            return ReadKeys();
        }
        finally
        {
            _keyMode?.Invoke(false);
        }
    }

    private InputLine ReadKeys()
    {
        int historyIndex = _history.Count;
        string draft = "";
        while (true)
        {
            ConsoleKeyInfo key = _readKey();
            bool control = (key.Modifiers & ConsoleModifiers.Control) != 0;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    string text = _line.ToString();
                    _cursor = _line.Length;
                    if (Redraw())
                    {
                        Remember(text);
                        return new InputLine(InputKind.Line, text); // the cursor is on a fresh row already
                    }
                    _output.Write('\n');
                    _output.Flush();
                    Remember(text);
                    return new InputLine(InputKind.Line, text);
                case ConsoleKey.C when control:
                    _output.Write("^C\n");
                    _output.Flush();
                    return InputLine.Interrupt;
                case ConsoleKey.D when control:
                    if (_line.Length == 0)
                    {
                        _output.Write('\n'); // leave the prompt's line, as Python's prompt does
                        _output.Flush();
                        return InputLine.End;
                    }
                    DeleteAt(_cursor);
                    break;
                case ConsoleKey.Backspace:
                    if (_cursor > 0)
                    {
                        _cursor--;
                        DeleteAt(_cursor);
                    }
                    break;
                case ConsoleKey.Delete:
                    DeleteAt(_cursor);
                    break;
                case ConsoleKey.LeftArrow:
                    _cursor = control ? WordStart(_cursor) : Math.Max(0, _cursor - 1);
                    break;
                case ConsoleKey.RightArrow:
                    _cursor = control ? WordEnd(_cursor) : Math.Min(_line.Length, _cursor + 1);
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when control:
                    _cursor = 0;
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when control:
                    _cursor = _line.Length;
                    break;
                case ConsoleKey.K when control:
                    _line.Remove(_cursor, _line.Length - _cursor);
                    break;
                case ConsoleKey.U when control:
                    _line.Remove(0, _cursor);
                    _cursor = 0;
                    break;
                case ConsoleKey.W when control:
                    int start = WordStart(_cursor);
                    _line.Remove(start, _cursor - start);
                    _cursor = start;
                    break;
                case ConsoleKey.UpArrow:
                case ConsoleKey.P when control:
                    if (historyIndex > 0)
                    {
                        if (historyIndex == _history.Count)
                        {
                            draft = _line.ToString();
                        }
                        historyIndex--;
                        Replace(_history[historyIndex]);
                    }
                    break;
                case ConsoleKey.DownArrow:
                case ConsoleKey.N when control:
                    if (historyIndex < _history.Count)
                    {
                        historyIndex++;
                        Replace(historyIndex == _history.Count ? draft : _history[historyIndex]);
                    }
                    break;
                case ConsoleKey.Tab:
                    Insert("    ");
                    break;
                default:
                    if (key.KeyChar != 0 && !char.IsControl(key.KeyChar))
                    {
                        Insert(key.KeyChar.ToString());
                    }
                    break;
            }
            Redraw();
        }
    }

    private void Remember(string text)
    {
        if (text.Trim().Length == 0 || (_history.Count > 0 && _history[^1] == text))
        {
            return;
        }
        _history.Add(text);
        if (_history.Count > HistoryLimit)
        {
            _history.RemoveAt(0);
        }
    }

    private void Insert(string text)
    {
        _line.Insert(_cursor, text);
        _cursor += text.Length;
    }

    private void DeleteAt(int index)
    {
        if (index < _line.Length)
        {
            _line.Remove(index, 1);
        }
    }

    private void Replace(string text)
    {
        _line.Clear().Append(text);
        _cursor = text.Length;
    }

    private int WordStart(int from)
    {
        int i = from;
        while (i > 0 && !char.IsLetterOrDigit(_line[i - 1]))
        {
            i--;
        }
        while (i > 0 && char.IsLetterOrDigit(_line[i - 1]))
        {
            i--;
        }
        return i;
    }

    private int WordEnd(int from)
    {
        int i = from;
        while (i < _line.Length && !char.IsLetterOrDigit(_line[i]))
        {
            i++;
        }
        while (i < _line.Length && char.IsLetterOrDigit(_line[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>
    /// Draws the prompt and the line again from the line's first screen row (a line longer
    /// than the terminal is wide wraps onto more rows), erases what is below, then puts the
    /// cursor back at its place. Returns true when the text ended exactly at the right edge,
    /// so the cursor was moved to the start of a fresh row below it.
    /// </summary>
    private bool Redraw()
    {
        int width = Math.Max(1, _width());
        var sb = new StringBuilder();
        if (_cursorRow > 0)
        {
            sb.Append("\u001b[").Append(_cursorRow).Append('A');
        }
        sb.Append('\r').Append(_prompt).Append(_line).Append("\u001b[J");
        int end = _prompt.Length + _line.Length;
        bool freshRow = end > 0 && end % width == 0;
        if (freshRow)
        {
            sb.Append('\n'); // a terminal waits at the right edge; go to the next row's start
        }
        int endRow = end / width;
        int endColumn = end % width;
        int target = _prompt.Length + _cursor;
        int row = target / width;
        int column = target % width;
        if (row != endRow || column != endColumn)
        {
            if (endRow > row)
            {
                sb.Append("\u001b[").Append(endRow - row).Append('A');
            }
            sb.Append('\r');
            if (column > 0)
            {
                sb.Append("\u001b[").Append(column).Append('C');
            }
        }
        _cursorRow = row;
        _output.Write(sb.ToString());
        _output.Flush();
        return freshRow && row == endRow;
    }
}
