using System.Text;
using UnmanagedHeap.Scripting.Runtime;

namespace PyHeap.Exercises;

/// <summary>
/// <c>pyheap exercise check N FILE</c>: runs the learner's program on a fresh heap (with the
/// exercise's run options and a time limit), lets the exercise's check look at the heap
/// before teardown, and prints the program's output and then the verdict in plain words.
/// Exit 0 when the program passes, 1 when it does not (or crashed, looped or raised).
/// </summary>
public static class ExerciseCheck
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    public static int Run(Exercise exercise, string path, TimeSpan timeLimit, CommandIo io)
    {
        string source;
        try
        {
            source = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new UsageException($"can't open file '{path}': {reason}");
        }
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        IReadOnlyList<string>? problems = null;
        bool timedOut = false;
        var options = new RunOptions
        {
            DebugAlloc = exercise.DebugHooks,
            TimeLimit = timeLimit,
            Argv = [path],
            AtExit = exit =>
            {
                timedOut = exit.TimedOut;
                if (exit.ExitCode == 0)
                {
                    problems = exercise.Check(new CheckContext(exit, stdout.ToString(), stderr.ToString()));
                }
            },
        };
        int code = ScriptRunner.RunSource(source, path, options, stdout, stderr);

        io.Out.WriteLine($"Exercise {exercise.Number}: {exercise.Title}");
        io.Out.WriteLine($"Ran {path}{(exercise.DebugHooks ? " with the debug hooks on (--debug-alloc)" : "")}.");
        Echo(io.Out, stdout.ToString() + stderr.ToString());
        List<string> verdict = Verdict(exercise, code, timedOut, timeLimit, problems, stderr.ToString());
        if (verdict.Count == 0)
        {
            io.Out.WriteLine($"PASS: exercise {exercise.Number} is solved.");
            return ExitCodes.Ok;
        }
        io.Out.WriteLine($"NOT YET: exercise {exercise.Number} still fails:");
        foreach (string problem in verdict)
        {
            io.Out.WriteLine($"  - {problem}.");
        }
        io.Out.WriteLine($"(pyheap exercise hint {exercise.Number} gives a hint.)");
        return ExitCodes.Failure;
    }

    private static List<string> Verdict(Exercise exercise, int code, bool timedOut, TimeSpan timeLimit, IReadOnlyList<string>? problems, string stderr)
    {
        if (timedOut)
        {
            return [$"your program was stopped after {timeLimit.TotalSeconds:0.#} s: it ran too long (an endless loop?)"];
        }
        if (code != 0)
        {
            if (ExerciseCatalog.ExplainError(exercise, stderr) is string explained)
            {
                return [explained];
            }
            string last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit code {code}";
            return problems == null && !stderr.Contains("Traceback", StringComparison.Ordinal)
                ? [$"Python could not run your program: {last.Trim()}"]
                : [$"your program stopped with an uncaught exception: {last.Trim()} (its traceback is above)"];
        }
        return problems == null ? ["your program ended before the check could look at its heap"] : [.. problems];
    }

    /// <summary>The program's output, indented under a heading so the verdict stands apart.</summary>
    private static void Echo(TextWriter output, string text)
    {
        if (text.Length == 0)
        {
            output.WriteLine("It printed nothing.");
            return;
        }
        output.WriteLine("It printed:");
        foreach (string line in text.TrimEnd('\n').Split('\n'))
        {
            output.WriteLine($"  | {line}");
        }
    }
}
