namespace PyHeap;

/// <summary>
/// Splits <c>pyheap run [OPTIONS] FILE.py ARGS...</c> (and <c>pyheap -c CODE ARGS...</c>,
/// <c>pyheap run -</c>) where CPython does: pyheap's own options come before the program,
/// and every word after it is the program's, even one that looks like an option.
/// </summary>
public static class ScriptArguments
{
    public static (string[] Own, string[] Script) Split(string[] args, IReadOnlySet<string> valueOptions)
    {
        if (args.Length >= 2 && args[0] == "-c")
        {
            return (args[..2], args[2..]);
        }
        if (args.Length == 0 || args[0] != "run")
        {
            return (args, []);
        }
        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "-c")
            {
                int end = Math.Min(i + 2, args.Length);
                return (args[..end], args[end..]);
            }
            if (arg == "--")
            {
                // The word after "--" is the program even if it starts with a dash; the parser
                // understands "--" too, so it stays with pyheap's part.
                int end = Math.Min(i + 2, args.Length);
                return (args[..end], args[end..]);
            }
            if (arg.Length > 1 && arg[0] == '-')
            {
                if (!arg.Contains('=') && valueOptions.Contains(arg))
                {
                    i++; // the option's value
                }
                continue;
            }
            return (args[..(i + 1)], args[(i + 1)..]);
        }
        return (args, []);
    }
}
