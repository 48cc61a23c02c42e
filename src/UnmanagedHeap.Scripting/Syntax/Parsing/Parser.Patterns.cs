using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// <c>match</c> statements and their patterns (CPython's <c>match_stmt</c> .. <c>class_pattern</c>
/// rules). <c>match</c> and <c>case</c> are soft keywords: the statement is only tried when
/// <c>match subject:</c> is followed by a newline (<see cref="LooksLikeMatchStatement"/>).
/// </summary>
public sealed partial class Parser
{
    private MatchStmt ParseMatch()
    {
        var keyword = Advance();
        var subject = ParseStarNamedExpressions();
        ExpectHeaderColon();
        Expect(TokenKind.Newline);
        if (!Check(TokenKind.Indent))
        {
            throw ErrorAtToken(
                SyntaxErrorKind.IndentationError,
                $"expected an indented block after 'match' statement on line {keyword.Line}",
                Current);
        }

        Advance();
        var cases = ImmutableArray.CreateBuilder<MatchCase>();
        do
        {
            if (!(Check(TokenKind.Name) && Current.Text == "case"))
            {
                throw InvalidSyntax();
            }

            cases.Add(ParseCase());
        }
        while (!Check(TokenKind.Dedent) && !Check(TokenKind.EndOfFile));
        Match(TokenKind.Dedent);
        return new MatchStmt(subject, cases.ToImmutable(), BlockSpan(keyword));
    }

    private MatchCase ParseCase()
    {
        var keyword = Advance();
        var pattern = ParseTopPatterns();
        Expr? guard = Match(TokenKind.If) ? ParseNamedExpression() : null;
        ExpectHeaderColon();
        var body = ParseBlock("'case' statement", keyword);
        return new MatchCase(pattern, guard, body, SpanFrom(keyword));
    }

    /// <summary><c>patterns: open_sequence_pattern | pattern</c> — a bare <c>a, b</c> is a sequence pattern.</summary>
    private Pattern ParseTopPatterns()
    {
        var start = Current;
        var first = ParseMaybeStarPattern();
        if (!Check(TokenKind.Comma))
        {
            return first is MatchStarPattern ? throw InvalidSyntaxAt(start) : first;
        }

        var items = ImmutableArray.CreateBuilder<Pattern>();
        items.Add(first);
        while (Match(TokenKind.Comma))
        {
            if (Check(TokenKind.Colon) || Check(TokenKind.If))
            {
                break;
            }

            items.Add(ParseMaybeStarPattern());
        }

        return new MatchSequencePattern(items.ToImmutable(), SpanFrom(start));
    }

    private Pattern ParseMaybeStarPattern()
    {
        if (!Check(TokenKind.Star))
        {
            return ParsePattern();
        }

        var star = Advance();
        var name = Expect(TokenKind.Name);
        return new MatchStarPattern(CaptureTarget(name), SpanFrom(star));
    }

    /// <summary><c>pattern: or_pattern ['as' NAME]</c>.</summary>
    private Pattern ParsePattern()
    {
        var start = Current;
        var pattern = ParseOrPattern();
        if (!Match(TokenKind.As))
        {
            return pattern;
        }

        if (!Check(TokenKind.Name))
        {
            throw Check(TokenKind.Newline) || Check(TokenKind.Colon)
                ? InvalidSyntax()
                : ErrorAtToken("invalid pattern target", Current);
        }

        var name = Advance();
        if (name.Text == "_")
        {
            throw ErrorAtToken("cannot use '_' as a target", name);
        }

        return new MatchAsPattern(pattern, CaptureTarget(name), SpanFrom(start));
    }

    private Pattern ParseOrPattern()
    {
        var start = Current;
        var first = ParseClosedPattern();
        if (!Check(TokenKind.VerticalBar))
        {
            return first;
        }

        var alternatives = ImmutableArray.CreateBuilder<Pattern>();
        alternatives.Add(first);
        while (Match(TokenKind.VerticalBar))
        {
            alternatives.Add(ParseClosedPattern());
        }

        return new MatchOrPattern(alternatives.ToImmutable(), SpanFrom(start));
    }

    private Pattern ParseClosedPattern()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.None or TokenKind.True or TokenKind.False:
                return new MatchSingletonPattern(ParseAtom(), token.Span);
            case TokenKind.Number or TokenKind.Minus:
                var number = ParseSignedOrComplexNumber();
                return new MatchValuePattern(number, number.Span);
            case TokenKind.String:
                var text = ParseStrings();
                return new MatchValuePattern(text, text.Span);
            case TokenKind.FStringStart:
                throw ErrorAtToken("patterns may only match literals and attribute lookups", token);
            case TokenKind.LeftParen:
                return ParseGroupOrTuplePattern();
            case TokenKind.LeftBracket:
                return ParseListPattern();
            case TokenKind.LeftBrace:
                return ParseMappingPattern();
            case TokenKind.Name:
                return ParseNamePattern();
            default:
                throw InvalidSyntax();
        }
    }

    /// <summary>A capture, the wildcard, a dotted value, or a class pattern <c>Name.attr(...)</c>.</summary>
    private Pattern ParseNamePattern()
    {
        var first = Advance();
        Expr dotted = new NameExpr(Identifier(first), ExprContext.Load, first.Span);
        bool isDotted = false;
        while (Match(TokenKind.Dot))
        {
            var attr = Expect(TokenKind.Name);
            dotted = new AttributeExpr(dotted, Identifier(attr), ExprContext.Load, SpanFrom(first));
            isDotted = true;
        }

        if (Check(TokenKind.LeftParen))
        {
            return ParseClassPattern(dotted, first);
        }

        if (isDotted)
        {
            return new MatchValuePattern(dotted, dotted.Span);
        }

        if (Check(TokenKind.Equal))
        {
            throw InvalidSyntax();
        }

        return first.Text == "_"
            ? new MatchAsPattern(null, null, first.Span)
            : new MatchAsPattern(null, CaptureTarget(first), first.Span);
    }

    private NameExpr? CaptureTarget(Token name) =>
        name.Text == "_" ? null : new NameExpr(Identifier(name), ExprContext.Store, name.Span);

    private Pattern ParseClassPattern(Expr cls, Token first)
    {
        Advance();
        var positional = ImmutableArray.CreateBuilder<Pattern>();
        var names = ImmutableArray.CreateBuilder<string>();
        var keywords = ImmutableArray.CreateBuilder<Pattern>();
        while (!Check(TokenKind.RightParen))
        {
            if (Check(TokenKind.Name) && Peek(1).Kind == TokenKind.Equal)
            {
                var name = Advance();
                Advance();
                names.Add(Identifier(name));
                keywords.Add(ParsePattern());
            }
            else
            {
                var start = Current;
                var pattern = ParsePattern();
                if (names.Count > 0)
                {
                    throw ErrorRange("positional patterns follow keyword patterns", start.Span, Previous.Span);
                }

                positional.Add(pattern);
            }

            if (!Match(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightParen);
        return new MatchClassPattern(cls, positional.ToImmutable(), names.ToImmutable(), keywords.ToImmutable(), SpanFrom(first));
    }

    private Pattern ParseGroupOrTuplePattern()
    {
        var open = Advance();
        if (Match(TokenKind.RightParen))
        {
            return new MatchSequencePattern(ImmutableArray<Pattern>.Empty, SpanFrom(open));
        }

        var first = ParseMaybeStarPattern();
        if (Match(TokenKind.RightParen))
        {
            // A parenthesized pattern is the pattern itself (a group); a lone star is an error.
            return first is MatchStarPattern ? throw InvalidSyntaxAt(open) : first;
        }

        var items = ImmutableArray.CreateBuilder<Pattern>();
        items.Add(first);
        while (Match(TokenKind.Comma))
        {
            if (Check(TokenKind.RightParen))
            {
                break;
            }

            items.Add(ParseMaybeStarPattern());
        }

        Expect(TokenKind.RightParen);
        return new MatchSequencePattern(items.ToImmutable(), SpanFrom(open));
    }

    private Pattern ParseListPattern()
    {
        var open = Advance();
        var items = ImmutableArray.CreateBuilder<Pattern>();
        while (!Check(TokenKind.RightBracket))
        {
            items.Add(ParseMaybeStarPattern());
            if (!Match(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBracket);
        return new MatchSequencePattern(items.ToImmutable(), SpanFrom(open));
    }

    private Pattern ParseMappingPattern()
    {
        var open = Advance();
        var keys = ImmutableArray.CreateBuilder<Expr>();
        var values = ImmutableArray.CreateBuilder<Pattern>();
        NameExpr? rest = null;
        while (!Check(TokenKind.RightBrace))
        {
            if (Check(TokenKind.DoubleStar))
            {
                Advance();
                var name = Expect(TokenKind.Name);
                if (name.Text == "_")
                {
                    throw InvalidSyntaxAt(name);
                }

                rest = CaptureTarget(name);
                Match(TokenKind.Comma);
                if (!Check(TokenKind.RightBrace))
                {
                    throw InvalidSyntax();
                }

                break;
            }

            keys.Add(ParseMappingKey());
            Expect(TokenKind.Colon);
            values.Add(ParsePattern());
            if (!Match(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBrace);
        return new MatchMappingPattern(keys.ToImmutable(), values.ToImmutable(), rest, SpanFrom(open));
    }

    /// <summary>A mapping key: a literal (number, string, None/True/False) or a dotted name.</summary>
    private Expr ParseMappingKey()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.None or TokenKind.True or TokenKind.False:
                return ParseAtom();
            case TokenKind.Number or TokenKind.Minus:
                return ParseSignedOrComplexNumber();
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.Name:
                Advance();
                Expr dotted = new NameExpr(Identifier(token), ExprContext.Load, token.Span);
                if (!Check(TokenKind.Dot))
                {
                    throw InvalidSyntax();
                }

                while (Match(TokenKind.Dot))
                {
                    var attr = Expect(TokenKind.Name);
                    dotted = new AttributeExpr(dotted, Identifier(attr), ExprContext.Load, SpanFrom(token));
                }

                return dotted;
            default:
                throw InvalidSyntax();
        }
    }

    /// <summary><c>signed_number</c>, or <c>signed_real ('+'|'-') imaginary_number</c>.</summary>
    private Expr ParseSignedOrComplexNumber()
    {
        var start = Current;
        var minus = Match(TokenKind.Minus);
        var numberToken = Expect(TokenKind.Number);
        Expr number = NumberLiteral.FromToken(numberToken);
        if (minus)
        {
            number = new UnaryExpr(UnaryOperator.Minus, number, SpanFrom(start));
        }

        if (Check(TokenKind.Plus) || Check(TokenKind.Minus))
        {
            var op = Advance();
            var imaginaryToken = Expect(TokenKind.Number);
            var imaginary = NumberLiteral.FromToken(imaginaryToken);
            if (imaginary is not ImaginaryLiteral)
            {
                throw ErrorAtNode("imaginary number required in complex literal", imaginary);
            }

            if (number is ImaginaryLiteral or UnaryExpr { Operand: ImaginaryLiteral })
            {
                throw ErrorAtNode("real number required in complex literal", number);
            }

            number = new BinaryExpr(number, op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Sub, imaginary, SpanFrom(start));
        }

        return number;
    }
}
