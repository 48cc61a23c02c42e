using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime.Repl;

/// <summary>
/// Marks which expression statements of one interactive input show their value: those of the
/// input's own code, at any depth of <c>if</c>/<c>for</c>/<c>while</c>/<c>try</c>/<c>with</c>,
/// but not those in a function or class body, which are code of their own (CPython prints
/// an expression's value in 'single' mode only at the top compiler unit's nesting level).
/// So <c>for i in range(3): i</c> shows 0, 1 and 2, and a function's bare expressions stay silent.
/// </summary>
internal sealed class EchoMarker : SyntaxWalker
{
    public static void Mark(Module tree) => new EchoMarker().Walk(tree);

    public override bool VisitExpr(ExprStmt node)
    {
        node.Echo = true;
        return true;
    }

    public override bool VisitFunctionDef(FunctionDefStmt node) => true;

    public override bool VisitClassDef(ClassDefStmt node) => true;
}
