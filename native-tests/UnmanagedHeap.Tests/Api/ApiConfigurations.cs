using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Api;

/// <summary>
/// The heaps the C# API safety suites run on: pymalloc and the system allocator, plain and
/// with debug hooks. Under the system allocator a freed block goes back to libc, so a read
/// of freed native state is most likely to crash the test run there; under debug hooks
/// freed memory is filled with 0xDD, so a read of it would give garbage names and counts.
/// </summary>
public static class ApiConfigurations
{
    public static IEnumerable<TestFixtureData> All()
    {
        foreach (AllocatorKind kind in new[] { AllocatorKind.PyMalloc, AllocatorKind.System })
        {
            yield return new TestFixtureData(kind, false).SetArgDisplayNames(Allocators.NameOf(kind));
            yield return new TestFixtureData(kind, true).SetArgDisplayNames($"debug({Allocators.NameOf(kind)})");
        }
    }

    /// <summary>Only the debug-hooks heaps, for the checks that exist only there.</summary>
    public static IEnumerable<TestFixtureData> Debug() => All().Where(d => (bool)d.Arguments[1]!);

    public static Heap NewHeap(AllocatorKind kind, bool debugHooks) => new(new HeapOptions { Allocator = kind, DebugHooks = debugHooks });

    /// <summary>
    /// A call on a borrowed reference, which as a ref struct cannot be captured by a lambda
    /// and is passed in instead.
    /// </summary>
    public delegate void BorrowedUse(BorrowedRef obj);

    /// <summary>Asserts that <paramref name="use"/> of <paramref name="obj"/> throws <typeparamref name="T"/>, and returns the exception.</summary>
    public static T ThrowsOn<T>(BorrowedRef obj, BorrowedUse use, string what) where T : Exception
    {
        try
        {
            use(obj);
        }
        catch (T e)
        {
            return e;
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: expected {typeof(T).Name}, got {e.GetType().Name}: {e.Message}");
        }
        Assert.Fail($"{what}: expected {typeof(T).Name}, nothing was thrown");
        return null!;
    }
}
