using System.Collections.Immutable;
using System.Numerics;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary><c>None</c>.</summary>
public sealed class NoneLiteral(SourceSpan span) : Expr(span)
{
    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitNone(this);
}

/// <summary><c>True</c> or <c>False</c>.</summary>
public sealed class BoolLiteral(bool value, SourceSpan span) : Expr(span)
{
    /// <summary>The value.</summary>
    public bool Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitBool(this);
}

/// <summary><c>...</c> (the <c>Ellipsis</c> singleton).</summary>
public sealed class EllipsisLiteral(SourceSpan span) : Expr(span)
{
    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitEllipsis(this);
}

/// <summary>An integer literal in any base; the value is exact however large.</summary>
public sealed class IntLiteral(BigInteger value, SourceSpan span) : Expr(span)
{
    /// <summary>The value.</summary>
    public BigInteger Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitInt(this);
}

/// <summary>A float literal, rounded to the nearest double as CPython does (<c>1e400</c> is infinity).</summary>
public sealed class FloatLiteral(double value, SourceSpan span) : Expr(span)
{
    /// <summary>The value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitFloat(this);
}

/// <summary>An imaginary literal such as <c>2.5j</c>: a complex number with zero real part.</summary>
public sealed class ImaginaryLiteral(double imaginary, SourceSpan span) : Expr(span)
{
    /// <summary>The imaginary part.</summary>
    public double Imaginary { get; } = imaginary;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitImaginary(this);
}

/// <summary>A string literal, escapes decoded and adjacent literals already concatenated.</summary>
public sealed class StrLiteral(string value, SourceSpan span) : Expr(span)
{
    /// <summary>The decoded text.</summary>
    public string Value { get; } = value;

    /// <summary>True when the first literal was written <c>u'...'</c> (CPython's <c>kind='u'</c>); no effect on the value.</summary>
    public bool IsUPrefixed { get; init; }

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitStr(this);
}

/// <summary>A bytes literal, escapes decoded and adjacent literals already concatenated.</summary>
public sealed class BytesLiteral(ImmutableArray<byte> value, SourceSpan span) : Expr(span)
{
    /// <summary>The bytes.</summary>
    public ImmutableArray<byte> Value { get; } = value;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitBytes(this);
}
