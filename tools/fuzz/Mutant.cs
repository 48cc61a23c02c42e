namespace PyHeap.Fuzz;

/// <summary>One generated program: which corpus file it came from and what was done to it.</summary>
public sealed record Mutant(long Seed, long Index, string BaseFile, IReadOnlyList<string> Steps, string Source)
{
    /// <summary>A one-line description for reports: <c>#17 from x.py: delete line 3; nest 200 (</c>.</summary>
    public string Describe() => $"#{Index} from {BaseFile}: {string.Join("; ", Steps)}";
}
