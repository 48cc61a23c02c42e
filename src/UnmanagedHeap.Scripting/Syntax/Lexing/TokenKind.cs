namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// The kinds of tokens the <see cref="Scanner"/> produces: CPython 3.12's token types,
/// with each operator and each hard keyword given its own kind. Soft keywords
/// (<c>match</c>, <c>case</c>, <c>type</c>, <c>_</c>) are ordinary <see cref="Name"/> tokens.
/// </summary>
public enum TokenKind
{
    /// <summary>End of input (CPython's ENDMARKER).</summary>
    EndOfFile,

    /// <summary>End of a logical line.</summary>
    Newline,

    /// <summary>The indentation level increased.</summary>
    Indent,

    /// <summary>The indentation level decreased by one step.</summary>
    Dedent,

    /// <summary>An identifier that is not a hard keyword.</summary>
    Name,

    /// <summary>An integer, float or imaginary literal; the text is validated but not converted.</summary>
    Number,

    /// <summary>A string or bytes literal with its prefix and quotes, not yet decoded.</summary>
    String,

    /// <summary>The prefix and opening quote of an f-string, e.g. <c>f"</c>.</summary>
    FStringStart,

    /// <summary>Literal text inside an f-string or a format spec, escapes and doubled braces still in it.</summary>
    FStringMiddle,

    /// <summary>The closing quote of an f-string.</summary>
    FStringEnd,

    /// <summary>A character that starts no token (<c>$</c>, <c>?</c>, a backtick); the parser reports invalid syntax at it.</summary>
    ErrorToken,

    // Brackets and punctuation.

    /// <summary><c>(</c></summary>
    LeftParen,

    /// <summary><c>)</c></summary>
    RightParen,

    /// <summary><c>[</c></summary>
    LeftBracket,

    /// <summary><c>]</c></summary>
    RightBracket,

    /// <summary><c>{</c></summary>
    LeftBrace,

    /// <summary><c>}</c></summary>
    RightBrace,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>;</c></summary>
    Semicolon,

    /// <summary><c>.</c></summary>
    Dot,

    /// <summary><c>...</c></summary>
    Ellipsis,

    /// <summary><c>-&gt;</c></summary>
    Arrow,

    /// <summary><c>@</c></summary>
    At,

    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>:=</c></summary>
    ColonEqual,

    /// <summary><c>!</c> (only meaningful before an f-string conversion character).</summary>
    Exclamation,

    // Arithmetic and bitwise operators.

    /// <summary><c>+</c></summary>
    Plus,

    /// <summary><c>-</c></summary>
    Minus,

    /// <summary><c>*</c></summary>
    Star,

    /// <summary><c>**</c></summary>
    DoubleStar,

    /// <summary><c>/</c></summary>
    Slash,

    /// <summary><c>//</c></summary>
    DoubleSlash,

    /// <summary><c>%</c></summary>
    Percent,

    /// <summary><c>|</c></summary>
    VerticalBar,

    /// <summary><c>&amp;</c></summary>
    Ampersand,

    /// <summary><c>^</c></summary>
    Circumflex,

    /// <summary><c>~</c></summary>
    Tilde,

    /// <summary><c>&lt;&lt;</c></summary>
    LeftShift,

    /// <summary><c>&gt;&gt;</c></summary>
    RightShift,

    // Comparison operators.

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>==</c></summary>
    EqualEqual,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;=</c></summary>
    LessEqual,

    /// <summary><c>&gt;=</c></summary>
    GreaterEqual,

    // Augmented assignment operators.

    /// <summary><c>+=</c></summary>
    PlusEqual,

    /// <summary><c>-=</c></summary>
    MinusEqual,

    /// <summary><c>*=</c></summary>
    StarEqual,

    /// <summary><c>@=</c></summary>
    AtEqual,

    /// <summary><c>/=</c></summary>
    SlashEqual,

    /// <summary><c>//=</c></summary>
    DoubleSlashEqual,

    /// <summary><c>%=</c></summary>
    PercentEqual,

    /// <summary><c>&amp;=</c></summary>
    AmpersandEqual,

    /// <summary><c>|=</c></summary>
    VerticalBarEqual,

    /// <summary><c>^=</c></summary>
    CircumflexEqual,

    /// <summary><c>&lt;&lt;=</c></summary>
    LeftShiftEqual,

    /// <summary><c>&gt;&gt;=</c></summary>
    RightShiftEqual,

    /// <summary><c>**=</c></summary>
    DoubleStarEqual,

    // Hard keywords.

    /// <summary><c>False</c></summary>
    False,

    /// <summary><c>None</c></summary>
    None,

    /// <summary><c>True</c></summary>
    True,

    /// <summary><c>and</c></summary>
    And,

    /// <summary><c>as</c></summary>
    As,

    /// <summary><c>assert</c></summary>
    Assert,

    /// <summary><c>async</c></summary>
    Async,

    /// <summary><c>await</c></summary>
    Await,

    /// <summary><c>break</c></summary>
    Break,

    /// <summary><c>class</c></summary>
    Class,

    /// <summary><c>continue</c></summary>
    Continue,

    /// <summary><c>def</c></summary>
    Def,

    /// <summary><c>del</c></summary>
    Del,

    /// <summary><c>elif</c></summary>
    Elif,

    /// <summary><c>else</c></summary>
    Else,

    /// <summary><c>except</c></summary>
    Except,

    /// <summary><c>finally</c></summary>
    Finally,

    /// <summary><c>for</c></summary>
    For,

    /// <summary><c>from</c></summary>
    From,

    /// <summary><c>global</c></summary>
    Global,

    /// <summary><c>if</c></summary>
    If,

    /// <summary><c>import</c></summary>
    Import,

    /// <summary><c>in</c></summary>
    In,

    /// <summary><c>is</c></summary>
    Is,

    /// <summary><c>lambda</c></summary>
    Lambda,

    /// <summary><c>nonlocal</c></summary>
    Nonlocal,

    /// <summary><c>not</c></summary>
    Not,

    /// <summary><c>or</c></summary>
    Or,

    /// <summary><c>pass</c></summary>
    Pass,

    /// <summary><c>raise</c></summary>
    Raise,

    /// <summary><c>return</c></summary>
    Return,

    /// <summary><c>try</c></summary>
    Try,

    /// <summary><c>while</c></summary>
    While,

    /// <summary><c>with</c></summary>
    With,

    /// <summary><c>yield</c></summary>
    Yield,
}
