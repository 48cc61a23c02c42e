using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Tests.Memory;

/// <summary>The factory and the name parser.</summary>
public sealed class AllocatorsTests
{
    [TestCase("pymalloc", AllocatorKind.PyMalloc)]
    [TestCase("mimalloc", AllocatorKind.Mimalloc)]
    [TestCase("system", AllocatorKind.System)]
    [TestCase(" PyMalloc ", AllocatorKind.PyMalloc)]
    public void ParseReadsTheThreeNames(string text, AllocatorKind expected)
    {
        Assert.That(Allocators.Parse(text), Is.EqualTo(expected));
        Assert.That(Allocators.NameOf(expected), Is.EqualTo(text.Trim().ToLowerInvariant()));
    }

    [TestCase("jemalloc")]
    [TestCase("")]
    [TestCase("malloc")]
    [TestCase("debug")]
    public void ParseRejectsAnythingElseListingTheChoices(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => Allocators.Parse(text))!;
        Assert.That(ex.Message, Does.Contain($"'{text}'").And.Contain("pymalloc, mimalloc, system"));
        Assert.That(Allocators.TryParse(text, out _), Is.False);
    }

    [TestCase(AllocatorKind.PyMalloc, false, typeof(PyMallocAllocator), "pymalloc")]
    [TestCase(AllocatorKind.Mimalloc, false, typeof(MimallocAllocator), "mimalloc")]
    [TestCase(AllocatorKind.System, false, typeof(SystemAllocator), "system")]
    [TestCase(AllocatorKind.PyMalloc, true, typeof(DebugAllocator), "debug(pymalloc)")]
    [TestCase(AllocatorKind.System, true, typeof(DebugAllocator), "debug(system)")]
    public unsafe void CreateBuildsTheKindAskedFor(AllocatorKind kind, bool debug, Type type, string name)
    {
        NativeMimalloc.RequireOrSkip(kind);
        using Allocator allocator = Allocators.Create(kind, debug);
        Assert.That(allocator, Is.TypeOf(type));
        Assert.That(allocator.Name, Is.EqualTo(name));
        void* p = allocator.Allocate(10);
        Assert.That(allocator.IsLiveBlockStart((nint)p), Is.True);
        allocator.Free(p);
    }

    [Test]
    public void PymallocIsTheDefault()
    {
        using Allocator allocator = Allocators.Create();
        Assert.That(allocator, Is.TypeOf<PyMallocAllocator>());
    }
}
