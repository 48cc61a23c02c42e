using System.Collections.Immutable;
using System.Text;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Atoms: names, constants, numbers, strings, and parenthesized, list, set and dict displays and comprehensions.</summary>
public sealed partial class Parser
{
    private Expr ParseAtom()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                Advance();
                return new NameExpr(Identifier(token), ExprContext.Load, token.Span);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new BoolLiteral(token.Kind == TokenKind.True, token.Span);
            case TokenKind.None:
                Advance();
                return new NoneLiteral(token.Span);
            case TokenKind.Ellipsis:
                Advance();
                return new EllipsisLiteral(token.Span);
            case TokenKind.Number:
                Advance();
                return NumberLiteral.FromToken(token);
            case TokenKind.String or TokenKind.FStringStart:
                return ParseStrings();
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseListDisplay();
            case TokenKind.LeftBrace:
                return ParseBraceDisplay();
            default:
                throw InvalidSyntax();
        }
    }

    /// <summary>An identifier as CPython stores it: NFKC-normalized when it is not ASCII.</summary>
    private static string Identifier(Token token)
    {
        string text = token.Text;
        if (Ascii.IsValid(text))
        {
            return text;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (PlatformNotSupportedException)
        {
            return text;
        }
    }

    /// <summary><c>()</c>, <c>(expr)</c>, <c>(yield ...)</c>, a tuple display, or a generator expression.</summary>
    private Expr ParseParenthesized()
    {
        var open = Advance();
        if (Check(TokenKind.RightParen))
        {
            Advance();
            var empty = new TupleExpr(ImmutableArray<Expr>.Empty, ExprContext.Load, SpanFrom(open));
            _groups[empty] = empty.Span;
            return empty;
        }

        if (Check(TokenKind.Yield))
        {
            var yield = ParseYieldExpression();
            Expect(TokenKind.RightParen);
            _groups[yield] = SpanFrom(open);
            return yield;
        }

        if (Check(TokenKind.DoubleStar))
        {
            var star = Advance();
            var value = ParseExpression();
            if (Check(TokenKind.RightParen))
            {
                throw ErrorAtToken("cannot use double starred expression here", star);
            }

            throw InvalidSyntaxAt(star);
        }

        var first = ParseStarNamedExpression();
        if (Check(TokenKind.For))
        {
            var generators = ParseComprehensionClauses();
            Expect(TokenKind.RightParen);
            var generator = new GeneratorExpr(first, generators, SpanFrom(open));
            _groups[generator] = SpanFrom(open);
            return generator;
        }

        if (Check(TokenKind.RightParen))
        {
            if (first is StarredExpr)
            {
                throw ErrorAtNode("cannot use starred expression here", first);
            }

            Advance();
            _groups[first] = SpanFrom(open);
            return first;
        }

        var elements = ParseDisplayRest(first, TokenKind.RightParen);
        Expect(TokenKind.RightParen);
        var tuple = new TupleExpr(elements, ExprContext.Load, SpanFrom(open));
        _groups[tuple] = SpanFrom(open);
        return tuple;
    }

    /// <summary>The elements after the first of a display: <c>(',' star_named_expression)* [',']</c>.</summary>
    private ImmutableArray<Expr> ParseDisplayRest(Expr first, TokenKind closing)
    {
        var elements = ImmutableArray.CreateBuilder<Expr>();
        elements.Add(first);
        while (Match(TokenKind.Comma))
        {
            if (Check(closing))
            {
                break;
            }

            elements.Add(ParseStarNamedExpression());
            if (Check(TokenKind.For) && closing != TokenKind.RightParen)
            {
                throw ErrorRange("did you forget parentheses around the comprehension target?", first.Span, elements[^1].Span);
            }
        }

        return elements.ToImmutable();
    }

    private Expr ParseListDisplay()
    {
        var open = Advance();
        if (Match(TokenKind.RightBracket))
        {
            return new ListExpr(ImmutableArray<Expr>.Empty, ExprContext.Load, SpanFrom(open));
        }

        var first = ParseStarNamedExpression();
        if (Check(TokenKind.For))
        {
            var generators = ParseComprehensionClauses();
            Expect(TokenKind.RightBracket);
            return new ListCompExpr(first, generators, SpanFrom(open));
        }

        ThrowIfCommaBeforeFor(first);
        var elements = ParseDisplayRest(first, TokenKind.RightBracket);
        Expect(TokenKind.RightBracket);
        return new ListExpr(elements, ExprContext.Load, SpanFrom(open));
    }

    /// <summary>CPython's hint for <c>[x, for x in y]</c>.</summary>
    private void ThrowIfCommaBeforeFor(Expr first)
    {
        if (Check(TokenKind.Comma) && Peek(1).Kind == TokenKind.For)
        {
            throw ErrorRange("did you forget parentheses around the comprehension target?", first.Span, Current.Span);
        }
    }

    /// <summary><c>{}</c>, a dict or set display, or a dict or set comprehension.</summary>
    private Expr ParseBraceDisplay()
    {
        var open = Advance();
        if (Match(TokenKind.RightBrace))
        {
            return new DictExpr(ImmutableArray<DictItem>.Empty, SpanFrom(open));
        }

        if (Check(TokenKind.DoubleStar))
        {
            return ParseDictRest(open, ImmutableArray.CreateBuilder<DictItem>());
        }

        var first = ParseStarNamedExpression();
        if (Check(TokenKind.Colon) && first is not StarredExpr)
        {
            Advance();
            var value = ParseDictValue();
            if (Check(TokenKind.For))
            {
                var generators = ParseComprehensionClauses();
                Expect(TokenKind.RightBrace);
                return new DictCompExpr(first, value, generators, SpanFrom(open));
            }

            var items = ImmutableArray.CreateBuilder<DictItem>();
            items.Add(new DictItem(first, value));
            if (!Match(TokenKind.Comma))
            {
                Expect(TokenKind.RightBrace);
                return new DictExpr(items.ToImmutable(), SpanFrom(open));
            }

            return ParseDictRest(open, items);
        }

        if (Check(TokenKind.For))
        {
            var generators = ParseComprehensionClauses();
            Expect(TokenKind.RightBrace);
            return new SetCompExpr(first, generators, SpanFrom(open));
        }

        ThrowIfCommaBeforeFor(first);
        var elements = ParseDisplayRest(first, TokenKind.RightBrace);
        Expect(TokenKind.RightBrace);
        return new SetExpr(elements, SpanFrom(open));
    }

    /// <summary>Dict entries after the first (or from the start when it opens with <c>**</c>), then <c>}</c>.</summary>
    private Expr ParseDictRest(Token open, ImmutableArray<DictItem>.Builder items)
    {
        while (!Check(TokenKind.RightBrace))
        {
            if (Match(TokenKind.DoubleStar))
            {
                items.Add(new DictItem(null, ParseBitwiseOr()));
            }
            else
            {
                // After the first entry CPython reports a bad key as a bad key, not as a missing comma.
                var key = ParseExpression(checkJuxtaposition: false);
                if (!Check(TokenKind.Colon))
                {
                    throw MakeError(SyntaxErrorKind.SyntaxError, "':' expected after dictionary key", key.Line, key.EndColumn - 1, key.EndLine, 0);
                }

                Advance();
                items.Add(new DictItem(key, ParseDictValue()));
            }

            if (!Match(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBrace);
        return new DictExpr(items.ToImmutable(), SpanFrom(open));
    }

    private Expr ParseDictValue(bool checkJuxtaposition = true)
    {
        if (Check(TokenKind.RightBrace) || Check(TokenKind.Comma))
        {
            throw ErrorAtToken("expression expected after dictionary key and ':'", Previous);
        }

        if (Check(TokenKind.Star))
        {
            var star = Advance();
            var value = ParseBitwiseOr();
            throw ErrorRange("cannot use a starred expression in a dictionary value", star.Span, value.Span);
        }

        return ParseExpression(checkJuxtaposition);
    }

    /// <summary><c>('for' star_targets 'in' disjunction ('if' disjunction)*)+</c>.</summary>
    private ImmutableArray<Comprehension> ParseComprehensionClauses()
    {
        var clauses = ImmutableArray.CreateBuilder<Comprehension>();
        while (Check(TokenKind.For) || Check(TokenKind.Async))
        {
            if (Check(TokenKind.Async))
            {
                throw Unsupported(Current, "asynchronous comprehensions are");
            }

            Advance();
            var storeTarget = ParseForTargetBeforeIn();
            var iter = ParseDisjunction();
            var ifs = ImmutableArray.CreateBuilder<Expr>();
            while (Match(TokenKind.If))
            {
                ifs.Add(ParseDisjunction());
            }

            clauses.Add(new Comprehension(storeTarget, iter, ifs.ToImmutable()));
        }

        return clauses.ToImmutable();
    }
}
