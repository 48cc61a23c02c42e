using System.Text.RegularExpressions;

namespace PyHeap.Fuzz;

/// <summary>
/// Classifies a finished run by its exit code and stderr (<see cref="OutcomeKind"/>). The
/// signature is the line that names the cause, with addresses and numbers blurred, so that
/// findings group by bug rather than by input.
/// </summary>
public static partial class Classifier
{
    public static Outcome Classify(int exitCode, string stderr, bool timedOut)
    {
        if (timedOut)
        {
            return new Outcome(OutcomeKind.Timeout, exitCode, "timeout", stderr);
        }
        if (CrashLine(stderr) is string crash)
        {
            return new Outcome(OutcomeKind.Crash, exitCode, Blur(crash), stderr);
        }
        // 134 is SIGABRT (a .NET fatal error ends so), 139 SIGSEGV; any other 128+n is a signal
        // too, except 130, which pyheap returns after a KeyboardInterrupt as CPython does.
        if (exitCode is 134 or 139 || exitCode > 128 && exitCode != 130 || exitCode < 0)
        {
            return new Outcome(OutcomeKind.Crash, exitCode, $"exit code {exitCode}", stderr);
        }
        if (InternalLine(stderr) is string internalError)
        {
            return new Outcome(OutcomeKind.InternalError, exitCode, Blur(internalError), stderr);
        }
        if (exitCode == 0)
        {
            return new Outcome(OutcomeKind.Normal, 0, "", stderr);
        }
        return new Outcome(OutcomeKind.PythonError, exitCode, PythonErrorName(stderr), stderr);
    }

    private static string? CrashLine(string stderr)
    {
        foreach (string line in stderr.Split('\n'))
        {
            if (CrashPattern().IsMatch(line))
            {
                return line.Trim();
            }
        }
        Match frame = DotNetFramePattern().Match(stderr);
        return frame.Success ? "(.NET stack trace) " + frame.Value.Trim() : null;
    }

    private static string? InternalLine(string stderr)
    {
        foreach (string line in stderr.Split('\n'))
        {
            if (line.Contains("pyheap: internal error", StringComparison.Ordinal) || SystemErrorPattern().IsMatch(line))
            {
                return line.Trim();
            }
        }
        return null;
    }

    /// <summary>The exception type of the last stderr line (a traceback's last line), or the line.</summary>
    private static string PythonErrorName(string stderr)
    {
        string last = stderr.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
        Match m = ExceptionNamePattern().Match(last);
        return m.Success ? m.Groups[1].Value : last.Length > 80 ? last[..80] : last;
    }

    /// <summary>Addresses, numbers and quoted text replaced, so one bug gives one signature.</summary>
    public static string Blur(string line)
    {
        string s = QuotedPattern().Replace(line, "'…'");
        s = NumberPattern().Replace(s, "N");
        return s.Length > 160 ? s[..160] : s;
    }

    [GeneratedRegex(@"Unhandled exception|Fatal error|AccessViolation|Stack overflow|SIGSEGV|Segmentation fault|core dumped|Aborted|Process terminated|\bat System\.Environment\.FailFast")]
    private static partial Regex CrashPattern();

    // A .NET stack frame: "   at Namespace.Type.Method(" — Python tracebacks never look so.
    [GeneratedRegex(@"(?m)^\s+at [A-Za-z_][\w.`<>+]*\.[\w<>`|]+(\[[^\]]*\])?\(")]
    private static partial Regex DotNetFramePattern();

    // CPython's own SystemErrors never name a .NET exception type.
    [GeneratedRegex(@"SystemError: ([A-Za-z_][\w.]*)?Exception\b")]
    private static partial Regex SystemErrorPattern();

    [GeneratedRegex(@"^([A-Za-z_][\w.]*)(:|$)")]
    private static partial Regex ExceptionNamePattern();

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"0x[0-9a-fA-F]+|\d+")]
    private static partial Regex NumberPattern();
}
