using UnmanagedHeap.Scripting.Syntax;
using static UnmanagedHeap.Tests.Scripting.Syntax.SyntaxTestHelpers;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>F-strings (PEP 701, CPython 3.12): parts, conversions, nested format specs, the <c>=</c> form.</summary>
public class FStringParsingTests
{
    /// <summary>Dumps from <c>ast.dump(ast.parse(source, mode='eval').body)</c> in CPython 3.12.</summary>
    public static IEnumerable<TestCaseData> CPythonTrees()
    {
        yield return new TestCaseData("f\"a{b}c\"", "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c')])");
        yield return new TestCaseData("f\"{x!r} {y!s} {z!a}\"", "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value=' '), FormattedValue(value=Name(id='y', ctx=Load()), conversion=115), Constant(value=' '), FormattedValue(value=Name(id='z', ctx=Load()), conversion=97)])");
        yield return new TestCaseData("f\"{x:>10}\"", "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))])");
        yield return new TestCaseData("f\"{x:{w}.{p}f}\"", "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1), Constant(value='f')]))])");
        yield return new TestCaseData("f\"{x=}\"", "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)])");
        yield return new TestCaseData("f\"{ x = }\"", "JoinedStr(values=[Constant(value=' x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)])");
        yield return new TestCaseData("f\"{x=!s}\"", "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)])");
        yield return new TestCaseData("f\"{x=:>5}\"", "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>5')]))])");
        yield return new TestCaseData("f\"{{literal}} {x}\"", "JoinedStr(values=[Constant(value='{literal} '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)])");
        yield return new TestCaseData("f\"{d[\"key\"]}\"", "JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='d', ctx=Load()), slice=Constant(value='key'), ctx=Load()), conversion=-1)])");
        yield return new TestCaseData("f'{f\"{inner}\"}'", "JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='inner', ctx=Load()), conversion=-1)]), conversion=-1)])");
        yield return new TestCaseData("f\"{a!r:^{w}}\"", "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='^'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))])");
        yield return new TestCaseData("\"a\" f\"{b}\" \"c\"", "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c')])");
        yield return new TestCaseData("f\"\"", "JoinedStr(values=[])");
        yield return new TestCaseData("f\"{x:}\"", "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))])");
        yield return new TestCaseData("rf\"\\d{x}\"", "JoinedStr(values=[Constant(value='\\\\d'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)])");
        yield return new TestCaseData("f\"\\t{x}\\n\"", "JoinedStr(values=[Constant(value='\\t'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\n')])");
        yield return new TestCaseData("f\"\"\"{\nx\n}\"\"\"", "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)])");
        yield return new TestCaseData("f\"{x,y}\"", "JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)])");
        yield return new TestCaseData("f\"{(lambda: 1)()}\"", "JoinedStr(values=[FormattedValue(value=Call(func=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)), args=[], keywords=[]), conversion=-1)])");
        yield return new TestCaseData("f\"{3.14!r:>10}\"", "JoinedStr(values=[FormattedValue(value=Constant(value=3.14), conversion=114, format_spec=JoinedStr(values=[Constant(value='>10')]))])");
    }

    [TestCaseSource(nameof(CPythonTrees))]
    public void TreeMatchesCPython(string source, string cpythonDump)
    {
        Assert.That(DumpExpr(source), Is.EqualTo(cpythonDump));
    }

    private static FStringExpr Parse(string source) => (FStringExpr)Parser.ParseExpression(source);

    [Test]
    public void PartsAlternateBetweenTextAndFields()
    {
        var f = Parse("f'Hello, {name}! You are {age} years old.'");
        Assert.That(f.Parts.Select(p => p.GetType().Name), Is.EqualTo(new[]
        {
            "StrLiteral", "FormattedValue", "StrLiteral", "FormattedValue", "StrLiteral",
        }));
        Assert.That(((StrLiteral)f.Parts[0]).Value, Is.EqualTo("Hello, "));
        Assert.That(((FormattedValue)f.Parts[1]).Conversion, Is.EqualTo(FormatConversion.None));
    }

    [TestCase("f'{x!s}'", FormatConversion.Str)]
    [TestCase("f'{x!r}'", FormatConversion.Repr)]
    [TestCase("f'{x!a}'", FormatConversion.Ascii)]
    [TestCase("f'{x}'", FormatConversion.None)]
    [TestCase("f'{x=}'", FormatConversion.Repr)]
    [TestCase("f'{x=:5}'", FormatConversion.None)]
    public void Conversions(string source, FormatConversion conversion)
    {
        Assert.That(Parse(source).Parts.OfType<FormattedValue>().Single().Conversion, Is.EqualTo(conversion));
    }

    [Test]
    public void FormatSpecMayContainFields()
    {
        var field = (FormattedValue)Parse("f'{value:{width}.{precision}f}'").Parts.Single();
        var spec = field.FormatSpec!;
        Assert.That(spec.Parts.Select(p => p is StrLiteral s ? s.Value : ((NameExpr)((FormattedValue)p).Value).Id),
            Is.EqualTo(new[] { "width", ".", "precision", "f" }));
    }

    [Test]
    public void EmptyFormatSpecIsPresentButEmpty()
    {
        var field = (FormattedValue)Parse("f'{x:}'").Parts.Single();
        Assert.That(field.FormatSpec, Is.Not.Null);
        Assert.That(field.FormatSpec!.Parts, Is.Empty);
        Assert.That(((FormattedValue)Parse("f'{x}'").Parts.Single()).FormatSpec, Is.Null);
    }

    [Test]
    public void SelfDocumentingFieldKeepsItsSourceText()
    {
        var f = Parse("f'{a + b = }'");
        Assert.That(((StrLiteral)f.Parts[0]).Value, Is.EqualTo("a + b = "));
        Assert.That(((FormattedValue)f.Parts[1]).Value, Is.InstanceOf<BinaryExpr>());
    }

    [Test]
    public void DoubledBracesAreLiteralBraces()
    {
        Assert.That(((StrLiteral)Parse("f'{{x}}'").Parts.Single()).Value, Is.EqualTo("{x}"));
    }

    [Test]
    public void FieldMayReuseTheEnclosingQuote()
    {
        var field = (FormattedValue)Parse("f\"{'-'.join([\"a\", \"b\"])}\"").Parts.Single();
        Assert.That(field.Value, Is.InstanceOf<CallExpr>());
    }

    [Test]
    public void NestedFStringsAndDictInsideFormatSpec()
    {
        var outer = (FormattedValue)Parse("f'{f\"{x!r}\":>{width}}'").Parts.Single();
        Assert.That(outer.Value, Is.InstanceOf<FStringExpr>());
        var nested = (FormattedValue)Parse("f'{x:{{}}}'").Parts.Single();
        Assert.That(((FormattedValue)nested.FormatSpec!.Parts.Single()).Value, Is.InstanceOf<DictExpr>());
    }

    [Test]
    public void AdjacentLiteralsMergeIntoOneJoinedString()
    {
        var f = Parse("'a' f'{x}' 'b' 'c' f'd'");
        Assert.That(f.Parts.Select(p => p is StrLiteral s ? s.Value : "{}"), Is.EqualTo(new[] { "a", "{}", "bcd" }));
    }

    [Test]
    public void FieldSpansAreRealPositions()
    {
        var f = Parse("f'ab{x!r:>3}cd'");
        var field = (FormattedValue)f.Parts[1];
        Assert.That(field.Span, Is.EqualTo(new SourceSpan(1, 5, 1, 13)));
        Assert.That(field.Value.Span, Is.EqualTo(new SourceSpan(1, 6, 1, 7)));
        Assert.That(f.Span, Is.EqualTo(new SourceSpan(1, 1, 1, 16)));
    }

    [Test]
    public void MultiLineFieldInTripleQuotedFString()
    {
        var f = Parse("f'''total: {\n    a +\n    b\n}'''");
        Assert.That(((FormattedValue)f.Parts[1]).Value.Span, Is.EqualTo(new SourceSpan(2, 5, 3, 6)));
    }
}
