using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>A parsed file: its statements, the source they came from, and the warnings CPython would print.</summary>
public sealed class Module(ImmutableArray<Stmt> body, SourceText source, ImmutableArray<PythonSyntaxWarning> warnings)
{
    /// <summary>The top-level statements.</summary>
    public ImmutableArray<Stmt> Body { get; } = body;

    /// <summary>The source text, for showing lines in tracebacks.</summary>
    public SourceText Source { get; } = source;

    /// <summary>The file name given to the parser.</summary>
    public string FileName => Source.FileName;

    /// <summary><c>SyntaxWarning</c>s found while compiling (CPython prints them to stderr before running).</summary>
    public ImmutableArray<PythonSyntaxWarning> Warnings { get; } = warnings;
}
