using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime.Repl;

/// <summary>
/// The read-eval-print loop over one interpreter and one <c>__main__</c> namespace: reads a
/// statement line by line (<see cref="InputCompleteness"/> says when it is whole), runs it with
/// its expression statements echoed (<see cref="EchoMarker"/>), reports an uncaught exception
/// with the runner's traceback and goes on; SystemExit (<c>exit()</c>) ends the session with
/// its code. A line starting with <c>%</c> is a <see cref="MagicCommands"/> command.
/// </summary>
internal sealed unsafe class ReplSession
{
    private const string FileName = "<stdin>";
    private const string Prompt = ">>> ";
    private const string MorePrompt = "... ";

    private readonly Interpreter _interp;
    private readonly PyObject* _globals;
    private readonly ILineSource _lines;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly InterruptFlag? _interrupt;
    private readonly MagicCommands _magic;
    private int? _exitCode;

    public ReplSession(Interpreter interp, PyObject* globals, ILineSource lines, TextWriter stdout, TextWriter stderr, RunOptions options)
    {
        _interp = interp;
        _globals = globals;
        _lines = lines;
        _stdout = stdout;
        _stderr = stderr;
        _interrupt = options.Interrupt;
        _magic = new MagicCommands(interp, globals, stdout, options.CensusReport);
    }

    /// <summary>Runs until the input ends or SystemExit; returns the exit code.</summary>
    public int Run()
    {
        if (_lines.Interactive)
        {
            // On stderr, as CPython writes its banner: stdout stays the values alone.
            _stderr.WriteLine("pyheap repl: Python 3.12 on a native heap, every object a block of unmanaged memory.");
            _stderr.WriteLine("Type \"help\", \"exit()\" or \"%help\" for more information.");
            _stderr.Flush();
        }
        while (_exitCode == null)
        {
            var (kind, source) = ReadStatement();
            if (kind == InputKind.EndOfInput)
            {
                break;
            }
            if (kind == InputKind.Interrupted)
            {
                _stdout.Flush();
                _stderr.WriteLine("KeyboardInterrupt");
                continue;
            }
            if (source.Trim().Length == 0)
            {
                continue;
            }
            Guarded(() =>
            {
                if (MagicCommands.IsCommand(source))
                {
                    _magic.Run(source);
                }
                else
                {
                    Execute(source);
                }
            });
            _interp.Heap.RunPendingCollection();
            _stdout.Flush();
            _stderr.Flush();
        }
        return _exitCode ?? 0;
    }

    /// <summary>
    /// One statement, line by line: <c>"... "</c> while it is incomplete. The end of the input
    /// after some lines runs what was typed (a file's last block needs no blank line); a
    /// Ctrl-C drops it.
    /// </summary>
    private (InputKind Kind, string Source) ReadStatement()
    {
        var lines = new List<string>();
        while (true)
        {
            _stdout.Flush();
            _stderr.Flush();
            // A Ctrl-C that came just after a statement finished has nothing left to stop.
            _interrupt?.Take();
            InputLine read = _lines.Read(lines.Count == 0 ? Prompt : MorePrompt);
            switch (read.Kind)
            {
                case InputKind.EndOfInput:
                    return lines.Count == 0 ? (InputKind.EndOfInput, "") : (InputKind.Line, Join(lines));
                case InputKind.Interrupted:
                    return (InputKind.Interrupted, "");
            }
            if (read.AfterInterrupt)
            {
                lines.Clear(); // the prompt said KeyboardInterrupt already; this line starts afresh
            }
            lines.Add(read.Text);
            if (lines.Count == 1 && MagicCommands.IsCommand(read.Text))
            {
                return (InputKind.Line, read.Text);
            }
            if (InputCompleteness.Check(lines) == Completeness.Complete)
            {
                return (InputKind.Line, Join(lines));
            }
        }
    }

    private static string Join(List<string> lines) => string.Join("\n", lines) + "\n";

    /// <summary>
    /// Parses <paramref name="source"/> as interactive input and gives a <c>__main__</c> frame
    /// to run it in, made the interpreter's current frame.
    /// </summary>
    internal static (Syntax.Module Tree, ExecFrame Frame) Prepare(Interpreter interp, PyObject* globals, string source)
    {
        Syntax.Module tree = Parser.ParseModule(source, FileName);
        var (scope, scopes) = ScopeAnalyzer.Analyze(tree);
        interp.AddScopes(scopes);
        var frame = new ExecFrame(scope, globals, globals, null, null, "<module>", "") { File = FileName };
        interp.Current = frame;
        return (tree, frame);
    }

    private void Execute(string source)
    {
        var (tree, frame) = Prepare(_interp, _globals, source);
        EchoMarker.Mark(tree);
        if (_interp.Engine == EngineKind.Tree)
        {
            _interp.ExecBlock(tree.Body, frame);
            return;
        }
        var code = Compiler.BytecodeCompiler.CompileModule(_interp, tree.Body, frame.Scope, FileName);
        _interp.RequirePure(code);
        _interp.Vm.Register(code);
        Refcount.Decref(_interp.Vm.RunModule(code, frame));
    }

    /// <summary>Runs <paramref name="work"/>, reporting what it raises, as the prompt does, and going on.</summary>
    private void Guarded(Action work)
    {
        try
        {
            work();
        }
        catch (PythonSyntaxError e)
        {
            _stdout.Flush();
            _stderr.Write(e.FormatForDisplay());
        }
        catch (CompileRecursionException e)
        {
            _stderr.WriteLine($"RecursionError: {e.Message}");
        }
        catch (NonlocalNotFoundException e)
        {
            _stderr.WriteLine($"  File \"{FileName}\"");
            _stderr.WriteLine($"SyntaxError: {e.Message}");
        }
        catch (MagicUsageException e)
        {
            _stdout.Flush();
            _stderr.WriteLine($"pyheap repl: {e.Message}");
        }
        catch (Exception raw)
        {
            ReportUncaught(raw);
        }
    }

    private void ReportUncaught(Exception raw)
    {
        PythonException e = _interp.Translate(raw);
        // An error before the first statement ran (the strict engine refusing the code) is at line 1.
        e.AddFrame(FileName, Math.Max(1, _interp.Current?.Line ?? 1), "<module>");
        _interp.ReleaseReportingReserve();
        // Borrowed while the report reads it (the chain, the notes); dropped at the end.
        PyObject* exc = e.Object;
        try
        {
            _stdout.Flush();
            if (exc == null)
            {
                return;
            }
            if (Interpreter.TypeName(exc) == "SystemExit")
            {
                _exitCode = ScriptRunner.SystemExitCode(_interp, exc, _stderr);
                return;
            }
            _interp.SetImplicitContext(e);
            _stderr.Write(_interp.FormatUncaught(e));
        }
        finally
        {
            PyObject* owned = e.Steal();
            if (owned != null)
            {
                Refcount.Decref(owned);
            }
            _interp.RestoreReportingReserve();
        }
    }
}
