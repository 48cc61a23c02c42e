using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// The C library's allocator (<see cref="NativeMemory.AlignedAlloc"/>, 16-byte aligned),
/// like <c>PYTHONMALLOC=malloc</c>. Every live block is recorded in a native table
/// (address → size) because libc cannot be asked which addresses are its blocks.
/// </summary>
/// <remarks>
/// A freed block is removed from the table and its memory is libc's again (it may be
/// reused or unmapped at once), so Lookup reports it as <see cref="BlockState.NotOwned"/>.
/// Free checks the table first, so a double or bogus free is reported instead of
/// corrupting libc's heap.
/// </remarks>
public sealed unsafe class SystemAllocator : Allocator
{
    private const nuint Alignment = 16;

    [StructLayout(LayoutKind.Sequential)]
    private struct SystemState
    {
        public RawBlockTable Blocks;
        public long TotalAllocations;
        public long TotalFrees;
        public long LiveBytes;
        /// <summary>Most live bytes to hold (0 = no limit).</summary>
        public long Limit;
    }

    private SystemState* _state;

    /// <param name="reserveLimitBytes">Most live bytes to take from the C library, 0 for no limit; past it Malloc returns null.</param>
    public SystemAllocator(long reserveLimitBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reserveLimitBytes);
        _state = (SystemState*)NativeMemory.AllocZeroed((nuint)sizeof(SystemState));
        _state->Limit = reserveLimitBytes;
    }

    public override string Name => "system";

    public override AllocatorFunctions Functions => new()
    {
        Context = State,
        Malloc = &Malloc,
        Free = &Free,
    };

    public override AllocatorStats Stats
    {
        get
        {
            SystemState* s = State;
            return new AllocatorStats(s->TotalAllocations - s->TotalFrees, s->LiveBytes, s->TotalAllocations, s->TotalFrees, s->LiveBytes);
        }
    }

    private SystemState* State => _state != null ? _state : throw new ObjectDisposedException(nameof(SystemAllocator));

    private static void* Malloc(void* context, nuint size)
    {
        var s = (SystemState*)context;
        if (size == 0)
            size = 1;   // a unique address, as malloc(0) may return
        if (s->Limit != 0 && size > (nuint)Math.Max(0, s->Limit - s->LiveBytes))
            return null;
        void* p;
        try
        {
            p = NativeMemory.AlignedAlloc(size, Alignment);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }
        if (!s->Blocks.TryAdd((nint)p, size, 0))
        {
            NativeMemory.AlignedFree(p);
            return null;
        }
        s->TotalAllocations++;
        s->LiveBytes += (long)size;
        return p;
    }

    private static void Free(void* context, void* p)
    {
        if (p == null)
            return;
        var s = (SystemState*)context;
        if (!s->Blocks.Remove((nint)p, out RawBlockTable.Entry entry))
            ThrowBadFree(s, p);
        NativeMemory.AlignedFree(p);
        s->TotalFrees++;
        s->LiveBytes -= (long)entry.Size;
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadFree(SystemState* s, void* p)
    {
        RawBlockTable.Entry* inside = s->Blocks.FindContaining((nint)p);
        string detail = inside != null
            ? $"system: it is {(nint)p - inside->Start} bytes inside the live block at 0x{inside->Start:x}"
            : "system: not a live block (never allocated here, or already freed)";
        throw new HeapCorruptionException(CorruptionKind.InvalidFree, (nint)p, inside != null ? inside->Size : 0, 0, detail);
    }

    /// <inheritdoc />
    /// <remarks>Exact starts in O(1); interior addresses from a sorted snapshot of the table.</remarks>
    public override BlockLookup Lookup(nint address)
    {
        RawBlockTable.Entry* e = State->Blocks.FindContaining(address);
        if (e == null)
            return BlockLookup.NotOwned;
        return new BlockLookup(e->Start == address ? BlockState.LiveStart : BlockState.LiveInterior, e->Start, e->Size);
    }

    public override void WalkLiveBlocks(Action<nint, nuint> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        State->Blocks.Visit(visit);
    }

    public override void Dispose()
    {
        if (_state == null)
            return;
        for (nuint i = 0; i < _state->Blocks.Capacity; i++)
        {
            RawBlockTable.Entry* e = _state->Blocks.SlotAt(i);
            if (e->Start != 0)
                NativeMemory.AlignedFree((void*)e->Start);
        }
        _state->Blocks.Dispose();
        NativeMemory.Free(_state);
        _state = null;
    }
}
