using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// The checks CPython makes after parsing and before running anything: first <c>__future__</c>
/// imports (<see cref="FutureChecker"/>), then its symbol
/// table pass (<see cref="ScopeChecker"/>: duplicate parameters, <c>global</c>/<c>nonlocal</c>
/// misuse, <c>yield</c> in comprehensions, walrus restrictions), then its compiler pass
/// (<see cref="CompileChecker"/>: <c>return</c>/<c>break</c>/<c>continue</c>/<c>yield</c>
/// outside their context, starred targets, repeated keywords, <c>__debug__</c>), which also
/// issues the compiler's <c>SyntaxWarning</c>s (<c>5()</c>, <c>x is 1</c>, <c>assert (x, "msg")</c>).
/// </summary>
public static class SemanticChecker
{
    /// <summary>
    /// Throws the first error CPython 3.12 would report for <paramref name="module"/>, and returns
    /// the warnings its compiler would print, in the order it would print them.
    /// </summary>
    /// <exception cref="PythonSyntaxError">A compile-time error.</exception>
    public static ImmutableArray<PythonSyntaxWarning> Check(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        try
        {
            FutureChecker.Check(module);
            ScopeChecker.Check(module);
            return CompileChecker.Check(module);
        }
        catch (InsufficientExecutionStackException)
        {
            // CPython fails the same way, with RecursionError, for trees this deep.
            var first = module.Body.IsEmpty ? new SourceSpan(1, 1, 1, 1) : module.Body[0].Span;
            throw Error(module, "maximum recursion depth exceeded during compilation", first);
        }
    }

    internal static PythonSyntaxError Error(Module module, string message, SourceSpan span) =>
        new(SyntaxErrorKind.SyntaxError, message, module.FileName, span.Line, span.Column, span.EndLine, span.EndColumn, module.Source.GetLine(span.Line));
}
