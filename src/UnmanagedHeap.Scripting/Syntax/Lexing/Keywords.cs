using System.Collections.Frozen;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>The hard keywords of Python 3.12 and the token kinds they scan to.</summary>
public static class Keywords
{
    private static readonly FrozenDictionary<string, TokenKind> ByText = new Dictionary<string, TokenKind>
    {
        ["False"] = TokenKind.False,
        ["None"] = TokenKind.None,
        ["True"] = TokenKind.True,
        ["and"] = TokenKind.And,
        ["as"] = TokenKind.As,
        ["assert"] = TokenKind.Assert,
        ["async"] = TokenKind.Async,
        ["await"] = TokenKind.Await,
        ["break"] = TokenKind.Break,
        ["class"] = TokenKind.Class,
        ["continue"] = TokenKind.Continue,
        ["def"] = TokenKind.Def,
        ["del"] = TokenKind.Del,
        ["elif"] = TokenKind.Elif,
        ["else"] = TokenKind.Else,
        ["except"] = TokenKind.Except,
        ["finally"] = TokenKind.Finally,
        ["for"] = TokenKind.For,
        ["from"] = TokenKind.From,
        ["global"] = TokenKind.Global,
        ["if"] = TokenKind.If,
        ["import"] = TokenKind.Import,
        ["in"] = TokenKind.In,
        ["is"] = TokenKind.Is,
        ["lambda"] = TokenKind.Lambda,
        ["nonlocal"] = TokenKind.Nonlocal,
        ["not"] = TokenKind.Not,
        ["or"] = TokenKind.Or,
        ["pass"] = TokenKind.Pass,
        ["raise"] = TokenKind.Raise,
        ["return"] = TokenKind.Return,
        ["try"] = TokenKind.Try,
        ["while"] = TokenKind.While,
        ["with"] = TokenKind.With,
        ["yield"] = TokenKind.Yield,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The keyword kind for <paramref name="text"/>, or <see cref="TokenKind.Name"/>.</summary>
    public static TokenKind Classify(string text) =>
        ByText.TryGetValue(text, out var kind) ? kind : TokenKind.Name;

    /// <summary>True when <paramref name="text"/> is a hard keyword.</summary>
    public static bool IsKeyword(string text) => ByText.ContainsKey(text);
}
