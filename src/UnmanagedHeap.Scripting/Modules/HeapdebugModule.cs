using UnmanagedHeap.Inspect;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// heapdebug, a pyheap-only module: annotated dumps, objgraph's graph and census
    /// functions, and why_alive. A thin layer over <see cref="Heap.Inspector"/>: it converts
    /// arguments, supplies the script's roots (module globals, the locals of every running
    /// frame) and prints. Importing it starts remembering each collection's garbage, so
    /// <c>show_garbage</c> can draw the last one.
    /// </summary>
    private PyObject* CreateHeapdebugModule()
    {
        PyObject* m = NewModule("heapdebug");
        Inspector inspector = Heap.Inspector;
        inspector.RememberGarbage = true;
        ModuleFunction(m, "dump", (_, a, _) =>
        {
            Arity("dump", a, 1, 1);
            Out.Write(inspector.Dump(a[0]));
            return None;
        });
        ModuleFunction(m, "dump_address", (_, a, _) =>
        {
            Arity("dump_address", a, 1, 1);
            if (!IsInt(A(a, 0)))
            {
                throw TypeErr($"dump_address() argument must be int, not {TypeName(A(a, 0))}");
            }
            Out.Write(inspector.Dump((nint)ToLong(A(a, 0))));
            return None;
        });
        ModuleFunction(m, "refs", (_, a, _) =>
        {
            Arity("refs", a, 1, 1);
            Out.Write(inspector.RefsText(a[0]));
            return None;
        });
        ModuleFunction(m, "show_refs", (_, a, kw) => ShowGraph("show_refs", a, kw, backrefs: false));
        ModuleFunction(m, "show_backrefs", (_, a, kw) => ShowGraph("show_backrefs", a, kw, backrefs: true));
        ModuleFunction(m, "show_garbage", (_, a, kw) =>
        {
            CheckKw("show_garbage", kw, "filename");
            Arity("show_garbage", a, 0, 1);
            string filename = GraphFileName(a.Length > 0 ? A(a, 0) : Kw(kw, "filename"));
            ObjectGraph? garbage = inspector.LastGarbage;
            if (garbage == null)
            {
                Out.WriteLine("No collection has found unreachable objects since heapdebug was imported.");
                return None;
            }
            WriteGraph(garbage, filename);
            return None;
        });
        ModuleFunction(m, "find_backref_chain", (_, a, kw) =>
        {
            CheckKw("find_backref_chain", kw, "max_depth");
            Arity("find_backref_chain", a, 2, 3);
            PyObject* predicate = A(a, 1);
            PyObject* depthArg = a.Length > 2 ? A(a, 2) : Kw(kw, "max_depth");
            int maxDepth = depthArg == null ? 20 : (int)Math.Clamp(ToLong(depthArg), 0, int.MaxValue);
            IReadOnlyList<nint> chain = inspector.FindBackrefChain(a[0], o =>
            {
                PyObject* r = CallBorrowed(predicate, o);
                try
                {
                    return IsTrue(r);
                }
                finally
                {
                    Refcount.Decref(r);
                }
            }, maxDepth);
            return ListSteal(chain.Select(o => (nint)NewRef((PyObject*)o)).ToList());
        });
        ModuleFunction(m, "most_common_types", (_, a, kw) =>
        {
            int limit = LimitArgument("most_common_types", a, kw);
            return ListSteal(inspector.MostCommonTypes(limit).Select(r => (nint)PairTuple(Str(r.TypeName), Int(r.Count))).ToList());
        });
        ModuleFunction(m, "show_most_common_types", (_, a, kw) =>
        {
            int limit = LimitArgument("show_most_common_types", a, kw);
            Out.Write(TypeStatistics.FormatMostCommon(inspector.MostCommonTypes(limit)));
            return None;
        });
        ModuleFunction(m, "show_growth", (_, a, kw) =>
        {
            int limit = LimitArgument("show_growth", a, kw);
            Out.Write(TypeStatistics.FormatGrowth(inspector.Growth(limit)));
            return None;
        });
        ModuleFunction(m, "by_type", (_, a, _) =>
        {
            Arity("by_type", a, 1, 1);
            string name = AsStr(A(a, 0), "by_type() argument");
            return ListSteal(inspector.ByType(name).Select(o => (nint)NewRef((PyObject*)o)).ToList());
        });
        ModuleFunction(m, "count", (_, a, _) =>
        {
            Arity("count", a, 1, 1);
            return Int(inspector.Count(AsStr(A(a, 0), "count() argument")));
        });
        ModuleFunction(m, "why_alive", (_, a, _) =>
        {
            Arity("why_alive", a, 1, 1);
            Out.Write(inspector.WhyAliveText(a[0], ScriptRoots()));
            return None;
        });
        return m;
    }

    /// <summary>show_refs / show_backrefs(objs, filename=None, max_depth=3, too_many=10).</summary>
    private PyObject* ShowGraph(string func, nint[] a, KwArgs? kw, bool backrefs)
    {
        CheckKw(func, kw, "filename", "max_depth", "too_many");
        Arity(func, a, 1, 4);
        PyObject* objs = A(a, 0);
        string filename = GraphFileName(a.Length > 1 ? A(a, 1) : Kw(kw, "filename"));
        PyObject* depthArg = a.Length > 2 ? A(a, 2) : Kw(kw, "max_depth");
        PyObject* tooManyArg = a.Length > 3 ? A(a, 3) : Kw(kw, "too_many");
        int maxDepth = depthArg == null ? GraphBuilder.DefaultMaxDepth : (int)Math.Clamp(ToLong(depthArg), 0, 1000);
        int tooMany = tooManyArg == null ? GraphBuilder.DefaultTooMany : (int)Math.Clamp(ToLong(tooManyArg), 1, int.MaxValue);
        // objgraph takes one object or a list/tuple of them, and leaves that list out of the graph.
        var starts = new List<nint>();
        if (objs->ob_type == St->type_list || objs->ob_type == St->type_tuple)
        {
            bool list = objs->ob_type == St->type_list;
            nint n = list ? PyList.Size(objs) : PyTuple.Size(objs);
            for (nint i = 0; i < n; i++)
            {
                starts.Add((nint)(list ? PyList.Items(objs) : PyTuple.Items(objs))[i]);
            }
        }
        else
        {
            starts.Add((nint)objs);
        }
        var ignore = new HashSet<nint> { (nint)objs };
        ObjectGraph graph = backrefs
            ? Heap.Inspector.Backrefs(starts, maxDepth, tooMany, ignore)
            : Heap.Inspector.Refs(starts, maxDepth, tooMany, ignore);
        WriteGraph(graph, filename);
        return None;
    }

    private void WriteGraph(ObjectGraph graph, string filename)
    {
        GraphOutput output;
        try
        {
            output = GraphvizRenderer.Write(graph, filename);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PyTypeObject* osError = (PyTypeObject*)PyDict.GetItem(Builtins, Intern("OSError"));
            throw Error(osError, $"cannot write the graph to '{filename}': {e.Message}");
        }
        Out.WriteLine(output.Message);
    }

    /// <summary>The filename argument, or objgraph's default: a fresh .dot file in the temp directory.</summary>
    private string GraphFileName(PyObject* arg) =>
        arg == null || arg == St->none
            ? Path.Combine(Path.GetTempPath(), $"heapdebug-{Guid.NewGuid():N}.dot")
            : AsStr(arg, "filename");

    private int LimitArgument(string func, nint[] a, KwArgs? kw)
    {
        CheckKw(func, kw, "limit");
        Arity(func, a, 0, 1);
        PyObject* v = a.Length > 0 ? A(a, 0) : Kw(kw, "limit");
        return v == null || v == St->none ? 10 : (int)Math.Clamp(ToLong(v), 0, int.MaxValue);
    }

    private PyObject* PairTuple(PyObject* first, PyObject* second)
    {
        PyObject* t = Tuple([(nint)first, (nint)second]);
        Refcount.Decref(first);
        Refcount.Decref(second);
        return t;
    }

    /// <summary>
    /// A script's roots: the locals of every running frame, innermost first, the globals of
    /// their modules, and the imported modules.
    /// </summary>
    private List<Root> ScriptRoots()
    {
        var roots = new List<Root>();
        var globalsSeen = new HashSet<nint>();
        foreach (PythonFrameView f in RunningFrames())
        {
            foreach (var (name, slot) in f.Scope.Slots)
            {
                if (slot < f.Locals.Length && f.Locals[slot] != 0)
                {
                    roots.Add(new Root($"local '{name}' of {f.Function}()", f.Locals[slot]));
                }
            }
            if (f.Namespace != null)
            {
                AddNamespaceRoots(roots, f.Namespace, $"class body {f.Function}");
            }
            if (f.Globals != null && globalsSeen.Add((nint)f.Globals))
            {
                AddNamespaceRoots(roots, f.Globals, $"module {ModuleNameOf(f.Globals)}");
            }
        }
        foreach (var (name, module) in _modules)
        {
            roots.Add(new Root($"module {name} (imported)", module));
        }
        return roots;
    }

    private static void AddNamespaceRoots(List<Root> roots, PyObject* ns, string owner)
    {
        nint pos = 0;
        while (PyDict.Next(ns, ref pos, out PyObject* key, out PyObject* value))
        {
            string name = key->ob_type == key->ob_type->tp_heap->type_str ? PyUnicode.AsString(key) : ObjectRepr.Repr(key);
            roots.Add(new Root(owner.StartsWith("module", StringComparison.Ordinal) ? $"global '{name}' of {owner}" : $"'{name}' in {owner}", (nint)value));
        }
    }

    private string ModuleNameOf(PyObject* globals)
    {
        PyObject* name = PyDict.GetItem(globals, Intern("__name__"));
        return name != null && IsStr(name) ? PyUnicode.AsString(name) : "?";
    }
}
