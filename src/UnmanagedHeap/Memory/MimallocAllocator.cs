using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// The real native mimalloc (Debian's <c>libmimalloc2.0</c>, <c>libmimalloc.so.2</c>), one
/// private <c>mi_heap_t</c> per allocator, so disposing the allocator destroys exactly
/// its blocks and a walk sees only them.
/// </summary>
/// <remarks>
/// <para>mimalloc heaps belong to the thread that created them: create, use and dispose an
/// instance on one thread (the project's rule for heaps anyway). <c>mi_free</c> trusts its
/// argument like C's free; wrap the allocator in <see cref="DebugAllocator"/> to have bad
/// frees reported instead.</para>
/// <para>Requests are rounded up to a multiple of 16 bytes: mimalloc's 8- and 24-byte size
/// classes would otherwise hand out blocks that are only 8-byte aligned, while every
/// class it uses for multiples of 16 has a 16-byte multiple stride.</para>
/// </remarks>
public sealed unsafe class MimallocAllocator : Allocator
{
    private const string DebianPackage = "libmimalloc2.0";

    [StructLayout(LayoutKind.Sequential)]
    private struct MimallocState
    {
        public nint Heap;
        public long TotalAllocations;
        public long TotalFrees;
        public MimallocSnapshot Snapshot;
    }

    private static readonly bool s_available = Probe(MimallocNative.LibraryName);

    private MimallocState* _state;

    /// <summary>True when <c>libmimalloc.so.2</c> can be loaded on this machine.</summary>
    public static bool IsAvailable => s_available;

    /// <summary>Creates a private mimalloc heap.</summary>
    /// <exception cref="AllocatorUnavailableException">libmimalloc.so.2 is not installed.</exception>
    public MimallocAllocator()
    {
        if (!s_available)
            throw Unavailable(MimallocNative.LibraryName);
        nint heap = MimallocNative.mi_heap_new();
        if (heap == 0)
            throw new OutOfMemoryException("mimalloc: mi_heap_new returned null");
        _state = (MimallocState*)NativeMemory.AllocZeroed((nuint)sizeof(MimallocState));
        _state->Heap = heap;
    }

    /// <summary>mimalloc's version as it reports it, e.g. 209 for 2.0.9.</summary>
    public static int NativeVersion => s_available ? MimallocNative.mi_version() : 0;

    public override string Name => "mimalloc";

    public override AllocatorFunctions Functions => new()
    {
        Context = State,
        Malloc = &Malloc,
        Free = &Free,
    };

    /// <remarks>
    /// Block counts are kept on the hot path. The byte counts come from the snapshot
    /// (usable bytes of live blocks, reserved bytes of the heap's pages), rebuilt here if
    /// the heap changed: O(live blocks) then, which keeps <c>mi_usable_size</c> calls off
    /// every Malloc and Free.
    /// </remarks>
    public override AllocatorStats Stats
    {
        get
        {
            MimallocState* s = State;
            s->Snapshot.EnsureCurrent(s->Heap, Version(s));
            return new AllocatorStats(s->TotalAllocations - s->TotalFrees, s->Snapshot.LiveBytes, s->TotalAllocations, s->TotalFrees,
                s->Snapshot.ReservedBytes);
        }
    }

    private MimallocState* State => _state != null ? _state : throw new ObjectDisposedException(nameof(MimallocAllocator));

    private static ulong Version(MimallocState* s) => (ulong)(s->TotalAllocations + s->TotalFrees);

    private static void* Malloc(void* context, nuint size)
    {
        var s = (MimallocState*)context;
        nuint rounded = (size + 15) & ~(nuint)15;
        if (rounded == 0)
        {
            if (size != 0)
                return null;   // size + 15 overflowed
            rounded = 16;
        }
        void* p = MimallocNative.mi_heap_malloc(s->Heap, rounded);
        if (p != null)
            s->TotalAllocations++;
        return p;
    }

    private static void Free(void* context, void* p)
    {
        if (p == null)
            return;
        var s = (MimallocState*)context;
        s->TotalFrees++;
        MimallocNative.mi_free(p);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An error and inspection path: O(live blocks) to rebuild the snapshot after the heap
    /// changed, then O(log n). "Freed" covers any carved block that is not live, including
    /// ones mimalloc carved onto a free list but never handed out.
    /// </remarks>
    public override BlockLookup Lookup(nint address)
    {
        MimallocState* s = State;
        s->Snapshot.EnsureCurrent(s->Heap, Version(s));
        return s->Snapshot.Lookup(address);
    }

    public override void WalkLiveBlocks(Action<nint, nuint> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        MimallocState* s = State;
        s->Snapshot.EnsureCurrent(s->Heap, Version(s));
        for (int i = 0; i < s->Snapshot.BlockCount; i++)
            visit(s->Snapshot.BlockStart(i), s->Snapshot.BlockSize(i));
    }

    /// <summary>Destroys the private heap, freeing all its blocks at once (<c>mi_heap_destroy</c>).</summary>
    public override void Dispose()
    {
        if (_state == null)
            return;
        MimallocNative.mi_heap_destroy(_state->Heap);
        _state->Snapshot.Dispose();
        NativeMemory.Free(_state);
        _state = null;
    }

    internal static bool Probe(string libraryName)
    {
        if (!NativeLibrary.TryLoad(libraryName, typeof(MimallocAllocator).Assembly, null, out nint handle))
            return false;
        // Keep it loaded: the LibraryImport stubs resolve the same library by name.
        return NativeLibrary.TryGetExport(handle, "mi_heap_new", out _)
            && NativeLibrary.TryGetExport(handle, "mi_heap_visit_blocks", out _);
    }

    /// <summary>The exception thrown when <paramref name="libraryName"/> cannot be loaded.</summary>
    internal static AllocatorUnavailableException Unavailable(string libraryName) => new(
        "mimalloc",
        $"mimalloc is not available: {libraryName} could not be loaded. " +
        $"Install the Debian package {DebianPackage} (apt-get install {DebianPackage}), or choose the pymalloc or system allocator.");

    /// <summary>Throws <see cref="Unavailable"/> unless <paramref name="libraryName"/> loads; lets tests exercise the failure path.</summary>
    internal static void EnsureLoadable(string libraryName)
    {
        if (!Probe(libraryName))
            throw Unavailable(libraryName);
    }
}
