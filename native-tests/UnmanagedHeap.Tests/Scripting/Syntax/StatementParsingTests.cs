using UnmanagedHeap.Scripting.Syntax;
using static UnmanagedHeap.Tests.Scripting.Syntax.SyntaxTestHelpers;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>Statement trees: every supported statement form, compared with CPython 3.12's ast.</summary>
public class StatementParsingTests
{
    /// <summary>Dumps of the module body from <c>ast.dump(ast.parse(source))</c> in CPython 3.12.</summary>
    public static IEnumerable<TestCaseData> CPythonTrees()
    {
        yield return new TestCaseData("a = b = 1", "Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Constant(value=1))");
        yield return new TestCaseData("a, *b = c", "Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))");
        yield return new TestCaseData("[a, (b, c)] = d", "Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load()))");
        yield return new TestCaseData("x.y[0] = z", "Assign(targets=[Subscript(value=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Load()), slice=Constant(value=0), ctx=Store())], value=Name(id='z', ctx=Load()))");
        yield return new TestCaseData("x += 1", "AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))");
        yield return new TestCaseData("x **= 2", "AugAssign(target=Name(id='x', ctx=Store()), op=Pow(), value=Constant(value=2))");
        yield return new TestCaseData("x //= 3", "AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Constant(value=3))");
        yield return new TestCaseData("x @= m", "AugAssign(target=Name(id='x', ctx=Store()), op=MatMult(), value=Name(id='m', ctx=Load()))");
        yield return new TestCaseData("x >>= 1", "AugAssign(target=Name(id='x', ctx=Store()), op=RShift(), value=Constant(value=1))");
        yield return new TestCaseData("x: int = 1", "AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)");
        yield return new TestCaseData("(x): int", "AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)");
        yield return new TestCaseData("a.b: str", "AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), annotation=Name(id='str', ctx=Load()), simple=0)");
        yield return new TestCaseData("del a, b.c, d[0]", "Delete(targets=[Name(id='a', ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del()), Subscript(value=Name(id='d', ctx=Load()), slice=Constant(value=0), ctx=Del())])");
        yield return new TestCaseData("del (a, b)", "Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], ctx=Del())])");
        yield return new TestCaseData("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass", "If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])");
        yield return new TestCaseData("while x:\n    break\nelse:\n    pass", "While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Pass()])");
        yield return new TestCaseData("for i, (j, k) in pairs:\n    continue\nelse:\n    pass", "For(target=Tuple(elts=[Name(id='i', ctx=Store()), Tuple(elts=[Name(id='j', ctx=Store()), Name(id='k', ctx=Store())], ctx=Store())], ctx=Store()), iter=Name(id='pairs', ctx=Load()), body=[Continue()], orelse=[Pass()])");
        yield return new TestCaseData("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    return a", "FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[arg(arg='c')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=3)], kwarg=arg(arg='kw'), defaults=[Constant(value=1), Constant(value=2)]), body=[Return(value=Name(id='a', ctx=Load()))], decorator_list=[], returns=Name(id='int', ctx=Load()), type_params=[])");
        yield return new TestCaseData("@dec\n@dec2(1)\ndef f():\n    yield", "FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Yield())], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])], type_params=[])");
        yield return new TestCaseData("class A(B, metaclass=M, **kw):\n    x = 1", "ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], decorator_list=[], type_params=[])");
        yield return new TestCaseData("class C:\n    pass", "ClassDef(name='C', bases=[], keywords=[], body=[Pass()], decorator_list=[], type_params=[])");
        yield return new TestCaseData("global a, b", "Global(names=['a', 'b'])");
        yield return new TestCaseData("def f():\n    nonlocal_ = 1\n    def g():\n        nonlocal nonlocal_", "FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='nonlocal_', ctx=Store())], value=Constant(value=1)), FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['nonlocal_'])], decorator_list=[], type_params=[])], decorator_list=[], type_params=[])");
        yield return new TestCaseData("import a.b as c, d", "Import(names=[alias(name='a.b', asname='c'), alias(name='d')])");
        yield return new TestCaseData("from .. import x", "ImportFrom(names=[alias(name='x')], level=2)");
        yield return new TestCaseData("from .m import (a, b as c,)", "ImportFrom(module='m', names=[alias(name='a'), alias(name='b', asname='c')], level=1)");
        yield return new TestCaseData("from m import *", "ImportFrom(module='m', names=[alias(name='*')], level=0)");
        yield return new TestCaseData("from ...pkg.mod import y", "ImportFrom(module='pkg.mod', names=[alias(name='y')], level=3)");
        yield return new TestCaseData("try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass", "Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])");
        yield return new TestCaseData("raise", "Raise()");
        yield return new TestCaseData("raise E('x') from None", "Raise(exc=Call(func=Name(id='E', ctx=Load()), args=[Constant(value='x')], keywords=[]), cause=Constant(value=None))");
        yield return new TestCaseData("assert x, 'msg'", "Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))");
        yield return new TestCaseData("with a as b, c:\n    pass", "With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])");
        yield return new TestCaseData("with (a as b, c as d):\n    pass", "With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])");
        yield return new TestCaseData("with (a, b) as c:\n    pass", "With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])");
        yield return new TestCaseData("x = 1; y = 2;", "Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))");
        yield return new TestCaseData("if x: y = 1; z = 2", "If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value=2))], orelse=[])");
        yield return new TestCaseData("def g():\n    x = yield\n    yield from y\n    return x", "FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Expr(value=YieldFrom(value=Name(id='y', ctx=Load()))), Return(value=Name(id='x', ctx=Load()))], decorator_list=[], type_params=[])");
    }

    [TestCaseSource(nameof(CPythonTrees))]
    public void TreeMatchesCPython(string source, string cpythonDump)
    {
        Assert.That(DumpBody(source), Is.EqualTo(cpythonDump));
    }

    private static Stmt Single(string source) => Parser.ParseModule(source).Body.Single();

    [Test]
    public void ChainedAssignmentKeepsTargetsInOrderWithStoreContext()
    {
        var assign = (AssignStmt)Single("a = b.c = d[0] = 1");
        Assert.That(assign.Targets.Select(t => t.GetType().Name), Is.EqualTo(new[] { "NameExpr", "AttributeExpr", "SubscriptExpr" }));
        Assert.That(assign.Targets.OfType<NameExpr>().Single().Context, Is.EqualTo(ExprContext.Store));
        Assert.That(((AttributeExpr)assign.Targets[1]).Context, Is.EqualTo(ExprContext.Store));
        Assert.That(((AttributeExpr)assign.Targets[1]).Value, Is.InstanceOf<NameExpr>().With.Property("Context").EqualTo(ExprContext.Load));
    }

    [Test]
    public void StarredTargetIsStoredInsideTheTuple()
    {
        var assign = (AssignStmt)Single("first, *rest = items");
        var tuple = (TupleExpr)assign.Targets.Single();
        var starred = (StarredExpr)tuple.Elements[1];
        Assert.That(tuple.Context, Is.EqualTo(ExprContext.Store));
        Assert.That(starred.Context, Is.EqualTo(ExprContext.Store));
        Assert.That(((NameExpr)starred.Value).Context, Is.EqualTo(ExprContext.Store));
    }

    [Test]
    public void AugmentedAssignmentKnowsItsOperator()
    {
        var ops = new[] { "+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//=" }
            .Select(op => ((AugAssignStmt)Single($"x {op} 1")).Op);
        Assert.That(ops, Is.EqualTo(new[]
        {
            BinaryOperator.Add, BinaryOperator.Sub, BinaryOperator.Mult, BinaryOperator.MatMult, BinaryOperator.Div,
            BinaryOperator.Mod, BinaryOperator.BitAnd, BinaryOperator.BitOr, BinaryOperator.BitXor, BinaryOperator.LShift,
            BinaryOperator.RShift, BinaryOperator.Pow, BinaryOperator.FloorDiv,
        }));
    }

    [Test]
    public void DeleteTargetsHaveDelContext()
    {
        var delete = (DeleteStmt)Single("del a, b[0]");
        Assert.That(((NameExpr)delete.Targets[0]).Context, Is.EqualTo(ExprContext.Del));
        Assert.That(((SubscriptExpr)delete.Targets[1]).Context, Is.EqualTo(ExprContext.Del));
    }

    [Test]
    public void ElifIsANestedIfInOrElse()
    {
        var outer = (IfStmt)Single("if a:\n    x\nelif b:\n    y\nelse:\n    z\n");
        var inner = (IfStmt)outer.OrElse.Single();
        Assert.That(((NameExpr)inner.Test).Id, Is.EqualTo("b"));
        Assert.That(inner.OrElse, Has.Length.EqualTo(1));
        Assert.That(outer.Span, Is.EqualTo(new SourceSpan(1, 1, 6, 6)));
    }

    [Test]
    public void FunctionDefinitionCarriesParametersDecoratorsAndGeneratorFlag()
    {
        var module = Parser.ParseModule("@outer\n@inner(1)\ndef f(a, b=2, *, c):\n    def g():\n        yield 1\n    return g\n");
        var f = (FunctionDefStmt)module.Body.Single();
        Assert.That(f.Name, Is.EqualTo("f"));
        Assert.That(f.Decorators.Select(d => d.GetType().Name), Is.EqualTo(new[] { "NameExpr", "CallExpr" }));
        Assert.That(f.Parameters.All.Select(p => p.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(f.IsGenerator, Is.False, "a yield in a nested function does not make the outer one a generator");
        Assert.That(((FunctionDefStmt)f.Body[0]).IsGenerator, Is.True);
        Assert.That(f.Span.Line, Is.EqualTo(3), "CPython puts a decorated function at its 'def' line");
    }

    [TestCase("def f():\n    yield\n", true)]
    [TestCase("def f():\n    x = yield from g()\n", true)]
    [TestCase("def f():\n    return [x for x in (yield)]\n", true)]
    [TestCase("def f():\n    return lambda: (yield)\n", false)]
    [TestCase("def f():\n    class A:\n        pass\n    return 1\n", false)]
    [TestCase("def f(x=(lambda: 1)):\n    return x\n", false)]
    public void GeneratorFlagFollowsCPythonScopes(string source, bool isGenerator)
    {
        Assert.That(((FunctionDefStmt)Single(source)).IsGenerator, Is.EqualTo(isGenerator));
    }

    [Test]
    public void ClassHeaderSplitsBasesAndKeywords()
    {
        var c = (ClassDefStmt)Single("class A(B, *more, metaclass=M, **kw):\n    pass\n");
        Assert.That(c.Bases, Has.Length.EqualTo(2));
        Assert.That(c.Keywords.Select(k => k.Name), Is.EqualTo(new[] { "metaclass", null }));
    }

    [Test]
    public void ImportFromCountsLevelsAndKeepsStar()
    {
        var relative = (ImportFromStmt)Single("from ...a.b import c as d\n");
        Assert.That((relative.Module, relative.Level), Is.EqualTo(("a.b", 3)));
        Assert.That(relative.Names.Single().AsName, Is.EqualTo("d"));
        var star = (ImportFromStmt)Single("from m import *\n");
        Assert.That(star.Names.Single().Name, Is.EqualTo("*"));
    }

    [Test]
    public void TryKeepsHandlersInOrder()
    {
        var t = (TryStmt)Single("try:\n    a\nexcept (E1, E2) as e:\n    b\nexcept E3:\n    c\nexcept:\n    d\nfinally:\n    f\n");
        Assert.That(t.Handlers.Select(h => h.Name), Is.EqualTo(new[] { "e", null, null }));
        Assert.That(t.Handlers[0].Type, Is.InstanceOf<TupleExpr>());
        Assert.That(t.Handlers[2].Type, Is.Null);
        Assert.That(t.FinalBody, Has.Length.EqualTo(1));
        Assert.That(t.Handlers[1].Span, Is.EqualTo(new SourceSpan(5, 1, 6, 6)));
    }

    [Test]
    public void SemicolonsAndOneLineBodies()
    {
        var body = Parser.ParseModule("a = 1; b = 2\nif a: c = 3; d = 4\n").Body;
        Assert.That(body, Has.Length.EqualTo(3));
        Assert.That(((IfStmt)body[2]).Body, Has.Length.EqualTo(2));
    }

    [Test]
    public void RaiseAndAssertForms()
    {
        var raise = (RaiseStmt)Single("raise E from cause\n");
        Assert.That(raise.Exception, Is.Not.Null);
        Assert.That(raise.Cause, Is.Not.Null);
        Assert.That(((RaiseStmt)Single("raise\n")).Exception, Is.Null);
        Assert.That(((AssertStmt)Single("assert x, 'why'\n")).Message, Is.InstanceOf<StrLiteral>());
    }

    [Test]
    public void WithItemsKeepTheirTargets()
    {
        var with = (WithStmt)Single("with open(p) as f, lock:\n    pass\n");
        Assert.That(with.Items[0].OptionalVars, Is.InstanceOf<NameExpr>());
        Assert.That(with.Items[1].OptionalVars, Is.Null);
    }

    [Test]
    public void SoftKeywordsStayOrdinaryNames()
    {
        var body = Parser.ParseModule("match = 1\ncase = match\ntype = case\n_ = type\nmatch(x)\n").Body;
        Assert.That(body, Has.Length.EqualTo(5));
    }

    [Test]
    public void StatementSpansCoverTheirTokens()
    {
        var body = Parser.ParseModule("x = (1 +\n     2)\nreturn_ = 3  # comment\n").Body;
        Assert.That(body[0].Span, Is.EqualTo(new SourceSpan(1, 1, 2, 8)));
        Assert.That(body[1].Span, Is.EqualTo(new SourceSpan(3, 1, 3, 12)));
    }
}
