using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary><c>def</c>, <c>class</c>, decorators, parameter lists and <c>lambda</c>.</summary>
public sealed partial class Parser
{
    private Stmt ParseDecorated()
    {
        var decorators = ImmutableArray.CreateBuilder<Expr>();
        while (Match(TokenKind.At))
        {
            decorators.Add(ParseNamedExpression());
            if (!Match(TokenKind.Newline))
            {
                throw InvalidSyntax();
            }
        }

        return Current.Kind switch
        {
            TokenKind.Def => ParseFunctionDef(decorators.ToImmutable()),
            TokenKind.Class => ParseClassDef(decorators.ToImmutable()),
            TokenKind.Async when Peek(1).Kind == TokenKind.Def => ParseFunctionDef(decorators.ToImmutable()),
            TokenKind.Async => throw Unsupported(Current, "'async for' and 'async with' are"),
            _ => throw InvalidSyntax(),
        };
    }

    private FunctionDefStmt ParseFunctionDef(ImmutableArray<Expr> decorators)
    {
        bool isAsync = Match(TokenKind.Async);
        var keyword = Advance();
        string name = Identifier(Expect(TokenKind.Name));
        ThrowIfTypeParameters();
        if (!Match(TokenKind.LeftParen))
        {
            throw ErrorAtToken("expected '('", Current);
        }

        var parameters = ParseParameters(isLambda: false);
        Expect(TokenKind.RightParen);
        Expr? returns = null;
        if (Check(TokenKind.Arrow))
        {
            if (!StartsExpression(Peek(1)))
            {
                throw ErrorAtToken("expected ':'", Current);
            }

            Advance();
            returns = ParseExpression();
        }

        ExpectForcedColon();
        var body = InScope(isAsync ? ScopeKind.AsyncFunction : ScopeKind.Function, () => ParseBlock("function definition", keyword));
        if (isAsync && YieldFinder.ContainsYieldNotAwait(body))
        {
            throw Unsupported(keyword, "asynchronous generators are");
        }

        // An async def always makes a coroutine, so it runs on the generator machinery even with no await.
        bool isGenerator = isAsync || YieldFinder.ContainsYield(body);
        return new FunctionDefStmt(name, parameters, body, decorators, returns, isGenerator, BlockSpan(keyword), isAsync);
    }

    private ClassDefStmt ParseClassDef(ImmutableArray<Expr> decorators)
    {
        var keyword = Advance();
        string name = Identifier(Expect(TokenKind.Name));
        ThrowIfTypeParameters();
        var bases = ImmutableArray<Expr>.Empty;
        var keywords = ImmutableArray<Keyword>.Empty;
        if (Match(TokenKind.LeftParen))
        {
            (bases, keywords) = ParseCallArguments(allowGenerator: false);
            Expect(TokenKind.RightParen);
        }

        ExpectHeaderColon();
        var body = InScope(ScopeKind.Class, () => ParseBlock("class definition", keyword));
        return new ClassDefStmt(name, bases, keywords, body, decorators, BlockSpan(keyword));
    }

    /// <summary>
    /// Python 3.12's <c>def f[T](...)</c> and <c>class C[T]:</c> are refused; a bracket that does not
    /// hold a type parameter list is left to the usual errors.
    /// </summary>
    private void ThrowIfTypeParameters()
    {
        if (!Check(TokenKind.LeftBracket))
        {
            return;
        }

        int i = 1;
        while (Peek(i).Kind is TokenKind.Star or TokenKind.DoubleStar)
        {
            i++;
        }

        if (Peek(i).Kind == TokenKind.Name && Peek(i + 1).Kind is TokenKind.RightBracket or TokenKind.Comma or TokenKind.Colon)
        {
            throw Unsupported(Current, "type parameter lists are");
        }
    }

    private LambdaExpr ParseLambda()
    {
        var keyword = Advance();
        var parameters = ParseParameters(isLambda: true);
        var colon = Expect(TokenKind.Colon);
        if (_fieldLevels.Count > 0 && colon.Level == _fieldLevels[^1])
        {
            // The scanner read this ':' as the start of a format spec.
            throw ErrorRange("f-string: lambda expressions are not allowed without parentheses", keyword.Span, colon.Span);
        }

        var body = InScope(ScopeKind.Function, () => ParseExpression());
        bool isGenerator = YieldFinder.ContainsYield(body);
        return new LambdaExpr(parameters, body, isGenerator, SpanFrom(keyword));
    }

    /// <summary>
    /// A parameter list up to (not including) the closing <c>)</c> of a <c>def</c> or the
    /// <c>:</c> of a <c>lambda</c>, with CPython's messages for misplaced <c>/</c>, <c>*</c>,
    /// <c>**</c> and defaults.
    /// </summary>
    private ParameterList ParseParameters(bool isLambda)
    {
        var closing = isLambda ? TokenKind.Colon : TokenKind.RightParen;
        var parameters = new List<Parameter>();
        bool sawSlash = false, sawStar = false, sawKwArgs = false, sawDefault = false;
        while (!Check(closing))
        {
            var token = Current;
            if (sawKwArgs)
            {
                throw token.Kind == TokenKind.Name
                    ? ErrorAtNode("arguments cannot follow var-keyword argument", ParseParameter(ParameterKind.PositionalOrKeyword, isLambda))
                    : ErrorAtToken("arguments cannot follow var-keyword argument", token);
            }

            switch (token.Kind)
            {
                case TokenKind.Slash:
                    if (sawStar)
                    {
                        throw ErrorAtToken("/ must be ahead of *", token);
                    }

                    if (sawSlash)
                    {
                        throw ErrorAtToken("/ may appear only once", token);
                    }

                    if (parameters.Count == 0)
                    {
                        throw ErrorAtToken("at least one argument must precede /", token);
                    }

                    Advance();
                    if (Check(TokenKind.Star))
                    {
                        throw ErrorAtToken("expected comma between / and *", Current);
                    }

                    sawSlash = true;
                    for (int i = 0; i < parameters.Count; i++)
                    {
                        var p = parameters[i];
                        parameters[i] = new Parameter(p.Name, ParameterKind.PositionalOnly, p.Annotation, p.Default, p.Span);
                    }

                    break;
                case TokenKind.Star:
                    if (sawStar)
                    {
                        throw ErrorAtToken("* argument may appear only once", token);
                    }

                    Advance();
                    sawStar = true;
                    if (Check(TokenKind.Name))
                    {
                        var varArgs = ParseParameter(ParameterKind.VarPositional, isLambda);
                        if (Check(TokenKind.Equal))
                        {
                            throw ErrorAtToken("var-positional argument cannot have default value", Current);
                        }

                        parameters.Add(varArgs);
                    }
                    else if (Check(closing) || (Check(TokenKind.Comma) && Peek(1).Kind == closing) || (Check(TokenKind.Comma) && Peek(1).Kind == TokenKind.DoubleStar))
                    {
                        var at = isLambda ? (Check(closing) ? Current : Peek(1)) : token;
                        throw ErrorAtToken("named arguments must follow bare *", at);
                    }

                    break;
                case TokenKind.DoubleStar:
                    Advance();
                    var kwArgs = ParseParameter(ParameterKind.VarKeyword, isLambda);
                    if (Check(TokenKind.Equal))
                    {
                        throw ErrorAtToken("var-keyword argument cannot have default value", Current);
                    }

                    parameters.Add(kwArgs);
                    sawKwArgs = true;
                    break;
                case TokenKind.LeftParen:
                    throw ParenthesizedParameters(parameters, sawSlash, sawStar, sawDefault, isLambda);
                default:
                    var kind = sawStar ? ParameterKind.KeywordOnly : ParameterKind.PositionalOrKeyword;
                    var parameter = ParseParameter(kind, isLambda);
                    if (!Check(TokenKind.Comma) && !Check(closing))
                    {
                        throw InvalidSyntax();
                    }

                    if (!sawStar)
                    {
                        if (parameter.Default is not null)
                        {
                            sawDefault = true;
                        }
                        else if (sawDefault)
                        {
                            throw ErrorAtNode("parameter without a default follows parameter with a default", parameter);
                        }
                    }

                    parameters.Add(parameter);
                    break;
            }

            if (!Match(TokenKind.Comma))
            {
                break;
            }
        }

        return parameters.Count == 0 ? ParameterList.Empty : new ParameterList(parameters.ToImmutableArray());
    }

    /// <summary>
    /// CPython's error for Python 2's <c>def f(a, (b, c))</c>: after plain parameters, names in
    /// parentheses; anything else is plain "invalid syntax".
    /// </summary>
    private PythonSyntaxError ParenthesizedParameters(List<Parameter> before, bool sawSlash, bool sawStar, bool sawDefault, bool isLambda)
    {
        var generic = InvalidSyntax();
        if (sawSlash || sawStar || sawDefault || before.Any(p => p.Annotation is not null))
        {
            return generic;
        }

        var open = Current;
        int i = 1;
        while (Peek(i).Kind == TokenKind.Name)
        {
            i++;
            if (Peek(i).Kind != TokenKind.Comma)
            {
                break;
            }

            i++;
        }

        if (i > 1 && Peek(i).Kind == TokenKind.RightParen)
        {
            string what = isLambda ? "Lambda expression parameters" : "Function parameters";
            return ErrorRange($"{what} cannot be parenthesized", open.Span, Peek(i).Span);
        }

        return generic;
    }

    /// <summary>One <c>name[: annotation][= default]</c>; only keyword-or-positional kinds take defaults here.</summary>
    private Parameter ParseParameter(ParameterKind kind, bool isLambda)
    {
        var nameToken = Expect(TokenKind.Name);
        Expr? annotation = null;
        if (!isLambda && Match(TokenKind.Colon))
        {
            annotation = kind == ParameterKind.VarPositional && Check(TokenKind.Star) ? ParseStarExpression() : ParseExpression();
        }

        var span = SpanFrom(nameToken);
        Expr? defaultValue = null;
        if (kind is ParameterKind.PositionalOrKeyword or ParameterKind.KeywordOnly && Check(TokenKind.Equal))
        {
            var equal = Advance();
            if (Check(TokenKind.Comma) || Check(isLambda ? TokenKind.Colon : TokenKind.RightParen))
            {
                throw ErrorAtToken("expected default value expression", equal);
            }

            defaultValue = ParseExpression();
        }

        return new Parameter(Identifier(nameToken), kind, annotation, defaultValue, span);
    }
}
