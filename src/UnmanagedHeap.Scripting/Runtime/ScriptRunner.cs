using System.Text;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>What <c>pyheap run</c> was asked for.</summary>
public sealed record RunOptions
{
    public AllocatorKind Allocator { get; init; } = AllocatorKind.PyMalloc;
    public bool DebugAlloc { get; init; }
    public long MaxHeapBytes { get; init; }
    public bool Stats { get; init; }
    /// <summary>Trace categories: refs, alloc, gc.</summary>
    public IReadOnlySet<string> Trace { get; init; } = new HashSet<string>();
    /// <summary>
    /// Write the reference graph of the objects live at exit that were not live when the
    /// program started (<c>--graph FILE</c>): DOT, or SVG/PNG/PDF rendered by Graphviz.
    /// </summary>
    public string? GraphPath { get; init; }
    /// <summary>With <see cref="GraphPath"/>: draw the last collection's unreachable objects instead (<c>--graph-garbage</c>).</summary>
    public bool GraphGarbage { get; init; }
    /// <summary>At exit, before teardown, print a census of types (count, bytes) with the growth since start (<c>--census</c>).</summary>
    public bool Census { get; init; }
    /// <summary>
    /// With <see cref="Census"/>: receives the census rows (count, bytes and their growth per
    /// type) instead of the plain-text table on stderr, so a front end can draw its own table.
    /// </summary>
    public Action<IReadOnlyList<UnmanagedHeap.Inspect.CensusChange>>? CensusReport { get; init; }
    /// <summary>Stack of the interpreter thread: deep Python recursion must hit RecursionError, never overflow.</summary>
    public int StackBytes { get; init; } = 256 * 1024 * 1024;
    /// <summary>sys.argv; empty means [the file name], as <c>python FILE</c> gives it.</summary>
    public IReadOnlyList<string> Argv { get; init; } = [];
    /// <summary>Stop the program once it has run this long (0: no limit); it then gets KeyboardInterrupt.</summary>
    public TimeSpan TimeLimit { get; init; }
    /// <summary>
    /// Called on the interpreter's thread when the program has finished, before teardown, to
    /// look at what it left on the heap (<c>pyheap exercise check</c>).
    /// </summary>
    public Action<ProgramExit>? AtExit { get; init; }
}

/// <summary>
/// Runs a Python program on a fresh heap, as <c>python FILE</c> would: stdout and stderr are
/// the given writers, the exit code is returned (0, or 1 for an uncaught exception or a
/// syntax error). The interpreter runs on its own thread with a large stack.
/// </summary>
public static unsafe class ScriptRunner
{
    public static int RunFile(string path, RunOptions options, TextWriter stdout, TextWriter stderr)
    {
        string source;
        try
        {
            source = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Worded as CPython's "python3: can't open file ...", exit status 2 like it.
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "[Errno 2] No such file or directory",
                UnauthorizedAccessException => "[Errno 13] Permission denied",
                _ => e.Message,
            };
            stderr.WriteLine($"pyheap run: can't open file '{path}': {reason}");
            return 2;
        }
        return RunSource(source, path, options, stdout, stderr);
    }

    public static int RunSource(string source, string fileName, RunOptions options, TextWriter stdout, TextWriter stderr)
    {
        int exitCode = 1;
        Exception? crash = null;
        var thread = new Thread(() =>
        {
            try
            {
                exitCode = RunOnThisThread(source, fileName, options, stdout, stderr);
            }
            catch (Exception e)
            {
                crash = e;
            }
        }, options.StackBytes);
        thread.Start();
        thread.Join();
        if (crash != null)
        {
            stdout.Flush();
            stderr.WriteLine($"pyheap: internal error: {crash.GetType().Name}: {crash.Message}");
            return 1;
        }
        return exitCode;
    }

    private static int RunOnThisThread(string source, string fileName, RunOptions options, TextWriter stdout, TextWriter stderr)
    {
        Syntax.Module tree;
        Scope scope;
        Dictionary<Node, Scope> scopes;
        try
        {
            tree = Parser.ParseModule(source, fileName);
            (scope, scopes) = ScopeAnalyzer.Analyze(tree);
        }
        catch (PythonSyntaxError e)
        {
            stderr.Write(e.FormatForDisplay());
            return 1;
        }
        catch (NonlocalNotFoundException e)
        {
            stderr.WriteLine($"  File \"{fileName}\"");
            stderr.WriteLine($"SyntaxError: {e.Message}");
            return 1;
        }
        // CPython's default filters show compile-time SyntaxWarnings but not DeprecationWarnings
        // (the compiler attributes them to no module, so the __main__ rule does not apply).
        foreach (PythonSyntaxWarning w in tree.Warnings.Where(w => w.Category == "SyntaxWarning"))
        {
            stderr.WriteLine(w.ToCPythonString());
            if (w.Line >= 1 && w.Line <= tree.Source.LineCount)
            {
                stderr.WriteLine("  " + tree.Source.GetLine(w.Line).Trim());
            }
        }
        var heapOptions = new HeapOptions
        {
            Allocator = options.Allocator,
            DebugHooks = options.DebugAlloc,
            MaxHeapBytes = options.MaxHeapBytes,
        };
        using var heap = new Heap(heapOptions);
        byte stackTop;
        var interp = new Interpreter(heap, stdout, stderr)
        {
            FileName = fileName,
            Argv = options.Argv.Count > 0 ? options.Argv : [fileName],
            StackBase = (nint)(&stackTop),
            // Leave room for the deepest C# work a single Python frame can start (repr, dealloc, collection).
            StackBudget = options.StackBytes - Math.Min(options.StackBytes / 4, 32L * 1024 * 1024),
            TimeLimitMs = (long)options.TimeLimit.TotalMilliseconds,
        };
        try
        {
            if (options.Trace.Contains("gc"))
            {
                heap.Gc.Callbacks.Add((phase, info) =>
                {
                    stdout.Flush();
                    stderr.WriteLine($"gc {phase} generation={info.Generation} collected={info.Collected} uncollectable={info.Uncollectable}");
                });
            }
            if (options.Trace.Contains("refs") || options.Trace.Contains("alloc"))
            {
                ObjectTrace.Start(stderr, options.Trace.Contains("refs"), options.Trace.Contains("alloc"));
            }
            var atExit = new ExitReports(heap, options, stderr);
            int code = Execute(interp, tree, scope, scopes, fileName, stdout, stderr, out nint globals);
            // Before teardown, so what the program leaked is still there to be counted and drawn.
            stdout.Flush();
            if (!atExit.Write() && code == 0)
            {
                code = 1;
            }
            options.AtExit?.Invoke(new ProgramExit(heap, interp, (PyObject*)globals, code));
            interp.RunExitFinalizers();
            interp.ClearModuleDict((PyObject*)globals);
            stdout.Flush();
            return code;
        }
        finally
        {
            ObjectTrace.Stop();
            stdout.Flush();
            interp.Detach();
        }
    }

    private static int Execute(Interpreter interp, Syntax.Module tree, Scope scope, Dictionary<Node, Scope> scopes, string fileName, TextWriter stdout, TextWriter stderr, out nint globalsDict)
    {
        interp.AddScopes(scopes);
        PyObject* globals = PyDict.New(interp.St);
        globalsDict = (nint)globals;
        PyObject* name = interp.Str("__main__");
        PyDict.SetItem(globals, interp.Intern("__name__"), name);
        Refcount.Decref(name);
        var frame = new ExecFrame(scope, globals, globals, null, null, "<module>", "");
        interp.Current = frame;
        try
        {
            interp.ExecBlock(tree.Body, frame);
            return 0;
        }
        catch (PythonException e)
        {
            e.Trace.Add((fileName, frame.Line, "<module>"));
            return ReportUncaught(interp, e, stdout, stderr);
        }
        catch (Exception e)
        {
            PythonException p = interp.Translate(e);
            p.Trace.Add((fileName, frame.Line, "<module>"));
            return ReportUncaught(interp, p, stdout, stderr);
        }
    }

    private static int ReportUncaught(Interpreter interp, PythonException e, TextWriter stdout, TextWriter stderr)
    {
        PyObject* exc = e.Steal();
        stdout.Flush();
        string typeName = Interpreter.TypeName(exc);
        if (typeName == "SystemExit")
        {
            PyObject* args = interp.ExceptionArgs(exc);
            int code = 0;
            if (args != null && PyTuple.Size(args) > 0)
            {
                PyObject* a0 = PyTuple.Items(args)[0];
                if (interp.IsInt(a0))
                {
                    code = (int)interp.ToLong(a0);
                }
                else if (a0 != interp.St->none)
                {
                    stderr.WriteLine(interp.StrOf(a0));
                    code = 1;
                }
            }
            Refcount.Decref(exc);
            return code;
        }
        var sb = new StringBuilder("Traceback (most recent call last):\n");
        for (int i = e.Trace.Count - 1; i >= 0; i--)
        {
            var (file, line, function) = e.Trace[i];
            sb.Append("  File \"").Append(file).Append("\", line ").Append(line).Append(", in ").Append(function).Append('\n');
        }
        sb.Append(interp.FormatExceptionLine(exc)).Append('\n');
        Refcount.Decref(exc);
        stderr.Write(sb.ToString());
        return 1;
    }
}
