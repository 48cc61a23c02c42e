using UnmanagedHeap.Inspect;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// A finished program's heap, before teardown: what <see cref="RunOptions.AtExit"/> gets to
/// look at. Valid only during that call, on the interpreter's thread.
/// </summary>
public sealed unsafe class ProgramExit
{
    private readonly Interpreter _interp;
    private readonly PyObject* _globals;

    internal ProgramExit(Heap heap, Interpreter interp, PyObject* globals, int exitCode)
    {
        Heap = heap;
        _interp = interp;
        _globals = globals;
        ExitCode = exitCode;
    }

    public Heap Heap { get; }

    /// <summary>The program's exit code: 0, 1 for an uncaught exception, or what it passed to sys.exit.</summary>
    public int ExitCode { get; }

    /// <summary>True when the program was stopped by <see cref="RunOptions.TimeLimit"/>.</summary>
    public bool TimedOut => _interp.TimedOut;

    /// <summary>The module's globals as roots ("global 'cache' of module __main__"), for why-alive chains.</summary>
    public IReadOnlyList<Root> GlobalRoots()
    {
        var roots = new List<Root>();
        nint pos = 0;
        while (PyDict.Next(_globals, ref pos, out PyObject* key, out PyObject* value))
        {
            if (_interp.IsStr(key))
            {
                roots.Add(new Root($"global '{PyUnicode.AsString(key)}' of module __main__", (nint)value));
            }
        }
        return roots;
    }

    /// <summary>The address of global <paramref name="name"/>'s value, or 0 when it is not bound.</summary>
    public nint Global(string name)
    {
        PyObject* value = PyDict.GetItem(_globals, _interp.Intern(name));
        return (nint)value;
    }

    /// <summary>
    /// str() of global <paramref name="name"/> when it is a str, int, bool, float or None (no
    /// Python code runs); its short repr otherwise; null when it is not bound.
    /// </summary>
    public string? GlobalText(string name)
    {
        PyObject* value = PyDict.GetItem(_globals, _interp.Intern(name));
        if (value == null)
        {
            return null;
        }
        if (_interp.IsStr(value))
        {
            return PyUnicode.AsString(value);
        }
        return ShortRepr.Of(value);
    }
}
