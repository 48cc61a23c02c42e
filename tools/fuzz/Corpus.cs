using System.Text;
using System.Text.RegularExpressions;

namespace PyHeap.Fuzz;

/// <summary>
/// The seed programs (native-tests/conformance/*.py, in ordinal order so that a seed means
/// the same mutants on every machine) and the names that occur in them, which the token
/// mutations insert.
/// </summary>
public sealed partial class Corpus
{
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<string> FileNames { get; }
    public IReadOnlyList<string[]> Lines { get; }
    public IReadOnlyList<string> Identifiers { get; }

    private Corpus(IReadOnlyList<string> names, IReadOnlyList<string[]> lines)
    {
        FileNames = names;
        Names = names.Select(Path.GetFileNameWithoutExtension).Select(n => n!).ToArray();
        Lines = lines;
        Identifiers = lines
            .SelectMany(ls => ls)
            .SelectMany(l => IdentifierPattern().Matches(l).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static Corpus Load(string directory)
    {
        string[] files = Directory.GetFiles(directory, "*.py").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new FuzzUsageException($"no *.py programs in '{directory}'");
        }
        var lines = files
            .Select(f => File.ReadAllText(f, Encoding.UTF8).Replace("\r\n", "\n").Split('\n'))
            .ToArray();
        return new Corpus(files.Select(Path.GetFileName).Select(n => n!).ToArray(), lines);
    }

    /// <summary>native-tests/conformance above the current directory or above this tool.</summary>
    public static string FindDefaultDirectory()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "native-tests", "conformance");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FuzzUsageException("native-tests/conformance not found above the current directory; pass --corpus DIR");
    }

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z_0-9]*\b")]
    private static partial Regex IdentifierPattern();
}

/// <summary>A bad command line or setting: reported as one line, exit code 2.</summary>
public sealed class FuzzUsageException(string message) : Exception(message);
