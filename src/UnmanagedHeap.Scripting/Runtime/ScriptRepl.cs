using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>pyheap repl</c>: an interactive prompt over one heap and one <c>__main__</c> namespace.
/// A line ending in <c>:</c> opens a block that a blank line closes; an expression's value is
/// echoed with repr() unless it is None, as Python's prompt does, and kept in <c>_</c>.
/// </summary>
public static unsafe class ScriptRepl
{
    public static int Run(RunOptions options, TextReader input, TextWriter stdout, TextWriter stderr)
    {
        int exit = 0;
        Exception? startUp = null;
        var thread = new Thread(() =>
        {
            try
            {
                exit = Loop(options, input, stdout, stderr);
            }
            catch (MaxHeapTooSmallException e)
            {
                startUp = e;
            }
        }, options.StackBytes);
        thread.Start();
        thread.Join();
        return startUp != null ? throw startUp : exit;
    }

    private static int Loop(RunOptions options, TextReader input, TextWriter stdout, TextWriter stderr)
    {
        using var heap = ScriptRunner.StartHeap(options);
        byte stackTop;
        Interpreter interp = ScriptRunner.StartInterpreter(heap, options, stdout, stderr);
        interp.FileName = "<stdin>";
        interp.StackBase = (nint)(&stackTop);
        interp.StackBudget = options.StackBytes - Math.Min(options.StackBytes / 4, 32L * 1024 * 1024);
        PyObject* globals = PyDict.New(interp.St);
        PyObject* name = interp.Str("__main__");
        PyDict.SetItem(globals, interp.Intern("__name__"), name);
        Refcount.Decref(name);
        stdout.WriteLine("pyheap repl: Python on a native heap (Ctrl-D to exit)");
        try
        {
            while (true)
            {
                string? source = ReadStatement(input, stdout, options.Interrupt);
                if (source == null)
                {
                    stdout.WriteLine();
                    return 0;
                }
                if (source.Trim().Length == 0)
                {
                    continue;
                }
                RunOne(interp, globals, source, stdout, stderr);
                stdout.Flush();
            }
        }
        finally
        {
            interp.RunExitFinalizers();
            interp.ClearModuleDict(globals);
            stdout.Flush();
            interp.Detach();
        }
    }

    private static string? ReadStatement(TextReader input, TextWriter stdout, InterruptFlag? interrupt)
    {
        stdout.Write(">>> ");
        stdout.Flush();
        interrupt?.EnterPrompt(stdout);
        string? first = input.ReadLine();
        interrupt?.LeavePrompt();
        if (first == null)
        {
            return null;
        }
        if (!first.TrimEnd().EndsWith(':'))
        {
            return first + "\n";
        }
        var lines = new List<string> { first };
        while (true)
        {
            stdout.Write("... ");
            stdout.Flush();
            interrupt?.EnterPrompt(stdout);
            string? more = input.ReadLine();
            if (interrupt != null && interrupt.LeavePrompt())
            {
                // Ctrl-C at "... " dropped the block typed so far, as CPython's prompt does.
                return "\n";
            }
            if (more == null || more.Trim().Length == 0)
            {
                break;
            }
            lines.Add(more);
        }
        return string.Join("\n", lines) + "\n";
    }

    private static void RunOne(Interpreter interp, PyObject* globals, string source, TextWriter stdout, TextWriter stderr)
    {
        Syntax.Module tree;
        Scope scope;
        try
        {
            tree = Parser.ParseModule(source, "<stdin>");
            (scope, var scopes) = ScopeAnalyzer.Analyze(tree);
            interp.AddScopes(scopes);
        }
        catch (PythonSyntaxError e)
        {
            stderr.Write(e.FormatForDisplay());
            return;
        }
        catch (CompileRecursionException e)
        {
            stderr.WriteLine($"RecursionError: {e.Message}");
            return;
        }
        catch (NonlocalNotFoundException e)
        {
            stderr.WriteLine($"SyntaxError: {e.Message}");
            return;
        }
        var frame = new ExecFrame(scope, globals, globals, null, null, "<module>", "") { File = "<stdin>" };
        interp.Current = frame;
        try
        {
            if (tree.Body.Length == 1 && tree.Body[0] is ExprStmt expr)
            {
                frame.Line = expr.Line;
                PyObject* v = interp.Eval(expr.Value, frame);
                try
                {
                    if (v != interp.St->none)
                    {
                        stdout.WriteLine(interp.Repr(v));
                        PyDict.SetItem(globals, interp.Intern("_"), v);
                    }
                }
                finally
                {
                    Refcount.Decref(v);
                }
                interp.Heap.RunPendingCollection();
                return;
            }
            interp.ExecBlock(tree.Body, frame);
        }
        catch (Exception raw)
        {
            PythonException e = interp.Translate(raw);
            interp.ReleaseReportingReserve();
            e.AddFrame("<stdin>", frame.Line, "<module>");
            stdout.Flush();
            if (e.Object != null)
            {
                interp.SetImplicitContext(e);
                stderr.Write(interp.FormatUncaught(e));
                Refcount.Decref(e.Steal());
            }
            interp.RestoreReportingReserve();
        }
    }
}
