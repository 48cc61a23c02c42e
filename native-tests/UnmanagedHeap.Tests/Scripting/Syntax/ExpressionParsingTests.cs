using System.Globalization;
using System.Text;
using UnmanagedHeap.Scripting.Syntax;
using static UnmanagedHeap.Tests.Scripting.Syntax.SyntaxTestHelpers;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>Expression trees: Python's precedence and associativity, and CPython's exact tree shapes.</summary>
public class ExpressionParsingTests
{
    /// <summary>Renders an expression with every operation parenthesized, to make precedence visible.</summary>
    private static string Shape(Expr e) => e switch
    {
        NameExpr n => n.Id,
        IntLiteral i => i.Value.ToString(CultureInfo.InvariantCulture),
        BinaryExpr b => $"({Shape(b.Left)} {Symbol(b.Op)} {Shape(b.Right)})",
        UnaryExpr u => u.Op == UnaryOperator.Not ? $"(not {Shape(u.Operand)})" : $"({Symbol(u.Op)}{Shape(u.Operand)})",
        BoolOpExpr b => "(" + string.Join(b.Op == BoolOperator.And ? " and " : " or ", b.Values.Select(Shape)) + ")",
        CompareExpr c => Compare(c),
        ConditionalExpr c => $"({Shape(c.Body)} if {Shape(c.Test)} else {Shape(c.OrElse)})",
        LambdaExpr l => $"(lambda: {Shape(l.Body)})",
        NamedExpr n => $"({n.Target.Id} := {Shape(n.Value)})",
        AttributeExpr a => $"{Shape(a.Value)}.{a.Attr}",
        CallExpr c => $"{Shape(c.Func)}({string.Join(", ", c.Args.Select(Shape))})",
        SubscriptExpr s => $"{Shape(s.Value)}[{Shape(s.Slice)}]",
        TupleExpr t => "(" + string.Join(", ", t.Elements.Select(Shape)) + (t.Elements.Length == 1 ? ",)" : ")"),
        StarredExpr s => "*" + Shape(s.Value),
        _ => e.GetType().Name,
    };

    private static string Compare(CompareExpr c)
    {
        var sb = new StringBuilder("(").Append(Shape(c.Left));
        for (int i = 0; i < c.Ops.Length; i++)
        {
            sb.Append(' ').Append(Symbol(c.Ops[i])).Append(' ').Append(Shape(c.Comparators[i]));
        }

        return sb.Append(')').ToString();
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Sub => "-",
        BinaryOperator.Mult => "*",
        BinaryOperator.MatMult => "@",
        BinaryOperator.Div => "/",
        BinaryOperator.FloorDiv => "//",
        BinaryOperator.Mod => "%",
        BinaryOperator.Pow => "**",
        BinaryOperator.LShift => "<<",
        BinaryOperator.RShift => ">>",
        BinaryOperator.BitOr => "|",
        BinaryOperator.BitXor => "^",
        _ => "&",
    };

    private static string Symbol(UnaryOperator op) => op switch
    {
        UnaryOperator.Minus => "-",
        UnaryOperator.Plus => "+",
        _ => "~",
    };

    private static string Symbol(CompareOperator op) => op switch
    {
        CompareOperator.Eq => "==",
        CompareOperator.NotEq => "!=",
        CompareOperator.Lt => "<",
        CompareOperator.LtE => "<=",
        CompareOperator.Gt => ">",
        CompareOperator.GtE => ">=",
        CompareOperator.Is => "is",
        CompareOperator.IsNot => "is not",
        CompareOperator.In => "in",
        _ => "not in",
    };

    [TestCase("-2 ** 2", "(-(2 ** 2))")]
    [TestCase("2 ** -1", "(2 ** (-1))")]
    [TestCase("-2 ** -2 ** 3", "(-(2 ** (-(2 ** 3))))")]
    [TestCase("a ** b ** c", "(a ** (b ** c))")]
    [TestCase("~a ** b", "(~(a ** b))")]
    [TestCase("a * -b ** c", "(a * (-(b ** c)))")]
    [TestCase("a + b * c", "(a + (b * c))")]
    [TestCase("a * b + c", "((a * b) + c)")]
    [TestCase("a - b - c", "((a - b) - c)")]
    [TestCase("a / b // c % d @ e", "((((a / b) // c) % d) @ e)")]
    [TestCase("a << b + c", "(a << (b + c))")]
    [TestCase("a >> b << c", "((a >> b) << c)")]
    [TestCase("a & b << c", "(a & (b << c))")]
    [TestCase("a ^ b & c", "(a ^ (b & c))")]
    [TestCase("a | b ^ c", "(a | (b ^ c))")]
    [TestCase("a | b < c | d", "((a | b) < (c | d))")]
    [TestCase("a < b <= c != d", "(a < b <= c != d)")]
    [TestCase("a is not b not in c is d in e", "(a is not b not in c is d in e)")]
    [TestCase("not a == b", "(not (a == b))")]
    [TestCase("not a and not b", "((not a) and (not b))")]
    [TestCase("a or b and c or d", "(a or (b and c) or d)")]
    [TestCase("a and b and c", "(a and b and c)")]
    [TestCase("(a or b) and c", "((a or b) and c)")]
    [TestCase("a if b else c if d else e", "(a if b else (c if d else e))")]
    [TestCase("a or b if c and d else e", "((a or b) if (c and d) else e)")]
    [TestCase("lambda: a if b else c", "(lambda: (a if b else c))")]
    [TestCase("(x := a + b)", "(x := (a + b))")]
    [TestCase("f(a)(b).c[d]", "f(a)(b).c[d]")]
    [TestCase("-a.b(c)", "(-a.b(c))")]
    [TestCase("a, *b", "(a, *b)")]
    [TestCase("1,", "(1,)")]
    public void PrecedenceAndAssociativity(string source, string shape)
    {
        Assert.That(Shape(Parser.ParseExpression(source)), Is.EqualTo(shape));
    }

    /// <summary>Dumps from <c>ast.dump(ast.parse(source, mode='eval').body)</c> in CPython 3.12.</summary>
    public static IEnumerable<TestCaseData> CPythonTrees()
    {
        yield return new TestCaseData("-2 ** 2", "UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2)))");
        yield return new TestCaseData("a ** b ** c", "BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load())))");
        yield return new TestCaseData("-a ** -b", "UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load()))))");
        yield return new TestCaseData("a / b // c % d @ e", "BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Div(), right=Name(id='b', ctx=Load())), op=FloorDiv(), right=Name(id='c', ctx=Load())), op=Mod(), right=Name(id='d', ctx=Load())), op=MatMult(), right=Name(id='e', ctx=Load()))");
        yield return new TestCaseData("a & b | c ^ d", "BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=BitAnd(), right=Name(id='b', ctx=Load())), op=BitOr(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitXor(), right=Name(id='d', ctx=Load())))");
        yield return new TestCaseData("not a and b or c", "BoolOp(op=Or(), values=[BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())), Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())])");
        yield return new TestCaseData("a and b and c", "BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])");
        yield return new TestCaseData("a in b is c", "Compare(left=Name(id='a', ctx=Load()), ops=[In(), Is()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])");
        yield return new TestCaseData("a if b else c if d else e", "IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load())))");
        yield return new TestCaseData("lambda x, y=1, *a, z, **k: x", "Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x'), arg(arg='y')], vararg=arg(arg='a'), kwonlyargs=[arg(arg='z')], kw_defaults=[None], kwarg=arg(arg='k'), defaults=[Constant(value=1)]), body=Name(id='x', ctx=Load()))");
        yield return new TestCaseData("lambda *, a: a", "Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=Name(id='a', ctx=Load()))");
        yield return new TestCaseData("(x := 1 + 2)", "NamedExpr(target=Name(id='x', ctx=Store()), value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))");
        yield return new TestCaseData("a[:, 1]", "Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(), Constant(value=1)], ctx=Load()), ctx=Load())");
        yield return new TestCaseData("a[1:2, ...]", "Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Constant(value=Ellipsis)], ctx=Load()), ctx=Load())");
        yield return new TestCaseData("a[*b]", "Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load())");
        yield return new TestCaseData("f(a, *b, c=1, **d)", "Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))])");
        yield return new TestCaseData("f(x for x in y)", "Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[])");
        yield return new TestCaseData("f(a)(b)[c].d", "Attribute(value=Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Load())");
        yield return new TestCaseData("()", "Tuple(elts=[], ctx=Load())");
        yield return new TestCaseData("(1,)", "Tuple(elts=[Constant(value=1)], ctx=Load())");
        yield return new TestCaseData("{}", "Dict(keys=[], values=[])");
        yield return new TestCaseData("{1: 2, **d}", "Dict(keys=[Constant(value=1), None], values=[Constant(value=2), Name(id='d', ctx=Load())])");
        yield return new TestCaseData("{1, *a}", "Set(elts=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load())])");
        yield return new TestCaseData("[x for x in y if x for z in x]", "ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)])");
        yield return new TestCaseData("{k: v for k, v in d}", "DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], is_async=0)])");
        yield return new TestCaseData("a + (yield)", "BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Yield())");
    }

    [TestCaseSource(nameof(CPythonTrees))]
    public void TreeMatchesCPython(string source, string cpythonDump)
    {
        Assert.That(DumpExpr(source), Is.EqualTo(cpythonDump));
    }

    [Test]
    public void NodesCarrySpansForTracebacks()
    {
        var expr = (BinaryExpr)Parser.ParseExpression("(a + b) * c2");
        Assert.That(expr.Span, Is.EqualTo(new SourceSpan(1, 1, 1, 13)), "a node built from a parenthesized operand starts at the parenthesis");
        Assert.That(expr.Left.Span, Is.EqualTo(new SourceSpan(1, 2, 1, 7)), "the parenthesized node itself excludes them");
        Assert.That(expr.Right.Span, Is.EqualTo(new SourceSpan(1, 11, 1, 13)));
        Assert.That((expr.Line, expr.Column, expr.EndLine, expr.EndColumn), Is.EqualTo((1, 1, 1, 13)));
    }

    [Test]
    public void MultiLineExpressionSpansLines()
    {
        var call = (CallExpr)Parser.ParseExpression("f(1,\n  2)");
        Assert.That(call.Span, Is.EqualTo(new SourceSpan(1, 1, 2, 5)));
        Assert.That(call.Args[1].Span, Is.EqualTo(new SourceSpan(2, 3, 2, 4)));
    }

    [Test]
    public void CallKeepsArgumentKinds()
    {
        var call = (CallExpr)Parser.ParseExpression("f(1, *xs, key=2, **kw)");
        Assert.That(call.Args, Has.Length.EqualTo(2));
        Assert.That(call.Args[1], Is.InstanceOf<StarredExpr>());
        Assert.That(call.Keywords.Select(k => k.Name), Is.EqualTo(new[] { "key", null }));
    }

    [Test]
    public void BareGeneratorArgumentIsAGeneratorExpression()
    {
        var call = (CallExpr)Parser.ParseExpression("sum(x * x for x in range(10) if x % 2)");
        var generator = (GeneratorExpr)call.Args.Single();
        Assert.That(generator.Generators.Single().Ifs, Has.Length.EqualTo(1));
        Assert.That(generator.Span, Is.EqualTo(new SourceSpan(1, 4, 1, 39)), "as in CPython, it shares the call's parentheses");
    }

    [Test]
    public void SlicesKeepAbsentPartsNull()
    {
        var slice = (SliceExpr)((SubscriptExpr)Parser.ParseExpression("a[::2]")).Slice;
        Assert.That(slice.Lower, Is.Null);
        Assert.That(slice.Upper, Is.Null);
        Assert.That(slice.Step, Is.InstanceOf<IntLiteral>());
    }

    [Test]
    public void LambdaParametersAreGroupedByKind()
    {
        var lambda = (LambdaExpr)Parser.ParseExpression("lambda a, /, b=1, *c, d, e=2, **f: 0");
        var p = lambda.Parameters;
        Assert.That(p.All.Select(x => (x.Name, x.Kind)), Is.EqualTo(new[]
        {
            ("a", ParameterKind.PositionalOnly), ("b", ParameterKind.PositionalOrKeyword), ("c", ParameterKind.VarPositional),
            ("d", ParameterKind.KeywordOnly), ("e", ParameterKind.KeywordOnly), ("f", ParameterKind.VarKeyword),
        }));
        Assert.That(p.Positional.Select(x => x.Name), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(p.PositionalOnlyCount, Is.EqualTo(1));
        Assert.That(p.VarArgs!.Name, Is.EqualTo("c"));
        Assert.That(p.KeywordOnly.Select(x => x.Default is null), Is.EqualTo(new[] { true, false }));
        Assert.That(p.KwArgs!.Name, Is.EqualTo("f"));
        Assert.That(lambda.IsGenerator, Is.False);
    }

    [Test]
    public void LambdaContainingYieldIsAGenerator()
    {
        Assert.That(((LambdaExpr)Parser.ParseExpression("lambda: (yield)")).IsGenerator, Is.True);
    }

    [Test]
    public void DictDisplayKeepsUnpackingsAsNullKeys()
    {
        var dict = (DictExpr)Parser.ParseExpression("{'a': 1, **rest, 'b': 2}");
        Assert.That(dict.Items.Select(i => i.Key is null), Is.EqualTo(new[] { false, true, false }));
    }
}
