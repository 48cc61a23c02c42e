using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// What CPython does after a generic parse failure, emulated: its PEG parser runs a second
/// pass with its "invalid_*" error rules switched on, and because it backtracks, a rule may match
/// a shorter expression than the one that failed (<c>wor []</c> is a name followed by a list).
/// Statements that fail with "invalid syntax" are parsed again in that mode to find a more
/// specific error; errors the rules raise themselves are reported as they are found.
/// </summary>
public sealed partial class Parser
{
    // Depth of error-rule emulation: tokens looked at there do not move the generic error location.
    private int _errorRules;

    // While set, a failed operand or trailer ends an expression early instead of failing it.
    private bool _pegBacktrack;

    // While set, error rules are off (CPython's "expression_without_invalid").
    private bool _withoutInvalid;

    private static bool IsGeneric(PythonSyntaxError error) => error.Message == "invalid syntax";

    /// <summary>Parses a statement; on a generic failure, tries CPython's second pass before reporting it.</summary>
    private void ParseStatementWithSecondPass(ImmutableArray<Stmt>.Builder into)
    {
        int start = _index;
        try
        {
            ParseStatementCore(into);
        }
        catch (PythonSyntaxError error) when (IsGeneric(error) && !_pegBacktrack && !_errorIsFinal)
        {
            _index = start;
            InErrorRule(() => TryParseAlternative(
                () =>
                {
                    ParseStatementCore(into);
                    return true;
                },
                out _));
            throw;
        }
    }

    /// <summary>Runs the emulation of one of CPython's error rules, which does not move the generic error location.</summary>
    private T InErrorRule<T>(Func<T> rule)
    {
        _errorRules++;
        try
        {
            return rule();
        }
        finally
        {
            _errorRules--;
        }
    }

    private void InErrorRule(Action rule) => InErrorRule(() =>
    {
        rule();
        return true;
    });

    /// <summary>
    /// Like <see cref="TryParse{T}"/>, but only a generic "invalid syntax" means the alternative did
    /// not match; a specific error found while trying it is the one reported.
    /// </summary>
    private bool TryParseReportingSpecificErrors<T>(Func<T> parse, out T? result)
    {
        int save = _index;
        try
        {
            result = parse();
            return true;
        }
        catch (PythonSyntaxError error) when (IsGeneric(error))
        {
            _index = save;
            _errorIsFinal = false;
            result = default;
            return false;
        }
    }

    /// <summary>An alternative of an error rule: parsed with backtracking, nested error rules still reporting.</summary>
    private bool TryParseAlternative<T>(Func<T> parse, out T? result)
    {
        bool saved = _pegBacktrack;
        _pegBacktrack = true;
        try
        {
            return TryParseReportingSpecificErrors(parse, out result);
        }
        finally
        {
            _pegBacktrack = saved;
        }
    }

    /// <summary>CPython's <c>expression_without_invalid</c>: the longest expression that parses, error rules off.</summary>
    private bool TryParseWithoutErrorRules(Func<Expr> parse, out Expr? result)
    {
        var (savedBacktrack, savedWithout) = (_pegBacktrack, _withoutInvalid);
        (_pegBacktrack, _withoutInvalid) = (true, true);
        try
        {
            return TryParse(parse, out result);
        }
        finally
        {
            (_pegBacktrack, _withoutInvalid) = (savedBacktrack, savedWithout);
        }
    }

    /// <summary>
    /// Parses the operand after an operator (or a trailer). When backtracking, a failure puts the
    /// cursor back at <paramref name="restore"/> and returns false: the expression ends there.
    /// </summary>
    private bool TryOperand(int restore, Func<Expr> parse, out Expr operand)
    {
        if (!_pegBacktrack)
        {
            operand = parse();
            return true;
        }

        bool parsed = _withoutInvalid ? TryParse(parse, out var result) : TryParseReportingSpecificErrors(parse, out result);
        if (parsed)
        {
            operand = result!;
            return true;
        }

        _index = restore;
        operand = null!;
        return false;
    }
}
