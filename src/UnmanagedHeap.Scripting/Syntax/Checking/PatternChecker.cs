using System.Globalization;
using System.Numerics;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// The errors CPython's compiler raises for <c>match</c> patterns, in the order its code
/// generator meets them: irrefutable cases before the last, names bound twice, alternatives
/// that bind different names, several starred names, repeated mapping keys and class
/// pattern attributes.
/// </summary>
internal sealed class PatternChecker
{
    private readonly Func<string, SourceSpan, PythonSyntaxError> _error;
    private readonly List<string> _stores = new();

    private PatternChecker(Func<string, SourceSpan, PythonSyntaxError> error) => _error = error;

    public static void Check(MatchStmt match, Func<string, SourceSpan, PythonSyntaxError> error)
    {
        for (int i = 0; i < match.Cases.Length; i++)
        {
            var matchCase = match.Cases[i];
            // CPython: irrefutable cases must be either guarded, last, or both.
            bool allowIrrefutable = matchCase.Guard is not null || i == match.Cases.Length - 1;
            new PatternChecker(error).Visit(matchCase.Pattern, allowIrrefutable);
        }
    }

    private void Visit(Pattern pattern, bool allowIrrefutable)
    {
        switch (pattern)
        {
            case MatchAsPattern p:
                if (p.Pattern is null && !allowIrrefutable)
                {
                    throw p.Target is null
                        ? _error("wildcard makes remaining patterns unreachable", p.Span)
                        : _error($"name capture '{p.Target.Id}' makes remaining patterns unreachable", p.Span);
                }

                if (p.Pattern is not null)
                {
                    Visit(p.Pattern, allowIrrefutable);
                }

                Store(p.Target);
                break;
            case MatchStarPattern p:
                Store(p.Target);
                break;
            case MatchSequencePattern p:
                bool starred = false;
                foreach (var sub in p.Patterns)
                {
                    if (sub is MatchStarPattern)
                    {
                        if (starred)
                        {
                            throw _error("multiple starred names in sequence pattern", sub.Span);
                        }

                        starred = true;
                    }
                }

                foreach (var sub in p.Patterns)
                {
                    Visit(sub, allowIrrefutable: true);
                }

                break;
            case MatchMappingPattern p:
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var key in p.Keys)
                {
                    if (ConstantKey(key) is { } constant && !keys.Add(constant.Identity))
                    {
                        throw _error($"mapping pattern checks duplicate key ({constant.Repr})", key.Span);
                    }
                }

                foreach (var sub in p.Patterns)
                {
                    Visit(sub, allowIrrefutable: true);
                }

                Store(p.Rest);
                break;
            case MatchClassPattern p:
                var attributes = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < p.KeywordAttributes.Length; i++)
                {
                    if (!attributes.Add(p.KeywordAttributes[i]))
                    {
                        throw _error($"attribute name repeated in class pattern: {p.KeywordAttributes[i]}", p.KeywordPatterns[i].Span);
                    }
                }

                foreach (var sub in p.Patterns)
                {
                    Visit(sub, allowIrrefutable: true);
                }

                foreach (var sub in p.KeywordPatterns)
                {
                    Visit(sub, allowIrrefutable: true);
                }

                break;
            case MatchOrPattern p:
                VisitOr(p, allowIrrefutable);
                break;
        }
    }

    /// <summary>Every alternative is checked with a fresh name list; all must bind the same names.</summary>
    private void VisitOr(MatchOrPattern p, bool allowIrrefutable)
    {
        List<string>? first = null;
        for (int i = 0; i < p.Patterns.Length; i++)
        {
            var alternative = new PatternChecker(_error);
            alternative.Visit(p.Patterns[i], allowIrrefutable && i == p.Patterns.Length - 1);
            if (first is null)
            {
                first = alternative._stores;
            }
            else if (first.Count != alternative._stores.Count || !first.All(alternative._stores.Contains))
            {
                throw _error("alternative patterns bind different names", p.Patterns[i].Span);
            }
        }

        foreach (var name in first!)
        {
            if (_stores.Contains(name))
            {
                throw _error($"multiple assignments to name '{name}' in pattern", p.Span);
            }

            _stores.Add(name);
        }
    }

    private void Store(NameExpr? target)
    {
        if (target is null)
        {
            return;
        }

        if (_stores.Contains(target.Id))
        {
            throw _error($"multiple assignments to name '{target.Id}' in pattern", target.Span);
        }

        _stores.Add(target.Id);
    }

    /// <summary>A literal key's identity (equal numbers, like 1, 1.0 and True, are one key) and its repr.</summary>
    private static (string Identity, string Repr)? ConstantKey(Expr key)
    {
        switch (key)
        {
            case StrLiteral s:
                return ("s" + s.Value, PythonRepr.Str(s.Value));
            case BytesLiteral b:
                return ("b" + Convert.ToHexString(b.Value.AsSpan()), PythonRepr.Bytes(b.Value));
            case NoneLiteral:
                return ("None", "None");
            case BoolLiteral b:
                return ("n" + (b.Value ? "1" : "0"), b.Value ? "True" : "False");
            case IntLiteral i:
                return ("n" + i.Value.ToString(CultureInfo.InvariantCulture), i.Value.ToString(CultureInfo.InvariantCulture));
            case UnaryExpr { Op: UnaryOperator.Minus, Operand: IntLiteral i }:
                return ("n" + (-i.Value).ToString(CultureInfo.InvariantCulture), (-i.Value).ToString(CultureInfo.InvariantCulture));
            case FloatLiteral f:
                return (FloatIdentity(f.Value), PythonRepr.Float(f.Value));
            case UnaryExpr { Op: UnaryOperator.Minus, Operand: FloatLiteral f }:
                return (FloatIdentity(-f.Value), PythonRepr.Float(-f.Value));
            default:
                return null;
        }
    }

    private static string FloatIdentity(double value) =>
        value == Math.Floor(value) && !double.IsInfinity(value)
            ? "n" + new BigInteger(value).ToString(CultureInfo.InvariantCulture)
            : "f" + value.ToString("R", CultureInfo.InvariantCulture);
}
