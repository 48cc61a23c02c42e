using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Compound statements: <c>if</c>, <c>while</c>, <c>for</c>, <c>try</c>, <c>with</c>, and indented blocks.</summary>
public sealed partial class Parser
{
    /// <summary>
    /// The body after a header's <c>:</c>: an indented block, or simple statements on the same
    /// line. A missing indent is CPython's IndentationError naming the header, e.g.
    /// <c>expected an indented block after 'if' statement on line 3</c>.
    /// </summary>
    private ImmutableArray<Stmt> ParseBlock(string header, Token keyword)
    {
        var statements = ImmutableArray.CreateBuilder<Stmt>();
        if (!Check(TokenKind.Newline))
        {
            ParseSimpleStatements(statements);
            return statements.ToImmutable();
        }

        Advance();
        if (!Check(TokenKind.Indent))
        {
            throw ErrorAtToken(
                SyntaxErrorKind.IndentationError,
                $"expected an indented block after {header} on line {keyword.Line}",
                Current);
        }

        Advance();
        do
        {
            ParseStatementInto(statements);
        }
        while (!Check(TokenKind.Dedent) && !Check(TokenKind.EndOfFile));
        Match(TokenKind.Dedent);
        return statements.ToImmutable();
    }

    /// <summary>
    /// The <c>:</c> ending an <c>if</c>/<c>elif</c>/<c>while</c>/<c>for</c>/<c>with</c>/<c>class</c>/<c>except</c>
    /// header: CPython says <c>expected ':'</c> when the line ends instead, "invalid syntax" otherwise.
    /// </summary>
    private void ExpectHeaderColon()
    {
        if (Check(TokenKind.Colon))
        {
            Advance();
            return;
        }

        throw Check(TokenKind.Newline) ? ErrorAtToken("expected ':'", Current) : InvalidSyntax();
    }

    /// <summary>The <c>:</c> CPython requires outright (<c>&amp;&amp;':'</c>) after <c>def</c>, <c>else</c>, <c>try</c>, <c>finally</c>.</summary>
    private void ExpectForcedColon()
    {
        if (!Match(TokenKind.Colon))
        {
            throw ErrorAtToken("expected ':'", Current);
        }
    }

    /// <summary>
    /// A compound statement spans from its keyword to the last token of its last block that is not
    /// a NEWLINE, INDENT or DEDENT (so a trailing ';' counts, as in CPython).
    /// </summary>
    private SourceSpan BlockSpan(Token keyword)
    {
        int i = _index - 1;
        while (i > 0 && _tokens[i].Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndOfFile)
        {
            i--;
        }

        return SourceSpan.Between(keyword.Span, _tokens[i].Span);
    }

    private IfStmt ParseIf()
    {
        var keyword = Advance();
        var test = ParseNamedExpression();
        ExpectHeaderColon();
        string header = keyword.Kind == TokenKind.If ? "'if' statement" : "'elif' statement";
        var body = ParseBlock(header, keyword);
        var orElse = ImmutableArray<Stmt>.Empty;
        if (Check(TokenKind.Elif))
        {
            orElse = ImmutableArray.Create<Stmt>(ParseIf());
        }
        else if (Check(TokenKind.Else))
        {
            orElse = ParseElse();
        }

        return new IfStmt(test, body, orElse, BlockSpan(keyword));
    }

    private ImmutableArray<Stmt> ParseElse()
    {
        var keyword = Advance();
        ExpectForcedColon();
        return ParseBlock("'else' statement", keyword);
    }

    private WhileStmt ParseWhile()
    {
        var keyword = Advance();
        var test = ParseNamedExpression();
        ExpectHeaderColon();
        var body = ParseBlock("'while' statement", keyword);
        var orElse = Check(TokenKind.Else) ? ParseElse() : ImmutableArray<Stmt>.Empty;
        return new WhileStmt(test, body, orElse, BlockSpan(keyword));
    }

    private ForStmt ParseFor()
    {
        var keyword = Advance();
        var storeTarget = ParseForTargetBeforeIn();
        var iter = ParseStarExpressions();
        ExpectHeaderColon();
        var body = ParseBlock("'for' statement", keyword);
        var orElse = Check(TokenKind.Else) ? ParseElse() : ImmutableArray<Stmt>.Empty;
        return new ForStmt(storeTarget, iter, body, orElse, BlockSpan(keyword));
    }

    private TryStmt ParseTry()
    {
        var keyword = Advance();
        ExpectForcedColon();
        var body = ParseBlock("'try' statement", keyword);
        if (!Check(TokenKind.Except) && !Check(TokenKind.Finally))
        {
            throw ErrorAtToken("expected 'except' or 'finally' block", Current);
        }

        var handlers = ImmutableArray.CreateBuilder<ExceptHandler>();
        while (Check(TokenKind.Except))
        {
            var handlerKeyword = Current;
            handlers.Add(ParseExceptHandler());
            if (handlers[^1].IsStar != handlers[0].IsStar)
            {
                throw ErrorAtToken("cannot have both 'except' and 'except*' on the same 'try'", handlerKeyword);
            }
        }

        var orElse = handlers.Count > 0 && Check(TokenKind.Else) ? ParseElse() : ImmutableArray<Stmt>.Empty;
        var finalBody = ImmutableArray<Stmt>.Empty;
        if (Check(TokenKind.Finally))
        {
            var finallyKeyword = Advance();
            ExpectForcedColon();
            finalBody = ParseBlock("'finally' statement", finallyKeyword);
        }

        return new TryStmt(body, handlers.ToImmutable(), orElse, finalBody, BlockSpan(keyword));
    }

    private ExceptHandler ParseExceptHandler()
    {
        var keyword = Advance();
        bool star = Match(TokenKind.Star);
        if (star && (Check(TokenKind.Colon) || Check(TokenKind.Newline)))
        {
            throw ErrorAtToken("expected one or more exception types", Current);
        }

        Expr? type = null;
        string? name = null;
        if (!Check(TokenKind.Colon) && !Check(TokenKind.Newline))
        {
            type = ParseExpression();
            if (Check(TokenKind.Comma))
            {
                InErrorRule(() => ThrowIfUnparenthesizedExceptTypes(type));
            }

            if (Match(TokenKind.As))
            {
                name = Identifier(Expect(TokenKind.Name));
            }
        }

        ExpectHeaderColon();
        var body = ParseBlock("'except' statement", keyword);
        return new ExceptHandler(type, name, body, BlockSpan(keyword)) { IsStar = star };
    }

    /// <summary>CPython's error for <c>except E1, E2:</c>, which Python 2 allowed.</summary>
    private void ThrowIfUnparenthesizedExceptTypes(Expr first)
    {
        int save = _index;
        Advance();
        if (TryParseAlternative(ParseExpressions, out _)
            && (!Match(TokenKind.As) || Match(TokenKind.Name))
            && Check(TokenKind.Colon))
        {
            var colon = Current;
            throw MakeError(
                SyntaxErrorKind.SyntaxError,
                "multiple exception types must be parenthesized",
                first.Line,
                first.Column,
                colon.Line,
                colon.Column);
        }

        _index = save;
    }

    private WithStmt ParseWith()
    {
        var keyword = Advance();
        ImmutableArray<WithItem> items;
        if (!Check(TokenKind.LeftParen) || !TryParseReportingSpecificErrors(ParseParenthesizedWithItems, out items))
        {
            var builder = ImmutableArray.CreateBuilder<WithItem>();
            do
            {
                builder.Add(ParseWithItem());
            }
            while (Match(TokenKind.Comma));
            items = builder.ToImmutable();
            ExpectHeaderColon();
        }

        var body = ParseBlock("'with' statement", keyword);
        return new WithStmt(items, body, BlockSpan(keyword));
    }

    /// <summary><c>'(' ','.with_item+ ','? ')' ':'</c>, tried first as CPython does.</summary>
    private ImmutableArray<WithItem> ParseParenthesizedWithItems()
    {
        Advance();
        var builder = ImmutableArray.CreateBuilder<WithItem>();
        do
        {
            if (Check(TokenKind.RightParen) && builder.Count > 0)
            {
                break;
            }

            builder.Add(ParseWithItem());
        }
        while (Match(TokenKind.Comma));
        Expect(TokenKind.RightParen);
        if (Check(TokenKind.Newline))
        {
            throw ErrorAtToken("expected ':'", Current);
        }

        Expect(TokenKind.Colon);
        return builder.ToImmutable();
    }

    private WithItem ParseWithItem()
    {
        var context = ParseExpression();
        if (!Match(TokenKind.As))
        {
            return new WithItem(context, null);
        }

        int targetStart = _index;
        Expr? target = null;
        try
        {
            target = ParseStarTargetItem();
        }
        catch (PythonSyntaxError error) when (error.Message == "invalid syntax")
        {
        }

        if (target is not null && IsValidStarTarget(target))
        {
            return new WithItem(context, WithContext(target, ExprContext.Store));
        }

        // CPython's invalid_with_item: 'as' followed by an expression that cannot be assigned to.
        var failure = InvalidSyntax();
        _index = targetStart;
        Expr? whole = null;
        if (InErrorRule(() => TryParseAlternative(() => ParseExpression(), out whole))
            && Current.Kind is TokenKind.Comma or TokenKind.RightParen or TokenKind.Colon
            && InvalidTarget(whole!, TargetKind.Assign) is { } bad)
        {
            throw ErrorAtNode($"cannot assign to {ExprName(bad)}", bad);
        }

        throw failure;
    }
}
