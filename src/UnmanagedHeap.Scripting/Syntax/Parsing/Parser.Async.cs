using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// <c>async for</c> and <c>async with</c>, lowered while parsing into the statements CPython's
/// compiler expands them to (its GET_AITER/GET_ANEXT and BEFORE_ASYNC_WITH sequences), with
/// awaits as <see cref="YieldFromExpr"/>s. The hidden variables have names with spaces, which no
/// program can write; each statement gets its own, so nested loops do not share an iterator.
/// </summary>
public sealed partial class Parser
{
    private int _asyncTemporaries;

    private void ParseAsyncStatement(ImmutableArray<Stmt>.Builder into)
    {
        var asyncToken = Advance();
        bool isFor = Check(TokenKind.For);
        if (_scopes.Count == 0 || _scopes[^1] != ScopeKind.AsyncFunction)
        {
            throw ErrorAtToken(isFor ? "'async for' outside async function" : "'async with' outside async function", asyncToken);
        }

        int n = ++_asyncTemporaries;
        if (isFor)
        {
            into.Add(LowerAsyncFor(ParseFor(), n, asyncToken.Span));
        }
        else
        {
            var with = ParseWith();
            into.AddRange(LowerAsyncWith(with.Items, 0, with.Body, n, asyncToken.Span));
        }
    }

    private static NameExpr Hidden(string name, ExprContext context, SourceSpan at) => new(name, context, at);

    private static Expr AwaitCall(Expr callee, ImmutableArray<Expr> args, SourceSpan at) =>
        new YieldFromExpr(new CallExpr(callee, args, ImmutableArray<Keyword>.Empty, at), at, isAwait: true);

    /// <summary>
    /// <c>async for T in I: B else: E</c> becomes
    /// <c>it = I.__aiter__(); more = True; while more: try: T = await it.__anext__() except StopAsyncIteration: more = False; continue; B; else: E</c>
    /// so a <c>break</c> in B skips E and running out does not.
    /// </summary>
    private static Stmt LowerAsyncFor(ForStmt loop, int n, SourceSpan at)
    {
        string it = $"async for iterator {n}";
        string more = $"async for running {n}";
        var getIterator = new AssignStmt(
            [Hidden(it, ExprContext.Store, at)],
            new CallExpr(new AttributeExpr(loop.Iter, "__aiter__", ExprContext.Load, at), ImmutableArray<Expr>.Empty, ImmutableArray<Keyword>.Empty, at),
            at);
        var start = new AssignStmt([Hidden(more, ExprContext.Store, at)], new BoolLiteral(true, at), at);
        var next = new AssignStmt(
            [loop.Target],
            AwaitCall(new AttributeExpr(Hidden(it, ExprContext.Load, at), "__anext__", ExprContext.Load, at), ImmutableArray<Expr>.Empty, at),
            at);
        var exhausted = new ExceptHandler(
            new NameExpr("StopAsyncIteration", ExprContext.Load, at),
            null,
            [new AssignStmt([Hidden(more, ExprContext.Store, at)], new BoolLiteral(false, at), at), new ContinueStmt(at)],
            at);
        var step = new TryStmt([next], [exhausted], ImmutableArray<Stmt>.Empty, ImmutableArray<Stmt>.Empty, at);
        var body = ImmutableArray.Create<Stmt>(step).AddRange(loop.Body);
        var whileLoop = new WhileStmt(Hidden(more, ExprContext.Load, at), body, loop.OrElse, loop.Span);
        return new IfStmt(new BoolLiteral(true, at), [getIterator, start, whileLoop], ImmutableArray<Stmt>.Empty, loop.Span);
    }

    /// <summary>
    /// <c>async with M as T: B</c> becomes
    /// <c>m = M; exit = m.__aexit__; T = await m.__aenter__(); handled = False;
    /// try: B except BaseException as e: handled = True; if not await exit(type(e), e, None): raise
    /// finally: if not handled: await exit(None, None, None)</c>; several items nest left to right.
    /// </summary>
    private ImmutableArray<Stmt> LowerAsyncWith(ImmutableArray<WithItem> items, int index, ImmutableArray<Stmt> body, int n, SourceSpan at)
    {
        if (index == items.Length)
        {
            return body;
        }

        var item = items[index];
        string manager = $"async with manager {n}.{index}";
        string exit = $"async with exit {n}.{index}";
        string handled = $"async with handled {n}.{index}";
        string error = $"async with exception {n}.{index}";
        var statements = ImmutableArray.CreateBuilder<Stmt>();
        statements.Add(new AssignStmt([Hidden(manager, ExprContext.Store, at)], item.ContextExpr, at));
        statements.Add(new AssignStmt(
            [Hidden(exit, ExprContext.Store, at)],
            new AttributeExpr(Hidden(manager, ExprContext.Load, at), "__aexit__", ExprContext.Load, at),
            at));
        Expr enter = AwaitCall(new AttributeExpr(Hidden(manager, ExprContext.Load, at), "__aenter__", ExprContext.Load, at), ImmutableArray<Expr>.Empty, at);
        statements.Add(item.OptionalVars is { } target ? new AssignStmt([target], enter, at) : new ExprStmt(enter, at));
        statements.Add(new AssignStmt([Hidden(handled, ExprContext.Store, at)], new BoolLiteral(false, at), at));
        Expr none = new NoneLiteral(at);
        var errorType = new CallExpr(new NameExpr("type", ExprContext.Load, at), [Hidden(error, ExprContext.Load, at)], ImmutableArray<Keyword>.Empty, at);
        var suppress = AwaitCall(Hidden(exit, ExprContext.Load, at), [errorType, Hidden(error, ExprContext.Load, at), none], at);
        var handler = new ExceptHandler(
            new NameExpr("BaseException", ExprContext.Load, at),
            error,
            [
                new AssignStmt([Hidden(handled, ExprContext.Store, at)], new BoolLiteral(true, at), at),
                new IfStmt(new UnaryExpr(UnaryOperator.Not, suppress, at), [new RaiseStmt(null, null, at)], ImmutableArray<Stmt>.Empty, at),
            ],
            at);
        var cleanExit = new IfStmt(
            new UnaryExpr(UnaryOperator.Not, Hidden(handled, ExprContext.Load, at), at),
            [new ExprStmt(AwaitCall(Hidden(exit, ExprContext.Load, at), [none, none, none], at), at)],
            ImmutableArray<Stmt>.Empty,
            at);
        var inner = LowerAsyncWith(items, index + 1, body, n, at);
        statements.Add(new TryStmt(inner, [handler], ImmutableArray<Stmt>.Empty, [cleanExit], at));
        return statements.ToImmutable();
    }
}
