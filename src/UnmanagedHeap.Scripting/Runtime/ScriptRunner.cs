using System.Text;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>What <c>pyheap run</c> was asked for.</summary>
public sealed record RunOptions
{
    public AllocatorKind Allocator { get; init; } = AllocatorKind.PyMalloc;
    /// <summary>Which evaluator runs the program; null: what <c>PYHEAP_ENGINE</c> says (bytecode when unset).</summary>
    public EngineKind? Engine { get; init; }
    /// <summary>At exit, print how often each construct fell back to the tree-walker (<c>PYHEAP_FALLBACK_PROFILE=1</c>).</summary>
    public bool ProfileFallbacks { get; init; } = Eval.FallbackProfile.Requested;
    public bool DebugAlloc { get; init; }
    public long MaxHeapBytes { get; init; }
    public bool Stats { get; init; }
    /// <summary>Trace categories: refs, alloc, gc.</summary>
    public IReadOnlySet<string> Trace { get; init; } = new HashSet<string>();
    /// <summary>With refs/alloc tracing: only events on objects of this type name (<c>--trace-filter type=NAME</c>).</summary>
    public string? TraceType { get; init; }
    /// <summary>With refs/alloc tracing: only events on the object at this address (<c>--trace-filter address=0x...</c>); 0 for all.</summary>
    public nint TraceAddress { get; init; }
    /// <summary>
    /// Write the reference graph of the objects live at exit that were not live when the
    /// program started (<c>--graph FILE</c>): DOT, or SVG/PNG/PDF rendered by Graphviz.
    /// </summary>
    public string? GraphPath { get; init; }
    /// <summary>With <see cref="GraphPath"/>: draw the last collection's unreachable objects instead (<c>--graph-garbage</c>).</summary>
    public bool GraphGarbage { get; init; }
    /// <summary>
    /// Trace every allocation by Python call stack and, at exit, write a flame graph (SVG) of
    /// the blocks live at the peak to this file (<c>--alloc-flamegraph FILE</c>).
    /// </summary>
    public string? AllocFlamegraphPath { get; init; }
    /// <summary>At exit, before teardown, print a census of types (count, bytes) with the growth since start (<c>--census</c>).</summary>
    public bool Census { get; init; }
    /// <summary>
    /// With <see cref="Census"/>: receives the census rows (count, bytes and their growth per
    /// type) instead of the plain-text table on stderr, so a front end can draw its own table.
    /// At the REPL it receives <c>%census</c>'s rows (the growth since the session started)
    /// instead of the plain-text table on stdout.
    /// </summary>
    public Action<IReadOnlyList<UnmanagedHeap.Inspect.CensusChange>>? CensusReport { get; init; }
    /// <summary>Stack of the interpreter thread: deep Python recursion must hit RecursionError, never overflow.</summary>
    public int StackBytes { get; init; } = 256 * 1024 * 1024;
    /// <summary>sys.argv; empty means [the file name], as <c>python FILE</c> gives it.</summary>
    public IReadOnlyList<string> Argv { get; init; } = [];
    /// <summary>Set by a SIGINT handler: the script raises KeyboardInterrupt at its next loop back-edge or call.</summary>
    public InterruptFlag? Interrupt { get; init; }
    /// <summary>Stop the program once it has run this long (0: no limit); it then gets KeyboardInterrupt.</summary>
    public TimeSpan TimeLimit { get; init; }
    /// <summary>
    /// Called on the interpreter's thread when the program has finished, before teardown, to
    /// look at what it left on the heap (<c>pyheap exercise check</c>).
    /// </summary>
    public Action<ProgramExit>? AtExit { get; init; }

    /// <summary>
    /// When no <see cref="MaxHeapBytes"/> is given, the heap may take at most this much memory
    /// from the system: half of what the machine (or its container's limit) offers, so a
    /// runaway program gets MemoryError instead of exhausting the machine.
    /// </summary>
    public static long DefaultReserveLimitBytes => Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>The heap options these run options describe.</summary>
    public HeapOptions ToHeapOptions() => new()
    {
        Allocator = Allocator,
        DebugHooks = DebugAlloc,
        MaxHeapBytes = MaxHeapBytes,
        ReserveLimitBytes = MaxHeapBytes > 0 ? 0 : DefaultReserveLimitBytes,
    };
}

/// <summary><c>--max-heap</c> is below what the heap and the interpreter need before the program's first line.</summary>
public sealed class MaxHeapTooSmallException(long requested, long minimum)
    : Exception($"--max-heap {requested} is below the {minimum} bytes the interpreter needs at start-up")
{
    public long MinimumBytes { get; } = minimum;
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
        byte[] bytes;
        try
        {
            bytes = Directory.Exists(path) ? throw new DirectoryIsNotAFileException() : File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Worded as CPython's "python3: can't open file ...", exit status 2 like it.
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "[Errno 2] No such file or directory",
                UnauthorizedAccessException => "[Errno 13] Permission denied",
                DirectoryIsNotAFileException => "[Errno 21] Is a directory",
                _ => e.Message,
            };
            stderr.WriteLine($"pyheap run: can't open file '{path}': {reason}");
            return 2;
        }
        string? source = SourceDecoding.Decode(bytes, path, stderr);
        return source == null ? 1 : RunSource(source, path, options, stdout, stderr);
    }

    private sealed class DirectoryIsNotAFileException : IOException;

    public static int RunSource(string source, string fileName, RunOptions options, TextWriter stdout, TextWriter stderr)
    {
        return OnInterpreterThread(options, stdout, stderr, () => RunOnThisThread(source, fileName, options, stdout, stderr));
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a thread with the interpreter's stack (deep Python
    /// recursion must reach RecursionError, never overflow). A MaxHeapTooSmallException is
    /// rethrown for the command line to report as a usage error; any other escaped
    /// exception is reported as an internal error with exit code 1, never a crash.
    /// </summary>
    internal static int OnInterpreterThread(RunOptions options, TextWriter stdout, TextWriter stderr, Func<int> body)
    {
        int exitCode = 1;
        Exception? crash = null;
        var thread = new Thread(() =>
        {
            try
            {
                exitCode = body();
            }
            catch (Exception e)
            {
                crash = e;
            }
        }, options.StackBytes);
        thread.Start();
        thread.Join();
        if (crash is MaxHeapTooSmallException)
        {
            throw crash; // a usage error: the command line reports it
        }
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
        catch (CompileRecursionException e)
        {
            stderr.WriteLine($"RecursionError: {e.Message}");
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
        byte stackTop;
        using var heap = StartHeap(options);
        var interp = StartInterpreter(heap, options, stdout, stderr);
        interp.FileName = fileName;
        interp.MainSource = tree.Source;
        interp.Argv = options.Argv.Count > 0 ? options.Argv : [fileName];
        interp.StackBase = (nint)(&stackTop);
        // Leave room for the deepest C# work a single Python frame can start (repr, dealloc, collection).
        interp.StackBudget = options.StackBytes - Math.Min(options.StackBytes / 4, 32L * 1024 * 1024);
        interp.TimeLimitMs = (long)options.TimeLimit.TotalMilliseconds;
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
                ObjectTrace.TypeFilter = options.TraceType;
                ObjectTrace.AddressFilter = options.TraceAddress;
                ObjectTrace.Location = () =>
                {
                    (string? file, int line) = interp.CurrentLocation();
                    return file == null ? null : $"{file}:{line}";
                };
            }
            var atExit = new ExitReports(heap, interp, options, stderr);
            int code = Execute(interp, tree, scope, scopes, fileName, stdout, stderr, out nint globals);
            // Before teardown, so what the program leaked is still there to be counted and drawn.
            stdout.Flush();
            if (!atExit.Write() && code == 0)
            {
                code = 1;
            }
            options.AtExit?.Invoke(new ProgramExit(heap, interp, (PyObject*)globals, code));
            ShutDown(interp, (PyObject*)globals, stderr);
            stdout.Flush();
            interp.FallbackProfile?.WriteTo(stderr);
            return code;
        }
        finally
        {
            ObjectTrace.Stop();
            stdout.Flush();
            interp.Detach();
        }
    }

    /// <summary>
    /// atexit finalizers, then <c>__main__</c>'s globals cleared. A heap exhausted by the
    /// program may have no room for what a finalizer allocates: that is reported, as CPython
    /// reports an exception ignored at shutdown, and the run still ends normally.
    /// </summary>
    internal static void ShutDown(Interpreter interp, PyObject* globals, TextWriter stderr)
    {
        try
        {
            interp.RunExitFinalizers();
            interp.ClearModuleDict(globals);
        }
        catch (Exception e) when (e is OutOfHeapMemoryException or PythonException)
        {
            stderr.WriteLine("Exception ignored at shutdown: MemoryError");
        }
    }

    /// <summary>A heap for <paramref name="options"/>; a --max-heap too small even to start is a usage error.</summary>
    internal static Heap StartHeap(RunOptions options)
    {
        try
        {
            return new Heap(options.ToHeapOptions());
        }
        catch (OutOfHeapMemoryException)
        {
            throw new MaxHeapTooSmallException(options.MaxHeapBytes, StartUpBytes(options));
        }
    }

    /// <summary>An interpreter on <paramref name="heap"/> (its built-ins live on the heap too, so they count against --max-heap).</summary>
    internal static Interpreter StartInterpreter(Heap heap, RunOptions options, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var interp = new Interpreter(heap, stdout, stderr) { Interrupt = options.Interrupt };
            if (options.Engine is EngineKind engine)
            {
                interp.Engine = engine;
            }
            if (options.ProfileFallbacks)
            {
                interp.Vm.Profile = new Eval.FallbackProfile();
            }
            // __main__'s namespace and the room kept for a MemoryError's report must fit too.
            if (!interp.HasReportingReserve || (options.MaxHeapBytes > 0 && ((BudgetAllocator)heap.Allocator).UsedBytes + StartUpSlackBytes > options.MaxHeapBytes))
            {
                interp.Detach();
                throw new OutOfHeapMemoryException((nuint)StartUpSlackBytes);
            }
            return interp;
        }
        catch (OutOfHeapMemoryException)
        {
            throw new MaxHeapTooSmallException(options.MaxHeapBytes, StartUpBytes(options));
        }
    }

    /// <summary>
    /// Bytes a heap and an interpreter hold before the program's first line, plus the room
    /// the runner keeps for reporting a MemoryError: measured on a throwaway heap.
    /// </summary>
    private static long StartUpBytes(RunOptions options)
    {
        using var probe = new Heap((options with { MaxHeapBytes = 1L << 40 }).ToHeapOptions());
        using var quiet = new StringWriter();
        var interp = new Interpreter(probe, quiet, quiet);
        long used = ((BudgetAllocator)probe.Allocator).UsedBytes;
        interp.Detach(); // `used` includes the reporting reserve the interpreter took
        return used + StartUpSlackBytes;
    }

    /// <summary>Room past the interpreter's start-up for <c>__main__</c>'s namespace and a first few objects.</summary>
    private const long StartUpSlackBytes = 16 * 1024;

    private static int Execute(Interpreter interp, Syntax.Module tree, Scope scope, Dictionary<Node, Scope> scopes, string fileName, TextWriter stdout, TextWriter stderr, out nint globalsDict)
    {
        interp.AddScopes(scopes);
        PyObject* globals = PyDict.New(interp.St);
        globalsDict = (nint)globals;
        PyObject* name = interp.Str("__main__");
        PyDict.SetItem(globals, interp.Intern("__name__"), name);
        Refcount.Decref(name);
        if (!fileName.StartsWith('<'))
        {
            // A program run from a file knows its path (tracemalloc.Filter(True, __file__) relies on it).
            PyObject* file = interp.Str(fileName);
            PyDict.SetItem(globals, interp.Intern("__file__"), file);
            Refcount.Decref(file);
        }
        var frame = new ExecFrame(scope, globals, globals, null, null, "<module>", "") { File = fileName };
        interp.SetupAnnotations(tree.Body, globals);
        interp.Current = frame;
        try
        {
            if (interp.Engine == EngineKind.Tree || Interpreter.MentionsFrameIntrospection(tree.Body))
            {
                interp.ExecBlock(tree.Body, frame);
                return 0;
            }
            var code = Compiler.BytecodeCompiler.CompileModule(interp, tree.Body, scope, fileName);
            interp.RequirePure(code);
            interp.Vm.Register(code);
            Refcount.Decref(interp.Vm.RunModule(code, frame));
            return 0;
        }
        catch (PythonException e)
        {
            e.AddFrame(fileName, frame.Line, "<module>");
            return ReportUncaught(interp, e, stdout, stderr);
        }
        catch (Exception e)
        {
            PythonException p = interp.Translate(e);
            p.AddFrame(fileName, frame.Line, "<module>");
            return ReportUncaught(interp, p, stdout, stderr);
        }
    }

    private static int ReportUncaught(Interpreter interp, PythonException e, TextWriter stdout, TextWriter stderr)
    {
        // The program ends here: the report may use the room kept for it.
        interp.ReleaseReportingReserve();
        interp.SetImplicitContext(e);
        PyObject* exc = e.Object;
        stdout.Flush();
        string typeName = Interpreter.TypeName(exc);
        if (typeName == "SystemExit")
        {
            int code = SystemExitCode(interp, exc, stderr);
            Refcount.Decref(e.Steal());
            return code;
        }
        string report = interp.FormatUncaught(e);
        Refcount.Decref(e.Steal());
        stderr.Write(report);
        // CPython re-raises SIGINT on itself after the traceback: the shell sees 128 + 2.
        return typeName == "KeyboardInterrupt" ? 130 : 1;
    }

    /// <summary>
    /// The exit status a SystemExit asks for, as CPython computes it: no argument or None is 0,
    /// an int is itself (one too large for a C long is reported, -1), anything else is printed
    /// to stderr and gives 1.
    /// </summary>
    internal static int SystemExitCode(Interpreter interp, PyObject* exc, TextWriter stderr)
    {
        PyObject* args = interp.ExceptionArgs(exc);
        if (args == null || PyTuple.Size(args) == 0)
        {
            return 0;
        }
        PyObject* a0 = PyTuple.Items(args)[0];
        if (interp.IsInt(a0))
        {
            // CPython reads the code as a C long, then exit() keeps its low byte.
            if (PyLong.TryGetInt64(a0, out long value))
            {
                return (int)value;
            }
            stderr.WriteLine("OverflowError: Python int too large to convert to C long");
            return -1;
        }
        if (a0 != interp.St->none)
        {
            stderr.WriteLine(interp.StrOf(a0));
            return 1;
        }
        return 0;
    }
}
