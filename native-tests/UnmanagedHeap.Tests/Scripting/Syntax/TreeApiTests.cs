using System.Collections.Immutable;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>The tree's API as an evaluator uses it: visitors, the walker, the module, identity.</summary>
public class TreeApiTests
{
    /// <summary>Counts node types through the visitor interfaces.</summary>
    private sealed class Counter : SyntaxWalker
    {
        public int Names { get; private set; }

        public int Calls { get; private set; }

        public int Functions { get; private set; }

        public override bool VisitName(NameExpr node)
        {
            Names++;
            return base.VisitName(node);
        }

        public override bool VisitCall(CallExpr node)
        {
            Calls++;
            return base.VisitCall(node);
        }

        public override bool VisitFunctionDef(FunctionDefStmt node)
        {
            Functions++;
            return base.VisitFunctionDef(node);
        }
    }

    /// <summary>An expression visitor that evaluates integer arithmetic, as an evaluator would dispatch.</summary>
    private sealed class Calculator : IExprVisitor<long>
    {
        public long VisitInt(IntLiteral node) => (long)node.Value;

        public long VisitBinary(BinaryExpr node) => node.Op switch
        {
            BinaryOperator.Add => node.Left.Accept(this) + node.Right.Accept(this),
            BinaryOperator.Mult => node.Left.Accept(this) * node.Right.Accept(this),
            BinaryOperator.Pow => (long)Math.Pow(node.Left.Accept(this), node.Right.Accept(this)),
            _ => throw new NotSupportedException(),
        };

        public long VisitUnary(UnaryExpr node) => node.Op == UnaryOperator.Minus ? -node.Operand.Accept(this) : throw new NotSupportedException();

        public long VisitNone(NoneLiteral node) => throw new NotSupportedException();

        public long VisitBool(BoolLiteral node) => throw new NotSupportedException();

        public long VisitEllipsis(EllipsisLiteral node) => throw new NotSupportedException();

        public long VisitFloat(FloatLiteral node) => throw new NotSupportedException();

        public long VisitImaginary(ImaginaryLiteral node) => throw new NotSupportedException();

        public long VisitStr(StrLiteral node) => throw new NotSupportedException();

        public long VisitBytes(BytesLiteral node) => throw new NotSupportedException();

        public long VisitFString(FStringExpr node) => throw new NotSupportedException();

        public long VisitFormattedValue(FormattedValue node) => throw new NotSupportedException();

        public long VisitName(NameExpr node) => throw new NotSupportedException();

        public long VisitAttribute(AttributeExpr node) => throw new NotSupportedException();

        public long VisitSubscript(SubscriptExpr node) => throw new NotSupportedException();

        public long VisitSlice(SliceExpr node) => throw new NotSupportedException();

        public long VisitStarred(StarredExpr node) => throw new NotSupportedException();

        public long VisitTuple(TupleExpr node) => throw new NotSupportedException();

        public long VisitList(ListExpr node) => throw new NotSupportedException();

        public long VisitSet(SetExpr node) => throw new NotSupportedException();

        public long VisitDict(DictExpr node) => throw new NotSupportedException();

        public long VisitListComp(ListCompExpr node) => throw new NotSupportedException();

        public long VisitSetComp(SetCompExpr node) => throw new NotSupportedException();

        public long VisitDictComp(DictCompExpr node) => throw new NotSupportedException();

        public long VisitGenerator(GeneratorExpr node) => throw new NotSupportedException();

        public long VisitBoolOp(BoolOpExpr node) => throw new NotSupportedException();

        public long VisitCompare(CompareExpr node) => throw new NotSupportedException();

        public long VisitConditional(ConditionalExpr node) => throw new NotSupportedException();

        public long VisitNamed(NamedExpr node) => throw new NotSupportedException();

        public long VisitCall(CallExpr node) => throw new NotSupportedException();

        public long VisitLambda(LambdaExpr node) => throw new NotSupportedException();

        public long VisitYield(YieldExpr node) => throw new NotSupportedException();

        public long VisitYieldFrom(YieldFromExpr node) => throw new NotSupportedException();
    }

    [Test]
    public void ExpressionVisitorDispatchesOnNodeType()
    {
        Assert.That(Parser.ParseExpression("-2 ** 3 + 4 * 5").Accept(new Calculator()), Is.EqualTo(12));
    }

    [Test]
    public void WalkerVisitsEveryNode()
    {
        var module = Parser.ParseModule("def f(a=g(b)):\n    return [h(x) for x in a]\n\nf(c)\n");
        var counter = new Counter();
        counter.Walk(module);
        Assert.That((counter.Names, counter.Calls, counter.Functions), Is.EqualTo((8, 3, 1)));
    }

    [Test]
    public void ModuleKeepsSourceForTracebacks()
    {
        var module = Parser.ParseModule("x = 1\r\ny = 2\n", "prog.py");
        Assert.That(module.FileName, Is.EqualTo("prog.py"));
        Assert.That(module.Source.GetLine(2), Is.EqualTo("y = 2"));
        Assert.That(module.Source.GetPosition(6), Is.EqualTo((2, 1)));
        Assert.That(module.Warnings, Is.Empty);
    }

    [Test]
    public void NodesHaveReferenceIdentity()
    {
        var body = Parser.ParseModule("pass\npass\n").Body;
        Assert.That(body[0], Is.Not.EqualTo(body[1]), "equal-looking nodes are distinct keys for an evaluator's caches");
        var byNode = new Dictionary<Node, int> { [body[0]] = 0, [body[1]] = 1 };
        Assert.That(byNode[body[1]], Is.EqualTo(1));
    }

    [Test]
    public void StatementVisitorReachesEveryStatementKind()
    {
        string source = string.Join("\n", new[]
        {
            "x = 1", "x += 1", "x: int = 1", "del x", "pass", "import a", "from a import b", "global g",
            "assert x", "raise", "if x: pass", "while x: break", "for i in x: continue", "with a: pass",
            "try: pass\nfinally: pass", "def f():\n    nonlocal_ = 1\n    return", "class C: pass", "f()",
        }) + "\n";
        var kinds = Parser.ParseModule(source).Body.Select(s => s.Accept(new KindNamer())).ToImmutableHashSet();
        Assert.That(kinds, Has.Count.EqualTo(18));
    }

    /// <summary>Names each statement kind through <see cref="IStmtVisitor{TResult}"/>.</summary>
    private sealed class KindNamer : IStmtVisitor<string>
    {
        public string VisitExpr(ExprStmt node) => "expr";

        public string VisitAssign(AssignStmt node) => "assign";

        public string VisitAugAssign(AugAssignStmt node) => "augassign";

        public string VisitAnnAssign(AnnAssignStmt node) => "annassign";

        public string VisitDelete(DeleteStmt node) => "delete";

        public string VisitPass(PassStmt node) => "pass";

        public string VisitBreak(BreakStmt node) => "break";

        public string VisitContinue(ContinueStmt node) => "continue";

        public string VisitReturn(ReturnStmt node) => "return";

        public string VisitRaise(RaiseStmt node) => "raise";

        public string VisitAssert(AssertStmt node) => "assert";

        public string VisitGlobal(GlobalStmt node) => "global";

        public string VisitNonlocal(NonlocalStmt node) => "nonlocal";

        public string VisitImport(ImportStmt node) => "import";

        public string VisitImportFrom(ImportFromStmt node) => "importfrom";

        public string VisitIf(IfStmt node) => "if";

        public string VisitWhile(WhileStmt node) => "while";

        public string VisitFor(ForStmt node) => "for";

        public string VisitWith(WithStmt node) => "with";

        public string VisitTry(TryStmt node) => "try";

        public string VisitMatch(MatchStmt node) => "match";

        public string VisitFunctionDef(FunctionDefStmt node) => "def";

        public string VisitClassDef(ClassDefStmt node) => "class";
    }
}
