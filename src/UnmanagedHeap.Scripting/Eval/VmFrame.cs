using UnmanagedHeap.Objects;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Scripting.Eval;

/// <summary>
/// A running Python frame in unmanaged memory (CPython's <c>_PyInterpreterFrame</c> in
/// miniature): a header, then the local slots, then the value stack, all owned references
/// (0 when empty). Frames live in a <see cref="FrameArena"/>, pushed and popped like a stack.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct VmFrame
{
    /// <summary>The frame that called this one in the same loop, or the running frame when this one was entered from C# (null at the bottom).</summary>
    public VmFrame* Back;
    /// <summary>Owned: the function running here (null for a module body).</summary>
    public PyObject* Function;
    /// <summary>Borrowed from the function (or the module frame): globals dict.</summary>
    public PyObject* Globals;
    /// <summary>Borrowed from the function: its closure tuple, or null.</summary>
    public PyObject* Closure;
    /// <summary>Owned, for a frame running a class's <c>__init__</c> for a construction: the new instance, which the call returns.</summary>
    public PyObject* Constructed;
    /// <summary>Where the arena's top was before this frame (popping restores it).</summary>
    public byte* ArenaMark;
    /// <summary>Index of the code object in <see cref="Vm.Codes"/>.</summary>
    public int CodeId;
    /// <summary>Index of the instruction being executed (saved across calls).</summary>
    public int Ip;
    /// <summary>Values on the stack (saved across calls).</summary>
    public int StackDepth;
    public int LocalCount;
    /// <summary>Index of the tree-walker frame lent the locals for fallback statements (-1: none yet).</summary>
    public int Shadow;
    /// <summary><see cref="EntryFlag"/> when returning from this frame leaves the loop.</summary>
    public int Flags;
    /// <summary>A generator frame run inline: where its resumer goes on when it returns (the SEND's or FOR_ITER's exit).</summary>
    public int ReturnIp;
    /// <summary>A generator frame: its state's index in the loop's generator table.</summary>
    public int GenSlot;

    public const int EntryFlag = 1;
    /// <summary>The shadow frame belongs to the C# caller (it made the frame from a tree-walker frame), not to the loop.</summary>
    public const int BorrowedShadowFlag = 2;
    /// <summary>A generator's frame: its memory and references belong to the generator, not the arena.</summary>
    public const int GeneratorFlag = 4;
    /// <summary>A generator frame stopped at a YIELD_VALUE (<see cref="Ip"/> and <see cref="StackDepth"/> say where).</summary>
    public const int SuspendedFlag = 8;
    /// <summary>A generator frame resumed by SEND in the frame below it (CPython's SEND_GEN): yields and returns go there.</summary>
    public const int InlineSendFlag = 16;
    /// <summary>A generator frame resumed by FOR_ITER in the frame below it (FOR_ITER_GEN).</summary>
    public const int InlineForIterFlag = 32;

    public nint* Locals => (nint*)((byte*)Unsafe(ref this) + sizeof(VmFrame));

    public nint* Stack => Locals + LocalCount;

    private static void* Unsafe(ref VmFrame f) => System.Runtime.CompilerServices.Unsafe.AsPointer(ref f);
}

/// <summary>
/// The per-interpreter frame stack, CPython's datastack: chunks of native memory from which
/// frames are bumped and released in stack order, so a Python call allocates nothing on the
/// managed heap. A chunk that is too full gets a successor; chunks are kept for reuse.
/// </summary>
public sealed unsafe class FrameArena : IDisposable
{
    private const int ChunkBytes = 256 * 1024;
    private readonly List<nint> _chunks = [];
    private readonly List<int> _sizes = [];
    private int _chunk = -1;
    private byte* _top;
    private byte* _limit;

    /// <summary>A zeroed frame of <paramref name="slots"/> local and stack slots.</summary>
    public VmFrame* Push(int slots)
    {
        int bytes = sizeof(VmFrame) + slots * sizeof(nint);
        byte* mark = _top;
        int markChunk = _chunk;
        if (_top == null || _top + bytes > _limit)
        {
            NextChunk(bytes);
        }
        var f = (VmFrame*)_top;
        NativeMemory.Clear(f, (nuint)bytes);
        f->ArenaMark = markChunk == _chunk ? mark : null;
        _top += bytes;
        return f;
    }

    /// <summary>Releases <paramref name="f"/> (the most recent frame) and the space after it.</summary>
    public void Pop(VmFrame* f)
    {
        if (f->ArenaMark == null)
        {
            // The first frame of a chunk: the previous chunk is current again, as full as before.
            _top = (byte*)_chunkStartTops[_chunk];
            _chunk--;
            if (_chunk >= 0)
            {
                _limit = (byte*)_chunks[_chunk] + _sizes[_chunk];
            }
            else
            {
                _limit = null;
            }
            return;
        }
        _top = f->ArenaMark;
    }

    /// <summary>The top of the previous chunk when each chunk became current.</summary>
    private nint[] _chunkStartTops = new nint[16];

    private void NextChunk(int bytes)
    {
        if (_chunk + 1 >= _chunkStartTops.Length)
        {
            Array.Resize(ref _chunkStartTops, _chunkStartTops.Length * 2);
        }
        _chunkStartTops[_chunk + 1] = (nint)_top;
        _chunk++;
        if (_chunk == _chunks.Count || _sizes[_chunk] < bytes)
        {
            int size = Math.Max(ChunkBytes, bytes);
            if (_chunk < _chunks.Count)
            {
                NativeMemory.Free((void*)_chunks[_chunk]);
                _chunks[_chunk] = (nint)NativeMemory.Alloc((nuint)size);
                _sizes[_chunk] = size;
            }
            else
            {
                _chunks.Add((nint)NativeMemory.Alloc((nuint)size));
                _sizes.Add(size);
            }
        }
        _top = (byte*)_chunks[_chunk];
        _limit = _top + _sizes[_chunk];
    }

    public void Dispose()
    {
        foreach (nint c in _chunks)
        {
            NativeMemory.Free((void*)c);
        }
        _chunks.Clear();
        _sizes.Clear();
        _chunk = -1;
        _top = null;
        _limit = null;
    }
}
