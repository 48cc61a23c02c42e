namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>One method per expression node type; see <see cref="Expr.Accept{TResult}"/>.</summary>
public interface IExprVisitor<out TResult>
{
#pragma warning disable CS1591 // One obvious method per node type.
    TResult VisitNone(NoneLiteral node);

    TResult VisitBool(BoolLiteral node);

    TResult VisitEllipsis(EllipsisLiteral node);

    TResult VisitInt(IntLiteral node);

    TResult VisitFloat(FloatLiteral node);

    TResult VisitImaginary(ImaginaryLiteral node);

    TResult VisitStr(StrLiteral node);

    TResult VisitBytes(BytesLiteral node);

    TResult VisitFString(FStringExpr node);

    TResult VisitFormattedValue(FormattedValue node);

    TResult VisitName(NameExpr node);

    TResult VisitAttribute(AttributeExpr node);

    TResult VisitSubscript(SubscriptExpr node);

    TResult VisitSlice(SliceExpr node);

    TResult VisitStarred(StarredExpr node);

    TResult VisitTuple(TupleExpr node);

    TResult VisitList(ListExpr node);

    TResult VisitSet(SetExpr node);

    TResult VisitDict(DictExpr node);

    TResult VisitListComp(ListCompExpr node);

    TResult VisitSetComp(SetCompExpr node);

    TResult VisitDictComp(DictCompExpr node);

    TResult VisitGenerator(GeneratorExpr node);

    TResult VisitUnary(UnaryExpr node);

    TResult VisitBinary(BinaryExpr node);

    TResult VisitBoolOp(BoolOpExpr node);

    TResult VisitCompare(CompareExpr node);

    TResult VisitConditional(ConditionalExpr node);

    TResult VisitNamed(NamedExpr node);

    TResult VisitCall(CallExpr node);

    TResult VisitLambda(LambdaExpr node);

    TResult VisitYield(YieldExpr node);

    TResult VisitYieldFrom(YieldFromExpr node);
#pragma warning restore CS1591
}
