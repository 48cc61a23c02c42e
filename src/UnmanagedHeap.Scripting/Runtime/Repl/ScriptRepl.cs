using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Repl;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>pyheap repl</c>: Python's prompt over one heap and one <c>__main__</c> namespace (the
/// loop is <see cref="ReplSession"/>). Lines come from an <see cref="ILineSource"/>: a line
/// editor at a terminal, or plain reading, with no prompts or banner, from a pipe or file.
/// The interpreter runs on its own thread with a large stack, as <c>pyheap run</c>'s does.
/// </summary>
public static unsafe class ScriptRepl
{
    /// <summary>
    /// Reads from <paramref name="input"/> with no prompts (the input is not a terminal), or
    /// with <c>&gt;&gt;&gt; </c>/<c>... </c> prompts and the banner when <paramref name="prompts"/>,
    /// both on <paramref name="stderr"/>, as CPython writes them when it reads without readline.
    /// </summary>
    public static int Run(RunOptions options, TextReader input, TextWriter stdout, TextWriter stderr, bool prompts = false) =>
        Run(options, new TextLineSource(input, stderr, prompts, options.Interrupt), stdout, stderr);

    /// <summary>Runs the session over <paramref name="lines"/>; returns its exit code (SystemExit's, or 0 at the end of input).</summary>
    public static int Run(RunOptions options, ILineSource lines, TextWriter stdout, TextWriter stderr)
    {
        return ScriptRunner.OnInterpreterThread(options, stdout, stderr, () => Loop(options, lines, stdout, stderr));
    }

    private static int Loop(RunOptions options, ILineSource lines, TextWriter stdout, TextWriter stderr)
    {
        using var heap = ScriptRunner.StartHeap(options);
        byte stackTop;
        Interpreter interp = ScriptRunner.StartInterpreter(heap, options, stdout, stderr);
        interp.FileName = "<stdin>";
        interp.Argv = [""]; // sys.argv at Python's prompt
        interp.StackBase = (nint)(&stackTop);
        interp.StackBudget = options.StackBytes - Math.Min(options.StackBytes / 4, 32L * 1024 * 1024);
        PyObject* globals = PyDict.New(interp.St);
        try
        {
            PyObject* name = interp.Str("__main__");
            PyDict.SetItem(globals, interp.Intern("__name__"), name);
            Refcount.Decref(name);
            InstallSiteBuiltins(interp);
            return new ReplSession(interp, globals, lines, stdout, stderr, options).Run();
        }
        finally
        {
            ScriptRunner.ShutDown(interp, globals, stderr);
            Refcount.Decref(globals);
            stdout.Flush();
            interp.Detach();
        }
    }

    /// <summary>exit, quit and help in builtins, as CPython's site module puts them there (<c>Modules/Python/_sitebuiltins.py</c>).</summary>
    private static void InstallSiteBuiltins(Interpreter interp)
    {
        PyObject* module = interp.ImportModule("_sitebuiltins");
        try
        {
            Install(interp, module, "exit", "Quitter", "exit", "Ctrl-D (i.e. EOF)");
            Install(interp, module, "quit", "Quitter", "quit", "Ctrl-D (i.e. EOF)");
            Install(interp, module, "help", "_Helper");
        }
        finally
        {
            Refcount.Decref(module);
        }
    }

    private static void Install(Interpreter interp, PyObject* module, string builtin, string className, params string[] args)
    {
        PyObject* cls = interp.GetAttr(module, className);
        var strs = args.Select(a => (nint)interp.Str(a)).ToArray();
        try
        {
            PyObject* instance = interp.CallBorrowed(cls, strs);
            PyDict.SetItem(interp.Builtins, interp.Intern(builtin), instance);
            Refcount.Decref(instance);
        }
        finally
        {
            foreach (nint s in strs)
            {
                Refcount.Decref((PyObject*)s);
            }
            Refcount.Decref(cls);
        }
    }
}
