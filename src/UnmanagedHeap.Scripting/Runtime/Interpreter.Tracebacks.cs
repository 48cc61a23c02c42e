using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>__traceback__</c>: a chain of <c>traceback</c> objects (outermost first, as CPython's
/// tb_next runs from the frame that caught towards the raise point), each naming a frame
/// stand-in with <c>f_lineno</c> and <c>f_code.co_filename</c> / <c>co_name</c>. They are
/// instances of built-in classes, so the collector sees the exception → traceback links.
/// The frame stand-in is made only when <c>tb_frame</c> is read.
/// While an exception travels through C# frames its new entries collect in
/// <see cref="PythonException.Trace"/>; a handler moves them here.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyTypeObject* _tracebackType;
    private PyTypeObject* _frameType;
    private PyTypeObject* _codeStandInType;

    private void CreateTracebackTypes()
    {
        _tracebackType = NewClass("traceback", St->type_object, null, builtin: true);
        _frameType = NewClass("frame", St->type_object, null, builtin: true);
        _codeStandInType = NewClass("code", St->type_object, null, builtin: true);
    }

    internal bool IsTraceback(PyObject* o) => o->ob_type == _tracebackType;

    /// <summary>Prepends the entries <paramref name="e"/> collected to its instance's <c>__traceback__</c> and forgets them.</summary>
    internal void MaterializeTraceback(PythonException e)
    {
        PyObject* exc = e.Object;
        if (exc == null || e.Trace.Count == 0 || exc == PreallocatedMemoryError || !IsInstanceLayout(exc->ob_type))
        {
            e.Trace.Clear();
            return;
        }
        PyObject* tb = ExceptionLink(exc, "__traceback__");
        tb = tb != null && IsTraceback(tb) ? NewRef(tb) : NewRef(St->none);
        foreach (var (file, line, function) in e.Trace)
        {
            PyObject* next = tb;
            tb = NewTraceback(file, line, function, next);
            Refcount.Decref(next);
        }
        e.Trace.Clear();
        PyInstance.SetAttr(exc, Intern("__traceback__"), tb);
        Refcount.Decref(tb);
    }

    /// <summary>
    /// One traceback object: tb_next, tb_lineno and the frame's file and function name
    /// (interned, so an entry costs one object). tb_frame is made when it is read.
    /// </summary>
    private PyObject* NewTraceback(string file, int line, string function, PyObject* next)
    {
        PyObject* tb = PyInstance.New(_tracebackType);
        PyInstance.SetAttr(tb, Intern("tb_next"), next);
        SetIntAttr(tb, "tb_lineno", line);
        PyInstance.SetAttr(tb, Intern("_filename"), Heap.Interned.Intern(file));
        PyInstance.SetAttr(tb, Intern("_name"), Heap.Interned.Intern(function));
        return tb;
    }

    /// <summary><c>tb.tb_frame</c>: a frame stand-in with f_lineno and f_code (co_filename, co_name), or null if <paramref name="tb"/> is not a traceback.</summary>
    private PyObject* TracebackFrame(PyObject* tb)
    {
        PyObject* file = PyInstance.GetAttr(tb, Intern("_filename"));
        PyObject* name = PyInstance.GetAttr(tb, Intern("_name"));
        PyObject* line = PyInstance.GetAttr(tb, Intern("tb_lineno"));
        PyObject* code = PyInstance.New(_codeStandInType);
        PyInstance.SetAttr(code, Intern("co_filename"), file != null ? file : St->none);
        PyInstance.SetAttr(code, Intern("co_name"), name != null ? name : St->none);
        PyObject* frame = PyInstance.New(_frameType);
        PyInstance.SetAttr(frame, Intern("f_code"), code);
        Refcount.Decref(code);
        PyInstance.SetAttr(frame, Intern("f_lineno"), line != null ? line : St->none);
        return frame;
    }

    private void SetStrAttr(PyObject* o, string name, string value)
    {
        PyObject* s = Str(value);
        PyInstance.SetAttr(o, Intern(name), s);
        Refcount.Decref(s);
    }

    private void SetIntAttr(PyObject* o, string name, long value)
    {
        PyObject* n = Int(value);
        PyInstance.SetAttr(o, Intern(name), n);
        Refcount.Decref(n);
    }

    /// <summary>The entries of a traceback chain, outermost first (what "most recent call last" prints).</summary>
    internal List<(string File, int Line, string Function)> TracebackEntries(PyObject* tb)
    {
        var entries = new List<(string, int, string)>();
        var seen = new HashSet<nint>();
        while (tb != null && tb != St->none && IsTraceback(tb) && seen.Add((nint)tb))
        {
            PyObject* file = PyInstance.GetAttr(tb, Intern("_filename"));
            PyObject* name = PyInstance.GetAttr(tb, Intern("_name"));
            PyObject* line = PyInstance.GetAttr(tb, Intern("tb_lineno"));
            entries.Add((
                file != null && IsStr(file) ? PyUnicode.AsString(file) : "<unknown>",
                line != null && PyLong.TryGetInt64(line, out long n) ? (int)n : 0,
                name != null && IsStr(name) ? PyUnicode.AsString(name) : "<unknown>"));
            tb = PyInstance.GetAttr(tb, Intern("tb_next"));
        }
        return entries;
    }
}
