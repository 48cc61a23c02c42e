namespace PyHeap;

/// <summary>
/// The streams a command talks to. The process passes its own; tests pass string writers.
/// <paramref name="Terminal"/> says whether <paramref name="Out"/> is a terminal, where a
/// live display may redraw itself; <paramref name="InputTerminal"/> whether <paramref name="In"/>
/// is one, where <c>pyheap repl</c> shows its prompts.
/// </summary>
public sealed record CommandIo(TextReader In, TextWriter Out, TextWriter Err, bool Terminal = false, bool InputTerminal = false);
