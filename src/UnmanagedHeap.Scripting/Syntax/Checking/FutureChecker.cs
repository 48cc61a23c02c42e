namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// CPython's <c>future.c</c>: the <c>from __future__ import x</c> statements at the start of the
/// file (after an optional docstring) must name known features. It runs before the other checks;
/// a future import anywhere else is the compiler's error (see <see cref="CompileChecker"/>).
/// </summary>
internal static class FutureChecker
{
    private static readonly HashSet<string> Features = new(StringComparer.Ordinal)
    {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    };

    public static void Check(Module module)
    {
        foreach (ImportFromStmt future in LeadingFutureImports(module))
        {
            foreach (var alias in future.Names)
            {
                if (alias.Name == "braces")
                {
                    throw Error(module, "not a chance", future);
                }

                if (!Features.Contains(alias.Name))
                {
                    throw Error(module, $"future feature {alias.Name} is not defined", future);
                }
            }
        }
    }

    /// <summary>The future imports at the start of the file: the only place they are allowed.</summary>
    public static HashSet<Stmt> LeadingFutureImports(Module module)
    {
        var leading = new HashSet<Stmt>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < module.Body.Length; i++)
        {
            var statement = module.Body[i];
            if (i == 0 && statement is ExprStmt { Value: StrLiteral })
            {
                continue;
            }

            if (statement is not ImportFromStmt { Module: "__future__", Level: 0 })
            {
                break;
            }

            leading.Add(statement);
        }

        return leading;
    }

    /// <summary>Reported at the statement's first character, with no end column (CPython gives None).</summary>
    private static PythonSyntaxError Error(Module module, string message, Stmt at) =>
        new(SyntaxErrorKind.SyntaxError, message, module.FileName, at.Line, at.Column, at.Line, 0, module.Source.GetLine(at.Line));
}
