namespace PyHeap.Fuzz;

/// <summary>How one mutant run ended.</summary>
public enum OutcomeKind
{
    /// <summary>Exit code 0.</summary>
    Normal,
    /// <summary>A non-zero exit with a Python error (or <c>sys.exit(n)</c>): the expected end of most mutants.</summary>
    PythonError,
    /// <summary>Still running when the time limit passed; the process was killed.</summary>
    Timeout,
    /// <summary>
    /// The interpreter leaked its own failure: <c>pyheap: internal error</c>, or a
    /// <c>SystemError</c> naming a .NET exception. No script may reach either.
    /// </summary>
    InternalError,
    /// <summary>The process died: a .NET unhandled exception or fatal error, a signal, exit 134/139.</summary>
    Crash,
}

/// <summary>The class of a run, and the line that best names its cause.</summary>
public sealed record Outcome(OutcomeKind Kind, int ExitCode, string Signature, string Stderr)
{
    public bool IsFinding => Kind is OutcomeKind.Crash or OutcomeKind.InternalError;
}
