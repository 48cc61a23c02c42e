using UnmanagedHeap.Inspect;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime.Repl;

/// <summary>
/// The prompt's <c>%</c> commands, for looking at the heap without importing anything:
/// <c>%dump EXPR</c>, <c>%refs EXPR</c> and <c>%why EXPR</c> evaluate EXPR in the session's
/// namespace and hand the value to heapdebug's <c>dump</c>, <c>refs</c> and <c>why_alive</c>
/// (so they print exactly what those print, and the session's globals are among
/// <c>why_alive</c>'s roots); <c>%census</c> is the census of live types by count and bytes
/// with the growth since the session started; <c>%help</c> lists them.
/// </summary>
internal sealed unsafe class MagicCommands
{
    private readonly Interpreter _interp;
    private readonly PyObject* _globals;
    private readonly TextWriter _stdout;
    private readonly IReadOnlyList<CensusRow> _startCensus;
    private readonly Action<IReadOnlyList<CensusChange>>? _censusReport;

    /// <summary>Each command, its argument and what it does (what <c>%help</c> prints).</summary>
    public static readonly IReadOnlyList<(string Name, string Argument, string Help)> Commands =
    [
        ("dump", "EXPR", "annotated hex dump of the object: refcount, type, sizes, GC links, items, allocator block"),
        ("refs", "EXPR", "what the object references and what refers to it, each edge labelled"),
        ("why", "EXPR", "the shortest chain of references from a root (a global, a frame's local) to it"),
        ("census", "", "live objects by type: count and bytes, with the growth since the session started"),
        ("help", "", "this list"),
    ];

    public MagicCommands(Interpreter interp, PyObject* globals, TextWriter stdout, Action<IReadOnlyList<CensusChange>>? censusReport)
    {
        _interp = interp;
        _globals = globals;
        _stdout = stdout;
        _censusReport = censusReport;
        _startCensus = interp.Heap.Inspector.Census();
    }

    /// <summary>A line that is a command: its first non-blank character is <c>%</c>.</summary>
    public static bool IsCommand(string line) => line.TrimStart().StartsWith('%');

    /// <summary>
    /// Runs one command line. A usage error (unknown command, missing or extra argument) is
    /// <see cref="MagicUsageException"/>; what EXPR raises propagates as a Python exception.
    /// </summary>
    public void Run(string line)
    {
        string text = line.Trim()[1..];
        int space = text.IndexOfAny([' ', '\t']);
        string name = space < 0 ? text : text[..space];
        string argument = space < 0 ? "" : text[(space + 1)..].Trim();
        switch (name)
        {
            case "dump":
                WithValue(name, argument, "dump");
                return;
            case "refs":
                WithValue(name, argument, "refs");
                return;
            case "why":
                WithValue(name, argument, "why_alive");
                return;
            case "census":
                NoArgument(name, argument);
                Census();
                return;
            case "help":
                NoArgument(name, argument);
                Help();
                return;
            default:
                throw new MagicUsageException(name.Length == 0
                    ? "a command name must follow %: %help lists them"
                    : $"unknown command %{name}: %help lists the commands");
        }
    }

    private static void NoArgument(string name, string argument)
    {
        if (argument.Length > 0)
        {
            throw new MagicUsageException($"%{name} takes no argument");
        }
    }

    /// <summary>Evaluates <paramref name="expression"/>, then calls <c>heapdebug.FUNCTION(value)</c>.</summary>
    private void WithValue(string name, string expression, string function)
    {
        if (expression.Length == 0)
        {
            throw new MagicUsageException($"%{name} needs an expression: %{name} EXPR");
        }
        var (tree, frame) = ReplSession.Prepare(_interp, _globals, expression + "\n");
        if (tree.Body.Length != 1 || tree.Body[0] is not Syntax.ExprStmt expr)
        {
            throw new MagicUsageException($"%{name} needs an expression, not a statement: %{name} EXPR");
        }
        frame.Line = expr.Line;
        PyObject* value = _interp.Eval(expr.Value, frame);
        PyObject* module = null;
        PyObject* func = null;
        try
        {
            module = _interp.ImportModule("heapdebug");
            func = _interp.GetAttr(module, function);
            // The frame stays current during the call, so why_alive counts the session's
            // globals among its roots; `value` is held until the call has returned.
            Refcount.Decref(_interp.CallBorrowed(func, (nint)value));
        }
        finally
        {
            if (func != null)
            {
                Refcount.Decref(func);
            }
            if (module != null)
            {
                Refcount.Decref(module);
            }
            Refcount.Decref(value);
        }
    }

    private void Census()
    {
        IReadOnlyList<CensusChange> changes = CensusGrowth.Compare(_startCensus, _interp.Heap.Inspector.Census());
        if (_censusReport != null)
        {
            _stdout.Flush();
            _censusReport(changes);
            return;
        }
        _stdout.WriteLine("census of live objects (growth since the session started):");
        _stdout.Write(CensusGrowth.Format(changes));
    }

    private void Help()
    {
        foreach (var (name, argument, help) in Commands)
        {
            string usage = argument.Length == 0 ? $"%{name}" : $"%{name} {argument}";
            _stdout.WriteLine($"  {usage,-14} {help}");
        }
    }
}

/// <summary>A <c>%</c> command line that cannot be run as written; the message says why, in one line.</summary>
internal sealed class MagicUsageException(string message) : Exception(message);
