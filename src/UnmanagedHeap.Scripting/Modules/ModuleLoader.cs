using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>import</c>: finds a module in the module table, builds it once, and keeps it for later
/// imports (CPython's sys.modules). Modules written in Python are embedded resources run on
/// the heap like any program, so their classes and functions show in gc and refcounts.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private readonly Dictionary<string, nint> _modules = [];

    /// <summary>The module object for <c>import name</c> (new reference).</summary>
    public PyObject* ImportModule(string name)
    {
        if (_modules.TryGetValue(name, out nint m))
        {
            return NewRef((PyObject*)m);
        }
        if (!ModuleTable.TryGetValue(name, out ModuleEntry? entry))
        {
            PyTypeObject* notFound = (PyTypeObject*)PyDict.GetItem(Builtins, Intern("ModuleNotFoundError"));
            throw Error(notFound, $"No module named '{name}'");
        }
        PyObject* module = entry.Native != null ? entry.Native(this) : NewModule(name);
        // Registered before its Python part runs, as CPython puts a module in sys.modules
        // before executing it, so a module that imports itself back gets this same object.
        _modules[name] = (nint)module;
        if (entry.PythonSource != null)
        {
            try
            {
                RunModuleSource(module, name, EmbeddedModuleSource(entry.PythonSource));
            }
            catch
            {
                _modules.Remove(name);
                Refcount.Decref(module);
                throw;
            }
        }
        return NewRef(module);
    }

    public PyObject* NewModule(string name)
    {
        PyObject* m = ScriptTypes.New(T.Module);
        var mo = (PyModuleObject*)m;
        mo->md_dict = PyDict.New(St);
        mo->md_name = Str(name);
        PyDict.SetItem(mo->md_dict, Intern("__name__"), mo->md_name);
        ScriptTypes.Track(m);
        return m;
    }

    private void ModuleFunction(PyObject* module, string name, BuiltinFn fn)
    {
        PyObject* b = NewBuiltin(Def(name, fn), null);
        PyDict.SetItem(((PyModuleObject*)module)->md_dict, Intern(name), b);
        Refcount.Decref(b);
    }

    /// <summary>Stores <paramref name="value"/> (a new reference, stolen) as a module attribute.</summary>
    private void ModuleValue(PyObject* module, string name, PyObject* value)
    {
        PyDict.SetItem(((PyModuleObject*)module)->md_dict, Intern(name), value);
        Refcount.Decref(value);
    }

    /// <summary>The text of <c>Modules/Python/NAME.py</c>, embedded in this assembly.</summary>
    internal static string EmbeddedModuleSource(string name)
    {
        string resource = $"UnmanagedHeap.Scripting.Modules.Python.{name}.py";
        using Stream? stream = typeof(Interpreter).Assembly.GetManifestResourceStream(resource);
        if (stream == null)
        {
            throw new InvalidOperationException($"the module source {resource} is not embedded in {typeof(Interpreter).Assembly.GetName().Name}");
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Runs a module's Python source in its namespace; its classes say they come from that
    /// module. Its code says it comes from the file <c>&lt;name&gt;</c>, so tracebacks and
    /// allocation traces through it never point at lines of the user's script.
    /// </summary>
    private void RunModuleSource(PyObject* module, string name, string source)
    {
        string file = $"<{name}>";
        Syntax.Module tree = Syntax.Parser.ParseModule(source, file);
        var (scope, scopes) = ScopeAnalyzer.Analyze(tree);
        AddScopes(scopes);
        PyObject* dict = ((PyModuleObject*)module)->md_dict;
        var frame = new ExecFrame(scope, dict, dict, null, null, "<module>", "") { File = file, Back = Current };
        string scriptFile = FileName;
        ExecFrame? previous = Current;
        FileName = file;
        Current = frame;
        try
        {
            ExecBlock(tree.Body, frame);
        }
        finally
        {
            FileName = scriptFile;
            Current = previous;
        }
        nint pos = 0;
        var classes = new List<nint>();
        while (PyDict.Next(dict, ref pos, out _, out PyObject* v))
        {
            if (IsType(v) && IsInstanceLayout((PyTypeObject*)v))
            {
                classes.Add((nint)v);
            }
        }
        foreach (nint c in classes)
        {
            PyObject* moduleName = Str(name);
            PyDict.SetItem(((PyTypeObject*)c)->tp_dict, Intern("__module__"), moduleName);
            Refcount.Decref(moduleName);
        }
        InvalidateTypeCache();
    }
}
