using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// CPython's symbol-table errors. The tree is walked in the order CPython's <c>symtable.c</c>
/// visits it, recording per scope which names are parameters, bound, used, global or
/// nonlocal; errors found while walking come first, then those of the analysis that
/// resolves <c>nonlocal</c> names against enclosing functions.
/// </summary>
internal sealed class ScopeChecker : SyntaxWalker
{
    private readonly Module _module;
    private readonly Scope _root = new(ScopeKind.Module, null, null);
    private Scope _current;

    private ScopeChecker(Module module)
    {
        _module = module;
        _current = _root;
    }

    private enum ScopeKind
    {
        Module,
        Function,
        Class,
        Comprehension,
    }

    [Flags]
    private enum Use
    {
        None = 0,
        Parameter = 1,
        Bound = 2,
        Used = 4,
        Global = 8,
        Nonlocal = 16,
        IterationVariable = 32,
    }

    public static void Check(Module module)
    {
        var checker = new ScopeChecker(module);
        checker.Walk(module);
        checker.Analyze(checker._root);
    }

    private PythonSyntaxError Error(string message, SourceSpan span) => SemanticChecker.Error(_module, message, span);

    // ---- Scopes -------------------------------------------------------------------------

    public override bool VisitFunctionDef(FunctionDefStmt node)
    {
        _current.Add(node.Name, Use.Bound);
        WalkDefaults(node.Parameters);
        Walk(node.Decorators);
        WalkAnnotations(node.Parameters);
        Walk(node.Returns);
        Enter(ScopeKind.Function);
        AddParameters(node.Parameters);
        Walk(node.Body);
        Exit();
        return true;
    }

    public override bool VisitLambda(LambdaExpr node)
    {
        WalkDefaults(node.Parameters);
        Enter(ScopeKind.Function);
        AddParameters(node.Parameters);
        Walk(node.Body);
        Exit();
        return true;
    }

    public override bool VisitClassDef(ClassDefStmt node)
    {
        _current.Add(node.Name, Use.Bound);
        Walk(node.Bases);
        foreach (var keyword in node.Keywords)
        {
            Walk(keyword.Value);
        }

        Walk(node.Decorators);
        Enter(ScopeKind.Class, privateName: node.Name);
        Walk(node.Body);
        Exit();
        return true;
    }

    public override bool VisitListComp(ListCompExpr node) => Comprehension("list comprehension", node.Generators, node.Element, null);

    public override bool VisitSetComp(SetCompExpr node) => Comprehension("set comprehension", node.Generators, node.Element, null);

    public override bool VisitDictComp(DictCompExpr node) => Comprehension("dict comprehension", node.Generators, node.Key, node.Value);

    public override bool VisitGenerator(GeneratorExpr node) => Comprehension("generator expression", node.Generators, node.Element, null);

    private bool Comprehension(string kind, ImmutableArray<Comprehension> generators, Expr element, Expr? value)
    {
        var outermost = generators[0];
        _current.IterableDepth++;
        Walk(outermost.Iter);
        _current.IterableDepth--;
        Enter(ScopeKind.Comprehension);
        _current.ComprehensionKind = kind;
        WalkTarget(outermost.Target);
        Walk(outermost.Ifs);
        foreach (var generator in generators.Skip(1))
        {
            WalkTarget(generator.Target);
            _current.IterableDepth++;
            Walk(generator.Iter);
            _current.IterableDepth--;
            Walk(generator.Ifs);
        }

        Walk(value);
        Walk(element);
        Exit();
        return true;
    }

    private void WalkTarget(Expr target)
    {
        _current.MarkingIterationVariables = true;
        Walk(target);
        _current.MarkingIterationVariables = false;
    }

    private void Enter(ScopeKind kind, string? privateName = null)
    {
        var scope = new Scope(kind, _current, privateName ?? _current.PrivateName);
        _current.Children.Add(scope);
        _current = scope;
    }

    private void Exit() => _current = _current.Parent!;

    private void WalkDefaults(ParameterList parameters)
    {
        foreach (var parameter in parameters.All)
        {
            Walk(parameter.Default);
        }
    }

    private void WalkAnnotations(ParameterList parameters)
    {
        foreach (var parameter in parameters.All)
        {
            Walk(parameter.Annotation);
        }
    }

    private void AddParameters(ParameterList parameters)
    {
        foreach (var parameter in parameters.All)
        {
            if (_current.Has(parameter.Name, Use.Parameter))
            {
                throw Error($"duplicate argument '{parameter.Name}' in function definition", parameter.Span);
            }

            _current.Add(parameter.Name, Use.Parameter);
        }
    }

    // ---- Names --------------------------------------------------------------------------

    public override bool VisitName(NameExpr node)
    {
        if (node.Context == ExprContext.Load)
        {
            _current.Add(node.Id, Use.Used);
        }
        else if (_current.MarkingIterationVariables)
        {
            if (_current.WalrusTargets.Contains(node.Id))
            {
                throw Error($"comprehension inner loop cannot rebind assignment expression target '{node.Id}'", node.Span);
            }

            _current.Add(node.Id, Use.Bound | Use.IterationVariable);
        }
        else
        {
            _current.Add(node.Id, Use.Bound);
        }

        return true;
    }

    public override bool VisitNamed(NamedExpr node)
    {
        if (_current.IterableDepth > 0)
        {
            throw Error("assignment expression cannot be used in a comprehension iterable expression", node.Span);
        }

        if (_current.Kind == ScopeKind.Comprehension)
        {
            BindNamedTarget(node.Target);
        }

        Walk(node.Value);
        if (_current.Kind != ScopeKind.Comprehension)
        {
            Walk(node.Target);
        }

        return true;
    }

    /// <summary>A walrus inside a comprehension binds in the enclosing function (CPython's symtable_extend_namedexpr_scope).</summary>
    private void BindNamedTarget(NameExpr target)
    {
        for (var scope = _current; scope is not null; scope = scope.Parent)
        {
            if (scope.Kind == ScopeKind.Comprehension)
            {
                scope.WalrusTargets.Add(target.Id);
                if (scope.Has(target.Id, Use.IterationVariable))
                {
                    throw Error($"assignment expression cannot rebind comprehension iteration variable '{target.Id}'", target.Span);
                }

                continue;
            }

            if (scope.Kind == ScopeKind.Class)
            {
                throw Error("assignment expression within a comprehension cannot be used in a class body", target.Span);
            }

            scope.Add(target.Id, Use.Bound);
            return;
        }
    }

    public override bool VisitYield(YieldExpr node)
    {
        ThrowIfInComprehension(node);
        return base.VisitYield(node);
    }

    public override bool VisitYieldFrom(YieldFromExpr node)
    {
        ThrowIfInComprehension(node);
        return base.VisitYieldFrom(node);
    }

    private void ThrowIfInComprehension(Expr node)
    {
        if (_current.ComprehensionKind is { } kind)
        {
            throw Error($"'yield' inside {kind}", node.Span);
        }
    }

    public override bool VisitImport(ImportStmt node)
    {
        foreach (var alias in node.Names)
        {
            _current.Add(alias.AsName ?? alias.Name.Split('.')[0], Use.Bound);
        }

        return true;
    }

    public override bool VisitImportFrom(ImportFromStmt node)
    {
        foreach (var alias in node.Names)
        {
            if (alias.Name != "*")
            {
                _current.Add(alias.AsName ?? alias.Name, Use.Bound);
            }
            else if (_current.Kind != ScopeKind.Module)
            {
                throw Error("import * only allowed at module level", alias.Span);
            }
        }

        return true;
    }

    public override bool VisitTry(TryStmt node)
    {
        Walk(node.Body);
        foreach (var handler in node.Handlers)
        {
            Walk(handler.Type);
            if (handler.Name is { } name)
            {
                _current.Add(name, Use.Bound);
            }

            Walk(handler.Body);
        }

        Walk(node.OrElse);
        Walk(node.FinalBody);
        return true;
    }

    public override bool VisitGlobal(GlobalStmt node)
    {
        foreach (string name in node.Names)
        {
            var use = _current.Get(name);
            if ((use & (Use.Parameter | Use.Bound | Use.Used)) != 0)
            {
                string message = (use & Use.Parameter) != 0 ? $"name '{name}' is parameter and global"
                    : (use & Use.Used) != 0 ? $"name '{name}' is used prior to global declaration"
                    : $"name '{name}' is assigned to before global declaration";
                throw Error(message, node.Span);
            }

            _current.Add(name, Use.Global);
            _current.AddDirective(name, node.Span);
        }

        return true;
    }

    public override bool VisitNonlocal(NonlocalStmt node)
    {
        if (_current.Kind == ScopeKind.Module)
        {
            throw Error("nonlocal declaration not allowed at module level", node.Span);
        }

        foreach (string name in node.Names)
        {
            var use = _current.Get(name);
            if ((use & (Use.Parameter | Use.Bound | Use.Used)) != 0)
            {
                string message = (use & Use.Parameter) != 0 ? $"name '{name}' is parameter and nonlocal"
                    : (use & Use.Used) != 0 ? $"name '{name}' is used prior to nonlocal declaration"
                    : $"name '{name}' is assigned to before nonlocal declaration";
                throw Error(message, node.Span);
            }

            _current.Add(name, Use.Nonlocal);
            _current.AddDirective(name, node.Span);
        }

        return true;
    }

    // ---- Analysis -----------------------------------------------------------------------

    /// <summary>CPython's analyze_block: names of a scope first, then its children.</summary>
    private void Analyze(Scope scope)
    {
        foreach (var (name, use) in scope.Names)
        {
            if ((use & Use.Global) != 0 && (use & Use.Nonlocal) != 0)
            {
                throw Error($"name '{name}' is nonlocal and global", scope.Directive(name));
            }

            if ((use & Use.Nonlocal) != 0 && !IsBoundInEnclosingFunction(scope, name))
            {
                throw Error($"no binding for nonlocal '{name}' found", scope.Directive(name));
            }
        }

        foreach (var child in scope.Children)
        {
            Analyze(child);
        }
    }

    private static bool IsBoundInEnclosingFunction(Scope scope, string name)
    {
        for (var outer = scope.Parent; outer is not null && outer.Kind != ScopeKind.Module; outer = outer.Parent)
        {
            if (outer.Kind == ScopeKind.Class)
            {
                // A class gives its methods the implicit cells __class__ and __classdict__.
                if (name is "__class__" or "__classdict__")
                {
                    return true;
                }

                continue;
            }

            var use = outer.Get(name);
            if ((use & Use.Global) != 0)
            {
                return false;
            }

            if ((use & (Use.Parameter | Use.Bound | Use.Nonlocal)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The names of one scope. Names are stored mangled as CPython's compiler mangles private
    /// names inside a class (<c>__x</c> in class <c>A</c> is <c>_A__x</c>).
    /// </summary>
    private sealed class Scope(ScopeKind kind, Scope? parent, string? privateName)
    {
        private readonly Dictionary<string, Use> _uses = new(StringComparer.Ordinal);
        private readonly List<string> _order = new();
        private readonly Dictionary<string, SourceSpan> _directives = new(StringComparer.Ordinal);

        public ScopeKind Kind { get; } = kind;

        /// <summary>The class whose name mangles private names here (CPython's <c>st_private</c>), or null.</summary>
        public string? PrivateName { get; } = privateName;

        public Scope? Parent { get; } = parent;

        public List<Scope> Children { get; } = new();

        public string? ComprehensionKind { get; set; }

        public bool MarkingIterationVariables { get; set; }

        /// <summary>Names a walrus inside this comprehension binds in the enclosing function.</summary>
        public HashSet<string> WalrusTargets { get; } = new(StringComparer.Ordinal);

        /// <summary>CPython's ste_comp_iter_expr: inside a comprehension's iterable expression.</summary>
        public int IterableDepth { get; set; }

        public IEnumerable<(string Name, Use Use)> Names => _order.Select(name => (name, _uses[name]));

        public Use Get(string name) => _uses.TryGetValue(Mangle(name), out var use) ? use : Use.None;

        public bool Has(string name, Use use) => (Get(name) & use) != 0;

        public void Add(string name, Use use)
        {
            name = Mangle(name);
            if (!_uses.TryGetValue(name, out var existing))
            {
                _order.Add(name);
            }

            _uses[name] = existing | use;
        }

        public void AddDirective(string name, SourceSpan span) => _directives.TryAdd(Mangle(name), span);

        public SourceSpan Directive(string name) => _directives[Mangle(name)];

        /// <summary>CPython's <c>_Py_Mangle</c>.</summary>
        private string Mangle(string name)
        {
            if (PrivateName is null || !name.StartsWith("__", StringComparison.Ordinal)
                || name.EndsWith("__", StringComparison.Ordinal) || name.Contains('.'))
            {
                return name;
            }

            string stripped = PrivateName.TrimStart('_');
            return stripped.Length == 0 ? name : "_" + stripped + name;
        }
    }
}
