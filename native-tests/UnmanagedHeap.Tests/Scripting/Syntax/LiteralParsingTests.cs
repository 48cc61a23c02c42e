using System.Numerics;
using UnmanagedHeap.Scripting.Syntax;
using static UnmanagedHeap.Tests.Scripting.Syntax.SyntaxTestHelpers;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>Numbers, strings and bytes: values as CPython 3.12 computes them, and its warnings.</summary>
public class LiteralParsingTests
{
    [TestCase("0", "0")]
    [TestCase("1_000_000", "1000000")]
    [TestCase("0xff", "255")]
    [TestCase("0XDEAD_BEEF", "3735928559")]
    [TestCase("0o17", "15")]
    [TestCase("0b1010_1010", "170")]
    [TestCase("000", "0")]
    [TestCase("123456789012345678901234567890", "123456789012345678901234567890")]
    [TestCase("0x" + "f" + "fffffffffffffffffffffffffffffff", "340282366920938463463374607431768211455")]
    public void IntegersAreExact(string source, string value)
    {
        var literal = (IntLiteral)Parser.ParseExpression(source);
        Assert.That(literal.Value, Is.EqualTo(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("3.14", 3.14)]
    [TestCase(".5", 0.5)]
    [TestCase("5.", 5.0)]
    [TestCase("1e10", 1e10)]
    [TestCase("1E-5", 1e-5)]
    [TestCase("1_0.0_1e+1_0", 10.01e10)]
    [TestCase("0.1", 0.1)]
    [TestCase("1e400", double.PositiveInfinity)]
    public void FloatsAreRoundedToDoubles(string source, double value)
    {
        Assert.That(((FloatLiteral)Parser.ParseExpression(source)).Value, Is.EqualTo(value));
    }

    [TestCase("2j", 2.0)]
    [TestCase("1.5J", 1.5)]
    [TestCase("1e3j", 1000.0)]
    public void ImaginaryLiterals(string source, double imaginary)
    {
        Assert.That(((ImaginaryLiteral)Parser.ParseExpression(source)).Imaginary, Is.EqualTo(imaginary));
    }

    [TestCase("'abc'", "abc")]
    [TestCase("\"it's\"", "it's")]
    [TestCase("'''multi\nline'''", "multi\nline")]
    [TestCase("'a\\nb\\tc\\\\d\\'e\\\"f'", "a\nb\tc\\d'e\"f")]
    [TestCase("'\\a\\b\\f\\v\\r'", "\a\b\f\v\r")]
    [TestCase("'\\x41\\101\\0'", "AA\0")]
    [TestCase("'\\u00e9\\U0001F600'", "é\U0001F600")]
    [TestCase("'line\\\ncontinued'", "linecontinued")]
    [TestCase("r'\\d+\\n'", "\\d+\\n")]
    [TestCase("R'\\''", "\\'")]
    [TestCase("'a' \"b\" '''c'''", "abc")]
    [TestCase("u'x'", "x")]
    [TestCase("'\\q'", "\\q")]
    public void StringsAreDecoded(string source, string value)
    {
        Assert.That(((StrLiteral)Parser.ParseExpression(source)).Value, Is.EqualTo(value));
    }

    [TestCase("b'abc'", new byte[] { 97, 98, 99 })]
    [TestCase("b'\\x00\\xff\\n'", new byte[] { 0, 255, 10 })]
    [TestCase("b'a' B\"b\"", new byte[] { 97, 98 })]
    [TestCase("rb'\\x00'", new byte[] { 92, 120, 48, 48 })]
    [TestCase("b'\\777'", new byte[] { 255 })]
    [TestCase("b'\\u1234'", new byte[] { 92, 117, 49, 50, 51, 52 })]
    public void BytesAreKeptAsBytes(string source, byte[] value)
    {
        Assert.That(((BytesLiteral)Parser.ParseExpression(source)).Value, Is.EqualTo(value));
    }

    [Test]
    public void ConstantsAndEllipsis()
    {
        Assert.That(Parser.ParseExpression("None"), Is.InstanceOf<NoneLiteral>());
        Assert.That(((BoolLiteral)Parser.ParseExpression("True")).Value, Is.True);
        Assert.That(((BoolLiteral)Parser.ParseExpression("False")).Value, Is.False);
        Assert.That(Parser.ParseExpression("..."), Is.InstanceOf<EllipsisLiteral>());
    }

    [Test]
    public void DumpMatchesCPythonRepr()
    {
        // ast.dump(ast.parse(...)) in CPython 3.12.
        Assert.That(
            DumpBody("x = 1e-5, 1e16, 1e15, 0.1, 100.0, 2.5j, 1e16j, 'it\\'s', b'\\x00\\'\"', '\\t\\x7f\\u00e9'\n"),
            Is.EqualTo("Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1e-05), Constant(value=1e+16), "
                + "Constant(value=1000000000000000.0), Constant(value=0.1), Constant(value=100.0), Constant(value=2.5j), "
                + "Constant(value=1e+16j), Constant(value=\"it's\"), Constant(value=b'\\x00\\'\"'), Constant(value='\\t\\x7fé')], ctx=Load()))"));
    }

    [Test]
    public void InvalidEscapesWarnLikeCPython()
    {
        var module = Parser.ParseModule("a = '\\d'\nb = '\\777'\nc = f'\\{x}'\nd = 0x1for e\n", "w.py");
        Assert.That(module.Warnings.Select(w => w.ToCPythonString()), Is.EqualTo(new[]
        {
            "w.py:1: SyntaxWarning: invalid escape sequence '\\d'",
            "w.py:2: SyntaxWarning: invalid octal escape sequence '\\777'",
            "w.py:3: SyntaxWarning: invalid escape sequence '\\{'",
            "w.py:4: SyntaxWarning: invalid hexadecimal literal",
        }));
    }

    [Test]
    public void NamedUnicodeEscapesAreRefusedClearly()
    {
        var error = ErrorOf("x = '\\N{BULLET}'\n");
        Assert.That(error.Message, Is.EqualTo("\\N{...} escapes are not supported by this interpreter"));
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 5)));
    }
}
