using System.CommandLine;
using UnmanagedHeap;
using UnmanagedHeap.Memory;

namespace PyHeap;

/// <summary>
/// The options that choose how a heap gets its memory — <c>--allocator</c>,
/// <c>--debug-alloc</c> and (where a command takes it) <c>--max-heap</c> — shared by every command.
/// </summary>
public sealed class HeapOptionSet
{
    public Option<string> Allocator { get; } = new("--allocator")
    {
        Description = "the allocator behind the heap: pymalloc (CPython's arenas and pools), mimalloc (needs libmimalloc2.0) or system (malloc)",
        HelpName = "pymalloc|mimalloc|system",
        DefaultValueFactory = _ => "pymalloc",
        CustomParser = ValueParsers.OneOf("--allocator", "allocator", Allocators.Names.ToArray()),
    };

    public Option<bool> DebugAlloc { get; } = new("--debug-alloc")
    {
        Description = "debug hooks as PYTHONMALLOC=debug: fill patterns, guard bytes and serials catch double frees, overflows and use after free",
    };

    public Option<long>? MaxHeap { get; }

    public HeapOptionSet(bool withMaxHeap)
    {
        if (withMaxHeap)
        {
            MaxHeap = new Option<long>("--max-heap")
            {
                Description = "refuse allocations once this many bytes are live (suffixes K, M, G); a script then gets MemoryError",
                HelpName = "SIZE",
                CustomParser = ValueParsers.Size("--max-heap"),
            };
        }
    }

    public void AddTo(Command command)
    {
        command.Add(Allocator);
        command.Add(DebugAlloc);
        if (MaxHeap != null)
        {
            command.Add(MaxHeap);
        }
    }

    public HeapOptions Read(ParseResult result)
    {
        Allocators.TryParse(result.GetValue(Allocator) ?? "pymalloc", out AllocatorKind kind);
        return new HeapOptions
        {
            Allocator = kind,
            DebugHooks = result.GetValue(DebugAlloc),
            MaxHeapBytes = MaxHeap != null ? result.GetValue(MaxHeap) : 0,
        };
    }
}
