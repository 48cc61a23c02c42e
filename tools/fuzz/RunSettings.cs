namespace PyHeap.Fuzz;

/// <summary>How each mutant is run: the pyheap to start, the options passed through to it, the limit.</summary>
public sealed record RunSettings
{
    /// <summary>pyheap.dll (started with the dotnet host) or a native pyheap executable.</summary>
    public required string PyHeapPath { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
    public string? Allocator { get; init; }
    public bool DebugAlloc { get; init; }
    /// <summary>Bytes; 0 leaves pyheap's own default.</summary>
    public long MaxHeap { get; init; }

    /// <summary>The arguments after the program: <c>run [--allocator X] [--debug-alloc] [--max-heap N] FILE</c>.</summary>
    public List<string> RunArguments(string file)
    {
        var args = new List<string> { "run" };
        args.AddRange(PassThrough());
        args.Add(file);
        return args;
    }

    public List<string> PassThrough()
    {
        var args = new List<string>();
        if (Allocator != null)
        {
            args.Add("--allocator");
            args.Add(Allocator);
        }
        if (DebugAlloc)
        {
            args.Add("--debug-alloc");
        }
        if (MaxHeap > 0)
        {
            args.Add("--max-heap");
            args.Add(MaxHeap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return args;
    }
}
