using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// A Python exception travelling through the C# stack. It owns one reference to the
/// exception instance (a heap object); the traceback entries are collected as frames unwind.
/// </summary>
public sealed unsafe class PythonException : Exception
{
    public PythonException(PyObject* value) : base("Python exception")
    {
        Value = (nint)value;
    }

    /// <summary>The exception instance (owned reference, released by whoever handles it).</summary>
    public nint Value { get; private set; }

    public PyObject* Object => (PyObject*)Value;

    /// <summary>
    /// Traceback entries recorded since the exception was raised or last caught, innermost
    /// first: file, line, function name. A handler moves them into the instance's
    /// <c>__traceback__</c> (see Interpreter.Tracebacks.cs), which holds the older part.
    /// </summary>
    public List<(string File, int Line, string Function)> Trace { get; } = [];

    /// <summary>Whether <c>__context__</c> was already decided for this raise (a bare <c>raise</c> keeps the old one).</summary>
    public bool ContextSet { get; set; }

    /// <summary>
    /// A bare <c>raise</c> re-raises from a frame whose entry the traceback already has: the
    /// next frame entry offered (that frame's) is dropped, as CPython's RERAISE adds none.
    /// </summary>
    public bool SkipFrame { get; set; }

    /// <summary>The "Did you mean" text a NameError computed where it was raised (the frame is gone when it is printed).</summary>
    public string? Suggestion { get; set; }

    /// <summary>Records that the exception passed through a frame, honouring <see cref="SkipFrame"/>.</summary>
    public void AddFrame(string file, int line, string function)
    {
        if (SkipFrame)
        {
            SkipFrame = false;
            return;
        }
        Trace.Add((file, line, function));
    }

    /// <summary>Hands the instance reference to the caller.</summary>
    public PyObject* Steal()
    {
        var op = (PyObject*)Value;
        Value = 0;
        return op;
    }
}

/// <summary>Control flow of a statement: how execution leaves it.</summary>
public enum Flow
{
    Normal,
    Break,
    Continue,
    Return,
}
