using System.Runtime.CompilerServices;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>Keyword arguments of a call: names and owned references.</summary>
public sealed class KwArgs : List<(string Name, nint Value)>
{
}

public sealed unsafe partial class Interpreter
{
    private readonly Dictionary<Node, Scope> _scopes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, int> _codeIndex = new(ReferenceEqualityComparer.Instance);

    public void AddScopes(Dictionary<Node, Scope> scopes)
    {
        foreach (var kv in scopes)
        {
            _scopes[kv.Key] = kv.Value;
        }
    }

    public string FileName { get; set; } = "<string>";

    /// <summary>The main program's text: tracebacks show its lines even when it never was a file.</summary>
    public Syntax.SourceText? MainSource { get; set; }

    /// <summary>Line <paramref name="line"/> of <paramref name="file"/> for a traceback, "" when there is none (linecache's job).</summary>
    public string SourceLine(string file, int line) =>
        file == FileName && MainSource != null ? MainSource.GetLine(line) : SourceLines.Get(file, line);

    private PyObject* EvalCall(CallExpr call, ExecFrame f)
    {
        // obj.method(...) calls the function found on the class with obj as first argument,
        // without making a bound-method object (CPython 3.12's LOAD_ATTR method form).
        if (call.Func is AttributeExpr at)
        {
            PyObject* obj = Eval(at.Value, f);
            PyObject* callee = null;
            try
            {
                int builtin = BuiltinMethodIndex(obj, at.Attr);
                if (builtin >= 0)
                {
                    // A built-in method called at once needs no method object (CPython's LOAD_ATTR method form).
                    return CallBuiltinMethod(builtin, obj, call, f);
                }
                callee = LookupMethod(obj, at.Attr, out bool unbound);
                if (unbound && IsPlainPositional(call) && TryCallDirect(callee, obj, call, f, out PyObject* direct))
                {
                    return direct;
                }
                nint[] args = EvalArgs(call, f, unbound ? obj : null, out KwArgs? kw);
                return Call(callee, args, kw);
            }
            finally
            {
                Refcount.XDecref(callee);
                Refcount.Decref(obj);
            }
        }
        PyObject* func = Eval(call.Func, f);
        try
        {
            if (IsPlainPositional(call) && TryCallDirect(func, null, call, f, out PyObject* direct))
            {
                return direct;
            }
            nint[] args = EvalArgs(call, f, null, out KwArgs? kw);
            return Call(func, args, kw);
        }
        finally
        {
            Refcount.Decref(func);
        }
    }

    /// <summary>Evaluates call arguments into owned references; <paramref name="self"/> (borrowed) goes first when given.</summary>
    private nint[] EvalArgs(CallExpr call, ExecFrame f, PyObject* self, out KwArgs? kw)
    {
        kw = null;
        if (call.Keywords.Length == 0 && !call.Args.Any(a => a is StarredExpr))
        {
            // The common call: positional arguments only, evaluated straight into the array.
            int offset = self != null ? 1 : 0;
            var fast = new nint[call.Args.Length + offset];
            if (self != null)
            {
                fast[0] = (nint)NewRef(self);
            }
            bool ok = false;
            try
            {
                for (int i = 0; i < call.Args.Length; i++)
                {
                    fast[i + offset] = (nint)Eval(call.Args[i], f);
                }
                ok = true;
            }
            finally
            {
                if (!ok)
                {
                    ReleaseArgs(fast, null);
                }
            }
            return fast;
        }
        var list = new List<nint>(call.Args.Length + 1);
        if (self != null)
        {
            list.Add((nint)NewRef(self));
        }
        try
        {
            foreach (Expr a in call.Args)
            {
                if (a is StarredExpr st)
                {
                    PyObject* v = Eval(st.Value, f);
                    try
                    {
                        list.AddRange(CollectItems(v, unpacking: false));
                    }
                    finally
                    {
                        Refcount.Decref(v);
                    }
                }
                else
                {
                    list.Add((nint)Eval(a, f));
                }
            }
            foreach (Keyword k in call.Keywords)
            {
                kw ??= [];
                PyObject* v = Eval(k.Value, f);
                if (k.Name is not null)
                {
                    kw.Add((k.Name, (nint)v));
                    continue;
                }
                try
                {
                    if (!IsDict(v))
                    {
                        throw TypeErr($"argument after ** must be a mapping, not {TypeName(v)}");
                    }
                    nint pos = 0;
                    while (PyDict.Next(v, ref pos, out PyObject* key, out PyObject* value))
                    {
                        kw.Add((PyUnicode.AsString(key), (nint)NewRef(value)));
                    }
                }
                finally
                {
                    Refcount.Decref(v);
                }
            }
        }
        catch
        {
            ReleaseArgs(list.ToArray(), kw);
            throw;
        }
        return list.ToArray();
    }

    private static bool AddTrace(PythonException e, string file, int line, string function)
    {
        e.AddFrame(file, line, function);
        return false;
    }

    public static void ReleaseArgs(nint[] args, KwArgs? kw)
    {
        foreach (nint a in args)
        {
            Refcount.XDecref((PyObject*)a);
        }
        if (kw != null)
        {
            foreach (var (_, v) in kw)
            {
                Refcount.XDecref((PyObject*)v);
            }
        }
    }

    /// <summary>Calls <paramref name="callable"/> (borrowed); consumes the argument references; returns a new reference.</summary>
    public PyObject* Call(PyObject* callable, nint[] args, KwArgs? kw)
    {
        PyTypeObject* t = callable->ob_type;
        if (t == T.Function)
        {
            return CallFunction(callable, args, kw);
        }
        try
        {
            if (t == T.Method)
            {
                var m = (PyMethodObject*)callable;
                var full = new nint[args.Length + 1];
                full[0] = (nint)NewRef(m->im_self);
                Array.Copy(args, 0, full, 1, args.Length);
                args = [];
                KwArgs? k = kw;
                kw = null;
                return Call(m->im_func, full, k);
            }
            if (t == T.Builtin)
            {
                var b = (PyBuiltinObject*)callable;
                return _builtinTable[(int)b->m_index].Fn(b->m_self, args, kw);
            }
            if ((t->tp_flags & TypeFlags.TypeSubclass) != 0)
            {
                nint[] a = args;
                KwArgs? k = kw;
                args = [];
                kw = null;
                // A metaclass's __call__ (type_call otherwise) makes the instance.
                PyObject* metaCall = t == St->type_type ? null : LookupInType(t, "__call__");
                if (metaCall != null)
                {
                    return CallWithSelf(metaCall, callable, a, k);
                }
                return CallType((PyTypeObject*)callable, a, k);
            }
            if (t == St->type_weakref_ref)
            {
                RequireNoArgs("weakref", args, kw);
                PyObject* r = PyWeakref.Referent(callable);
                return NewRef(PyWeakref.IsAlive(callable) ? r : St->none);
            }
            if (t == T.Finalize)
            {
                return CallFinalize(callable);
            }
            PyObject* call = UserSpecial(callable, "__call__");
            if (call != null)
            {
                nint[] a = args;
                KwArgs? k = kw;
                args = [];
                kw = null;
                return CallWithSelf(call, callable, a, k);
            }
            throw TypeErr($"'{TypeName(callable)}' object is not callable");
        }
        finally
        {
            ReleaseArgs(args, kw);
        }
    }

    /// <summary>Calls a function with <paramref name="self"/> (borrowed) prepended to borrowed-then-owned args.</summary>
    public PyObject* CallWithSelf(PyObject* func, PyObject* self, nint[] args, KwArgs? kw = null)
    {
        var full = new nint[args.Length + 1];
        full[0] = (nint)NewRef(self);
        if (args.Length > 0)
        {
            Array.Copy(args, 0, full, 1, args.Length);
        }
        return Call(func, full, kw);
    }

    /// <summary>Calls with borrowed arguments (each gets a reference for the call).</summary>
    public PyObject* CallBorrowed(PyObject* func, params ReadOnlySpan<nint> args)
    {
        var owned = new nint[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            owned[i] = (nint)NewRef((PyObject*)args[i]);
        }
        return Call(func, owned, null);
    }

    private void RequireNoArgs(string name, nint[] args, KwArgs? kw)
    {
        if (args.Length != 0 || (kw != null && kw.Count != 0))
        {
            throw TypeErr($"{name}() takes no arguments ({args.Length} given)");
        }
    }

    private PyObject* CallType(PyTypeObject* type, nint[] args, KwArgs? kw)
    {
        if (_constructors.TryGetValue((nint)type, out BuiltinFn? ctor))
        {
            try
            {
                return ctor((PyObject*)type, args, kw);
            }
            finally
            {
                ReleaseArgs(args, kw);
            }
        }
        if (!IsInstanceLayout(type) && type->tp_layout == null)
        {
            ReleaseArgs(args, kw);
            throw TypeErr($"cannot create '{NameOfType(type)}' instances");
        }
        try
        {
            return ConstructInstance(type, args, kw);
        }
        finally
        {
            ReleaseArgs(args, kw);
        }
    }

    /// <summary>Runs a Python function: binds arguments into a new frame, runs the body, drops the locals.</summary>
    private PyObject* CallFunction(PyObject* func, nint[] args, KwArgs? kw)
    {
        var fn = (PyFunctionObject*)func;
        CodeInfo code = Codes[(int)fn->func_code];
        if (!HasRoomForCall())
        {
            ReleaseArgs(args, kw);
            throw Error(RecursionError, "maximum recursion depth exceeded");
        }
        ExecFrame frame = code.RentFrame(fn->func_globals, fn->func_closure, (nint)func);
        return RunFrame(func, code, frame, args, kw);
    }

    /// <summary>The recursion limit and the thread's stack both allow one more Python frame.</summary>
    private bool HasRoomForCall()
    {
        PollInterrupt();
        if (Depth + 1 >= RecursionLimit)
        {
            return false;
        }
        byte probe;
        long used = StackBase - (nint)(&probe);
        if (StackBase != 0 && used > StackBudget)
        {
            // However high the script set the recursion limit, the interpreter thread's stack is the real bound.
            return false;
        }
        // The runtime's own check reads thread state on every call; the budget's reserve is far
        // larger than the margin it guards, so with a budget it can only matter deep in the stack.
        if (StackBase == 0 || StackBudget == long.MaxValue || used > StackBudget / 2)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        return true;
    }

    /// <summary>
    /// Binds the arguments (none when <paramref name="args"/> is null: the caller evaluated them
    /// into the frame), runs the body in <paramref name="frame"/>, then releases its locals and
    /// gives it back to the code unless a generator keeps it.
    /// </summary>
    private PyObject* RunFrame(PyObject* func, CodeInfo code, ExecFrame frame, nint[]? args, KwArgs? kw)
    {
        var fn = (PyFunctionObject*)func;
        ExecFrame? previous = Current;
        Depth++;
        bool frameKept = false;
        try
        {
            if (args != null)
            {
                BindArguments(code, fn, frame, args, kw);
            }
            foreach (string cellName in code.Scope.Cells)
            {
                int slot = code.Scope.Slots[cellName];
                PyObject* cell = ScriptTypes.New(T.Cell);
                ((PyCellObject*)cell)->ob_ref = (PyObject*)frame.Fast[slot];
                ScriptTypes.Track(cell);
                frame.Fast[slot] = (nint)cell;
            }
            if (code.IsGenerator)
            {
                // The body runs later, one resumption at a time; the generator keeps the frame.
                frameKept = true;
                return BytecodeOf(code) is { } generatorCode
                    ? Vm.MakeGenerator(func, generatorCode, frame)
                    : MakeFunctionGenerator(func, code, frame);
            }
            if (BytecodeOf(code) is { } compiled)
            {
                // The loop takes over the bound slots; this frame lends them back for fallback statements.
                return Vm.RunFunction(func, compiled, frame);
            }
            frame.Back = previous;
            frame.VmBelow = _vm == null ? null : _vm.Top;
            Current = frame;
            if (code.LambdaBody is not null)
            {
                frame.Line = code.LambdaBody.Line;
                return Eval(code.LambdaBody, frame);
            }
            Flow flow = ExecBlock(code.Body!, frame);
            if (flow == Flow.Return)
            {
                var r = (PyObject*)frame.ReturnValue;
                frame.ReturnValue = 0;
                return r;
            }
            return None;
        }
        catch (PythonException e) when (AddTrace(e, code.File, frame.Line, code.Name))
        {
            // Never reached: the filter records the traceback entry and lets the exception pass,
            // so a deep unwind is one dispatch rather than a rethrow per frame.
            throw;
        }
        finally
        {
            Current = previous;
            Depth--;
            if (!frameKept)
            {
                frame.Release();
                code.ReturnFrame(frame);
            }
        }
    }

    private void BindArguments(CodeInfo code, PyFunctionObject* fn, ExecFrame frame, nint[] args, KwArgs? kw)
    {
        ParameterList ps = code.Parameters;
        Dictionary<string, int> slots = code.Scope.Slots;
        nint[] fast = frame.Fast;
        int npos = ps.Positional.Length;
        int i = 0;
        try
        {
            int[] posSlots = code.PositionalSlots;
            for (; i < args.Length && i < npos; i++)
            {
                fast[posSlots[i]] = args[i];
                args[i] = 0;
            }
            if (ps.VarArgs is not null)
            {
                var rest = new List<nint>();
                for (; i < args.Length; i++)
                {
                    rest.Add(args[i]);
                    args[i] = 0;
                }
                fast[slots[ps.VarArgs.Name]] = (nint)(rest.Count == 0 ? NewRef(St->empty_tuple) : TupleSteal(rest));
            }
            else if (args.Length > npos)
            {
                int required = code.RequiredPositional;
                string takes = required == npos ? $"{npos}" : $"from {required} to {npos}";
                string plural = npos == 1 && required == npos ? "argument" : "arguments";
                int given = args.Length;
                throw TypeErr($"{code.QualName}() takes {takes} positional {plural} but {given} {(given == 1 ? "was" : "were")} given");
            }
            PyObject* kwdict = null;
            if (ps.KwArgs is not null)
            {
                kwdict = PyDict.New(St);
                fast[slots[ps.KwArgs.Name]] = (nint)kwdict;
            }
            if (kw != null)
            {
                for (int k = 0; k < kw.Count; k++)
                {
                    var (name, value) = kw[k];
                    int index = -1;
                    for (int p = ps.PositionalOnlyCount; p < npos; p++)
                    {
                        if (ps.Positional[p].Name == name)
                        {
                            index = slots[name];
                        }
                    }
                    foreach (Parameter p in ps.KeywordOnly)
                    {
                        if (p.Name == name)
                        {
                            index = slots[name];
                        }
                    }
                    if (index < 0)
                    {
                        if (kwdict == null)
                        {
                            throw TypeErr($"{code.QualName}() got an unexpected keyword argument '{name}'");
                        }
                        PyObject* key = Str(name);
                        PyDict.SetItem(kwdict, key, (PyObject*)value);
                        Refcount.Decref(key);
                        continue;
                    }
                    if (fast[index] != 0)
                    {
                        throw TypeErr($"{code.QualName}() got multiple values for argument '{name}'");
                    }
                    fast[index] = value;
                    kw[k] = (name, 0);
                }
            }
            // Defaults fill the trailing positional parameters, then keyword-only ones.
            PyObject* defaults = fn->func_defaults;
            int ndef = defaults == null ? 0 : (int)PyTuple.Size(defaults);
            List<string>? missing = null;
            for (int p = 0; p < npos; p++)
            {
                int slot = posSlots[p];
                if (fast[slot] != 0)
                {
                    continue;
                }
                int d = p - (npos - ndef);
                if (d >= 0)
                {
                    fast[slot] = (nint)NewRef(PyTuple.Items(defaults)[d]);
                }
                else
                {
                    (missing ??= []).Add(ps.Positional[p].Name);
                }
            }
            if (missing != null)
            {
                throw TypeErr($"{code.QualName}() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {JoinNames(missing)}");
            }
            foreach (Parameter p in ps.KeywordOnly)
            {
                int slot = slots[p.Name];
                if (fast[slot] != 0)
                {
                    continue;
                }
                PyObject* dv = fn->func_kwdefaults == null ? null : PyDict.GetItem(fn->func_kwdefaults, Intern(p.Name));
                if (dv == null)
                {
                    (missing ??= []).Add(p.Name);
                }
                else
                {
                    fast[slot] = (nint)NewRef(dv);
                }
            }
            if (missing != null)
            {
                throw TypeErr($"{code.QualName}() missing {missing.Count} required keyword-only argument{(missing.Count == 1 ? "" : "s")}: {JoinNames(missing)}");
            }
        }
        finally
        {
            ReleaseArgs(args, kw);
        }
    }

    private static string JoinNames(List<string> names)
    {
        var quoted = names.Select(n => $"'{n}'").ToList();
        return quoted.Count switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} and {quoted[1]}",
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", and " + quoted[^1],
        };
    }

    // ---- def, lambda, class ----

    private PyObject* MakeFunction(FunctionDefStmt def, ExecFrame f)
    {
        var decorators = new List<nint>();
        try
        {
            foreach (Expr d in def.Decorators)
            {
                decorators.Add((nint)Eval(d, f));
            }
            PyObject* func = MakeFunction(def, def.Name, def.Parameters, def.Body, null, f);
            for (int i = decorators.Count - 1; i >= 0; i--)
            {
                PyObject* r = Call((PyObject*)decorators[i], [(nint)func], null);
                func = r;
            }
            return func;
        }
        finally
        {
            foreach (nint d in decorators)
            {
                Refcount.Decref((PyObject*)d);
            }
        }
    }

    private PyObject* MakeFunction(Node node, string name, ParameterList ps, IReadOnlyList<Stmt>? body, Expr? lambdaBody, ExecFrame f)
    {
        if (!_codeIndex.TryGetValue(node, out int index))
        {
            Scope scope = _scopes[node];
            index = Codes.Count;
            bool isGenerator = node is FunctionDefStmt { IsGenerator: true } or LambdaExpr { IsGenerator: true };
            Codes.Add(new CodeInfo(name, f.QualPrefix + name, ps, body, lambdaBody, scope, FileName, isGenerator)
            {
                FirstLine = node.Line,
                IsCoroutine = node is FunctionDefStmt { IsAsync: true },
            });
            _codeIndex[node] = index;
        }
        CodeInfo code = Codes[index];
        PyObject* defaults = null;
        PyObject* kwdefaults = null;
        PyObject* annotations = null;
        var defs = new List<nint>();
        try
        {
            foreach (Parameter p in ps.Positional)
            {
                if (p.Default is not null)
                {
                    defs.Add((nint)Eval(p.Default, f));
                }
            }
            foreach (Parameter p in ps.KeywordOnly)
            {
                if (p.Default is not null)
                {
                    kwdefaults = kwdefaults == null ? PyDict.New(St) : kwdefaults;
                    PyObject* v = Eval(p.Default, f);
                    PyDict.SetItem(kwdefaults, Intern(p.Name), v);
                    Refcount.Decref(v);
                }
            }
            annotations = FunctionAnnotations(ps, (node as FunctionDefStmt)?.Returns, f);
        }
        catch
        {
            foreach (nint d in defs)
            {
                Refcount.Decref((PyObject*)d);
            }
            Refcount.XDecref(kwdefaults);
            throw;
        }
        if (defs.Count > 0)
        {
            defaults = TupleSteal(defs);
        }
        PyObject* closure = null;
        PyObject* classCell = ClassCellFor(f, code);
        if (code.Scope.Free.Count > 0 || classCell != null)
        {
            var cells = new List<nint>();
            foreach (string n in code.Scope.Free)
            {
                cells.Add((nint)NewRef(FindCell(f, n)));
            }
            if (classCell != null)
            {
                cells.Add((nint)NewRef(classCell));
            }
            closure = TupleSteal(cells);
        }
        PyObject* func = ScriptTypes.New(T.Function);
        var fn = (PyFunctionObject*)func;
        fn->func_globals = NewRef(f.Globals);
        fn->func_defaults = defaults;
        fn->func_kwdefaults = kwdefaults;
        fn->func_annotations = annotations;
        fn->func_closure = closure;
        fn->func_name = Str(name);
        fn->func_qualname = Str(code.QualName);
        fn->func_code = index;
        ScriptTypes.Track(func);
        return func;
    }

    /// <summary>
    /// CPython's <c>__class__</c> cell, for a function defined in class body <paramref name="f"/>
    /// that uses zero-argument super() or <c>__class__</c>: one cell per class statement,
    /// shared by its methods as the last item of their closure, filled in once the class
    /// exists. Null when the function does not need it.
    /// </summary>
    private PyObject* ClassCellFor(ExecFrame f, CodeInfo code)
    {
        if (f.Scope.Kind != ScopeKind.Class || !UsesClassCell(code.Scope))
        {
            return null;
        }
        if (f.ClassCell == 0)
        {
            PyObject* cell = ScriptTypes.New(T.Cell);
            ScriptTypes.Track(cell);
            f.ClassCell = (nint)cell;
        }
        return (PyObject*)f.ClassCell;
    }

    /// <summary>Whether a function (or a function nested in it) names super or __class__.</summary>
    private static bool UsesClassCell(Scope scope)
    {
        if (scope.Referenced.Contains("super") || scope.Referenced.Contains("__class__"))
        {
            return true;
        }
        foreach (Scope child in scope.Children)
        {
            if (child.Kind != ScopeKind.Class && UsesClassCell(child))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Adds a class keyword (or a **mapping's items) to <paramref name="into"/>, which owns <paramref name="value"/> after the call.</summary>
    private void AddClassKeywords(KwArgs into, string? name, PyObject* value)
    {
        if (name != null)
        {
            into.Add((name, (nint)value));
            return;
        }
        try
        {
            if (!IsDict(value))
            {
                throw TypeErr($"argument after ** must be a mapping, not {TypeName(value)}");
            }
            nint pos = 0;
            while (PyDict.Next(value, ref pos, out PyObject* k, out PyObject* v))
            {
                if (!IsStr(k))
                {
                    throw TypeErr("keywords must be strings");
                }
                into.Add((PyUnicode.AsString(k), (nint)NewRef(v)));
            }
        }
        finally
        {
            Refcount.Decref(value);
        }
    }

    private PyObject* MakeClass(ClassDefStmt cls, ExecFrame f)
    {
        var decorators = new List<nint>();
        var baseObjects = new List<nint>();
        PyObject* basesTuple = null;
        PyObject* metaObj = null;
        var keywords = new KwArgs();
        PyObject* ns = null;
        ExecFrame? frame = null;
        try
        {
            foreach (Expr d in cls.Decorators)
            {
                decorators.Add((nint)Eval(d, f));
            }
            foreach (Expr b in cls.Bases)
            {
                PyObject* baseValue = Eval(b, f);
                baseObjects.Add((nint)baseValue);
                if (!IsType(baseValue))
                {
                    throw TypeErr("bases must be types");
                }
            }
            var bases = new PyTypeObject*[Math.Max(1, baseObjects.Count)];
            bases[0] = St->type_object;
            for (int i = 0; i < baseObjects.Count; i++)
            {
                bases[i] = (PyTypeObject*)baseObjects[i];
            }
            basesTuple = Tuple([.. baseObjects]);
            foreach (Keyword k in cls.Keywords)
            {
                PyObject* v = Eval(k.Value, f);
                if (k.Name == "metaclass")
                {
                    Refcount.XDecref(metaObj);
                    metaObj = v;
                    continue;
                }
                AddClassKeywords(keywords, k.Name, v);
            }
            if (metaObj != null && !IsType(metaObj))
            {
                throw TypeErr("metaclass must be a type in this interpreter");
            }
            PyTypeObject* meta = CalculateMetaclass(metaObj != null ? (PyTypeObject*)metaObj : St->type_type, baseObjects.Count == 0 ? [] : bases);
            ns = PrepareNamespace(meta, cls.Name, basesTuple, keywords);
            PyObject* module = Str("__main__");
            PyDict.SetItem(ns, Intern("__module__"), module);
            Refcount.Decref(module);
            PyObject* qual = Str(f.QualPrefix + cls.Name);
            PyDict.SetItem(ns, Intern("__qualname__"), qual);
            Refcount.Decref(qual);
            if (cls.Body.Length > 0 && cls.Body[0] is ExprStmt { Value: StrLiteral doc })
            {
                // A docstring is the class body's first assignment, __doc__ = "...", as CPython compiles it.
                PyObject* docValue = Str(doc.Value);
                PyDict.SetItem(ns, Intern("__doc__"), docValue);
                Refcount.Decref(docValue);
            }
            frame = new ExecFrame(_scopes[cls], f.Globals, ns, null, f, cls.Name, f.QualPrefix + cls.Name + ".") { File = f.File };
            SetupAnnotations(cls.Body, ns);
            ExecFrame? previous = Current;
            // The class body is a frame of the running stack (its lines are where its allocations come from).
            frame.Back = previous;
            Current = frame;
            try
            {
                ExecBlock(cls.Body, frame);
            }
            catch (PythonException e) when (AddTrace(e, FileName, frame.Line, cls.Name))
            {
                throw;
            }
            finally
            {
                Current = previous;
            }
            PyDict.DelItem(ns, Intern("__qualname__"));
            PyObject* result = CallMetaclass(meta, cls.Name, bases, basesTuple, ns, keywords);
            if (frame.ClassCell != 0)
            {
                // type_new fills the __class__ cell; the class statement's reference goes.
                ((PyCellObject*)frame.ClassCell)->ob_ref = NewRef(result);
                Refcount.Decref((PyObject*)frame.ClassCell);
                frame.ClassCell = 0;
            }
            for (int i = decorators.Count - 1; i >= 0; i--)
            {
                result = Call((PyObject*)decorators[i], [(nint)result], null);
            }
            return result;
        }
        finally
        {
            if (frame != null && frame.ClassCell != 0)
            {
                Refcount.Decref((PyObject*)frame.ClassCell); // the body raised before the class existed
            }
            Refcount.XDecref(ns);
            foreach (nint b in baseObjects)
            {
                Refcount.Decref((PyObject*)b);
            }
            Refcount.XDecref(basesTuple);
            Refcount.XDecref(metaObj);
            ReleaseArgs([], keywords);
            foreach (nint d in decorators)
            {
                Refcount.Decref((PyObject*)d);
            }
        }
    }
}
