using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// An f-string, or a run of adjacent literals at least one of which is an f-string
/// (CPython's <c>JoinedStr</c>). Evaluate the parts in order and join them.
/// </summary>
public sealed class FStringExpr(ImmutableArray<Expr> parts, SourceSpan span) : Expr(span)
{
    /// <summary>Each part is a <see cref="StrLiteral"/> (never empty, never two in a row) or a <see cref="FormattedValue"/>.</summary>
    public ImmutableArray<Expr> Parts { get; } = parts;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitFString(this);
}

/// <summary>
/// One replacement field <c>{value!conversion:spec}</c> of an f-string. A self-documenting
/// field <c>{x=}</c> appears as a <see cref="StrLiteral"/> holding <c>"x="</c> followed by this
/// node with <see cref="FormatConversion.Repr"/> (unless a conversion or a spec was given).
/// </summary>
public sealed class FormattedValue(Expr value, FormatConversion conversion, FStringExpr? formatSpec, SourceSpan span) : Expr(span)
{
    /// <summary>The expression whose value is formatted.</summary>
    public Expr Value { get; } = value;

    /// <summary>The <c>!s</c>/<c>!r</c>/<c>!a</c> conversion, or <see cref="FormatConversion.None"/>.</summary>
    public FormatConversion Conversion { get; } = conversion;

    /// <summary>The format spec after <c>:</c> (itself possibly holding fields), or null when there is no <c>:</c>.</summary>
    public FStringExpr? FormatSpec { get; } = formatSpec;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitFormattedValue(this);
}
