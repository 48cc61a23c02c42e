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

    /// <summary>Traceback entries, innermost first: file, line, function name.</summary>
    public List<(string File, int Line, string Function)> Trace { get; } = [];

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
