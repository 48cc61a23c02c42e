using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>Assignment, <c>for</c> and <c>del</c> targets: validity, CPython's error choice, and context conversion.</summary>
public sealed partial class Parser
{
    private enum TargetKind
    {
        Assign,
        For,
        Delete,
    }

    /// <summary>CPython's <c>star_targets</c>: names, attributes, subscripts, and tuples/lists of them, starred elements allowed.</summary>
    private bool IsValidStarTarget(Expr expr) => expr switch
    {
        NameExpr or AttributeExpr or SubscriptExpr => true,
        StarredExpr starred => starred.Value is not StarredExpr && IsValidStarTarget(starred.Value),
        TupleExpr tuple => tuple.Elements.All(IsValidStarTarget),
        ListExpr list => list.Elements.All(IsValidStarTarget),
        _ => false,
    };

    /// <summary>CPython's <c>del_targets</c>: like assignment targets but nothing starred.</summary>
    private bool IsValidDelTarget(Expr expr) => expr switch
    {
        NameExpr or AttributeExpr or SubscriptExpr => true,
        TupleExpr tuple => tuple.Elements.All(IsValidDelTarget),
        ListExpr list => list.Elements.All(IsValidDelTarget),
        _ => false,
    };

    /// <summary>CPython's <c>single_target</c>, the target of augmented assignment.</summary>
    private static bool IsSingleTarget(Expr expr) => expr is NameExpr or AttributeExpr or SubscriptExpr;

    /// <summary>
    /// CPython's <c>_PyPegen_get_invalid_target</c>: the innermost part of a would-be target that
    /// makes it invalid, or null. In a <c>for</c> target, <c>a in b</c> was read as a comparison,
    /// so only its left side is searched.
    /// </summary>
    private static Expr? InvalidTarget(Expr expr, TargetKind kind)
    {
        switch (expr)
        {
            case TupleExpr tuple:
                return tuple.Elements.Select(e => InvalidTarget(e, kind)).FirstOrDefault(e => e is not null);
            case ListExpr list:
                return list.Elements.Select(e => InvalidTarget(e, kind)).FirstOrDefault(e => e is not null);
            case StarredExpr starred:
                return kind == TargetKind.Delete ? starred : InvalidTarget(starred.Value, kind);
            case CompareExpr compare:
                if (kind == TargetKind.For)
                {
                    return compare.Ops[0] == CompareOperator.In ? InvalidTarget(compare.Left, kind) : null;
                }

                return compare;
            case NameExpr or SubscriptExpr or AttributeExpr:
                return null;
            default:
                return expr;
        }
    }

    /// <summary>Rebuilds a valid target with the given context, all the way down.</summary>
    private static Expr WithContext(Expr expr, ExprContext context) => expr switch
    {
        NameExpr name => new NameExpr(name.Id, context, name.Span),
        AttributeExpr attribute => new AttributeExpr(attribute.Value, attribute.Attr, context, attribute.Span),
        SubscriptExpr subscript => new SubscriptExpr(subscript.Value, subscript.Slice, context, subscript.Span),
        StarredExpr starred => new StarredExpr(WithContext(starred.Value, context), context, starred.Span),
        TupleExpr tuple => new TupleExpr(tuple.Elements.Select(e => WithContext(e, context)).ToImmutableArray(), context, tuple.Span),
        ListExpr list => new ListExpr(list.Elements.Select(e => WithContext(e, context)).ToImmutableArray(), context, list.Span),
        _ => expr,
    };

    /// <summary>Converts a <c>for</c> target (or comprehension target), raising CPython's error when it is invalid.</summary>
    private Expr ToForTarget(Expr target)
    {
        if (IsValidStarTarget(target))
        {
            return WithContext(target, ExprContext.Store);
        }

        if (InvalidTarget(target, TargetKind.For) is { } bad)
        {
            throw ErrorAtNode($"cannot assign to {ExprName(bad)}", bad);
        }

        throw InvalidSyntax();
    }

    /// <summary>
    /// CPython's <c>invalid_for_target</c>, for a target list not followed by <c>in</c>: the
    /// target is read again as an expression, which may find a specific error (a missing comma,
    /// an invalid target); otherwise "invalid syntax" at the token where <c>in</c> was expected.
    /// </summary>
    private PythonSyntaxError MissingIn(int targetStart, PythonSyntaxError failure)
    {
        int save = _index;
        _index = targetStart;
        Expr? expr = null;
        if (InErrorRule(() => TryParseAlternative(ParseStarExpressions, out expr)) && InvalidTarget(expr!, TargetKind.For) is { } bad)
        {
            return ErrorAtNode($"cannot assign to {ExprName(bad)}", bad);
        }

        _index = save;
        return failure;
    }

    /// <summary>Parses a <c>for</c> target list: <c>star_target (',' star_target)* [',']</c>.</summary>
    private Expr ParseForTargetList()
    {
        var first = Current;
        var item = ParseStarTargetItem();
        if (!Check(TokenKind.Comma))
        {
            return item;
        }

        var items = ImmutableArray.CreateBuilder<Expr>();
        items.Add(item);
        while (Match(TokenKind.Comma))
        {
            if (!StartsStarExpression(Current))
            {
                break;
            }

            items.Add(ParseStarTargetItem());
        }

        return new TupleExpr(items.ToImmutable(), ExprContext.Load, SpanFrom(first));
    }

    /// <summary>One <c>star_target</c>: a primary (name, attribute, subscript, bracketed targets), maybe starred.</summary>
    private Expr ParseStarTargetItem()
    {
        if (!Check(TokenKind.Star))
        {
            return ParsePrimary();
        }

        var star = Advance();
        var value = ParsePrimary();
        return new StarredExpr(value, ExprContext.Load, SpanFrom(star));
    }

    /// <summary>
    /// A <c>for</c> or comprehension target list followed by <c>in</c>, converted to store
    /// context; otherwise CPython's error for it.
    /// </summary>
    private Expr ParseForTargetBeforeIn()
    {
        int targetStart = _index;
        Expr target;
        try
        {
            target = ParseForTargetList();
        }
        catch (PythonSyntaxError error) when (error.Message == "invalid syntax")
        {
            throw MissingIn(targetStart, error);
        }

        if (!Check(TokenKind.In))
        {
            throw MissingIn(targetStart, InvalidSyntax());
        }

        var storeTarget = ToForTarget(target);
        Advance();
        return storeTarget;
    }

    /// <summary>True when <paramref name="expr"/> was written inside its own parentheses.</summary>
    private bool IsParenthesized(Expr expr) => _groups.ContainsKey(expr);

    /// <summary>
    /// True when <paramref name="expr"/> is what CPython's <c>bitwise_or</c> rule produces: no
    /// unparenthesized comparison, boolean operator, <c>not</c>, conditional, lambda, starred or tuple.
    /// </summary>
    private bool IsBitwiseOrLevel(Expr expr) =>
        IsParenthesized(expr) || expr is not (CompareExpr or BoolOpExpr or UnaryExpr { Op: UnaryOperator.Not }
            or ConditionalExpr or LambdaExpr or StarredExpr or NamedExpr or YieldExpr or YieldFromExpr or TupleExpr);

    /// <summary>The atom an expression starts with, looking through binary operators and trailers.</summary>
    private Expr LeftmostAtom(Expr expr)
    {
        while (!IsParenthesized(expr))
        {
            switch (expr)
            {
                case BinaryExpr binary:
                    expr = binary.Left;
                    continue;
                case AttributeExpr attribute:
                    expr = attribute.Value;
                    continue;
                case SubscriptExpr subscript:
                    expr = subscript.Value;
                    continue;
                case CallExpr call:
                    expr = call.Func;
                    continue;
            }

            break;
        }

        return expr;
    }

    /// <summary>CPython's lookahead <c>!(list|tuple|genexp|'True'|'None'|'False')</c> before "cannot assign to ... here".</summary>
    private bool StartsWithExcludedAtom(Expr expr)
    {
        var atom = LeftmostAtom(expr);
        return atom is ListExpr or GeneratorExpr or BoolLiteral or NoneLiteral || IsTupleDisplay(atom);
    }

    private bool IsTupleDisplay(Expr expr) => expr is TupleExpr && IsParenthesized(expr);

    /// <summary>
    /// The leftmost <c>bitwise_or</c> of an expression (what CPython's error rules match
    /// first), or null when the expression starts with <c>not</c>, <c>lambda</c>, <c>*</c> or <c>yield</c>.
    /// </summary>
    private Expr? LeadingBitwiseOr(Expr expr)
    {
        if (IsParenthesized(expr))
        {
            return expr;
        }

        return expr switch
        {
            TupleExpr tuple => tuple.Elements.Length > 0 ? LeadingBitwiseOr(tuple.Elements[0]) : null,
            CompareExpr compare => compare.Left,
            BoolOpExpr boolOp => LeadingBitwiseOr(boolOp.Values[0]),
            ConditionalExpr conditional => LeadingBitwiseOr(conditional.Body),
            UnaryExpr { Op: UnaryOperator.Not } or LambdaExpr or StarredExpr or YieldExpr or YieldFromExpr or NamedExpr => null,
            _ => expr,
        };
    }
}
