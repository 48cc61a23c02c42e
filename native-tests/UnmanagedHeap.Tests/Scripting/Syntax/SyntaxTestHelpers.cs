using System.Runtime.CompilerServices;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Tests.Scripting.Syntax;

/// <summary>Shortcuts shared by the Syntax tests.</summary>
internal static class SyntaxTestHelpers
{
    /// <summary>Parses a module and dumps its statements as CPython's ast.dump would (without the Module wrapper).</summary>
    public static string DumpBody(string source)
    {
        string dump = AstDump.Dump(Parser.ParseModule(source, "f.py"));
        const string prefix = "Module(body=[";
        const string suffix = "], type_ignores=[])";
        Assert.That(dump, Does.StartWith(prefix).And.EndWith(suffix));
        return dump[prefix.Length..^suffix.Length];
    }

    /// <summary>Parses one expression and dumps it.</summary>
    public static string DumpExpr(string source) => AstDump.Dump(Parser.ParseExpression(source, "f.py"));

    /// <summary>The error <see cref="Parser.ParseModule"/> raises for <paramref name="source"/>.</summary>
    public static PythonSyntaxError ErrorOf(string source)
    {
        try
        {
            Parser.ParseModule(source, "f.py");
        }
        catch (PythonSyntaxError error)
        {
            return error;
        }

        Assert.Fail($"expected a syntax error for {source}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>An error in the form the CPython expectations use: <c>Class: message @ line:offset-end_line:end_offset</c>.</summary>
    public static string Describe(PythonSyntaxError e) =>
        $"{e.TypeName}: {e.Message} @ {e.Line}:{e.Column}-{e.EndLine}:{e.EndColumn}";

    /// <summary>What parsing gives, in the same form: <c>OK</c> or <see cref="Describe"/>.</summary>
    public static string Outcome(string source)
    {
        try
        {
            Parser.ParseModule(source, "f.py");
            return "OK";
        }
        catch (PythonSyntaxError e)
        {
            return Describe(e);
        }
    }

    /// <summary>A file under <c>Data/</c> next to this source file.</summary>
    public static string DataPath(string relative, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Data", relative);
}
