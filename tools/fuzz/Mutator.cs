using System.Text;
using System.Text.RegularExpressions;

namespace PyHeap.Fuzz;

/// <summary>
/// Turns (seed, index) into a mutant of one corpus program. Everything is drawn from
/// <see cref="SplitMix64.ForMutant"/>, so the same corpus, seed and index always give the
/// same text: a finding is reproduced by regenerating it (<c>pyheap-fuzz generate</c>).
/// </summary>
public sealed partial class Mutator(Corpus corpus)
{
    /// <summary>Mutants larger than this are cut back: the point is odd input, not slow I/O.</summary>
    private const int MaxSourceChars = 2_000_000;

    private static readonly string[] Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield", "match", "case", "type", "_",
    ];

    private static readonly string[] Operators =
    [
        "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "~", "<", ">", "<=", ">=",
        "==", "!=", "=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=",
        ":=", "->", ".", ",", ":", ";", "@", "...", "*", "**", "\\", "#", "'", "\"", "'''", "\"\"\"",
        "f'", "b'", "r'", "{", "}", "!r", "\t", "\n", "\n    ", "\n\t", " ", "$", "?", "`", "\0", "\u00e9", "\uffff",
    ];

    private static readonly string[] Brackets = ["(", ")", "[", "]", "{", "}", "()", "[]", "{}", "(*", "[*", "{**"];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2**31", "2**31-1", "-2**31", "2**32", "2**63", "2**63-1", "-2**63", "2**64", "2**64-1",
        "10**100", "10**1000", "-10**100", "2**1000", "1e308", "1e309", "-1e309", "1e-400", "0.0", "-0.0",
        "float('nan')", "float('inf')", "0x7fffffffffffffff", "0xffffffffffffffff", "9223372036854775808",
        "18446744073709551616", "1j", "1e400j", "2**2**20", "255", "256", "65536", "1114111", "1114112",
        "0b1", "0o777", "1_000", "00", "4300", "4301", "True", "-True", "2**62", "2**62+1",
        "2**70", "2**2**31", "10**10**6", "1e1000000", "-2**64",
    ];

    private static readonly int[] Depths = [30, 99, 100, 199, 200, 201, 254, 255, 256, 500, 1000, 3000];

    private readonly Corpus _corpus = corpus;

    public Mutant Generate(long seed, long index)
    {
        SplitMix64 rng = SplitMix64.ForMutant(seed, index);
        int file = rng.Below(_corpus.Lines.Count);
        var lines = new List<string>(_corpus.Lines[file]);
        var steps = new List<string>();
        int count = 1 + rng.Below(3);
        for (int i = 0; i < count; i++)
        {
            steps.Add(Apply(rng, lines));
        }
        string source = string.Join("\n", lines);
        if (source.Length > MaxSourceChars)
        {
            source = source[..MaxSourceChars];
            steps.Add($"cut to {MaxSourceChars} characters");
        }
        return new Mutant(seed, index, _corpus.FileNames[file], steps, source);
    }

    private string Apply(SplitMix64 rng, List<string> lines)
    {
        if (lines.Count == 0)
        {
            lines.Add("");
        }
        return rng.Below(11) switch
        {
            0 => DeleteLine(rng, lines),
            1 => DuplicateLine(rng, lines),
            2 => SwapLines(rng, lines),
            3 or 4 => InsertToken(rng, lines),
            5 or 6 => MutateNumber(rng, lines),
            7 => Nest(rng, lines),
            8 => HugeLiteral(rng, lines),
            9 => SpliceLine(rng, lines),
            _ => DeleteSpan(rng, lines),
        };
    }

    private static string DeleteLine(SplitMix64 rng, List<string> lines)
    {
        int at = rng.Below(lines.Count);
        lines.RemoveAt(at);
        return $"delete line {at + 1}";
    }

    private static string DeleteSpan(SplitMix64 rng, List<string> lines)
    {
        int at = rng.Below(lines.Count);
        int n = Math.Min(1 + rng.Below(8), lines.Count - at);
        lines.RemoveRange(at, n);
        return $"delete lines {at + 1}-{at + n}";
    }

    private static string DuplicateLine(SplitMix64 rng, List<string> lines)
    {
        int at = rng.Below(lines.Count);
        int times = rng.Chance(80) ? 1 : 1 + rng.Below(50);
        lines.InsertRange(at, Enumerable.Repeat(lines[at], times));
        return $"duplicate line {at + 1} x{times}";
    }

    private static string SwapLines(SplitMix64 rng, List<string> lines)
    {
        int a = rng.Below(lines.Count);
        int b = rng.Below(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return $"swap lines {a + 1} and {b + 1}";
    }

    private string InsertToken(SplitMix64 rng, List<string> lines)
    {
        int at = rng.Below(lines.Count);
        string token = rng.Below(4) switch
        {
            0 => rng.Pick(Keywords),
            1 => rng.Pick(Operators),
            2 => rng.Pick(Brackets),
            _ => _corpus.Identifiers.Count > 0 ? rng.Pick(_corpus.Identifiers) : "x",
        };
        string line = lines[at];
        int column = rng.Below(line.Length + 1);
        string padded = rng.Chance(50) ? " " + token + " " : token;
        lines[at] = line[..column] + padded + line[column..];
        return $"insert {Quote(token)} at {at + 1}:{column}";
    }

    private static string MutateNumber(SplitMix64 rng, List<string> lines)
    {
        string replacement = rng.Pick(Numbers);
        // Try a few lines for a literal to replace; otherwise replace a name-free spot.
        for (int attempt = 0; attempt < 8; attempt++)
        {
            int at = rng.Below(lines.Count);
            MatchCollection matches = NumberPattern().Matches(lines[at]);
            if (matches.Count > 0)
            {
                Match m = matches[rng.Below(matches.Count)];
                lines[at] = lines[at][..m.Index] + "(" + replacement + ")" + lines[at][(m.Index + m.Length)..];
                return $"number {m.Value} -> {replacement} at line {at + 1}";
            }
        }
        int line = rng.Below(lines.Count);
        string indent = Indent(lines[line]);
        string name = rng.Pick(new[] { "x", "n", "i", "a" });
        string op = rng.Pick(new[] { "<<", ">>", "**", "*", "//", "%", "+", "-", "&" });
        string expr = rng.Below(6) switch
        {
            0 => $"{indent}print({replacement} {op} {rng.Pick(Numbers)})",
            1 => $"{indent}print([0] * ({replacement}))",
            2 => $"{indent}print('ab'[{replacement}:{rng.Pick(Numbers)}])",
            3 => $"{indent}print(range({replacement})[{rng.Pick(Numbers)}])",
            4 => $"{indent}print(chr({replacement}), int({replacement}).bit_length())",
            _ => $"{indent}{name} = {replacement}",
        };
        lines.Insert(line, expr);
        return $"insert number line {Quote(expr.Trim())} at {line + 1}";
    }

    private static string Nest(SplitMix64 rng, List<string> lines)
    {
        int depth = rng.Pick(Depths);
        int at = rng.Below(lines.Count + 1);
        string indent = at < lines.Count ? Indent(lines[at]) : "";
        int kind = rng.Below(16);
        string text = kind switch
        {
            0 => indent + "x = " + Repeat("(", depth) + "1" + Repeat(")", depth),
            1 => indent + "x = " + Repeat("[", depth) + Repeat("]", depth),
            2 => indent + "x = " + Repeat("{", depth) + Repeat("}", depth),
            3 => indent + "x = " + Repeat("(", depth),
            4 => indent + "x = " + Repeat("-", depth) + "1",
            5 => indent + "x = " + Repeat("not ", depth) + "1",
            6 => indent + "x = " + Repeat("lambda: ", depth) + "1",
            7 => indent + "x = " + Repeat("[", depth) + "1" + Repeat(", 2]", depth),
            8 => indent + "x = 1" + Repeat(" + 1", depth * 4),
            9 => indent + "x = " + Repeat("f(", depth) + Repeat(")", depth),
            10 => indent + "x = 0" + Repeat("[0]", depth),
            11 => NestedBlocks(indent, depth, "def f{0}():", "return 1"),
            12 => NestedBlocks(indent, depth, "if {0} or 1:", "pass"),
            13 => NestedBlocks(indent, depth, "for i{0} in [1]:", "pass"),
            14 => NestedBlocks(indent, depth, "class C{0}:", "pass"),
            _ => indent + "x = " + Repeat("{'a': ", depth) + "1" + Repeat("}", depth),
        };
        lines.Insert(at, text);
        return $"nest kind {kind} depth {depth} at line {at + 1}";
    }

    private static string NestedBlocks(string indent, int depth, string header, string body)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            sb.Append(indent).Append(' ', i).Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, header, i)).Append('\n');
        }
        sb.Append(indent).Append(' ', depth).Append(body);
        return sb.ToString();
    }

    private static string HugeLiteral(SplitMix64 rng, List<string> lines)
    {
        int at = rng.Below(lines.Count + 1);
        string indent = at < lines.Count ? Indent(lines[at]) : "";
        int size = rng.Pick(new[] { 1000, 4300, 4301, 10_000, 100_000, 1_000_000 });
        int kind = rng.Below(12);
        string text = kind switch
        {
            0 => indent + "s = '" + Repeat("a", size) + "'",
            1 => indent + "n = " + Repeat("9", size),
            2 => indent + "print(len(str(" + Repeat("9", Math.Min(size, 4300)) + ")))",
            3 => indent + "x = [0] * " + rng.Pick(new[] { "10**6", "10**8", "2**31", "2**62", "2**63", "-1", "10**100" }),
            4 => indent + "x = 'ab' * " + rng.Pick(new[] { "10**6", "10**9", "2**31", "2**62", "2**63", "-1" }),
            5 => indent + "x = b'\\x00' * " + rng.Pick(new[] { "10**6", "2**31", "2**40", "2**63" }),
            6 => indent + "x = (" + Repeat("1, ", Math.Min(size, 100_000)) + ")",
            7 => indent + "print(" + Repeat("1, ", Math.Min(size, 100_000)) + ")",
            8 => indent + "v" + Repeat("x", size) + " = 1",
            9 => indent + "s = '" + Repeat("\\u00e9\\n\\x00", size / 8) + "'",
            10 => indent + "x = 1e" + Repeat("9", rng.Pick(new[] { 3, 20, 400 })),
            _ => indent + "x = list(range(" + rng.Pick(new[] { "2**31", "2**63", "10**100", "-2**63" }) + "))[" + rng.Pick(Numbers) + "]",
        };
        lines.Insert(at, text);
        return $"huge literal kind {kind} size {size} at line {at + 1}";
    }

    private string SpliceLine(SplitMix64 rng, List<string> lines)
    {
        int from = rng.Below(_corpus.Lines.Count);
        string[] other = _corpus.Lines[from];
        if (other.Length == 0)
        {
            return "splice nothing";
        }
        int src = rng.Below(other.Length);
        int at = rng.Below(lines.Count + 1);
        lines.Insert(at, other[src]);
        return $"splice {_corpus.FileNames[from]}:{src + 1} at {at + 1}";
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart(' ', '\t').Length)];

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private static string Quote(string token) =>
        "'" + token.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\0", "\\0") + "'";

    [GeneratedRegex(@"(?<![\w.])\d+(?![\w.])")]
    private static partial Regex NumberPattern();
}
