using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// Caps the bytes a heap may hold live (<c>pyheap run --max-heap</c>): past the cap,
/// Malloc returns null and the object layer raises MemoryError. Each block carries a
/// 16-byte header with its size so Free can give the bytes back to the budget; Lookup and
/// the walk report the caller's view (the header is Metadata), so a checked cast works
/// exactly as on the unwrapped allocator. Free trusts its pointer as the object layer's
/// frees are always of blocks it allocated; wrap the inner allocator in debug hooks to
/// have every free checked.
/// </summary>
public sealed unsafe class BudgetAllocator : Allocator
{
    private const int HeaderSize = 16;

    [StructLayout(LayoutKind.Sequential)]
    private struct Context
    {
        public AllocatorFunctions Inner;
        public long Limit;
        public long Used;
    }

    private readonly Allocator _inner;
    private readonly Context* _context;
    private bool _disposed;

    public BudgetAllocator(Allocator inner, long limitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitBytes);
        _inner = inner;
        _context = (Context*)NativeMemory.AllocZeroed((nuint)sizeof(Context));
        _context->Inner = inner.Functions;
        _context->Limit = limitBytes;
    }

    public override string Name => $"{_inner.Name} (max {_context->Limit} bytes)";

    /// <summary>The allocator the budget passes requests on to (for inspection: its size classes and pools).</summary>
    public Allocator Inner => _inner;

    /// <summary>Bytes currently held against the budget (requested sizes, headers excluded).</summary>
    public long UsedBytes => _context->Used;

    public long LimitBytes => _context->Limit;

    public override AllocatorFunctions Functions => new() { Context = _context, Malloc = &Malloc, Free = &FreeBlock };

    private static void* Malloc(void* ctx, nuint size)
    {
        var c = (Context*)ctx;
        if (size > (nuint)c->Limit || c->Used + (long)size > c->Limit)
        {
            return null; // also keeps size + HeaderSize from overflowing
        }
        var block = (byte*)c->Inner.Allocate(size + HeaderSize);
        if (block == null)
        {
            return null;
        }
        *(nuint*)block = size;
        c->Used += (long)size;
        return block + HeaderSize;
    }

    private static void FreeBlock(void* ctx, void* p)
    {
        if (p == null)
        {
            return;
        }
        var c = (Context*)ctx;
        byte* block = (byte*)p - HeaderSize;
        c->Used -= (long)*(nuint*)block;
        c->Inner.Release(block);
    }

    public override BlockLookup Lookup(nint address)
    {
        BlockLookup inner = _inner.Lookup(address);
        if (inner.State == BlockState.NotOwned || inner.State == BlockState.Metadata)
        {
            return inner;
        }
        nint start = inner.BlockStart + HeaderSize;
        nuint size = inner.BlockSize > HeaderSize ? inner.BlockSize - HeaderSize : 0;
        if (address < start)
        {
            return new BlockLookup(BlockState.Metadata, inner.BlockStart, inner.BlockSize, inner.Serial);
        }
        BlockState state = inner.IsLive
            ? (address == start ? BlockState.LiveStart : BlockState.LiveInterior)
            : (address == start ? BlockState.FreedStart : BlockState.FreedInterior);
        return new BlockLookup(state, start, size, inner.Serial);
    }

    public override void WalkLiveBlocks(Action<nint, nuint> visit) =>
        _inner.WalkLiveBlocks((start, size) => visit(start + HeaderSize, size - HeaderSize));

    public override AllocatorStats Stats => _inner.Stats;

    public override void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _inner.Dispose();
        NativeMemory.Free(_context);
    }
}
