using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests;

/// <summary>
/// The tests that need Debian's native mimalloc report themselves as skipped on a machine
/// without it, with one reason, so that a newcomer's <c>dotnet test</c> passes; CI installs
/// the package (.ci/run) and runs them.
/// </summary>
public static class NativeMimalloc
{
    public const string MissingReason = "libmimalloc2.0 is not installed (apt-get install libmimalloc2.0)";

    /// <summary>Skips the running test (Assert.Ignore, reported as Skipped) unless libmimalloc.so.2 loads.</summary>
    public static void RequireOrSkip()
    {
        if (!MimallocAllocator.IsAvailable)
        {
            Assert.Ignore(MissingReason);
        }
    }

    /// <summary>The same, for a test case that may or may not be about mimalloc.</summary>
    public static void RequireOrSkip(AllocatorKind kind)
    {
        if (kind == AllocatorKind.Mimalloc)
        {
            RequireOrSkip();
        }
    }
}
