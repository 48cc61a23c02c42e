using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Expression statements and the assignment forms (<c>=</c> chains, augmented, annotated),
/// with the error messages CPython's <c>invalid_assignment</c> and
/// <c>invalid_named_expression</c> rules give for bad targets.
/// </summary>
public sealed partial class Parser
{
    private Stmt ParseExpressionStatement()
    {
        var start = Current;
        var first = ParseYieldOrStarExpressions();
        if (Check(TokenKind.ColonEqual))
        {
            ThrowIfWalrusStatement(first);
        }

        switch (Current.Kind)
        {
            case TokenKind.Colon:
                return ParseAnnotatedAssignment(first, start);
            case TokenKind.Equal:
                return ParseAssignment(first, start);
            default:
                if (AugmentedOperator(Current.Kind) is { } op)
                {
                    return ParseAugmentedAssignment(first, op, start);
                }

                return new ExprStmt(first, SpanFrom(start));
        }
    }

    /// <summary>CPython's <c>annotated_rhs</c>: a yield expression or star expressions.</summary>
    private Expr ParseYieldOrStarExpressions() => Check(TokenKind.Yield) ? ParseYieldExpression() : ParseStarExpressions();

    private Stmt ParseAssignment(Expr first, Token start)
    {
        var items = new List<Expr> { first };
        while (Match(TokenKind.Equal))
        {
            try
            {
                items.Add(ParseYieldOrStarExpressions());
            }
            catch (PythonSyntaxError error) when (error.Message == "invalid syntax")
            {
                // CPython's invalid_assignment needs nothing after the last '=' to name a bad target.
                int bad = items.FindIndex(item => !IsValidStarTarget(item));
                if (bad >= 0)
                {
                    throw InvalidAssignment(items, bad, lastFollowedByEqual: true);
                }

                throw;
            }
        }

        var targets = ImmutableArray.CreateBuilder<Expr>(items.Count - 1);
        for (int i = 0; i < items.Count - 1; i++)
        {
            if (!IsValidStarTarget(items[i]))
            {
                throw InvalidAssignment(items, i);
            }

            targets.Add(WithContext(items[i], ExprContext.Store));
        }

        return new AssignStmt(targets.MoveToImmutable(), items[^1], SpanFrom(start));
    }

    /// <summary>
    /// Picks the error CPython reports for an assignment whose target <paramref name="invalidIndex"/>
    /// is invalid, trying its rules in CPython's order.
    /// </summary>
    private PythonSyntaxError InvalidAssignment(List<Expr> items, int invalidIndex, bool lastFollowedByEqual = false)
    {
        // invalid_named_expression, reached through the first target (or the last element of a bare tuple).
        var first = items[0];
        var last = first is TupleExpr tuple && !IsParenthesized(first) ? tuple.Elements[^1] : first;
        var value = items.Count > 1 ? items[1] : null;
        var leading = value is null ? null : LeadingBitwiseOr(value);
        bool notFollowedByEqual = leading is not null && (leading != value || (items.Count == 2 && !lastFollowedByEqual));
        if (last is not StarredExpr && notFollowedByEqual && IsBitwiseOrLevel(last))
        {
            if (last is NameExpr && !IsParenthesized(last))
            {
                return ErrorRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", last.Span, leading!.Span);
            }

            if (!StartsWithExcludedAtom(last))
            {
                return ErrorAtNode($"cannot assign to {ExprName(last)} here. Maybe you meant '==' instead of '='?", last);
            }
        }

        // invalid_assignment: the first target that is not a valid star target.
        var target = items[invalidIndex];
        if (target is YieldExpr or YieldFromExpr && !IsParenthesized(target))
        {
            return ErrorAtNode("assignment to yield expression not possible", target);
        }

        if (InvalidTarget(target, TargetKind.Assign) is { } bad)
        {
            return ErrorAtNode($"cannot assign to {ExprName(bad)}", bad);
        }

        return InvalidSyntax();
    }

    /// <summary>CPython's invalid_named_expression for <c>x.y := 1</c> written as a statement.</summary>
    private void ThrowIfWalrusStatement(Expr first)
    {
        var last = first is TupleExpr tuple && !IsParenthesized(first) ? tuple.Elements[^1] : first;
        bool plainName = last is NameExpr && !IsParenthesized(last);
        if (!plainName && last is not StarredExpr && InErrorRule(() => StartsExpression(Peek(1))))
        {
            throw ErrorAtNode($"cannot use assignment expressions with {ExprName(last)}", last);
        }
    }

    private Stmt ParseAugmentedAssignment(Expr target, BinaryOperator op, Token start)
    {
        if (!IsSingleTarget(target))
        {
            throw ErrorAtNode($"'{ExprName(target)}' is an illegal expression for augmented assignment", target);
        }

        Advance();
        var value = ParseYieldOrStarExpressions();
        return new AugAssignStmt(WithContext(target, ExprContext.Store), op, value, SpanFrom(start));
    }

    private Stmt ParseAnnotatedAssignment(Expr target, Token start)
    {
        bool simple = target is NameExpr && !IsParenthesized(target);
        if (!IsSingleTarget(target))
        {
            // CPython's rules for a bad annotation target all need an expression after the ':'.
            var generic = InvalidSyntax();
            if (!InErrorRule(() => StartsExpression(Peek(1))))
            {
                throw generic;
            }

            if (target is TupleExpr bare && !IsParenthesized(target))
            {
                throw ErrorAtNode("only single target (not tuple) can be annotated", bare.Elements[0]);
            }

            if (target is ListExpr)
            {
                throw ErrorAtNode("only single target (not list) can be annotated", target);
            }

            if (IsTupleDisplay(target))
            {
                throw ErrorAtNode("only single target (not tuple) can be annotated", target);
            }

            throw ErrorAtNode("illegal target for annotation", target);
        }

        Advance();
        var annotation = ParseExpression();
        Expr? value = Match(TokenKind.Equal) ? ParseYieldOrStarExpressions() : null;
        return new AnnAssignStmt(WithContext(target, ExprContext.Store), annotation, value, simple, SpanFrom(start));
    }

    private static BinaryOperator? AugmentedOperator(TokenKind kind) => kind switch
    {
        TokenKind.PlusEqual => BinaryOperator.Add,
        TokenKind.MinusEqual => BinaryOperator.Sub,
        TokenKind.StarEqual => BinaryOperator.Mult,
        TokenKind.AtEqual => BinaryOperator.MatMult,
        TokenKind.SlashEqual => BinaryOperator.Div,
        TokenKind.PercentEqual => BinaryOperator.Mod,
        TokenKind.AmpersandEqual => BinaryOperator.BitAnd,
        TokenKind.VerticalBarEqual => BinaryOperator.BitOr,
        TokenKind.CircumflexEqual => BinaryOperator.BitXor,
        TokenKind.LeftShiftEqual => BinaryOperator.LShift,
        TokenKind.RightShiftEqual => BinaryOperator.RShift,
        TokenKind.DoubleStarEqual => BinaryOperator.Pow,
        TokenKind.DoubleSlashEqual => BinaryOperator.FloorDiv,
        _ => null,
    };

    /// <summary>
    /// CPython's <c>invalid_named_expression</c> for <c>e = ...</c> where a named expression was
    /// expected (an <c>if</c> condition, a list element, ...): raises its error, or returns
    /// when the rule does not apply and a plain "invalid syntax" follows.
    /// </summary>
    private void ThrowIfMisusedEquals(Expr expr)
    {
        if (!IsBitwiseOrLevel(expr))
        {
            return;
        }

        int save = _index;
        Advance();
        if (!StartsExpression(Current) || Check(TokenKind.Not) || Check(TokenKind.Lambda)
            || !TryParseAlternative(ParseBitwiseOr, out var value) || Check(TokenKind.Equal) || Check(TokenKind.ColonEqual))
        {
            _index = save;
            return;
        }

        if (expr is NameExpr && !IsParenthesized(expr))
        {
            throw ErrorRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", expr.Span, value!.Span);
        }

        if (!StartsWithExcludedAtom(expr))
        {
            throw ErrorAtNode($"cannot assign to {ExprName(expr)} here. Maybe you meant '==' instead of '='?", expr);
        }

        _index = save;
    }
}
