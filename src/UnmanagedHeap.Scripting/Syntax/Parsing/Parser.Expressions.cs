using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Expressions from the loosest level down to <c>**</c>, following CPython's grammar:
/// star_expressions, named_expression, expression (conditional, lambda), or, and, not,
/// comparisons, |, ^, &amp;, shifts, + -, * / // % @, unary + - ~, and ** (right-associative,
/// binding tighter than a unary minus on its left).
/// </summary>
public sealed partial class Parser
{
    /// <summary>True when <paramref name="token"/> can begin an expression.</summary>
    private static bool StartsExpression(Token token) => token.Kind is
        TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.FStringStart
        or TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace
        or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde or TokenKind.Not or TokenKind.Lambda
        or TokenKind.None or TokenKind.True or TokenKind.False or TokenKind.Ellipsis or TokenKind.Await;

    private static bool StartsStarExpression(Token token) => token.Kind == TokenKind.Star || StartsExpression(token);

    /// <summary><c>star_expressions</c>: a tuple when there is a comma.</summary>
    private Expr ParseStarExpressions() => ParseSequence(ParseStarExpression, StartsStarExpression);

    /// <summary><c>expressions</c>: like star_expressions without starred items.</summary>
    private Expr ParseExpressions() => ParseSequence(() => ParseExpression(), StartsExpression);

    /// <summary><c>star_named_expressions</c> as a tuple (used for a <c>match</c> subject).</summary>
    private Expr ParseStarNamedExpressions() => ParseSequence(ParseStarNamedExpression, StartsStarExpression);

    private Expr ParseSequence(Func<Expr> parseItem, Func<Token, bool> startsItem)
    {
        var first = Current;
        var item = parseItem();
        if (!Check(TokenKind.Comma))
        {
            return item;
        }

        var items = ImmutableArray.CreateBuilder<Expr>();
        items.Add(item);
        while (Match(TokenKind.Comma))
        {
            if (!startsItem(Current))
            {
                break;
            }

            items.Add(parseItem());
        }

        return new TupleExpr(items.ToImmutable(), ExprContext.Load, SpanFrom(first));
    }

    /// <summary><c>'*' bitwise_or | expression</c>.</summary>
    private Expr ParseStarExpression()
    {
        if (!Check(TokenKind.Star))
        {
            return ParseExpression();
        }

        var star = Advance();
        var value = ParseBitwiseOr();
        return new StarredExpr(value, ExprContext.Load, SpanFrom(star));
    }

    /// <summary><c>'*' bitwise_or | named_expression</c>.</summary>
    private Expr ParseStarNamedExpression()
    {
        if (!Check(TokenKind.Star))
        {
            return ParseNamedExpression();
        }

        var star = Advance();
        var value = ParseBitwiseOr();
        return new StarredExpr(value, ExprContext.Load, SpanFrom(star));
    }

    /// <summary>
    /// <c>NAME ':=' expression | expression</c>, with CPython's errors for <c>f() := 1</c> and for
    /// <c>=</c> written where <c>==</c> was meant. Call arguments pass false for
    /// <paramref name="checkEquals"/>: CPython's grammar has other rules there.
    /// </summary>
    private Expr ParseNamedExpression(bool checkEquals = true)
    {
        EnsureStack();
        if (Check(TokenKind.Name) && Peek(1).Kind == TokenKind.ColonEqual)
        {
            var nameToken = Advance();
            Advance();
            var value = ParseExpression();
            var target = new NameExpr(Identifier(nameToken), ExprContext.Store, nameToken.Span);
            return new NamedExpr(target, value, SpanFrom(nameToken));
        }

        var expr = ParseExpression();
        if (Check(TokenKind.ColonEqual) && checkEquals && !_withoutInvalid && InErrorRule(() => StartsExpression(Peek(1))))
        {
            throw ErrorAtNode($"cannot use assignment expressions with {ExprName(expr)}", expr);
        }

        if (checkEquals && !_withoutInvalid && Check(TokenKind.Equal))
        {
            InErrorRule(() => ThrowIfMisusedEquals(expr));
        }

        return expr;
    }

    /// <summary>
    /// <c>expression</c>: a lambda, or a disjunction optionally followed by
    /// <c>if ... else ...</c>. Also where CPython detects two expressions written side by side.
    /// </summary>
    private Expr ParseExpression(bool checkJuxtaposition = true)
    {
        EnsureStack();
        if (Check(TokenKind.Lambda))
        {
            return ParseLambda();
        }

        int startIndex = _index;
        var body = ParseDisjunction();
        if (Check(TokenKind.If))
        {
            int ifIndex = _index;
            Advance();
            int testStart = _index;
            Expr test;
            try
            {
                test = ParseDisjunction();
            }
            catch (PythonSyntaxError error) when (error.Message == "invalid syntax")
            {
                // CPython's invalid_expression settles for the longest condition that parses.
                _index = testStart;
                if (InErrorRule(() => TryParseAlternative(ParseDisjunction, out var shorter) ? shorter : null) is { } prefix
                    && !Check(TokenKind.Else) && !Check(TokenKind.Colon))
                {
                    throw ErrorRange("expected 'else' after 'if' expression", body.Span, prefix.Span);
                }

                throw;
            }

            if (Match(TokenKind.Else))
            {
                var orElse = ParseExpression(checkJuxtaposition: false);
                return new ConditionalExpr(test, body, orElse, SpanFrom(body));
            }

            if (!Check(TokenKind.Colon) && !_withoutInvalid)
            {
                throw ErrorRange("expected 'else' after 'if' expression", body.Span, test.Span);
            }

            _index = ifIndex;
        }

        if (checkJuxtaposition && !_withoutInvalid && StartsExpression(Current))
        {
            InErrorRule(() => ThrowIfJuxtaposed(body, startIndex));
        }

        return body;
    }

    /// <summary>
    /// Two expressions side by side: CPython suggests parentheses for a Python 2 <c>print</c>
    /// statement, and a missing comma inside brackets.
    /// </summary>
    private void ThrowIfJuxtaposed(Expr first, int startIndex)
    {
        int save = _index;
        var startToken = _tokens[startIndex];
        bool singleName = first is NameExpr && _index == startIndex + 1;
        bool legacy = singleName && startToken.Text is "print" or "exec";

        // invalid_expression: a disjunction, then an expression, inside brackets.
        bool nameThenString = startToken.Kind == TokenKind.Name && _tokens[startIndex + 1].Kind == TokenKind.String;
        if (!nameThenString && !LooksLikeSoftKeyword(startToken)
            && TryParseWithoutErrorRules(() => ParseExpression(checkJuxtaposition: false), out var second)
            && Previous.Level > 0 && !legacy)
        {
            throw ErrorRange("invalid syntax. Perhaps you forgot a comma?", first.Span, second!.Span);
        }

        // invalid_legacy_expression: print or exec followed by expressions.
        _index = save;
        if (legacy && !Check(TokenKind.LeftParen) && TryParseAlternative(ParseStarExpressions, out var arguments))
        {
            string name = startToken.Text;
            throw ErrorRange($"Missing parentheses in call to '{name}'. Did you mean {name}(...)?", first.Span, arguments!.Span);
        }

        _index = save;
    }

    /// <summary>
    /// CPython 3.12.1's SOFT_KEYWORD test in its missing-comma rule compares only the token's
    /// length of characters, so every prefix of "match", "case", "type" or "_" counts.
    /// </summary>
    private static bool LooksLikeSoftKeyword(Token token) =>
        token.Kind == TokenKind.Name && token.Text.Length > 0
            && ("match".StartsWith(token.Text, StringComparison.Ordinal) || "case".StartsWith(token.Text, StringComparison.Ordinal)
                || "type".StartsWith(token.Text, StringComparison.Ordinal) || token.Text == "_");

    private Expr ParseDisjunction()
    {
        var first = ParseConjunction();
        if (!Check(TokenKind.Or))
        {
            return first;
        }

        var values = ImmutableArray.CreateBuilder<Expr>();
        values.Add(first);
        for (int save = _index; Match(TokenKind.Or); save = _index)
        {
            if (!TryOperand(save, ParseConjunction, out var value))
            {
                break;
            }

            values.Add(value);
        }

        if (values.Count == 1)
        {
            return first;
        }

        return new BoolOpExpr(BoolOperator.Or, values.ToImmutable(), SpanFrom(first));
    }

    private Expr ParseConjunction()
    {
        var first = ParseInversion();
        if (!Check(TokenKind.And))
        {
            return first;
        }

        var values = ImmutableArray.CreateBuilder<Expr>();
        values.Add(first);
        for (int save = _index; Match(TokenKind.And); save = _index)
        {
            if (!TryOperand(save, ParseInversion, out var value))
            {
                break;
            }

            values.Add(value);
        }

        if (values.Count == 1)
        {
            return first;
        }

        return new BoolOpExpr(BoolOperator.And, values.ToImmutable(), SpanFrom(first));
    }

    private Expr ParseInversion()
    {
        EnsureStack();
        if (!Check(TokenKind.Not))
        {
            return ParseComparison();
        }

        var keyword = Advance();
        var operand = ParseInversion();
        return new UnaryExpr(UnaryOperator.Not, operand, SpanFrom(keyword));
    }

    private Expr ParseComparison()
    {
        var left = ParseBitwiseOr();
        var ops = ImmutableArray.CreateBuilder<CompareOperator>();
        var comparators = ImmutableArray.CreateBuilder<Expr>();
        for (int save = _index; ComparisonOperator() is { } op; save = _index)
        {
            if (!TryOperand(save, ParseBitwiseOr, out var comparator))
            {
                break;
            }

            ops.Add(op);
            comparators.Add(comparator);
        }

        return ops.Count == 0
            ? left
            : new CompareExpr(left, ops.ToImmutable(), comparators.ToImmutable(), SpanFrom(left));
    }

    /// <summary>Consumes a comparison operator (one or two tokens) if one is next.</summary>
    private CompareOperator? ComparisonOperator()
    {
        CompareOperator? op = Current.Kind switch
        {
            TokenKind.EqualEqual => CompareOperator.Eq,
            TokenKind.NotEqual => CompareOperator.NotEq,
            TokenKind.Less => CompareOperator.Lt,
            TokenKind.LessEqual => CompareOperator.LtE,
            TokenKind.Greater => CompareOperator.Gt,
            TokenKind.GreaterEqual => CompareOperator.GtE,
            TokenKind.In => CompareOperator.In,
            TokenKind.Is => Peek(1).Kind == TokenKind.Not ? CompareOperator.IsNot : CompareOperator.Is,
            TokenKind.Not when Peek(1).Kind == TokenKind.In => CompareOperator.NotIn,
            _ => null,
        };
        if (op is CompareOperator.IsNot or CompareOperator.NotIn)
        {
            Advance();
        }

        if (op is not null)
        {
            Advance();
        }

        return op;
    }

    private Expr ParseBitwiseOr() => ParseBinaryLevel(ParseBitwiseXor, static kind => kind == TokenKind.VerticalBar ? BinaryOperator.BitOr : null);

    private Expr ParseBitwiseXor() => ParseBinaryLevel(ParseBitwiseAnd, static kind => kind == TokenKind.Circumflex ? BinaryOperator.BitXor : null);

    private Expr ParseBitwiseAnd() => ParseBinaryLevel(ParseShift, static kind => kind == TokenKind.Ampersand ? BinaryOperator.BitAnd : null);

    private Expr ParseShift() => ParseBinaryLevel(ParseSum, static kind => kind switch
    {
        TokenKind.LeftShift => BinaryOperator.LShift,
        TokenKind.RightShift => BinaryOperator.RShift,
        _ => null,
    });

    private Expr ParseSum() => ParseBinaryLevel(ParseTerm, static kind => kind switch
    {
        TokenKind.Plus => BinaryOperator.Add,
        TokenKind.Minus => BinaryOperator.Sub,
        _ => null,
    });

    private Expr ParseTerm() => ParseBinaryLevel(ParseFactor, static kind => kind switch
    {
        TokenKind.Star => BinaryOperator.Mult,
        TokenKind.Slash => BinaryOperator.Div,
        TokenKind.DoubleSlash => BinaryOperator.FloorDiv,
        TokenKind.Percent => BinaryOperator.Mod,
        TokenKind.At => BinaryOperator.MatMult,
        _ => null,
    });

    /// <summary>One left-associative binary level: <c>operand (op operand)*</c>.</summary>
    private Expr ParseBinaryLevel(Func<Expr> parseOperand, Func<TokenKind, BinaryOperator?> operatorFor)
    {
        var left = parseOperand();
        while (operatorFor(Current.Kind) is { } op)
        {
            int save = _index;
            Advance();
            if (!TryOperand(save, parseOperand, out var right))
            {
                break;
            }

            left = new BinaryExpr(left, op, right, SpanFrom(left));
        }

        return left;
    }

    private Expr ParseFactor()
    {
        EnsureStack();
        UnaryOperator? op = Current.Kind switch
        {
            TokenKind.Plus => UnaryOperator.Plus,
            TokenKind.Minus => UnaryOperator.Minus,
            TokenKind.Tilde => UnaryOperator.Invert,
            _ => null,
        };
        if (op is null)
        {
            return ParsePower();
        }

        var token = Advance();
        var operand = ParseFactor();
        return new UnaryExpr(op.Value, operand, SpanFrom(token));
    }

    /// <summary><c>await_primary ['**' factor]</c>: the right operand is a factor, so <c>-2**-1</c> is <c>-(2**(-1))</c>.</summary>
    private Expr ParsePower()
    {
        var left = ParseAwaitPrimary();
        int save = _index;
        if (!Match(TokenKind.DoubleStar) || !TryOperand(save, ParseFactor, out var right))
        {
            return left;
        }

        return new BinaryExpr(left, BinaryOperator.Pow, right, SpanFrom(left));
    }

    private Expr ParseAwaitPrimary()
    {
        if (!Check(TokenKind.Await))
        {
            return ParsePrimary();
        }

        var keyword = Advance();
        var operand = ParsePrimary();
        if (_scopes.Count > 0 && _scopes[^1] == ScopeKind.AsyncFunction)
        {
            return new YieldFromExpr(operand, SpanFrom(keyword), isAwait: true);
        }

        string message = _scopes.Count > 0 && _scopes[^1] == ScopeKind.Function
            ? "'await' outside async function"
            : "'await' outside function";
        throw ErrorRange(message, keyword.Span, operand.Span);
    }

    /// <summary><c>'yield' 'from' expression | 'yield' [star_expressions]</c>.</summary>
    private Expr ParseYieldExpression()
    {
        var keyword = Expect(TokenKind.Yield);
        if (Match(TokenKind.From))
        {
            var source = ParseExpression();
            return new YieldFromExpr(source, SpanFrom(keyword));
        }

        Expr? value = StartsStarExpression(Current) ? ParseStarExpressions() : null;
        return new YieldExpr(value, SpanFrom(keyword));
    }
}
