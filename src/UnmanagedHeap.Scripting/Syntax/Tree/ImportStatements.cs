using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary><c>import a.b as c, d</c>.</summary>
public sealed class ImportStmt(ImmutableArray<ImportAlias> names, SourceSpan span) : Stmt(span)
{
    /// <summary>The modules imported.</summary>
    public ImmutableArray<ImportAlias> Names { get; } = names;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitImport(this);
}

/// <summary><c>from module import x, y as z</c>, <c>from . import x</c>, <c>from m import *</c>.</summary>
public sealed class ImportFromStmt(string? module, ImmutableArray<ImportAlias> names, int level, SourceSpan span) : Stmt(span)
{
    /// <summary>The dotted module name, or null for <c>from . import x</c>.</summary>
    public string? Module { get; } = module;

    /// <summary>The names imported; a single alias named <c>*</c> for a star import.</summary>
    public ImmutableArray<ImportAlias> Names { get; } = names;

    /// <summary>Number of leading dots (0 for an absolute import).</summary>
    public int Level { get; } = level;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitImportFrom(this);
}

/// <summary>One imported name: <c>a.b</c> or <c>a.b as c</c> (CPython's <c>alias</c>).</summary>
public sealed class ImportAlias(string name, string? asName, SourceSpan span) : Node(span)
{
    /// <summary>The dotted name as written, or <c>*</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The <c>as</c> name, or null.</summary>
    public string? AsName { get; } = asName;
}
