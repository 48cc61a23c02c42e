using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// The errors CPython's compiler raises, in the order it meets them: statements that need
/// an enclosing function or loop, <c>yield</c> outside a function, starred expressions where
/// they cannot go, repeated keyword arguments, and assignments to <c>__debug__</c>; and the
/// <c>SyntaxWarning</c>s it issues for code that cannot work (<c>5()</c>, <c>x is 1</c>).
/// </summary>
internal sealed partial class CompileChecker : SyntaxWalker
{
    private readonly Module _module;
    private readonly HashSet<Stmt> _leadingFutureImports;
    private readonly List<PythonSyntaxWarning> _warnings = new();
    private bool _inFunction;
    private int _loopDepth;

    private CompileChecker(Module module)
    {
        _module = module;
        _leadingFutureImports = FutureChecker.LeadingFutureImports(module);
    }

    public static ImmutableArray<PythonSyntaxWarning> Check(Module module)
    {
        var checker = new CompileChecker(module);
        checker.Walk(module);
        return checker._warnings.ToImmutableArray();
    }

    private PythonSyntaxError Error(string message, SourceSpan span) => SemanticChecker.Error(_module, message, span);

    // ---- Context: functions and loops --------------------------------------------------

    public override bool VisitFunctionDef(FunctionDefStmt node)
    {
        Walk(node.Decorators);
        CheckParameters(node.Parameters);
        WalkParameters(node.Parameters);
        Walk(node.Returns);
        InScope(inFunction: true, () => Walk(node.Body));
        return true;
    }

    public override bool VisitLambda(LambdaExpr node)
    {
        CheckParameters(node.Parameters);
        WalkParameters(node.Parameters);
        InScope(inFunction: true, () => Walk(node.Body));
        return true;
    }

    public override bool VisitClassDef(ClassDefStmt node)
    {
        Walk(node.Decorators);
        WalkArguments(node.Bases, node.Keywords);
        InScope(inFunction: false, () => Walk(node.Body));
        return true;
    }

    private void InScope(bool inFunction, Action walk)
    {
        var (savedFunction, savedLoops) = (_inFunction, _loopDepth);
        (_inFunction, _loopDepth) = (inFunction, 0);
        walk();
        (_inFunction, _loopDepth) = (savedFunction, savedLoops);
    }

    public override bool VisitWhile(WhileStmt node)
    {
        Walk(node.Test);
        WalkLoopBody(node.Body);
        Walk(node.OrElse);
        return true;
    }

    public override bool VisitFor(ForStmt node)
    {
        Walk(node.Iter);
        CheckTarget(node.Target);
        Walk(node.Target);
        WalkLoopBody(node.Body);
        Walk(node.OrElse);
        return true;
    }

    private void WalkLoopBody(ImmutableArray<Stmt> body)
    {
        _loopDepth++;
        Walk(body);
        _loopDepth--;
    }

    public override bool VisitReturn(ReturnStmt node)
    {
        if (!_inFunction)
        {
            throw Error("'return' outside function", node.Span);
        }

        return base.VisitReturn(node);
    }

    public override bool VisitBreak(BreakStmt node) =>
        _loopDepth > 0 ? true : throw Error("'break' outside loop", node.Span);

    public override bool VisitContinue(ContinueStmt node) =>
        _loopDepth > 0 ? true : throw Error("'continue' not properly in loop", node.Span);

    public override bool VisitYield(YieldExpr node)
    {
        ThrowIfOutsideFunction(node);
        return base.VisitYield(node);
    }

    public override bool VisitYieldFrom(YieldFromExpr node)
    {
        ThrowIfOutsideFunction(node);
        return base.VisitYieldFrom(node);
    }

    private void ThrowIfOutsideFunction(Expr node)
    {
        if (!_inFunction)
        {
            throw Error("'yield' outside function", node.Span);
        }
    }

    // ---- Targets ------------------------------------------------------------------------

    public override bool VisitAssign(AssignStmt node)
    {
        Walk(node.Value);
        foreach (var target in node.Targets)
        {
            CheckTarget(target);
            Walk(target);
        }

        return true;
    }

    public override bool VisitMatch(MatchStmt node)
    {
        Walk(node.Subject);
        PatternChecker.Check(node, Error);
        foreach (var matchCase in node.Cases)
        {
            WalkPattern(matchCase.Pattern);
            Walk(matchCase.Guard);
            Walk(matchCase.Body);
        }

        return true;
    }

    public override bool VisitWith(WithStmt node)
    {
        foreach (var item in node.Items)
        {
            Walk(item.ContextExpr);
            if (item.OptionalVars is { } target)
            {
                CheckTarget(target);
                Walk(target);
            }
        }

        Walk(node.Body);
        return true;
    }

    public override bool VisitListComp(ListCompExpr node) => Comprehension(node.Element, node.Generators);

    public override bool VisitSetComp(SetCompExpr node) => Comprehension(node.Element, node.Generators);

    public override bool VisitGenerator(GeneratorExpr node) => Comprehension(node.Element, node.Generators);

    private bool Comprehension(Expr element, ImmutableArray<Comprehension> generators)
    {
        Walk(generators[0].Iter);
        if (element is StarredExpr)
        {
            throw Error("iterable unpacking cannot be used in comprehension", element.Span);
        }

        WalkComprehensions(generators, skipFirstIterable: true);
        Walk(element);
        return true;
    }

    public override bool VisitDictComp(DictCompExpr node)
    {
        Walk(node.Generators[0].Iter);
        WalkComprehensions(node.Generators, skipFirstIterable: true);
        Walk(node.Key);
        Walk(node.Value);
        return true;
    }

    public override void WalkComprehensions(IEnumerable<Comprehension> generators) => WalkComprehensions(generators, skipFirstIterable: false);

    private void WalkComprehensions(IEnumerable<Comprehension> generators, bool skipFirstIterable)
    {
        bool first = true;
        foreach (var generator in generators)
        {
            if (!first || !skipFirstIterable)
            {
                Walk(generator.Iter);
            }

            first = false;
            CheckTarget(generator.Target);
            Walk(generator.Target);
            Walk(generator.Ifs);
        }
    }

    /// <summary>A starred target must sit in a tuple or list, and only one per tuple or list.</summary>
    private void CheckTarget(Expr target)
    {
        if (target is StarredExpr)
        {
            throw Error("starred assignment target must be in a list or tuple", target.Span);
        }

        CheckStarredElements(target);
    }

    private void CheckStarredElements(Expr target)
    {
        var elements = target switch
        {
            TupleExpr tuple => tuple.Elements,
            ListExpr list => list.Elements,
            _ => ImmutableArray<Expr>.Empty,
        };
        if (elements.Count(e => e is StarredExpr) > 1)
        {
            throw Error("multiple starred expressions in assignment", target.Span);
        }

        foreach (var element in elements)
        {
            CheckStarredElements(element is StarredExpr starred ? starred.Value : element);
        }
    }

    public override bool VisitAnnAssign(AnnAssignStmt node)
    {
        // With a value, the target is compiled as an assignment target first; without, the statement is checked.
        if (node.Value is null && node.Target is NameExpr { Id: "__debug__" })
        {
            throw Error("cannot assign to __debug__", node.Span);
        }

        Walk(node.Value);
        Walk(node.Target);
        Walk(node.Annotation);
        return true;
    }

    public override bool VisitImportFrom(ImportFromStmt node)
    {
        if (node is { Module: "__future__", Level: 0 } && !_leadingFutureImports.Contains(node))
        {
            throw Error("from __future__ imports must occur at the beginning of the file", node.Span);
        }

        return true;
    }

    public override bool VisitTry(TryStmt node)
    {
        Walk(node.Body);
        for (int i = 0; i < node.Handlers.Length; i++)
        {
            var handler = node.Handlers[i];
            if (handler.Type is null && i < node.Handlers.Length - 1)
            {
                throw Error("default 'except:' must be last", handler.Span);
            }

            Walk(handler.Type);
            Walk(handler.Body);
        }

        Walk(node.OrElse);
        Walk(node.FinalBody);
        return true;
    }

    public override bool VisitStarred(StarredExpr node)
    {
        if (node.Context == ExprContext.Load)
        {
            throw Error("can't use starred expression here", node.Span);
        }

        return base.VisitStarred(node);
    }

    // Displays and calls are where a starred expression may be loaded.
    public override bool VisitTuple(TupleExpr node) => WalkElements(node.Elements);

    public override bool VisitList(ListExpr node) => WalkElements(node.Elements);

    public override bool VisitSet(SetExpr node) => WalkElements(node.Elements);

    public override bool VisitCall(CallExpr node)
    {
        WarnIfNotCallable(node.Func);
        Walk(node.Func);
        WalkArguments(node.Args, node.Keywords);
        return true;
    }

    private void WalkArguments(ImmutableArray<Expr> args, ImmutableArray<Keyword> keywords)
    {
        WalkElements(args);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            if (keyword.Name is { } name)
            {
                ThrowIfDebug(name, keyword.Span);
                if (!seen.Add(name))
                {
                    throw Error($"keyword argument repeated: {name}", keyword.Span);
                }
            }

            Walk(keyword.Value);
        }
    }

    private bool WalkElements(ImmutableArray<Expr> elements)
    {
        foreach (var element in elements)
        {
            Walk(element is StarredExpr { Context: ExprContext.Load } starred ? starred.Value : element);
        }

        return true;
    }

    // ---- __debug__ ----------------------------------------------------------------------

    public override bool VisitName(NameExpr node)
    {
        if (node.Id == "__debug__" && node.Context != ExprContext.Load)
        {
            throw Error(node.Context == ExprContext.Del ? "cannot delete __debug__" : "cannot assign to __debug__", node.Span);
        }

        return true;
    }

    public override bool VisitAttribute(AttributeExpr node)
    {
        if (node.Attr == "__debug__" && node.Context == ExprContext.Store)
        {
            throw Error("cannot assign to __debug__", node.Span);
        }

        return base.VisitAttribute(node);
    }

    private void CheckParameters(ParameterList parameters)
    {
        foreach (var parameter in parameters.All)
        {
            ThrowIfDebug(parameter.Name, parameter.Span);
        }
    }

    private void ThrowIfDebug(string name, SourceSpan span)
    {
        if (name == "__debug__")
        {
            throw Error("cannot assign to __debug__", span);
        }
    }
}
