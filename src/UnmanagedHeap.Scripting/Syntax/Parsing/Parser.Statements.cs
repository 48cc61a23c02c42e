using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Statement dispatch and the simple statements (everything but assignment forms).</summary>
public sealed partial class Parser
{
    private void ParseStatementInto(ImmutableArray<Stmt>.Builder into)
    {
        EnsureStack();
        ParseStatementWithSecondPass(into);
    }

    private void ParseStatementCore(ImmutableArray<Stmt>.Builder into)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.If:
                into.Add(ParseIf());
                return;
            case TokenKind.While:
                into.Add(ParseWhile());
                return;
            case TokenKind.For:
                into.Add(ParseFor());
                return;
            case TokenKind.Try:
                into.Add(ParseTry());
                return;
            case TokenKind.With:
                into.Add(ParseWith());
                return;
            case TokenKind.Def:
                into.Add(ParseFunctionDef(ImmutableArray<Expr>.Empty));
                return;
            case TokenKind.Class:
                into.Add(ParseClassDef(ImmutableArray<Expr>.Empty));
                return;
            case TokenKind.At:
                into.Add(ParseDecorated());
                return;
            case TokenKind.Async when Peek(1).Kind == TokenKind.Def:
                into.Add(ParseFunctionDef(ImmutableArray<Expr>.Empty));
                return;
            case TokenKind.Async when Peek(1).Kind is TokenKind.For or TokenKind.With:
                ParseAsyncStatement(into);
                return;
            case TokenKind.Name when token.Text == "match" && LooksLikeMatchStatement():
                into.Add(ParseMatch());
                return;
            case TokenKind.Name when token.Text == "match" && _pegBacktrack && MatchHeaderWithoutColon() is { } newline:
                throw ErrorAtToken("expected ':'", newline);
            default:
                ParseSimpleStatements(into);
                return;
        }
    }

    /// <summary>CPython tries <c>"match" subject ':' NEWLINE</c> before reading <c>match</c> as a name.</summary>
    private bool LooksLikeMatchStatement()
    {
        int save = _index;
        Advance();
        bool isMatch = TryParse(ParseStarNamedExpressions, out _) && Check(TokenKind.Colon) && Peek(1).Kind == TokenKind.Newline;
        _index = save;
        return isMatch;
    }

    /// <summary>CPython's invalid_match_stmt: <c>"match" subject NEWLINE</c>, found in its second pass.</summary>
    private Token? MatchHeaderWithoutColon()
    {
        int save = _index;
        Advance();
        Token? newline = TryParse(ParseStarNamedExpressions, out _) && Check(TokenKind.Newline) ? Current : null;
        _index = save;
        return newline;
    }

    /// <summary><c>simple_stmt (';' simple_stmt)* [';'] NEWLINE</c>.</summary>
    private void ParseSimpleStatements(ImmutableArray<Stmt>.Builder into)
    {
        while (true)
        {
            into.Add(ParseSimpleStatement());
            if (!Match(TokenKind.Semicolon) || Check(TokenKind.Newline))
            {
                break;
            }
        }

        if (!Check(TokenKind.Newline))
        {
            throw InvalidSyntax();
        }

        Advance();
    }

    private Stmt ParseSimpleStatement()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Pass:
                Advance();
                return new PassStmt(token.Span);
            case TokenKind.Break:
                Advance();
                return new BreakStmt(token.Span);
            case TokenKind.Continue:
                Advance();
                return new ContinueStmt(token.Span);
            case TokenKind.Return:
                return ParseReturn();
            case TokenKind.Raise:
                return ParseRaise();
            case TokenKind.Global or TokenKind.Nonlocal:
                return ParseGlobalOrNonlocal();
            case TokenKind.Del:
                return ParseDel();
            case TokenKind.Assert:
                return ParseAssert();
            case TokenKind.Import:
                return ParseImport();
            case TokenKind.From:
                return ParseFromImport();
            case TokenKind.Name when token.Text == "type" && Peek(1).Kind == TokenKind.Name
                                     && Peek(2).Kind is TokenKind.Equal or TokenKind.LeftBracket:
                throw Unsupported(token, "'type' statements are");
            default:
                return ParseExpressionStatement();
        }
    }

    private Stmt ParseReturn()
    {
        var keyword = Advance();
        Expr? value = StartsStarExpression(Current) ? ParseStarExpressions() : null;
        return new ReturnStmt(value, SpanFrom(keyword));
    }

    private Stmt ParseRaise()
    {
        var keyword = Advance();
        Expr? exception = null;
        Expr? cause = null;
        if (StartsExpression(Current))
        {
            exception = ParseExpression();
            if (Match(TokenKind.From))
            {
                cause = ParseExpression();
            }
        }

        return new RaiseStmt(exception, cause, SpanFrom(keyword));
    }

    private Stmt ParseGlobalOrNonlocal()
    {
        var keyword = Advance();
        var names = ImmutableArray.CreateBuilder<string>();
        do
        {
            names.Add(Identifier(Expect(TokenKind.Name)));
        }
        while (Match(TokenKind.Comma));
        var span = SpanFrom(keyword);
        return keyword.Kind == TokenKind.Global
            ? new GlobalStmt(names.ToImmutable(), span)
            : new NonlocalStmt(names.ToImmutable(), span);
    }

    private Stmt ParseAssert()
    {
        var keyword = Advance();
        var test = ParseExpression();
        Expr? message = Match(TokenKind.Comma) ? ParseExpression() : null;
        return new AssertStmt(test, message, SpanFrom(keyword));
    }

    /// <summary>
    /// <c>'del' del_targets &amp;(';' | NEWLINE)</c>. Each target is read as a primary (a name,
    /// attribute, subscript, or bracketed list of them); when that fails, CPython reads the
    /// whole as an expression to say what cannot be deleted.
    /// </summary>
    private Stmt ParseDel()
    {
        var keyword = Advance();
        int start = _index;
        var targets = ImmutableArray.CreateBuilder<Expr>();
        bool valid = true;
        do
        {
            if (Current.Kind is TokenKind.Newline or TokenKind.Semicolon && targets.Count > 0)
            {
                break;
            }

            if (!StartsExpression(Current) || Current.Kind is TokenKind.Not or TokenKind.Lambda or TokenKind.Minus or TokenKind.Plus
                or TokenKind.Tilde or TokenKind.Await)
            {
                valid = false;
                break;
            }

            var target = ParsePrimary();
            valid = IsValidDelTarget(target);
            if (!valid)
            {
                break;
            }

            targets.Add(target);
        }
        while (Match(TokenKind.Comma));

        if (valid && targets.Count > 0 && (Check(TokenKind.Semicolon) || Check(TokenKind.Newline)))
        {
            return new DeleteStmt(targets.Select(t => WithContext(t, ExprContext.Del)).ToImmutableArray(), SpanFrom(keyword));
        }

        var failure = InvalidSyntax();
        _index = start;
        Expr? whole = null;
        if (InErrorRule(() => TryParseAlternative(ParseStarExpressions, out whole)) && InvalidTarget(whole!, TargetKind.Delete) is { } bad)
        {
            throw ErrorAtNode($"cannot delete {ExprName(bad)}", bad);
        }

        throw failure;
    }

    // ---- Imports ------------------------------------------------------------------------

    private Stmt ParseImport()
    {
        var keyword = Advance();
        var names = ImmutableArray.CreateBuilder<ImportAlias>();
        do
        {
            var start = Current;
            string name = ParseDottedName();
            if (Check(TokenKind.From))
            {
                InErrorRule(() => ThrowIfImportFrom(keyword));
            }

            string? asName = Match(TokenKind.As) ? Identifier(Expect(TokenKind.Name)) : null;
            names.Add(new ImportAlias(name, asName, SpanFrom(start)));
        }
        while (Match(TokenKind.Comma));
        return new ImportStmt(names.ToImmutable(), SpanFrom(keyword));
    }

    /// <summary>CPython's hint for <c>import a from b</c>.</summary>
    private void ThrowIfImportFrom(Token importKeyword)
    {
        int save = _index;
        Advance();
        if (Check(TokenKind.Name))
        {
            ParseDottedName();
            // CPython ends the range where its tokenizer stands: after the token it looked at last.
            var last = Current;
            throw MakeError(
                SyntaxErrorKind.SyntaxError,
                "Did you mean to use 'from ... import ...' instead?",
                importKeyword.Line,
                importKeyword.Column,
                last.Span.EndLine,
                last.Span.EndColumn - 1);
        }

        _index = save;
    }

    private string ParseDottedName()
    {
        string name = Identifier(Expect(TokenKind.Name));
        while (Match(TokenKind.Dot))
        {
            name += "." + Identifier(Expect(TokenKind.Name));
        }

        return name;
    }

    private Stmt ParseFromImport()
    {
        var keyword = Advance();
        int level = 0;
        while (Check(TokenKind.Dot) || Check(TokenKind.Ellipsis))
        {
            level += Advance().Kind == TokenKind.Dot ? 1 : 3;
        }

        string? module = level == 0 || Check(TokenKind.Name) ? ParseDottedName() : null;
        Expect(TokenKind.Import);
        var names = ImmutableArray.CreateBuilder<ImportAlias>();
        if (Check(TokenKind.Star))
        {
            var star = Advance();
            names.Add(new ImportAlias("*", null, star.Span));
        }
        else if (Match(TokenKind.LeftParen))
        {
            do
            {
                if (Check(TokenKind.RightParen) && names.Count > 0)
                {
                    break;
                }

                names.Add(ParseImportAsName());
            }
            while (Match(TokenKind.Comma));
            Expect(TokenKind.RightParen);
        }
        else
        {
            do
            {
                if (Check(TokenKind.Newline) && names.Count > 0)
                {
                    throw ErrorAtToken("trailing comma not allowed without surrounding parentheses", Current);
                }

                names.Add(ParseImportAsName());
            }
            while (Match(TokenKind.Comma));
        }

        return new ImportFromStmt(module, names.ToImmutable(), level, SpanFrom(keyword));
    }

    private ImportAlias ParseImportAsName()
    {
        var nameToken = Expect(TokenKind.Name);
        string? asName = Match(TokenKind.As) ? Identifier(Expect(TokenKind.Name)) : null;
        return new ImportAlias(Identifier(nameToken), asName, SpanFrom(nameToken));
    }
}
