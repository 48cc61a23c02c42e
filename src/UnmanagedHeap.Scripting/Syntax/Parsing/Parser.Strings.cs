using System.Collections.Immutable;
using System.Text;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Adjacent string literals and f-strings, concatenated into one <see cref="StrLiteral"/>,
/// <see cref="BytesLiteral"/> or <see cref="FStringExpr"/>.
/// </summary>
public sealed partial class Parser
{
    // A malformed escape in f-string text, reported at the end of the f-string that contains it.
    private string? _fstringTextError;

    // Bracket levels of the replacement fields being parsed: a ':' at that level starts a format spec.
    private readonly List<int> _fieldLevels = new();

    private Expr ParseStrings()
    {
        var first = Current;
        var pieces = new List<object>();
        bool sawBytes = false, sawText = false, sawFString = false;
        while (Check(TokenKind.String) || Check(TokenKind.FStringStart))
        {
            if (Check(TokenKind.String))
            {
                var token = Advance();
                bool isBytes = StringLiteralDecoder.Split(token.Text).IsBytes;
                sawBytes |= isBytes;
                sawText |= !isBytes;
                pieces.Add(token);
            }
            else
            {
                sawFString = true;
                pieces.Add(ParseFString());
            }
        }

        if (sawBytes && (sawText || sawFString))
        {
            throw ErrorAtToken("cannot mix bytes and nonbytes literals", Current);
        }

        var span = SpanFrom(first);
        if (sawBytes)
        {
            var bytes = new List<byte>();
            foreach (Token token in pieces)
            {
                bytes.AddRange(DecodeBytes(token));
            }

            return new BytesLiteral(bytes.ToImmutableArray(), span);
        }

        var joiner = new FStringJoiner();
        foreach (var piece in pieces)
        {
            if (piece is Token token)
            {
                joiner.AddText(DecodeText(token), token.Span);
            }
            else
            {
                foreach (var part in (List<Expr>)piece)
                {
                    joiner.Add(part);
                }
            }
        }

        if (sawFString)
        {
            return new FStringExpr(joiner.ToParts(), span);
        }

        return new StrLiteral(joiner.Text, span) { IsUPrefixed = first.Text[0] is 'u' or 'U' };
    }

    private string DecodeText(Token token)
    {
        var parts = StringLiteralDecoder.Split(token.Text);
        try
        {
            string text = StringLiteralDecoder.DecodeText(parts.Body, parts.IsRaw, fstring: false, out var warning);
            AddWarning(warning, token);
            return text;
        }
        catch (FormatException e)
        {
            throw ErrorAtToken(e.Message, token);
        }
    }

    private byte[] DecodeBytes(Token token)
    {
        var parts = StringLiteralDecoder.Split(token.Text);
        try
        {
            byte[] bytes = StringLiteralDecoder.DecodeBytes(parts.Body, parts.IsRaw, out var warning);
            AddWarning(warning, token);
            return bytes;
        }
        catch (FormatException e)
        {
            throw ErrorAtToken(e.Message, token);
        }
    }

    private void AddWarning(string? warning, Token token)
    {
        if (warning is not null)
        {
            _warnings.Add(new PythonSyntaxWarning(warning, _source.FileName, token.Line));
        }
    }

    /// <summary>One f-string from <see cref="TokenKind.FStringStart"/> to <see cref="TokenKind.FStringEnd"/>, as parts.</summary>
    private List<Expr> ParseFString()
    {
        var start = Advance();
        bool raw = start.Text.Contains('r', StringComparison.OrdinalIgnoreCase);
        var parts = new List<Expr>();
        while (!Check(TokenKind.FStringEnd))
        {
            if (Check(TokenKind.FStringMiddle))
            {
                var middle = Advance();
                parts.Add(new StrLiteral(DecodeFStringText(middle, raw), middle.Span));
            }
            else if (Check(TokenKind.LeftBrace))
            {
                ParseReplacementField(raw, parts);
            }
            else
            {
                throw InvalidSyntax();
            }
        }

        var end = Advance();
        if (_fstringTextError is { } deferred)
        {
            // CPython decodes f-string text when it reaches the closing quote.
            _fstringTextError = null;
            throw ErrorAtToken(deferred, end);
        }

        return parts;
    }

    private string DecodeFStringText(Token middle, bool raw)
    {
        try
        {
            string text = StringLiteralDecoder.DecodeText(middle.Text, raw, fstring: true, out var warning);
            AddWarning(warning, middle);
            return text;
        }
        catch (FormatException e)
        {
            _fstringTextError ??= e.Message;
            return string.Empty;
        }
    }

    /// <summary>
    /// <c>'{' (yield_expr | star_expressions) ['='] ['!' NAME] [':' spec] '}'</c>, appending the
    /// field (preceded by its source text for the self-documenting <c>{x=}</c> form) to <paramref name="parts"/>.
    /// </summary>
    private void ParseReplacementField(bool raw, List<Expr> parts)
    {
        var open = Advance();
        if (Current.Kind is TokenKind.Equal or TokenKind.Exclamation or TokenKind.Colon or TokenKind.RightBrace)
        {
            throw ErrorAtToken($"f-string: valid expression required before '{Current.Text}'", Current);
        }

        _fieldLevels.Add(open.Level);
        Expr value;
        try
        {
            value = ParseFieldValue();
        }
        finally
        {
            _fieldLevels.RemoveAt(_fieldLevels.Count - 1);
        }

        string? debugText = null;
        SourceSpan debugSpan = default;
        if (Check(TokenKind.Equal))
        {
            Advance();
            debugText = _source.Text[open.End..Current.Start];
            debugSpan = new SourceSpan(open.Span.EndLine, open.Span.EndColumn, Current.Span.Line, Current.Span.Column);
        }

        Token? conversionName = Check(TokenKind.Exclamation) ? ParseConversionName() : null;

        FStringExpr? spec = null;
        if (Check(TokenKind.Colon))
        {
            spec = ParseFormatSpec(raw);
        }

        if (!Check(TokenKind.RightBrace))
        {
            string expected = spec is not null ? "'}', or format specs"
                : conversionName is not null ? "':' or '}'"
                : debugText is not null ? "'!', or ':', or '}'"
                : "'=', or '!', or ':', or '}'";
            throw ErrorAtToken($"f-string: expecting {expected}", Current);
        }

        var close = Advance();

        // CPython checks the conversion character once the whole field has been read.
        var conversion = conversionName is { } name ? ConversionFor(name) : FormatConversion.None;
        if (debugText is not null)
        {
            parts.Add(new StrLiteral(debugText, debugSpan));
            if (conversion == FormatConversion.None && spec is null)
            {
                conversion = FormatConversion.Repr;
            }
        }

        parts.Add(new FormattedValue(value, conversion, spec, SourceSpan.Between(open.Span, close.Span)));
    }

    /// <summary>
    /// The expression of a replacement field. When it does not parse, CPython reports what it
    /// expected after the longest part that does, or that no expression follows the brace.
    /// </summary>
    private Expr ParseFieldValue()
    {
        int start = _index;
        try
        {
            return ParseYieldOrStarExpressions();
        }
        catch (PythonSyntaxError error) when (error.Message == "invalid syntax")
        {
            _index = start;
            var afterBrace = Current;
            if (InErrorRule(() => TryParseAlternative(ParseYieldOrStarExpressions, out var prefix) ? prefix : null) is null)
            {
                throw ErrorAtToken("f-string: expecting a valid expression after '{'", afterBrace);
            }

            if (Current.Kind is TokenKind.Equal or TokenKind.Exclamation or TokenKind.Colon or TokenKind.RightBrace)
            {
                throw;
            }

            throw ErrorAtToken("f-string: expecting '=', or '!', or ':', or '}'", Current);
        }
    }

    /// <summary><c>'!' NAME</c>, the name written right after the mark.</summary>
    private Token ParseConversionName()
    {
        var bang = Advance();
        if (!Check(TokenKind.Name))
        {
            string message = Check(TokenKind.Colon) || Check(TokenKind.RightBrace)
                ? "f-string: missing conversion character"
                : "f-string: invalid conversion character";
            throw ErrorAtToken(message, Current);
        }

        var name = Current;
        if (name.Start != bang.End)
        {
            throw ErrorRange("f-string: conversion type must come right after the exclamanation mark", bang.Span, name.Span);
        }

        return Advance();
    }

    private FormatConversion ConversionFor(Token name) => name.Text switch
    {
        "s" => FormatConversion.Str,
        "r" => FormatConversion.Repr,
        "a" => FormatConversion.Ascii,
        _ => throw ErrorAtToken($"f-string: invalid conversion character '{name.Text}': expected 's', 'r', or 'a'", name),
    };

    /// <summary>The format spec after <c>:</c>: literal text and nested replacement fields up to the closing <c>}</c>.</summary>
    private FStringExpr ParseFormatSpec(bool raw)
    {
        var colon = Advance();
        var parts = new List<Expr>();
        while (Check(TokenKind.FStringMiddle) || Check(TokenKind.LeftBrace))
        {
            if (Check(TokenKind.FStringMiddle))
            {
                var middle = Advance();
                parts.Add(new StrLiteral(DecodeFStringText(middle, raw), middle.Span));
            }
            else
            {
                ParseReplacementField(raw, parts);
            }
        }

        var joiner = new FStringJoiner();
        foreach (var part in parts)
        {
            joiner.Add(part);
        }

        return new FStringExpr(joiner.ToParts(), SourceSpan.Between(colon.Span, Previous.Span));
    }

    /// <summary>Builds f-string parts, merging adjacent literal text and dropping empty text.</summary>
    private sealed class FStringJoiner
    {
        private readonly ImmutableArray<Expr>.Builder _parts = ImmutableArray.CreateBuilder<Expr>();
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _all = new();
        private SourceSpan? _textStart;
        private SourceSpan _textEnd;

        /// <summary>All literal text seen, for a plain string.</summary>
        public string Text => _all.ToString();

        public void Add(Expr part)
        {
            if (part is StrLiteral literal)
            {
                AddText(literal.Value, literal.Span);
                return;
            }

            Flush();
            _parts.Add(part);
        }

        public void AddText(string text, SourceSpan span)
        {
            _all.Append(text);
            if (text.Length == 0)
            {
                return;
            }

            _text.Append(text);
            _textStart ??= span;
            _textEnd = span;
        }

        public ImmutableArray<Expr> ToParts()
        {
            Flush();
            return _parts.ToImmutable();
        }

        private void Flush()
        {
            if (_text.Length == 0)
            {
                return;
            }

            _parts.Add(new StrLiteral(_text.ToString(), SourceSpan.Between(_textStart!.Value, _textEnd)));
            _text.Clear();
            _textStart = null;
        }
    }
}
