using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Memory;

/// <summary>
/// Every allocator the contract suite runs against. <see cref="FreedState"/> is what Lookup
/// must say about a freed block's start while a neighbour keeps its page alive: the pool
/// allocators still own that memory; the system allocator gave it back to libc.
/// <see cref="NeedsNativeMimalloc"/> cases are skipped on a machine without libmimalloc2.0:
/// fixtures call <see cref="SkipUnlessAvailable"/> before <see cref="Create"/>.
/// </summary>
public sealed record AllocatorCase(string Name, Func<Allocator> Create, BlockState FreedState, bool IsDebug, bool NeedsNativeMimalloc = false)
{
    public override string ToString() => Name;

    /// <summary>Skips the running test when this case needs a library the machine does not have.</summary>
    public void SkipUnlessAvailable()
    {
        if (NeedsNativeMimalloc)
        {
            NativeMimalloc.RequireOrSkip();
        }
    }

    public static AllocatorCase[] All { get; } =
    [
        new("pymalloc", () => new PyMallocAllocator(), BlockState.FreedStart, false),
        new("system", () => new SystemAllocator(), BlockState.NotOwned, false),
        new("mimalloc", () => new MimallocAllocator(), BlockState.FreedStart, false, NeedsNativeMimalloc: true),
        new("debug(pymalloc)", () => new DebugAllocator(new PyMallocAllocator()), BlockState.FreedStart, true),
        new("debug(system)", () => new DebugAllocator(new SystemAllocator()), BlockState.FreedStart, true),
        new("debug(mimalloc)", () => new DebugAllocator(new MimallocAllocator()), BlockState.FreedStart, true, NeedsNativeMimalloc: true),
    ];

    /// <summary>The plain allocators, for suites that wrap them themselves.</summary>
    public static AllocatorCase[] Plain { get; } = All.Where(c => !c.IsDebug).ToArray();
}
