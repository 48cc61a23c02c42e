using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Visits every node of a tree in source order. Override a <c>Visit</c> method to act on a
/// node type; call the base method to keep walking into its children.
/// </summary>
public abstract class SyntaxWalker : IExprVisitor<bool>, IStmtVisitor<bool>
{
    /// <summary>Walks every statement of <paramref name="module"/>.</summary>
    public void Walk(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        Walk(module.Body);
    }

    /// <summary>Walks statements in order.</summary>
    /// <exception cref="InsufficientExecutionStackException">The tree is too deep to walk on this thread.</exception>
    public void Walk(IEnumerable<Stmt> statements)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var statement in statements)
        {
            statement.Accept(this);
        }
    }

    /// <summary>Walks expressions in order.</summary>
    public void Walk(IEnumerable<Expr> expressions)
    {
        foreach (var expression in expressions)
        {
            Walk(expression);
        }
    }

    /// <summary>Walks an optional expression.</summary>
    /// <exception cref="InsufficientExecutionStackException">The tree is too deep to walk on this thread.</exception>
    public void Walk(Expr? expression)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (expression == null)
        {
            return;
        }
        if (++ExpressionDepth > MaxExpressionDepth)
        {
            ExpressionDepth = 0;
            ExpressionTooDeep(expression);
        }
        try
        {
            expression.Accept(this);
        }
        finally
        {
            ExpressionDepth = Math.Max(ExpressionDepth - 1, 0);
        }
    }

    /// <summary>How many expressions enclose the one being walked (1 for an outermost one).</summary>
    protected int ExpressionDepth { get; private set; }

    /// <summary>Deepest expression nesting this walker accepts; past it <see cref="ExpressionTooDeep"/> is called.</summary>
    protected virtual int MaxExpressionDepth => int.MaxValue;

    /// <summary>Called when an expression is nested deeper than <see cref="MaxExpressionDepth"/>; throw to refuse the tree.</summary>
    protected virtual void ExpressionTooDeep(Expr expression)
    {
    }

    /// <summary>Walks parameter annotations and defaults.</summary>
    public virtual void WalkParameters(ParameterList parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var parameter in parameters.All)
        {
            Walk(parameter.Annotation);
            Walk(parameter.Default);
        }
    }

    /// <summary>Walks the clauses of a comprehension.</summary>
    public virtual void WalkComprehensions(IEnumerable<Comprehension> generators)
    {
        ArgumentNullException.ThrowIfNull(generators);
        foreach (var generator in generators)
        {
            Walk(generator.Target);
            Walk(generator.Iter);
            Walk(generator.Ifs);
        }
    }

#pragma warning disable CS1591 // Each method walks the children of one node type.
    public virtual bool VisitNone(NoneLiteral node) => true;

    public virtual bool VisitBool(BoolLiteral node) => true;

    public virtual bool VisitEllipsis(EllipsisLiteral node) => true;

    public virtual bool VisitInt(IntLiteral node) => true;

    public virtual bool VisitFloat(FloatLiteral node) => true;

    public virtual bool VisitImaginary(ImaginaryLiteral node) => true;

    public virtual bool VisitStr(StrLiteral node) => true;

    public virtual bool VisitBytes(BytesLiteral node) => true;

    public virtual bool VisitFString(FStringExpr node)
    {
        Walk(node.Parts);
        return true;
    }

    public virtual bool VisitFormattedValue(FormattedValue node)
    {
        Walk(node.Value);
        Walk(node.FormatSpec);
        return true;
    }

    public virtual bool VisitName(NameExpr node) => true;

    public virtual bool VisitAttribute(AttributeExpr node)
    {
        Walk(node.Value);
        return true;
    }

    public virtual bool VisitSubscript(SubscriptExpr node)
    {
        Walk(node.Value);
        Walk(node.Slice);
        return true;
    }

    public virtual bool VisitSlice(SliceExpr node)
    {
        Walk(node.Lower);
        Walk(node.Upper);
        Walk(node.Step);
        return true;
    }

    public virtual bool VisitStarred(StarredExpr node)
    {
        Walk(node.Value);
        return true;
    }

    public virtual bool VisitTuple(TupleExpr node)
    {
        Walk(node.Elements);
        return true;
    }

    public virtual bool VisitList(ListExpr node)
    {
        Walk(node.Elements);
        return true;
    }

    public virtual bool VisitSet(SetExpr node)
    {
        Walk(node.Elements);
        return true;
    }

    public virtual bool VisitDict(DictExpr node)
    {
        foreach (var item in node.Items)
        {
            Walk(item.Key);
            Walk(item.Value);
        }

        return true;
    }

    public virtual bool VisitListComp(ListCompExpr node)
    {
        Walk(node.Element);
        WalkComprehensions(node.Generators);
        return true;
    }

    public virtual bool VisitSetComp(SetCompExpr node)
    {
        Walk(node.Element);
        WalkComprehensions(node.Generators);
        return true;
    }

    public virtual bool VisitDictComp(DictCompExpr node)
    {
        Walk(node.Key);
        Walk(node.Value);
        WalkComprehensions(node.Generators);
        return true;
    }

    public virtual bool VisitGenerator(GeneratorExpr node)
    {
        Walk(node.Element);
        WalkComprehensions(node.Generators);
        return true;
    }

    public virtual bool VisitUnary(UnaryExpr node)
    {
        Walk(node.Operand);
        return true;
    }

    public virtual bool VisitBinary(BinaryExpr node)
    {
        Walk(node.Left);
        Walk(node.Right);
        return true;
    }

    public virtual bool VisitBoolOp(BoolOpExpr node)
    {
        Walk(node.Values);
        return true;
    }

    public virtual bool VisitCompare(CompareExpr node)
    {
        Walk(node.Left);
        Walk(node.Comparators);
        return true;
    }

    public virtual bool VisitConditional(ConditionalExpr node)
    {
        Walk(node.Test);
        Walk(node.Body);
        Walk(node.OrElse);
        return true;
    }

    public virtual bool VisitNamed(NamedExpr node)
    {
        Walk(node.Value);
        Walk(node.Target);
        return true;
    }

    public virtual bool VisitCall(CallExpr node)
    {
        Walk(node.Func);
        Walk(node.Args);
        foreach (var keyword in node.Keywords)
        {
            Walk(keyword.Value);
        }

        return true;
    }

    public virtual bool VisitLambda(LambdaExpr node)
    {
        WalkParameters(node.Parameters);
        Walk(node.Body);
        return true;
    }

    public virtual bool VisitYield(YieldExpr node)
    {
        Walk(node.Value);
        return true;
    }

    public virtual bool VisitYieldFrom(YieldFromExpr node)
    {
        Walk(node.Value);
        return true;
    }

    public virtual bool VisitExpr(ExprStmt node)
    {
        Walk(node.Value);
        return true;
    }

    public virtual bool VisitAssign(AssignStmt node)
    {
        Walk(node.Value);
        Walk(node.Targets);
        return true;
    }

    public virtual bool VisitAugAssign(AugAssignStmt node)
    {
        Walk(node.Target);
        Walk(node.Value);
        return true;
    }

    public virtual bool VisitAnnAssign(AnnAssignStmt node)
    {
        Walk(node.Target);
        Walk(node.Annotation);
        Walk(node.Value);
        return true;
    }

    public virtual bool VisitDelete(DeleteStmt node)
    {
        Walk(node.Targets);
        return true;
    }

    public virtual bool VisitPass(PassStmt node) => true;

    public virtual bool VisitBreak(BreakStmt node) => true;

    public virtual bool VisitContinue(ContinueStmt node) => true;

    public virtual bool VisitReturn(ReturnStmt node)
    {
        Walk(node.Value);
        return true;
    }

    public virtual bool VisitRaise(RaiseStmt node)
    {
        Walk(node.Exception);
        Walk(node.Cause);
        return true;
    }

    public virtual bool VisitAssert(AssertStmt node)
    {
        Walk(node.Test);
        Walk(node.Message);
        return true;
    }

    public virtual bool VisitGlobal(GlobalStmt node) => true;

    public virtual bool VisitNonlocal(NonlocalStmt node) => true;

    public virtual bool VisitImport(ImportStmt node) => true;

    public virtual bool VisitImportFrom(ImportFromStmt node) => true;

    public virtual bool VisitIf(IfStmt node)
    {
        Walk(node.Test);
        Walk(node.Body);
        Walk(node.OrElse);
        return true;
    }

    public virtual bool VisitWhile(WhileStmt node)
    {
        Walk(node.Test);
        Walk(node.Body);
        Walk(node.OrElse);
        return true;
    }

    public virtual bool VisitFor(ForStmt node)
    {
        Walk(node.Iter);
        Walk(node.Target);
        Walk(node.Body);
        Walk(node.OrElse);
        return true;
    }

    public virtual bool VisitWith(WithStmt node)
    {
        foreach (var item in node.Items)
        {
            Walk(item.ContextExpr);
            Walk(item.OptionalVars);
        }

        Walk(node.Body);
        return true;
    }

    public virtual bool VisitTry(TryStmt node)
    {
        Walk(node.Body);
        foreach (var handler in node.Handlers)
        {
            Walk(handler.Type);
            Walk(handler.Body);
        }

        Walk(node.OrElse);
        Walk(node.FinalBody);
        return true;
    }

    public virtual bool VisitMatch(MatchStmt node)
    {
        Walk(node.Subject);
        foreach (var matchCase in node.Cases)
        {
            WalkPattern(matchCase.Pattern);
            Walk(matchCase.Guard);
            Walk(matchCase.Body);
        }

        return true;
    }

    /// <summary>Walks the expressions of a pattern: values, keys, class names and the names it binds (store context).</summary>
    public void WalkPattern(Pattern pattern)
    {
        switch (pattern)
        {
            case MatchValuePattern p:
                Walk(p.Value);
                break;
            case MatchSingletonPattern p:
                Walk(p.Value);
                break;
            case MatchSequencePattern p:
                foreach (var sub in p.Patterns)
                {
                    WalkPattern(sub);
                }

                break;
            case MatchStarPattern p:
                Walk(p.Target);
                break;
            case MatchMappingPattern p:
                for (int i = 0; i < p.Keys.Length; i++)
                {
                    Walk(p.Keys[i]);
                    WalkPattern(p.Patterns[i]);
                }

                Walk(p.Rest);
                break;
            case MatchClassPattern p:
                Walk(p.Class);
                foreach (var sub in p.Patterns)
                {
                    WalkPattern(sub);
                }

                foreach (var sub in p.KeywordPatterns)
                {
                    WalkPattern(sub);
                }

                break;
            case MatchAsPattern p:
                if (p.Pattern is not null)
                {
                    WalkPattern(p.Pattern);
                }

                Walk(p.Target);
                break;
            case MatchOrPattern p:
                foreach (var sub in p.Patterns)
                {
                    WalkPattern(sub);
                }

                break;
        }
    }

    public virtual bool VisitFunctionDef(FunctionDefStmt node)
    {
        Walk(node.Decorators);
        WalkParameters(node.Parameters);
        Walk(node.Returns);
        Walk(node.Body);
        return true;
    }

    public virtual bool VisitClassDef(ClassDefStmt node)
    {
        Walk(node.Decorators);
        Walk(node.Bases);
        foreach (var keyword in node.Keywords)
        {
            Walk(keyword.Value);
        }

        Walk(node.Body);
        return true;
    }
#pragma warning restore CS1591
}
