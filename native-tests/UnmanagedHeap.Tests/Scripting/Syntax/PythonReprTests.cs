using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>The constant reprs <see cref="AstDump"/> prints, against CPython 3.12's <c>repr()</c>.</summary>
public class PythonReprTests
{
    [TestCase(0.0, "0.0")]
    [TestCase(-0.0, "-0.0")]
    [TestCase(1.0, "1.0")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e+16, "1e+16")]
    [TestCase(1000000000000000.0, "1000000000000000.0")]
    [TestCase(1.5e-05, "1.5e-05")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(123456789.123, "123456789.123")]
    [TestCase(5e-324, "5e-324")]
    [TestCase(1.7976931348623157e+308, "1.7976931348623157e+308")]
    [TestCase(-3.75, "-3.75")]
    [TestCase(1.0 / 3, "0.3333333333333333")]
    [TestCase(1e+22, "1e+22")]
    [TestCase(1.2345678901234568e+16, "1.2345678901234568e+16")]
    [TestCase(double.PositiveInfinity, "inf")]
    [TestCase(double.NaN, "nan")]
    public void FloatRepr(double value, string repr)
    {
        Assert.That(PythonRepr.Float(value), Is.EqualTo(repr));
    }

    [TestCase(1.0, "1j")]
    [TestCase(2.5, "2.5j")]
    [TestCase(1e16, "1e+16j")]
    [TestCase(0.0, "0j")]
    [TestCase(1e-7, "1e-07j")]
    public void ImaginaryRepr(double imaginary, string repr)
    {
        Assert.That(PythonRepr.Imaginary(imaginary), Is.EqualTo(repr));
    }

    [Test]
    public void StrReprChoosesQuotesAndEscapesLikeCPython()
    {
        Assert.That(PythonRepr.Str("a'b"), Is.EqualTo("\"a'b\""));
        Assert.That(PythonRepr.Str("a'b\""), Is.EqualTo("'a\\'b\"'"));
        Assert.That(PythonRepr.Str("\0\t\u200b\U0001F600\ud800é"), Is.EqualTo("'\\x00\\t\\u200b\U0001F600\\ud800é'"));
    }

    [Test]
    public void BytesRepr()
    {
        Assert.That(PythonRepr.Bytes(new byte[] { (byte)'a', (byte)'\'', (byte)'b', (byte)'"', 0x80 }), Is.EqualTo("b'a\\'b\"\\x80'"));
    }
}
