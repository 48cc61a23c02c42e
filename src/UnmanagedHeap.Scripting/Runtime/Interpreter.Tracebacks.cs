using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>__traceback__</c>: a chain of <c>traceback</c> objects (outermost first, as CPython's
/// tb_next runs from the frame that caught towards the raise point), each naming a frame
/// stand-in with <c>f_lineno</c> and <c>f_code.co_filename</c> / <c>co_name</c>. They are
/// instances of built-in classes, so the collector sees the exception → traceback links.
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

    private PyObject* NewTraceback(string file, int line, string function, PyObject* next)
    {
        PyObject* code = PyInstance.New(_codeStandInType);
        SetStrAttr(code, "co_filename", file);
        SetStrAttr(code, "co_name", function);
        PyObject* frame = PyInstance.New(_frameType);
        PyInstance.SetAttr(frame, Intern("f_code"), code);
        Refcount.Decref(code);
        SetIntAttr(frame, "f_lineno", line);
        PyObject* tb = PyInstance.New(_tracebackType);
        PyInstance.SetAttr(tb, Intern("tb_frame"), frame);
        Refcount.Decref(frame);
        PyInstance.SetAttr(tb, Intern("tb_next"), next);
        SetIntAttr(tb, "tb_lineno", line);
        return tb;
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
            PyObject* frame = PyInstance.GetAttr(tb, Intern("tb_frame"));
            PyObject* code = frame == null ? null : PyInstance.GetAttr(frame, Intern("f_code"));
            PyObject* file = code == null ? null : PyInstance.GetAttr(code, Intern("co_filename"));
            PyObject* name = code == null ? null : PyInstance.GetAttr(code, Intern("co_name"));
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
