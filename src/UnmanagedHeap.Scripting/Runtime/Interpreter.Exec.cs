using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>eval</c>, <c>exec</c>, <c>compile</c>, <c>globals</c> and <c>locals</c>. Source text
/// goes through the same parser and scope analysis as a script and runs on this
/// interpreter, so it can do nothing a script could not (the sandbox is the interpreter).
/// Without namespaces it runs in the caller's: its globals, and its locals as a dict
/// (a snapshot in a function, as CPython 3.12's frame.f_locals is).
/// </summary>
public sealed unsafe partial class Interpreter
{
    private static readonly HashSet<string> FrameIntrospectionNames = ["eval", "exec", "globals", "locals", "vars"];

    private void RegisterExec()
    {
        Global("eval", (_, a, kw) => RunString(a, kw, "eval"));
        Global("exec", (_, a, kw) => RunString(a, kw, "exec"));
        Global("globals", (_, a, _) =>
        {
            Arity("globals", a, 0, 0);
            return NewRef(CallerFrame().Globals);
        });
        Global("locals", (_, a, _) =>
        {
            Arity("locals", a, 0, 0);
            return LocalsOf(CallerFrame());
        });
        Global("compile", (_, a, kw) =>
        {
            Arity("compile", a, 3, 6);
            PyObject* source = A(a, 0);
            string file = AsStr(A(a, 1), "filename");
            string mode = AsStr(A(a, 2), "mode");
            if (mode is not ("exec" or "eval" or "single"))
            {
                throw ValueErr("compile() mode must be 'exec', 'eval' or 'single'");
            }
            string text = SourceText(source, "compile");
            // Compile now so a syntax error is raised by compile(), as in CPython.
            ParseFor(text, file, mode == "eval" ? "eval" : "exec");
            PyObject* code = PyInstance.New(_codeStandInType);
            SetStrAttr(code, "co_filename", file);
            SetStrAttr(code, "co_name", "<module>");
            SetStrAttr(code, "_source", text);
            SetStrAttr(code, "_mode", mode);
            return code;
        });
    }

    /// <summary>The tree-walker frame a built-in was called from (code that calls these runs there, see <see cref="MentionsFrameIntrospection"/>).</summary>
    private ExecFrame CallerFrame() => Current ?? throw Error(SystemError, "no current frame");

    /// <summary>locals(): the namespace dict of module and class code; for a function, its variables copied into the frame's one locals dict.</summary>
    private PyObject* LocalsOf(ExecFrame f)
    {
        if (f.Locals != null)
        {
            return NewRef(f.Locals);
        }
        if (f.LocalsDict == 0)
        {
            f.LocalsDict = (nint)PyDict.New(St);
        }
        var d = (PyObject*)f.LocalsDict;
        foreach (var (name, slot) in f.Scope.Slots.OrderBy(p => p.Value))
        {
            if (slot >= f.Fast.Length || f.Fast[slot] == 0)
            {
                continue;
            }
            var v = (PyObject*)f.Fast[slot];
            if (v->ob_type == T.Cell)
            {
                v = ((Types.PyCellObject*)v)->ob_ref;
                if (v == null)
                {
                    continue;
                }
            }
            PyDict.SetItem(d, Intern(name), v);
        }
        return NewRef(d);
    }

    /// <summary>Whether code mentions a built-in that reads its caller's frame: such code runs on the tree-walker.</summary>
    internal static bool MentionsFrameIntrospection(IEnumerable<Stmt> body)
    {
        var finder = new IntrospectionFinder();
        finder.Walk(body);
        return finder.Found;
    }

    internal static bool MentionsFrameIntrospection(Expr body)
    {
        var finder = new IntrospectionFinder();
        finder.Walk(body);
        return finder.Found;
    }

    private sealed class IntrospectionFinder : SyntaxWalker
    {
        public bool Found { get; private set; }

        public override bool VisitName(NameExpr node)
        {
            Found |= FrameIntrospectionNames.Contains(node.Id);
            return true;
        }
    }

    private string SourceText(PyObject* source, string function)
    {
        if (IsStr(source))
        {
            return PyUnicode.AsString(source);
        }
        throw TypeErr($"{function}() arg 1 must be a string, bytes or code object");
    }

    /// <summary>Parses source for eval (one expression, leading blanks ignored) or exec; a syntax error becomes SyntaxError.</summary>
    private Module ParseFor(string text, string file, string mode)
    {
        if (mode == "eval")
        {
            text = text.TrimStart(' ', '\t');
        }
        Module tree;
        try
        {
            tree = Parser.ParseModule(text, file);
        }
        catch (PythonSyntaxError e)
        {
            throw SyntaxErrorFrom(e);
        }
        if (mode == "eval" && (tree.Body.Length != 1 || tree.Body[0] is not ExprStmt))
        {
            int line = tree.Body.Length > 0 ? tree.Body[0].Line : 1;
            throw SyntaxErrorFrom(new PythonSyntaxError(SyntaxErrorKind.SyntaxError, "invalid syntax", file, line, 1, line, 1, null));
        }
        return tree;
    }

    /// <summary>A Python SyntaxError (or IndentationError, TabError) with CPython's msg, filename, lineno, offset and text.</summary>
    private PythonException SyntaxErrorFrom(PythonSyntaxError e)
    {
        PyObject* type = PyDict.GetItem(Builtins, Intern(e.TypeName));
        PyTypeObject* t = type != null && IsType(type) ? (PyTypeObject*)type : SyntaxError;
        PythonException error = Error(t, $"{e.Message} ({e.FileName}, line {e.Line})");
        SetStrAttr(error.Object, "msg", e.Message);
        SetStrAttr(error.Object, "filename", e.FileName);
        SetIntAttr(error.Object, "lineno", e.Line);
        SetIntAttr(error.Object, "offset", e.Column);
        if (e.SourceLine != null)
        {
            SetStrAttr(error.Object, "text", e.SourceLine + "\n");
        }
        else
        {
            PyInstance.SetAttr(error.Object, Intern("text"), St->none);
        }
        return error;
    }

    /// <summary>eval(source, globals=None, locals=None) and exec(source, globals=None, locals=None).</summary>
    private PyObject* RunString(nint[] a, KwArgs? kw, string function)
    {
        PyObject* source = a.Length > 0 ? A(a, 0) : KwValue(kw, "source");
        PyObject* globals = a.Length > 1 ? A(a, 1) : KwValue(kw, "globals");
        PyObject* locals = a.Length > 2 ? A(a, 2) : KwValue(kw, "locals");
        if (source == null || a.Length > 3)
        {
            throw TypeErr($"{function} expected at most 3 arguments, got {a.Length}");
        }
        if (globals == St->none)
        {
            globals = null;
        }
        if (locals == St->none)
        {
            locals = null;
        }
        if (globals != null && !IsDict(globals))
        {
            throw TypeErr(function == "exec" ? $"exec() globals must be a dict, not {TypeName(globals)}" : "globals must be a dict");
        }
        if (locals != null && !IsDict(locals))
        {
            throw TypeErr("locals must be a mapping");
        }
        string mode = function;
        string file = "<string>";
        string text;
        if (source->ob_type == _codeStandInType)
        {
            PyObject* s = PyInstance.GetAttr(source, Intern("_source"));
            PyObject* m = PyInstance.GetAttr(source, Intern("_mode"));
            PyObject* fn = PyInstance.GetAttr(source, Intern("co_filename"));
            if (s == null || m == null || fn == null)
            {
                throw TypeErr($"{function}() arg 1 must be a string, bytes or code object");
            }
            text = PyUnicode.AsString(s);
            mode = PyUnicode.AsString(m) == "eval" ? "eval" : "exec";
            file = PyUnicode.AsString(fn);
        }
        else
        {
            text = SourceText(source, function);
        }

        // The namespaces: given ones, else the caller's (held for the run: the code may rebind them away).
        PyObject* g;
        PyObject* l;
        if (globals == null)
        {
            ExecFrame caller = CallerFrame();
            g = NewRef(caller.Globals);
            l = locals != null ? NewRef(locals) : LocalsOf(caller);
        }
        else
        {
            g = NewRef(globals);
            l = NewRef(locals != null ? locals : globals);
        }
        try
        {
            if (PyDict.GetItem(g, Intern("__builtins__")) == null)
            {
                PyDict.SetItem(g, Intern("__builtins__"), Builtins);
            }
            Module tree = ParseFor(text, file, mode);
            var (scope, scopes) = ScopeAnalyzer.Analyze(tree, l == g ? ScopeKind.Module : ScopeKind.Class);
            AddScopes(scopes);
            var frame = new ExecFrame(scope, g, l, null, null, "<module>", "") { File = file, Back = Current };
            return RunIn(frame, tree, mode, file);
        }
        finally
        {
            Refcount.Decref(l);
            Refcount.Decref(g);
        }
    }

    private PyObject* RunIn(ExecFrame frame, Module tree, string mode, string file)
    {
        string scriptFile = FileName;
        ExecFrame? previous = Current;
        FileName = file;
        Current = frame;
        try
        {
            if (mode == "eval")
            {
                frame.Line = tree.Body[0].Line;
                return Eval(((ExprStmt)tree.Body[0]).Value, frame);
            }
            ExecBlock(tree.Body, frame);
            return None;
        }
        catch (PythonException e) when (AddTrace(e, file, frame.Line, "<module>"))
        {
            throw;
        }
        finally
        {
            FileName = scriptFile;
            Current = previous;
        }
    }

    private static PyObject* KwValue(KwArgs? kw, string name)
    {
        if (kw == null)
        {
            return null;
        }
        foreach (var (k, v) in kw)
        {
            if (k == name)
            {
                return (PyObject*)v;
            }
        }
        return null;
    }
}
