using UnmanagedHeap;
using UnmanagedHeap.Memory;

namespace PyHeap;

/// <summary>What a flag takes: nothing (a switch) or a value.</summary>
public enum FlagKind
{
    Switch,
    Value,
}

/// <summary>
/// Parsed options of one subcommand: <c>--name value</c>, <c>--name=value</c> and switches,
/// plus positional arguments. Unknown flags and missing values are usage errors.
/// </summary>
public sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Options Parse(string[] args, IReadOnlyDictionary<string, FlagKind> flags)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                options.Positional.Add(arg);
                continue;
            }
            string name = arg[2..];
            string? inline = null;
            int eq = name.IndexOf('=');
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }
            if (!flags.TryGetValue(name, out FlagKind kind))
            {
                throw new UsageException($"unknown option '--{name}' (accepted: {string.Join(", ", flags.Keys.Select(k => "--" + k))})");
            }
            if (kind == FlagKind.Switch)
            {
                if (inline != null)
                {
                    throw new UsageException($"option '--{name}' takes no value");
                }
                options._values[name] = null;
                continue;
            }
            string? value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (value == null)
            {
                throw new UsageException($"option '--{name}' needs a value");
            }
            options._values[name] = value;
        }
        return options;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.TryGetValue(name, out string? v) ? v : null;

    /// <summary>The heap options the allocator flags describe (<c>--allocator</c>, <c>--debug-alloc</c>, <c>--max-heap</c>).</summary>
    public HeapOptions HeapOptions()
    {
        AllocatorKind kind = AllocatorKind.PyMalloc;
        if (Value("allocator") is string name && !Allocators.TryParse(name, out kind))
        {
            throw new UsageException($"unknown allocator '{name}': expected one of {string.Join(", ", Allocators.Names)}");
        }
        long maxHeap = 0;
        if (Value("max-heap") is string max && (!long.TryParse(max, out maxHeap) || maxHeap <= 0))
        {
            throw new UsageException($"--max-heap takes a positive number of bytes, not '{max}'");
        }
        return new HeapOptions { Allocator = kind, DebugHooks = Has("debug-alloc"), MaxHeapBytes = maxHeap };
    }
}
