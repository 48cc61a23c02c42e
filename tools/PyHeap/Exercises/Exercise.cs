using System.Reflection;

namespace PyHeap.Exercises;

/// <summary>
/// One guided debugging exercise: its texts and programs are embedded resource files under
/// <c>Exercises/NN-slug/</c> (story.md, hint.md, task.py, solution.py); the check is C#
/// that looks at the heap the learner's program left behind.
/// </summary>
public sealed class Exercise(int number, string slug, bool debugHooks, Func<CheckContext, IReadOnlyList<string>> check)
{
    public int Number { get; } = number;

    /// <summary>The folder of its files, "01-leaking-cycle".</summary>
    public string Slug { get; } = slug;

    /// <summary>Whether the check runs the program with the debug hooks (as <c>--debug-alloc</c>).</summary>
    public bool DebugHooks { get; } = debugHooks;

    /// <summary>What the learner's finished program still gets wrong, in plain words; empty when it passes.</summary>
    public IReadOnlyList<string> Check(CheckContext context) => check(context);

    public string Story => Resource("story.md");
    public string Hint => Resource("hint.md");
    public string Task => Resource("task.py");
    public string Solution => Resource("solution.py");

    /// <summary>The story's heading without its "# N. ": "Find the leaking cycle".</summary>
    public string Title
    {
        get
        {
            string first = Story.Split('\n')[0].TrimStart('#', ' ');
            int dot = first.IndexOf(". ", StringComparison.Ordinal);
            return dot >= 0 ? first[(dot + 2)..] : first;
        }
    }

    private string Resource(string file)
    {
        string name = $"Exercises/{Slug}/{file}";
        using Stream stream = typeof(Exercise).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from {typeof(Exercise).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
