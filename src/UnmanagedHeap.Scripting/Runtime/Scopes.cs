using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

public enum ScopeKind
{
    Module,
    Function,
    Class,
    /// <summary>A comprehension: its loop variables, which lambdas inside it may capture.</summary>
    Comprehension,
}

public enum BindingKind
{
    /// <summary>A plain local: a reference in the frame's slot.</summary>
    Fast,
    /// <summary>A local captured by an inner function: the slot holds a cell.</summary>
    Cell,
    /// <summary>A variable of an enclosing function: a cell in the function's closure.</summary>
    Free,
    /// <summary>Module globals, then builtins.</summary>
    Global,
}

public readonly record struct Binding(BindingKind Kind, int Index);

/// <summary>
/// One scope of the program (module, function/lambda, class body) and, after
/// <see cref="ScopeAnalyzer"/> has run, how each of its names is stored — CPython's
/// symtable in miniature: locals get frame slots, captured locals become cells, and
/// inner functions reach them through their closure.
/// </summary>
public sealed class Scope(ScopeKind kind, Scope? parent, string name)
{
    public ScopeKind Kind { get; } = kind;
    public Scope? Parent { get; } = parent;
    public string Name { get; } = name;
    public List<string> Params { get; } = [];
    public HashSet<string> Assigned { get; } = [];
    public HashSet<string> Referenced { get; } = [];
    public HashSet<string> Globals { get; } = [];
    public HashSet<string> Nonlocals { get; } = [];
    public List<Scope> Children { get; } = [];

    /// <summary>On the module scope: <c>from __future__ import annotations</c> is in force (annotations stay strings).</summary>
    public bool FutureAnnotations { get; set; }

    /// <summary>Slot index of every local (params first).</summary>
    public Dictionary<string, int> Slots { get; } = [];
    public HashSet<string> Cells { get; } = [];
    /// <summary>Free variables in closure order.</summary>
    public List<string> Free { get; } = [];
    private readonly Dictionary<string, Binding> _bindings = [];

    public bool IsLocal(string n) => Slots.ContainsKey(n);

    /// <summary>Bindings by name instance: each NameExpr keeps its string, so lookups skip hashing the text.</summary>
    private readonly Dictionary<string, Binding> _byReference = new(ReferenceEqualityComparer.Instance);

    public Binding Resolve(string n)
    {
        if (_byReference.TryGetValue(n, out Binding fast))
        {
            return fast;
        }
        Binding resolved = ResolveByText(n);
        if (_byReference.Count < 4096)
        {
            _byReference[n] = resolved;
        }
        return resolved;
    }

    private Binding ResolveByText(string n)
    {
        if (_bindings.TryGetValue(n, out Binding b))
        {
            return b;
        }
        if (Slots.TryGetValue(n, out int slot))
        {
            b = new Binding(Cells.Contains(n) ? BindingKind.Cell : BindingKind.Fast, slot);
        }
        else
        {
            int free = Free.IndexOf(n);
            b = free >= 0 ? new Binding(BindingKind.Free, free) : new Binding(BindingKind.Global, 0);
        }
        _bindings[n] = b;
        return b;
    }
}

/// <summary>Builds the scope tree of a module and resolves every function's names.</summary>
public sealed class ScopeAnalyzer : SyntaxWalker
{
    private readonly Dictionary<Node, Scope> _scopes = new(ReferenceEqualityComparer.Instance);
    private Scope _current;
    private bool _inCompTarget;
    /// <summary>Innermost comprehension being walked (the parent of lambdas inside it), or null.</summary>
    private Scope? _comp;

    private ScopeAnalyzer(Scope module) => _current = module;

    /// <summary>
    /// CPython's compiler refuses expressions nested about 3,000 deep (its recursion limit
    /// times COMPILER_STACK_FRAME_SCALE); the evaluator recurses once per level, so the same
    /// bound keeps a chain like <c>1 + 1 + ... + 1</c> from overflowing the thread's stack.
    /// </summary>
    public const int MaxNesting = 3000;

    protected override int MaxExpressionDepth => MaxNesting;

    protected override void ExpressionTooDeep(Expr expression) => throw new CompileRecursionException();

    /// <summary>Analyzes a module; returns the module scope and the scope of each def, lambda and class node.</summary>
    /// <summary>
    /// The scopes of a module. <paramref name="rootKind"/> Class analyzes top-level code that
    /// reads and writes a locals mapping apart from its globals (exec/eval with two
    /// namespaces), which is how CPython runs such code: as a class body runs.
    /// </summary>
    public static (Scope Module, Dictionary<Node, Scope> Scopes) Analyze(Syntax.Module module, ScopeKind rootKind = ScopeKind.Module)
    {
        var root = new Scope(rootKind, null, "<module>")
        {
            FutureAnnotations = FutureChecker.LeadingFutureImports(module)
                .Any(s => s is ImportFromStmt imp && imp.Names.Any(n => n.Name == "annotations")),
        };
        var analyzer = new ScopeAnalyzer(root);
        analyzer.Walk(module.Body);
        Resolve(root);
        return (root, analyzer._scopes);
    }

    public override bool VisitName(NameExpr node)
    {
        if (node.Context == ExprContext.Load)
        {
            _current.Referenced.Add(node.Id);
        }
        else if (!_inCompTarget)
        {
            _current.Assigned.Add(node.Id);
        }
        else
        {
            _comp?.Assigned.Add(node.Id);
        }
        return true;
    }

    public override bool VisitListComp(ListCompExpr node) => WalkComprehension(node, () => base.VisitListComp(node));

    public override bool VisitSetComp(SetCompExpr node) => WalkComprehension(node, () => base.VisitSetComp(node));

    public override bool VisitDictComp(DictCompExpr node) => WalkComprehension(node, () => base.VisitDictComp(node));

    /// <summary>
    /// A generator expression is a function scope of its own, as CPython compiles it: only its
    /// first iterable is evaluated where it stands; its loop variables are its locals, and the
    /// enclosing function's variables it reads become cells, so it still sees them after that
    /// function has returned.
    /// </summary>
    public override bool VisitGenerator(GeneratorExpr node)
    {
        Walk(node.Generators[0].Iter);
        Scope parent = _comp ?? _current;
        var scope = new Scope(ScopeKind.Function, parent, "<genexpr>");
        parent.Children.Add(scope);
        _scopes[node] = scope;
        Scope saved = _current;
        Scope? savedComp = _comp;
        _current = scope;
        _comp = null;
        for (int i = 0; i < node.Generators.Length; i++)
        {
            Comprehension generator = node.Generators[i];
            Walk(generator.Target);
            if (i > 0)
            {
                Walk(generator.Iter);
            }
            Walk(generator.Ifs);
        }
        Walk(node.Element);
        _current = saved;
        _comp = savedComp;
        return true;
    }

    private bool WalkComprehension(Expr node, Func<bool> walk)
    {
        var scope = new Scope(ScopeKind.Comprehension, _comp ?? _current, "<comprehension>");
        (_comp ?? _current).Children.Add(scope);
        _scopes[node] = scope;
        Scope? saved = _comp;
        _comp = scope;
        walk();
        _comp = saved;
        return true;
    }

    public override void WalkComprehensions(IEnumerable<Comprehension> generators)
    {
        foreach (var generator in generators)
        {
            bool saved = _inCompTarget;
            _inCompTarget = true;
            Walk(generator.Target);
            _inCompTarget = saved;
            Walk(generator.Iter);
            Walk(generator.Ifs);
        }
    }

    public override bool VisitGlobal(GlobalStmt node)
    {
        foreach (string n in node.Names)
        {
            _current.Globals.Add(n);
        }
        return true;
    }

    public override bool VisitNonlocal(NonlocalStmt node)
    {
        foreach (string n in node.Names)
        {
            _current.Nonlocals.Add(n);
        }
        return true;
    }

    public override bool VisitImport(ImportStmt node)
    {
        foreach (var alias in node.Names)
        {
            _current.Assigned.Add(alias.AsName ?? alias.Name.Split('.')[0]);
        }
        return true;
    }

    public override bool VisitImportFrom(ImportFromStmt node)
    {
        foreach (var alias in node.Names)
        {
            if (alias.Name != "*")
            {
                _current.Assigned.Add(alias.AsName ?? alias.Name);
            }
        }
        return true;
    }

    public override bool VisitTry(TryStmt node)
    {
        foreach (var handler in node.Handlers)
        {
            if (handler.Name is not null)
            {
                _current.Assigned.Add(handler.Name);
            }
        }
        return base.VisitTry(node);
    }

    public override bool VisitFunctionDef(FunctionDefStmt node)
    {
        _current.Assigned.Add(node.Name);
        Walk(node.Decorators);
        WalkParameters(node.Parameters);
        EnterFunction(node, node.Name, node.Parameters, () => Walk(node.Body));
        return true;
    }

    public override bool VisitLambda(LambdaExpr node)
    {
        WalkParameters(node.Parameters);
        EnterFunction(node, "<lambda>", node.Parameters, () => Walk(node.Body));
        return true;
    }

    public override bool VisitClassDef(ClassDefStmt node)
    {
        _current.Assigned.Add(node.Name);
        Walk(node.Decorators);
        Walk(node.Bases);
        var scope = new Scope(ScopeKind.Class, _current, node.Name);
        _current.Children.Add(scope);
        _scopes[node] = scope;
        Scope saved = _current;
        _current = scope;
        Walk(node.Body);
        _current = saved;
        return true;
    }

    private void EnterFunction(Node node, string name, ParameterList parameters, Action body)
    {
        Scope parent = _comp ?? _current;
        var scope = new Scope(ScopeKind.Function, parent, name);
        foreach (var p in parameters.All)
        {
            scope.Params.Add(p.Name);
        }
        parent.Children.Add(scope);
        _scopes[node] = scope;
        Scope saved = _current;
        Scope? savedComp = _comp;
        _current = scope;
        _comp = null;
        body();
        _current = saved;
        _comp = savedComp;
    }

    private static void Resolve(Scope root)
    {
        AssignSlots(root);
        ResolveFree(root);
    }

    private static void AssignSlots(Scope s)
    {
        if (s.Kind == ScopeKind.Function)
        {
            foreach (string p in s.Params)
            {
                s.Slots.TryAdd(p, s.Slots.Count);
            }
            foreach (string n in s.Assigned.Order())
            {
                if (!s.Globals.Contains(n) && !s.Nonlocals.Contains(n))
                {
                    s.Slots.TryAdd(n, s.Slots.Count);
                }
            }
        }
        foreach (Scope c in s.Children)
        {
            AssignSlots(c);
        }
    }

    private static void ResolveFree(Scope s)
    {
        if (s.Kind == ScopeKind.Function)
        {
            var names = new SortedSet<string>(s.Referenced, StringComparer.Ordinal);
            names.UnionWith(s.Nonlocals);
            foreach (string n in names)
            {
                if (s.IsLocal(n) || s.Globals.Contains(n))
                {
                    continue;
                }
                Capture(s, n, s.Nonlocals.Contains(n));
            }
        }
        foreach (Scope c in s.Children)
        {
            ResolveFree(c);
        }
    }

    private static void MarkFree(Scope s, Scope owner, string n)
    {
        for (Scope? d = s; d != owner; d = d!.Parent)
        {
            if (d!.Kind == ScopeKind.Function && !d.Free.Contains(n))
            {
                d.Free.Add(n);
            }
        }
    }

    /// <summary>Finds the enclosing function that owns <paramref name="n"/>; makes it a cell there and free on the way down.</summary>
    private static void Capture(Scope s, string n, bool nonlocal)
    {
        for (Scope? e = s.Parent; e != null && e.Kind != ScopeKind.Module; e = e.Parent)
        {
            if (e.Kind == ScopeKind.Comprehension && e.Assigned.Contains(n))
            {
                e.Cells.Add(n);
                MarkFree(s, e, n);
                return;
            }
            if (e.Kind != ScopeKind.Function)
            {
                continue;
            }
            if (e.Globals.Contains(n))
            {
                return;
            }
            if (e.IsLocal(n))
            {
                e.Cells.Add(n);
                MarkFree(s, e, n);
                return;
            }
        }
        if (nonlocal)
        {
            throw new NonlocalNotFoundException(n);
        }
    }
}

/// <summary>A <c>nonlocal</c> name that no enclosing function binds (CPython: SyntaxError).</summary>
/// <summary>An expression nested past <see cref="ScopeAnalyzer.MaxNesting"/>: CPython's RecursionError during compilation.</summary>
public sealed class CompileRecursionException() : Exception("maximum recursion depth exceeded during compilation");

public sealed class NonlocalNotFoundException(string name) : Exception($"no binding for nonlocal '{name}' found")
{
    public string Name { get; } = name;
}
