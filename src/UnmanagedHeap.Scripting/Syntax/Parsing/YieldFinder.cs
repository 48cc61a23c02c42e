using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Decides whether a function body makes the function a generator: it contains <c>yield</c>
/// in its own scope. Nested functions, lambdas and class bodies are other scopes, but their
/// decorators, defaults, annotations and bases are evaluated here; so is the first iterable
/// of a comprehension.
/// </summary>
internal sealed class YieldFinder : SyntaxWalker
{
    private bool _found;

    private YieldFinder()
    {
    }

    public static bool ContainsYield(ImmutableArray<Stmt> body)
    {
        var finder = new YieldFinder();
        finder.Walk(body);
        return finder._found;
    }

    public static bool ContainsYield(Expr body)
    {
        var finder = new YieldFinder();
        finder.Walk(body);
        return finder._found;
    }

    /// <summary>Whether a body has a real yield (not an await): an async def with one is an async generator.</summary>
    public static bool ContainsYieldNotAwait(ImmutableArray<Stmt> body)
    {
        var finder = new YieldFinder { _skipAwait = true };
        finder.Walk(body);
        return finder._found;
    }

    private bool _skipAwait;

    public override bool VisitYield(YieldExpr node)
    {
        _found = true;
        return base.VisitYield(node);
    }

    public override bool VisitYieldFrom(YieldFromExpr node)
    {
        _found |= !(_skipAwait && node.IsAwait);
        return base.VisitYieldFrom(node);
    }

    public override bool VisitFunctionDef(FunctionDefStmt node)
    {
        Walk(node.Decorators);
        WalkParameters(node.Parameters);
        Walk(node.Returns);
        return true;
    }

    public override bool VisitLambda(LambdaExpr node)
    {
        WalkParameters(node.Parameters);
        return true;
    }

    public override bool VisitClassDef(ClassDefStmt node)
    {
        Walk(node.Decorators);
        Walk(node.Bases);
        foreach (var keyword in node.Keywords)
        {
            Walk(keyword.Value);
        }

        return true;
    }

    public override bool VisitListComp(ListCompExpr node) => WalkFirstIterable(node.Generators);

    public override bool VisitSetComp(SetCompExpr node) => WalkFirstIterable(node.Generators);

    public override bool VisitDictComp(DictCompExpr node) => WalkFirstIterable(node.Generators);

    public override bool VisitGenerator(GeneratorExpr node) => WalkFirstIterable(node.Generators);

    private bool WalkFirstIterable(ImmutableArray<Comprehension> generators)
    {
        Walk(generators[0].Iter);
        return true;
    }
}
