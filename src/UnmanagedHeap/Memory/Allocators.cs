namespace UnmanagedHeap.Memory;

/// <summary>Creates allocators by kind, and reads kinds from their names ("pymalloc", "mimalloc", "system").</summary>
public static class Allocators
{
    /// <summary>The accepted names, in <see cref="AllocatorKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["pymalloc", "mimalloc", "system"];

    /// <summary>A new allocator of <paramref name="kind"/>, wrapped in <see cref="DebugAllocator"/> when <paramref name="debugHooks"/> is set.</summary>
    /// <exception cref="AllocatorUnavailableException">mimalloc was asked for and libmimalloc.so.2 is not installed.</exception>
    /// <param name="reserveLimitBytes">For pymalloc and system: most bytes to take from the system (0 = no limit); mimalloc manages its own reservations and ignores it.</param>
    public static Allocator Create(AllocatorKind kind = AllocatorKind.PyMalloc, bool debugHooks = false, long reserveLimitBytes = 0)
    {
        Allocator allocator = kind switch
        {
            AllocatorKind.PyMalloc => new PyMallocAllocator(reserveLimitBytes),
            AllocatorKind.Mimalloc => new MimallocAllocator(),
            AllocatorKind.System => new SystemAllocator(reserveLimitBytes),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown allocator kind"),
        };
        return debugHooks ? new DebugAllocator(allocator) : allocator;
    }

    /// <summary>The name <see cref="Parse"/> accepts for <paramref name="kind"/>.</summary>
    public static string NameOf(AllocatorKind kind) => kind switch
    {
        AllocatorKind.PyMalloc => "pymalloc",
        AllocatorKind.Mimalloc => "mimalloc",
        AllocatorKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown allocator kind"),
    };

    /// <summary>Reads "pymalloc", "mimalloc" or "system" (case and surrounding spaces ignored).</summary>
    /// <exception cref="ArgumentException">Any other text; the message lists the accepted names.</exception>
    public static AllocatorKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryParse(name, out AllocatorKind kind))
            return kind;
        throw new ArgumentException(
            $"unknown allocator '{name}': expected one of {string.Join(", ", Names)}", nameof(name));
    }

    public static bool TryParse(string? name, out AllocatorKind kind)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "pymalloc": kind = AllocatorKind.PyMalloc; return true;
            case "mimalloc": kind = AllocatorKind.Mimalloc; return true;
            case "system": kind = AllocatorKind.System; return true;
            default: kind = default; return false;
        }
    }
}
