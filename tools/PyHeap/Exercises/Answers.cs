namespace PyHeap.Exercises;

/// <summary>Compares a question exercise's answer (a module global) with what the heap did.</summary>
public static class Answers
{
    /// <summary>
    /// Null when global <paramref name="name"/> reads <paramref name="truth"/>; otherwise what is
    /// wrong, ending with <paramref name="why"/> when the answer is given but wrong.
    /// </summary>
    public static string? Compare(CheckContext context, string name, string truth, string why)
    {
        string? given = context.Exit.GlobalText(name);
        if (given == null)
        {
            return $"{name} is not set: keep the line '{name} = ...' and put your answer there";
        }
        if (given == "None")
        {
            return $"{name} is still None: replace it with your answer";
        }
        return given == truth ? null : $"{name} = {given} is not what happened: {why}";
    }

    /// <summary>The text of a global the task program computes itself (its record of what the heap did).</summary>
    public static string? Fact(CheckContext context, string name, List<string> problems)
    {
        string? value = context.Exit.GlobalText(name);
        if (value == null)
        {
            problems.Add($"the program no longer sets '{name}': keep the task's lines that compute it");
        }
        return value;
    }
}
