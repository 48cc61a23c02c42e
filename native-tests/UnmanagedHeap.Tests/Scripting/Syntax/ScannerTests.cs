using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>The scanner's tokens, checked against what CPython 3.12's tokenizer produces.</summary>
public class ScannerTests
{
    private static List<TokenKind> Kinds(string source) => Scanner.Tokenize(source).Select(t => t.Kind).ToList();

    private static string Describe(Token t) => $"{t.Kind} '{t.Text}' {t.Span}";

    [Test]
    public void SimpleStatementHasKindsTextAndOneBasedPositions()
    {
        var tokens = Scanner.Tokenize("x = 42\n");
        Assert.That(tokens.Select(Describe), Is.EqualTo(new[]
        {
            "Name 'x' 1:1-1:2",
            "Equal '=' 1:3-1:4",
            "Number '42' 1:5-1:7",
            "Newline '\n' 1:7-1:8",
            "EndOfFile '' 2:1-2:1",
        }));
    }

    [Test]
    public void IndentationProducesIndentAndDedentTokens()
    {
        string source = "if a:\n    if b:\n        c\n    d\ne\n";
        Assert.That(Kinds(source), Is.EqualTo(new[]
        {
            TokenKind.If, TokenKind.Name, TokenKind.Colon, TokenKind.Newline,
            TokenKind.Indent, TokenKind.If, TokenKind.Name, TokenKind.Colon, TokenKind.Newline,
            TokenKind.Indent, TokenKind.Name, TokenKind.Newline,
            TokenKind.Dedent, TokenKind.Name, TokenKind.Newline,
            TokenKind.Dedent, TokenKind.Name, TokenKind.Newline,
            TokenKind.EndOfFile,
        }));
    }

    [Test]
    public void DedentsAtEndOfInputCloseEveryBlock()
    {
        var tokens = Scanner.Tokenize("def f():\n    if x:\n        return 1");
        Assert.That(tokens.TakeLast(4).Select(t => t.Kind), Is.EqualTo(new[]
        {
            TokenKind.Newline, TokenKind.Dedent, TokenKind.Dedent, TokenKind.EndOfFile,
        }));
        Assert.That(tokens[^4].Text, Is.Empty, "the implicit final NEWLINE has no text");
    }

    [Test]
    public void IndentTokenSpansTheWhitespace()
    {
        var indent = Scanner.Tokenize("if x:\n\t  y\n").Single(t => t.Kind == TokenKind.Indent);
        Assert.That(indent.Text, Is.EqualTo("\t  "));
        Assert.That(indent.Span, Is.EqualTo(new SourceSpan(2, 1, 2, 4)));
    }

    [Test]
    public void BlankLinesAndCommentLinesProduceNoTokens()
    {
        string source = "a = 1\n\n   \n# comment\n    # indented comment\nb = 2  # trailing\n";
        Assert.That(Kinds(source), Is.EqualTo(new[]
        {
            TokenKind.Name, TokenKind.Equal, TokenKind.Number, TokenKind.Newline,
            TokenKind.Name, TokenKind.Equal, TokenKind.Number, TokenKind.Newline,
            TokenKind.EndOfFile,
        }));
    }

    [Test]
    public void NoNewlineOrIndentInsideBrackets()
    {
        string source = "x = (1,\n        2,\n  [3,\n4])\ny\n";
        var kinds = Kinds(source);
        Assert.That(kinds.Count(k => k == TokenKind.Newline), Is.EqualTo(2));
        Assert.That(kinds, Does.Not.Contain(TokenKind.Indent));
    }

    [Test]
    public void BackslashJoinsLines()
    {
        var tokens = Scanner.Tokenize("x = 1 + \\\n    2\n");
        Assert.That(tokens.Select(t => t.Kind), Is.EqualTo(new[]
        {
            TokenKind.Name, TokenKind.Equal, TokenKind.Number, TokenKind.Plus, TokenKind.Number,
            TokenKind.Newline, TokenKind.EndOfFile,
        }));
        Assert.That(tokens[4].Span, Is.EqualTo(new SourceSpan(2, 5, 2, 6)));
    }

    [Test]
    public void CarriageReturnsAreNormalized()
    {
        Assert.That(Kinds("if x:\r\n    y\r\n"), Is.EqualTo(Kinds("if x:\n    y\n")));
    }

    [Test]
    public void KeywordsHaveTheirOwnKindsButSoftKeywordsAreNames()
    {
        var tokens = Scanner.Tokenize("if not None match case type _ lambda\n");
        Assert.That(tokens.Take(8).Select(t => t.Kind), Is.EqualTo(new[]
        {
            TokenKind.If, TokenKind.Not, TokenKind.None, TokenKind.Name, TokenKind.Name,
            TokenKind.Name, TokenKind.Name, TokenKind.Lambda,
        }));
        Assert.That(tokens[0].IsKeyword, Is.True);
        Assert.That(tokens[3].IsKeyword, Is.False);
    }

    [Test]
    public void OperatorsUseTheLongestMatch()
    {
        var tokens = Scanner.Tokenize("a **= b // c //= d >>= e != f -> g := h ... i @= j <<k\n");
        var operators = tokens.Where(t => t.Kind is not (TokenKind.Name or TokenKind.Newline or TokenKind.EndOfFile));
        Assert.That(operators.Select(t => t.Kind), Is.EqualTo(new[]
        {
            TokenKind.DoubleStarEqual, TokenKind.DoubleSlash, TokenKind.DoubleSlashEqual, TokenKind.RightShiftEqual,
            TokenKind.NotEqual, TokenKind.Arrow, TokenKind.ColonEqual, TokenKind.Ellipsis, TokenKind.AtEqual,
            TokenKind.LeftShift,
        }));
    }

    [TestCase("0", "0")]
    [TestCase("1_000_000", "1_000_000")]
    [TestCase("0xDEAD_beef", "0xDEAD_beef")]
    [TestCase("0o777", "0o777")]
    [TestCase("0b1010", "0b1010")]
    [TestCase("3.14", "3.14")]
    [TestCase(".5", ".5")]
    [TestCase("5.", "5.")]
    [TestCase("1e10", "1e10")]
    [TestCase("1E-5", "1E-5")]
    [TestCase("2.5j", "2.5j")]
    [TestCase("10J", "10J")]
    [TestCase("1_0.0_1e+1_0", "1_0.0_1e+1_0")]
    public void NumbersAreSingleTokens(string source, string text)
    {
        var tokens = Scanner.Tokenize(source + "\n");
        Assert.That(tokens[0].Kind, Is.EqualTo(TokenKind.Number));
        Assert.That(tokens[0].Text, Is.EqualTo(text));
        Assert.That(tokens[1].Kind, Is.EqualTo(TokenKind.Newline));
    }

    [Test]
    public void NumberFollowedByKeywordSplitsAndWarnsLikeCPython()
    {
        var result = new Scanner(new SourceText("x = 1if y else 2\n", "f.py")).Scan();
        Assert.That(result.Tokens.Take(4).Select(t => t.Text), Is.EqualTo(new[] { "x", "=", "1", "if" }));
        Assert.That(result.Warnings.Single().ToCPythonString(), Is.EqualTo("f.py:1: SyntaxWarning: invalid decimal literal"));
    }

    [TestCase("'abc'")]
    [TestCase("\"a\\\"b\"")]
    [TestCase("'''multi\nline'''")]
    [TestCase("\"\"\"has ' and \" inside\"\"\"")]
    [TestCase("r'\\d+'")]
    [TestCase("b'\\x00'")]
    [TestCase("Rb'x'")]
    [TestCase("u'x'")]
    [TestCase("''")]
    public void StringsAreSingleTokensWithPrefixAndQuotes(string literal)
    {
        var tokens = Scanner.Tokenize(literal + "\n");
        Assert.That(tokens[0].Kind, Is.EqualTo(TokenKind.String));
        Assert.That(tokens[0].Text, Is.EqualTo(literal));
    }

    [Test]
    public void TripleQuotedStringSpansLines()
    {
        var token = Scanner.Tokenize("x = '''a\nb\nc'''\n")[2];
        Assert.That(token.Span, Is.EqualTo(new SourceSpan(1, 5, 3, 5)));
    }

    [Test]
    public void FStringIsSplitLikeCPython312()
    {
        var tokens = Scanner.Tokenize("f\"a{x!r:>{w}}b{{c}}\"\n");
        Assert.That(tokens.Select(t => $"{t.Kind} {t.Text}"), Is.EqualTo(new[]
        {
            "FStringStart f\"",
            "FStringMiddle a",
            "LeftBrace {",
            "Name x",
            "Exclamation !",
            "Name r",
            "Colon :",
            "FStringMiddle >",
            "LeftBrace {",
            "Name w",
            "RightBrace }",
            "RightBrace }",
            "FStringMiddle b{{c}}",
            "FStringEnd \"",
            "Newline \n",
            "EndOfFile ",
        }));
    }

    [Test]
    public void FStringFieldMayReuseTheQuoteAndNestFStrings()
    {
        var tokens = Scanner.Tokenize("f\"{d[\"k\"]}{f\"{x}\"}\"\n");
        Assert.That(tokens.Select(t => t.Kind), Is.EqualTo(new[]
        {
            TokenKind.FStringStart, TokenKind.LeftBrace, TokenKind.Name, TokenKind.LeftBracket, TokenKind.String,
            TokenKind.RightBracket, TokenKind.RightBrace, TokenKind.LeftBrace, TokenKind.FStringStart,
            TokenKind.LeftBrace, TokenKind.Name, TokenKind.RightBrace, TokenKind.FStringEnd, TokenKind.RightBrace,
            TokenKind.FStringEnd, TokenKind.Newline, TokenKind.EndOfFile,
        }));
    }

    [Test]
    public void ColonInsideBracketsOfAFieldIsNotAFormatSpec()
    {
        var tokens = Scanner.Tokenize("f'{a[1:2]:>3}'\n");
        Assert.That(tokens.Count(t => t.Kind == TokenKind.Colon), Is.EqualTo(2));
        Assert.That(tokens.Single(t => t.Kind == TokenKind.FStringMiddle).Text, Is.EqualTo(">3"));
    }

    [Test]
    public void LevelCountsOpenBrackets()
    {
        var tokens = Scanner.Tokenize("f(a[1], {b})\n");
        Assert.That(tokens.Select(t => t.Level), Is.EqualTo(new[] { 0, 1, 1, 2, 2, 1, 1, 2, 2, 1, 0, 0, 0 }));
    }

    [Test]
    public void CharactersThatStartNoTokenBecomeErrorTokens()
    {
        Assert.That(Kinds("a $ b\n")[1], Is.EqualTo(TokenKind.ErrorToken));
    }

    [Test]
    public void ScanStopsAtTheFirstTokenizerError()
    {
        var result = new Scanner(new SourceText("a = 1\nb = 'oops\nc = 2\n", "f.py")).Scan();
        Assert.That(result.Error!.Message, Is.EqualTo("unterminated string literal (detected at line 2)"));
        Assert.That(result.Tokens[^1].Kind, Is.EqualTo(TokenKind.EndOfFile));
        Assert.That(result.Tokens.Count(t => t.Kind == TokenKind.Newline), Is.EqualTo(1));
    }

    [Test]
    public void UnclosedBracketIsReportedAsNeverClosed()
    {
        var result = new Scanner(new SourceText("x = [1,\n  (2,\n", "f.py")).Scan();
        Assert.That(result.Error, Is.Null);
        Assert.That(result.UnclosedBracket!.Message, Is.EqualTo("'(' was never closed"));
        Assert.That(result.UnclosedBracketLine, Is.EqualTo(2));
    }

    [Test]
    public void NonAsciiIdentifiersAreNames()
    {
        var tokens = Scanner.Tokenize("ñame = π\n");
        Assert.That(tokens[0].Kind, Is.EqualTo(TokenKind.Name));
        Assert.That(tokens[2].Text, Is.EqualTo("π"));
    }
}
