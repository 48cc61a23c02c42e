using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime.Repl;

/// <summary>What the lines typed so far are.</summary>
public enum Completeness
{
    /// <summary>A whole statement: run it (or report its SyntaxError).</summary>
    Complete,
    /// <summary>More is needed: ask for another line with <c>"... "</c>.</summary>
    Incomplete,
}

/// <summary>
/// Decides, by parsing, whether the lines typed at the prompt are a whole statement — the
/// question CPython's <c>codeop</c> answers by compiling. The input goes on while:
/// <list type="bullet">
/// <item>a bracket is open, a triple-quoted string is open, or the last line ends with a
/// backslash (the tokenizer reached the end inside them);</item>
/// <item>a compound statement (<c>if</c>, <c>for</c>, <c>def</c>, a decorator...) has begun,
/// until a blank line closes it, as at Python's prompt, where even <c>if x: y</c> waits for
/// the blank line;</item>
/// <item>the parser stopped at the very end of the input, wanting more (<c>@decorator</c>
/// alone, <c>if x:</c> with its block still to come).</item>
/// </list>
/// Any other SyntaxError is real: the input is complete and running it reports the error,
/// so <c>1 +</c> fails at once rather than waiting for more.
/// </summary>
public static class InputCompleteness
{
    public static Completeness Check(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return Completeness.Incomplete;
        }
        string source = string.Join("\n", lines) + "\n";
        bool endsWithBlank = lines.Count > 1 && lines[^1].Trim().Length == 0;
        Module tree;
        try
        {
            tree = Parser.ParseModule(source, "<stdin>");
        }
        catch (PythonSyntaxError e)
        {
            return WantsMore(e, lines, endsWithBlank) ? Completeness.Incomplete : Completeness.Complete;
        }
        catch (Exception e) when (e is CompileRecursionException or InsufficientExecutionStackException)
        {
            return Completeness.Complete; // running it reports the error
        }
        bool block = tree.Body.Any(IsCompound);
        return block && !endsWithBlank ? Completeness.Incomplete : Completeness.Complete;
    }

    private static bool IsCompound(Stmt s) =>
        s is IfStmt or WhileStmt or ForStmt or WithStmt or TryStmt or FunctionDefStmt or ClassDefStmt;

    private static bool WantsMore(PythonSyntaxError e, IReadOnlyList<string> lines, bool endsWithBlank)
    {
        string message = e.Message;
        // The tokenizer ran out inside brackets, a triple-quoted string or after a backslash:
        // more lines finish them, blank ones included.
        if (message.EndsWith("was never closed", StringComparison.Ordinal)
            || message.StartsWith("unterminated triple-quoted", StringComparison.Ordinal)
            || message == "unexpected EOF while parsing")
        {
            return true;
        }
        if (endsWithBlank)
        {
            return false; // a blank line ends a block: what is missing now is missing for good
        }
        // A block header with no block yet, a decorator with no def or class yet, a try
        // body still being typed, or a parser that reached the end of the input still
        // expecting a statement.
        int lastLine = LastNonBlankLine(lines);
        string last = lastLine == 0 ? "" : lines[lastLine - 1];
        return message.StartsWith("expected an indented block", StringComparison.Ordinal) && e.Line >= lastLine
            || last.TrimStart().StartsWith('@') && e.Line >= lastLine
            || message == "expected 'except' or 'finally' block" && e.Line >= lastLine && last.Length > 0 && char.IsWhiteSpace(last[0])
            || e.Line > lastLine && message == "invalid syntax";
    }

    private static int LastNonBlankLine(IReadOnlyList<string> lines)
    {
        for (int i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].Trim().Length > 0)
            {
                return i + 1;
            }
        }
        return 0;
    }
}
