namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>One method per statement node type; see <see cref="Stmt.Accept{TResult}"/>.</summary>
public interface IStmtVisitor<out TResult>
{
#pragma warning disable CS1591 // One obvious method per node type.
    TResult VisitExpr(ExprStmt node);

    TResult VisitAssign(AssignStmt node);

    TResult VisitAugAssign(AugAssignStmt node);

    TResult VisitAnnAssign(AnnAssignStmt node);

    TResult VisitDelete(DeleteStmt node);

    TResult VisitPass(PassStmt node);

    TResult VisitBreak(BreakStmt node);

    TResult VisitContinue(ContinueStmt node);

    TResult VisitReturn(ReturnStmt node);

    TResult VisitRaise(RaiseStmt node);

    TResult VisitAssert(AssertStmt node);

    TResult VisitGlobal(GlobalStmt node);

    TResult VisitNonlocal(NonlocalStmt node);

    TResult VisitImport(ImportStmt node);

    TResult VisitImportFrom(ImportFromStmt node);

    TResult VisitIf(IfStmt node);

    TResult VisitWhile(WhileStmt node);

    TResult VisitFor(ForStmt node);

    TResult VisitWith(WithStmt node);

    TResult VisitTry(TryStmt node);

    TResult VisitMatch(MatchStmt node);

    TResult VisitFunctionDef(FunctionDefStmt node);

    TResult VisitClassDef(ClassDefStmt node);
#pragma warning restore CS1591
}
