using System.Runtime.InteropServices;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// The allocation and free points of one heap, made visible to its <see cref="AllocationTracer"/>s
/// the way CPython's tracemalloc does it: while a tracer runs, the heap state's allocator
/// record is swapped for a wrapper that calls the real allocator and then tells the tracers
/// which block it handed out and how many bytes that block really holds (the allocator's
/// own answer: a pymalloc size class, mimalloc's usable size). Every object, item array,
/// dict table and string buffer goes through that record, so every one is seen. With no
/// tracer running the original record is back in place and the hot paths pay nothing.
/// </summary>
internal sealed unsafe class AllocationHooks
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Context
    {
        public AllocatorFunctions Inner;
        public nint Hooks;
    }

    private readonly HeapState* _st;
    private readonly Allocator _allocator;
    private readonly List<AllocationTracer> _tracers = [];
    private Context* _context;
    private GCHandle _handle;

    public AllocationHooks(HeapState* st, Allocator allocator)
    {
        _st = st;
        _allocator = allocator;
    }

    public void Attach(AllocationTracer tracer)
    {
        if (_tracers.Contains(tracer))
        {
            return;
        }
        _tracers.Add(tracer);
        if (_tracers.Count == 1)
        {
            Install();
        }
    }

    public void Detach(AllocationTracer tracer)
    {
        if (_tracers.Remove(tracer) && _tracers.Count == 0)
        {
            Uninstall();
        }
    }

    /// <summary>Puts the heap's own allocator record back (the heap is being disposed).</summary>
    public void DetachAll()
    {
        _tracers.Clear();
        Uninstall();
    }

    private void Install()
    {
        _handle = GCHandle.Alloc(this);
        _context = (Context*)NativeMemory.AllocZeroed((nuint)sizeof(Context));
        _context->Inner = _st->allocator;
        _context->Hooks = GCHandle.ToIntPtr(_handle);
        _st->allocator = new AllocatorFunctions { Context = _context, Malloc = &Malloc, Free = &Free };
    }

    private void Uninstall()
    {
        if (_context == null)
        {
            return;
        }
        _st->allocator = _context->Inner;
        NativeMemory.Free(_context);
        _context = null;
        _handle.Free();
    }

    private static void* Malloc(void* ctx, nuint size)
    {
        var c = (Context*)ctx;
        void* block = c->Inner.Allocate(size);
        if (block != null)
        {
            ((AllocationHooks)GCHandle.FromIntPtr(c->Hooks).Target!).Allocated((nint)block, size);
        }
        return block;
    }

    private static void Free(void* ctx, void* block)
    {
        var c = (Context*)ctx;
        if (block != null)
        {
            ((AllocationHooks)GCHandle.FromIntPtr(c->Hooks).Target!).Freed((nint)block);
        }
        c->Inner.Release(block);
    }

    private void Allocated(nint block, nuint requested)
    {
        BlockLookup at = _allocator.Lookup(block);
        long size = at.State == BlockState.LiveStart ? (long)at.BlockSize : (long)requested;
        // By index: a tracer stopped by another's record (never today) must not break the loop.
        for (int i = 0; i < _tracers.Count; i++)
        {
            _tracers[i].Record(block, size);
        }
    }

    private void Freed(nint block)
    {
        for (int i = 0; i < _tracers.Count; i++)
        {
            _tracers[i].Forget(block);
        }
    }
}
