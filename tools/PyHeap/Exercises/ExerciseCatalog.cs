using System.Globalization;
using System.Text.RegularExpressions;

namespace PyHeap.Exercises;

/// <summary>
/// The guided exercises of <c>pyheap exercise</c>, in order, each with its check. A check
/// looks at the heap the program left (live objects by type, why-alive chains, the
/// collector's counts) or compares a question's answers with what the program recorded
/// the heap doing, and says what is still wrong.
/// </summary>
public static partial class ExerciseCatalog
{
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new(1, "01-leaking-cycle", debugHooks: false, LeakingCycle),
        new(2, "02-id-reuse", debugHooks: false, IdReuse),
        new(3, "03-use-after-free", debugHooks: true, UseAfterFree),
        new(4, "04-who-holds-it", debugHooks: false, WhoHoldsIt),
        new(5, "05-weak-parent", debugHooks: false, WeakParent),
        new(6, "06-header-dump", debugHooks: false, HeaderDump),
        new(7, "07-resurrection", debugHooks: false, Resurrection),
        new(8, "08-untracked-tuple", debugHooks: false, UntrackedTuple),
    ];

    /// <summary>The exercise numbered <paramref name="text"/>, or a usage error naming the valid numbers.</summary>
    public static Exercise Find(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= All.Count)
        {
            return All[n - 1];
        }
        throw new UsageException($"no exercise '{text}': the exercises are numbered 1 to {All.Count} (pyheap exercise list)");
    }

    private static IReadOnlyList<string> LeakingCycle(CheckContext c)
    {
        var problems = new List<string>();
        Add(problems, LeakReport.Explain(c, "Node", "after the requests were handled, with the collector off"));
        NoCollection(c, problems, "handle_request");
        Printed(c, problems, "handled 3 requests");
        return problems;
    }

    private static IReadOnlyList<string> WeakParent(CheckContext c)
    {
        var problems = new List<string>();
        Add(problems, LeakReport.Explain(c, "Node", "after render() returned, with the collector off"));
        NoCollection(c, problems, "render");
        Printed(c, problems, "parent ok");
        return problems;
    }

    private static IReadOnlyList<string> WhoHoldsIt(CheckContext c)
    {
        var problems = new List<string>();
        Add(problems, LeakReport.Explain(c, "Session", "after serve() returned for every user"));
        Printed(c, problems, "served 2 users");
        return problems;
    }

    private static IReadOnlyList<string> UseAfterFree(CheckContext c)
    {
        var problems = new List<string>();
        Match printed = DbTimeout().Match(c.Stdout);
        if (!printed.Success)
        {
            problems.Add("the program did not print 'db timeout: ...'");
        }
        else if (printed.Groups[1].Value != "30")
        {
            problems.Add($"the program printed 'db timeout: {printed.Groups[1].Value}': it read some other object than the Config registered as \"db\" (its timeout is 30)");
        }
        return problems;
    }

    /// <summary>Exercise 3's explanation of the error the debug hooks make the task raise.</summary>
    public static string? ExplainError(Exercise exercise, string stderr)
    {
        Match freed = FreedRead().Match(stderr);
        if (exercise.Number != 3 || !freed.Success)
        {
            return null;
        }
        return $"the debug hooks caught a use after free: the program read the block at {freed.Groups[1].Value} after the {freed.Groups[2].Value} in it was freed. An address kept as a handle does not keep its object alive; without the hooks, the next object of that size reuses the block and is read instead";
    }

    private static IReadOnlyList<string> IdReuse(CheckContext c)
    {
        var problems = new List<string>();
        string? first = Answers.Fact(c, "first", problems);
        string? second = Answers.Fact(c, "second", problems);
        if (first == null || second == null)
        {
            return problems;
        }
        bool same = first == second;
        Add(problems, Answers.Compare(c, "SAME", same ? "True" : "False", same
            ? "on this heap the second Token was given exactly the first one's address"
            : "on this heap the second Token got a different address"));
        Add(problems, Answers.Compare(c, "WHY", "b", "ids are addresses, not serial numbers, and nothing caches Tokens: think about where the second Token's memory block came from"));
        return problems;
    }

    private static IReadOnlyList<string> HeaderDump(CheckContext c)
    {
        var problems = new List<string>();
        nint shelf = c.Exit.Global("shelf");
        if (shelf == 0)
        {
            problems.Add("the program no longer defines 'shelf': keep the task's lines");
            return problems;
        }
        Dictionary<string, (int Offset, string Value)> printed = DumpFields(c.Stdout);
        if (!printed.TryGetValue("ob_refcnt", out var refcnt))
        {
            problems.Add("the program no longer prints the dump of shelf: keep the line heapdebug.dump(shelf)");
            return problems;
        }
        // The layout is read from the object's memory now; only the refcount is taken from
        // the program's own dump, because it counted the call's argument at that moment.
        Dictionary<string, (int Offset, string Value)> now = DumpFields(c.Heap.Inspector.Dump(shelf));
        Add(problems, Answers.Compare(c, "REFCOUNT", refcnt.Value, "read the number on the ob_refcnt line of the dump; it counts every reference at that moment"));
        Add(problems, Answers.Compare(c, "OB_SIZE", now["ob_size"].Value, "ob_size is the number of items the list holds"));
        Add(problems, Answers.Compare(c, "ITEMS_OFFSET", now["ob_item"].Offset.ToString(CultureInfo.InvariantCulture), "the offset is the second column of the ob_item line"));
        int gcHeader = -now.Values.Min(f => f.Offset);
        Add(problems, Answers.Compare(c, "GC_HEADER_BYTES", gcHeader.ToString(CultureInfo.InvariantCulture), "the GC header's fields are the lines at negative offsets, 8 bytes each"));
        return problems;
    }

    private static IReadOnlyList<string> Resurrection(CheckContext c)
    {
        var problems = new List<string>();
        string? survived = Answers.Fact(c, "survived", problems);
        string? calls = Answers.Fact(c, "calls", problems);
        if (survived == null || calls == null)
        {
            return problems;
        }
        Add(problems, Answers.Compare(c, "ALIVE_AFTER_DEL", survived, survived == "True"
            ? "__del__ stored self in the graveyard, so the Phoenix was not freed"
            : "the Phoenix was not in the graveyard after del p"));
        Add(problems, Answers.Compare(c, "DEL_CALLS", calls, $"the program counted {calls} call{(calls == "1" ? "" : "s")} of __del__ (see `calls`): the finalizer did not run again when the graveyard let go"));
        return problems;
    }

    private static IReadOnlyList<string> UntrackedTuple(CheckContext c)
    {
        var problems = new List<string>();
        string? before = Answers.Fact(c, "before", problems);
        string? after = Answers.Fact(c, "after", problems);
        string? holder = Answers.Fact(c, "holder_after", problems);
        if (before == null || after == null || holder == null)
        {
            return problems;
        }
        Add(problems, Answers.Compare(c, "BEFORE", before, $"gc.is_tracked(pair) said {before} before the collection"));
        Add(problems, Answers.Compare(c, "AFTER", after, $"gc.is_tracked(pair) said {after} after the collection"));
        Add(problems, Answers.Compare(c, "HOLDER_AFTER", holder, $"gc.is_tracked(holder) said {holder} after its collection"));
        Add(problems, Answers.Compare(c, "WHY", "b", "pair is the same object before and after (its id does not change), and immortal ints do not make a tuple immortal"));
        return problems;
    }

    private static void NoCollection(CheckContext c, List<string> problems, string function)
    {
        long collected = c.CollectedByGc;
        if (collected > 0)
        {
            problems.Add($"the cycle collector had to reclaim {collected} object{(collected == 1 ? "" : "s")}: {function} still makes garbage that only the collector can free; make reference counting free it");
        }
    }

    private static void Printed(CheckContext c, List<string> problems, string line)
    {
        if (!c.Stdout.Split('\n').Contains(line, StringComparer.Ordinal))
        {
            problems.Add($"the program no longer prints '{line}': it must still do its job");
        }
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem != null)
        {
            problems.Add(problem);
        }
    }

    /// <summary>The labelled fields of an annotated dump: name -> (offset, the value as shown).</summary>
    private static Dictionary<string, (int Offset, string Value)> DumpFields(string dump)
    {
        var fields = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (Match m in DumpLine().Matches(dump))
        {
            fields.TryAdd(m.Groups[2].Value, (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[3].Value.Trim()));
        }
        return fields;
    }

    [GeneratedRegex(@"^\s*0x[0-9a-f]+\s+(-?\d+)\s+(?:[0-9a-f]{2} ){8}\s*(\w+)\s+= (\S+)", RegexOptions.Multiline)]
    private static partial Regex DumpLine();

    [GeneratedRegex(@"^db timeout: (.*)$", RegexOptions.Multiline)]
    private static partial Regex DbTimeout();

    [GeneratedRegex(@"cannot use address (0x[0-9a-f]+) as an object: \S+ held an? (\S+) object that was freed")]
    private static partial Regex FreedRead();
}
