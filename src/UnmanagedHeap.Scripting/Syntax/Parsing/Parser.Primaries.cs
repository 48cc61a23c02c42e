using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Primaries: an atom followed by <c>.name</c>, <c>(arguments)</c> and <c>[subscript]</c> trailers.</summary>
public sealed partial class Parser
{
    private Expr ParsePrimary()
    {
        var expr = ParseAtom();
        while (Current.Kind is TokenKind.Dot or TokenKind.LeftParen or TokenKind.LeftBracket)
        {
            var target = expr;
            if (!TryOperand(_index, () => ParseTrailer(target), out expr))
            {
                return target;
            }
        }

        return expr;
    }

    /// <summary>One <c>.name</c>, <c>(arguments)</c> or <c>[subscript]</c> applied to <paramref name="expr"/>.</summary>
    private Expr ParseTrailer(Expr expr)
    {
        switch (Advance().Kind)
        {
            case TokenKind.Dot:
                var name = Expect(TokenKind.Name);
                return new AttributeExpr(expr, Identifier(name), ExprContext.Load, SpanFrom(expr));
            case TokenKind.LeftParen:
                var (args, keywords) = ParseCallArguments();
                Expect(TokenKind.RightParen);
                return new CallExpr(expr, args, keywords, SpanFrom(expr));
            default:
                var slice = ParseSlices();
                Expect(TokenKind.RightBracket);
                return new SubscriptExpr(expr, slice, ExprContext.Load, SpanFrom(expr));
        }
    }

    /// <summary>
    /// Call arguments up to the closing parenthesis (not consumed): positional and <c>*</c>
    /// arguments, then keyword and <c>**</c> arguments, or a single unparenthesized generator
    /// expression. Ordering mistakes get CPython's messages.
    /// </summary>
    private (ImmutableArray<Expr> Args, ImmutableArray<Keyword> Keywords) ParseCallArguments(bool allowGenerator = true)
    {
        PythonSyntaxError? firstPassFailure = null;
        bool enteredErrorRule = false;
        try
        {
            return ParseCallArgumentList(allowGenerator, ref firstPassFailure, ref enteredErrorRule);
        }
        catch (PythonSyntaxError error) when (IsGeneric(error) && firstPassFailure is not null)
        {
            throw firstPassFailure;
        }
        finally
        {
            if (enteredErrorRule)
            {
                _errorRules--;
            }
        }
    }

    private (ImmutableArray<Expr> Args, ImmutableArray<Keyword> Keywords) ParseCallArgumentList(
        bool allowGenerator, ref PythonSyntaxError? firstPassFailure, ref bool enteredErrorRule)
    {
        var open = Previous;
        var args = ImmutableArray.CreateBuilder<Expr>();
        var keywords = ImmutableArray.CreateBuilder<Keyword>();
        string? misplacedPositional = null;
        while (!Check(TokenKind.RightParen))
        {
            var token = Current;
            if (token.Kind == TokenKind.Star)
            {
                // CPython's "kwargs ',' '*'" rule: after keyword arguments (or only starred ones), a '*'
                // that cannot continue them; once a '**' was seen, any '*'.
                bool kwargsSoFar = keywords.Count > 0 || (args.Count > 0 && args.All(a => a is StarredExpr));
                if (keywords.Any(k => k.Name is null) && keywords.Count > 0)
                {
                    throw ErrorAtToken("iterable argument unpacking follows keyword argument unpacking", token);
                }

                Advance();
                Expr value;
                try
                {
                    value = ParseExpression();
                }
                catch (PythonSyntaxError error) when (IsGeneric(error) && kwargsSoFar)
                {
                    throw ErrorAtToken("iterable argument unpacking follows keyword argument unpacking", token);
                }

                if (Check(TokenKind.Equal) && InErrorRule(() => StartsExpression(Peek(1))))
                {
                    Advance();
                    var assigned = ParseExpression();
                    throw ErrorRange("cannot assign to iterable argument unpacking", token.Span, assigned.Span);
                }

                args.Add(new StarredExpr(value, ExprContext.Load, SpanFrom(token)));
            }
            else if (token.Kind == TokenKind.DoubleStar)
            {
                Advance();
                var value = ParseExpression();
                if (Check(TokenKind.Equal))
                {
                    Advance();
                    var assigned = ParseExpression();
                    throw ErrorRange("cannot assign to keyword argument unpacking", token.Span, assigned.Span);
                }

                keywords.Add(new Keyword(null, value, SpanFrom(token)));
            }
            else if (token.Kind is TokenKind.Name && Peek(1).Kind == TokenKind.Equal)
            {
                Advance();
                var equal = Advance();
                if (Check(TokenKind.Comma) || Check(TokenKind.RightParen))
                {
                    throw ErrorRange("expected argument value expression", token.Span, equal.Span);
                }

                var value = ParseExpression();
                if (Check(TokenKind.For))
                {
                    throw ErrorRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", token.Span, equal.Span);
                }

                keywords.Add(new Keyword(Identifier(token), value, SpanFrom(token)));
            }
            else if (token.Kind is TokenKind.True or TokenKind.False or TokenKind.None && Peek(1).Kind == TokenKind.Equal)
            {
                throw ErrorRange($"cannot assign to {token.Text}", token.Span, Peek(1).Span);
            }
            else
            {
                if (keywords.Count > 0 && firstPassFailure is null)
                {
                    // A positional argument after keywords only parses in CPython's error rules: its
                    // first pass stopped here, where a generic failure from now on is reported.
                    firstPassFailure = InvalidSyntax();
                    _errorRules++;
                    enteredErrorRule = true;
                }

                var value = ParseNamedExpression(checkEquals: false);

                if (Check(TokenKind.For) && !allowGenerator)
                {
                    throw InvalidSyntax();
                }

                if (Check(TokenKind.For))
                {
                    var generators = ParseComprehensionClauses();
                    bool first = args.Count == 0 && keywords.Count == 0;
                    if (first && Check(TokenKind.RightParen))
                    {
                        var span = SourceSpan.Between(open.Span, Current.Span);
                        var generator = new GeneratorExpr(value, generators, span);
                        return (ImmutableArray.Create<Expr>(generator), ImmutableArray<Keyword>.Empty);
                    }

                    if (first && !Check(TokenKind.Comma))
                    {
                        throw InvalidSyntax();
                    }

                    throw ErrorRange("Generator expression must be parenthesized", value.Span, LastComprehensionItem(generators[^1]).Span);
                }

                if (Check(TokenKind.Equal))
                {
                    throw ErrorRange("expression cannot contain assignment, perhaps you meant \"==\"?", value.Span, Current.Span);
                }

                if (keywords.Count > 0 && misplacedPositional is null)
                {
                    misplacedPositional = keywords.Any(k => k.Name is null)
                        ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument";
                }

                args.Add(value);
            }

            if (!Match(TokenKind.Comma))
            {
                break;
            }
        }

        if (misplacedPositional is not null)
        {
            throw ErrorAtToken(misplacedPositional, Current);
        }

        return (args.ToImmutable(), keywords.ToImmutable());
    }

    private static Expr LastComprehensionItem(Comprehension comprehension) =>
        comprehension.Ifs.IsEmpty ? comprehension.Iter : comprehension.Ifs[^1];

    /// <summary><c>slice !',' | ','.(slice | starred_expression)+ [',']</c>.</summary>
    private Expr ParseSlices()
    {
        var first = Current;
        var item = ParseSliceItem();
        if (!Check(TokenKind.Comma))
        {
            // a[*b] is a one-element tuple, as in CPython's grammar.
            return item is StarredExpr ? new TupleExpr(ImmutableArray.Create(item), ExprContext.Load, item.Span) : item;
        }

        var items = ImmutableArray.CreateBuilder<Expr>();
        items.Add(item);
        while (Match(TokenKind.Comma))
        {
            if (Check(TokenKind.RightBracket))
            {
                break;
            }

            items.Add(ParseSliceItem());
        }

        return new TupleExpr(items.ToImmutable(), ExprContext.Load, SpanFrom(first));
    }

    /// <summary><c>[expression] ':' [expression] [':' [expression]] | named_expression | '*' expression</c>.</summary>
    private Expr ParseSliceItem()
    {
        var first = Current;
        if (first.Kind == TokenKind.Star)
        {
            Advance();
            var value = ParseExpression();
            return new StarredExpr(value, ExprContext.Load, SpanFrom(first));
        }

        Expr? lower = Check(TokenKind.Colon) ? null : ParseNamedExpression();
        if (!Match(TokenKind.Colon))
        {
            return lower!;
        }

        Expr? upper = StartsExpression(Current) ? ParseExpression() : null;
        Expr? step = null;
        if (Match(TokenKind.Colon) && StartsExpression(Current))
        {
            step = ParseExpression();
        }

        return new SliceExpr(lower, upper, step, SpanFrom(first));
    }
}
