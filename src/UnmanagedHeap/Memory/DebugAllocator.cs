using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static UnmanagedHeap.Memory.DebugLayout;

namespace UnmanagedHeap.Memory;

/// <summary>
/// Debug hooks around any allocator, like CPython's <c>PYTHONMALLOC=debug</c>: fresh memory
/// is filled with 0xCD, freed memory with 0xDD, 16+ bytes of 0xFD guard each side, and
/// every allocation gets a serial number. Freed blocks wait in a bounded quarantine before
/// going back to the inner allocator, so a double free, a write into freed memory and a
/// write past either end are reported as <see cref="HeapCorruptionException"/> naming the
/// block's address, size and serial — never as a crash.
/// </summary>
/// <remarks>
/// <para>Detection points: Free checks the guards of the block being freed and refuses an
/// address that is not a live block (double free if it is still in quarantine); a block
/// leaving quarantine is checked for the 0xDD fill; <see cref="CheckBlock"/> and
/// <see cref="CheckAllBlocks"/> check on demand.</para>
/// <para>When Free finds damage it still completes (the block goes to quarantine with its
/// guards rewritten) and then throws, so the heap stays consistent and the same damage is
/// reported once. Likewise a damaged block leaving quarantine is released, then reported.</para>
/// <para>The live and quarantined blocks are kept in native tables (user address → size,
/// serial), so Free never has to trust a header in memory it has not verified.</para>
/// </remarks>
public sealed unsafe class DebugAllocator : Allocator
{
    /// <summary>Default number of freed blocks held back from the inner allocator.</summary>
    public const int DefaultQuarantineBlocks = 1024;
    /// <summary>Default cap on the requested bytes held in quarantine.</summary>
    public const long DefaultQuarantineBytes = 4 << 20;

    [StructLayout(LayoutKind.Sequential)]
    private struct DebugState
    {
        public AllocatorFunctions Inner;
        public RawBlockTable Live;          // user address → requested size, serial (Tag)
        public RawBlockTable Quarantined;   // same, for freed blocks not yet released
        public nint* Ring;                  // quarantined user addresses, oldest first
        public int RingSlots;
        public int RingHead;
        public int RingCount;
        public int MaxQuarantineBlocks;
        public long QuarantineBytes;
        public long MaxQuarantineBytes;
        public long LastSerial;
        public long TotalAllocations;
        public long TotalFrees;
        public long LiveBytes;
    }

    /// <summary>What a check found; reported after the operation that found it has finished.</summary>
    private struct Finding
    {
        public bool Found;
        public CorruptionKind Kind;
        public nint Address;
        public nuint Size;
        public long Serial;
        public nint DamageOffset;

        public void Record(CorruptionKind kind, nint address, nuint size, long serial, nint damageOffset)
        {
            if (Found) return;   // the first problem is the one to report
            this = new Finding { Found = true, Kind = kind, Address = address, Size = size, Serial = serial, DamageOffset = damageOffset };
        }
    }

    private readonly Allocator _inner;
    private readonly bool _ownsInner;
    private DebugState* _state;

    /// <param name="inner">The allocator that provides the memory.</param>
    /// <param name="quarantineBlocks">Freed blocks held back (0 releases at once, after a fill check).</param>
    /// <param name="quarantineBytes">Cap on the requested bytes held back.</param>
    /// <param name="ownsInner">Dispose <paramref name="inner"/> with this allocator.</param>
    public DebugAllocator(Allocator inner, int quarantineBlocks = DefaultQuarantineBlocks,
        long quarantineBytes = DefaultQuarantineBytes, bool ownsInner = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(quarantineBlocks);
        ArgumentOutOfRangeException.ThrowIfNegative(quarantineBytes);
        _inner = inner;
        _ownsInner = ownsInner;
        _state = (DebugState*)NativeMemory.AllocZeroed((nuint)sizeof(DebugState));
        _state->Inner = inner.Functions;
        _state->RingSlots = quarantineBlocks + 1;   // room for the block that pushes the oldest out
        _state->Ring = (nint*)NativeMemory.Alloc((nuint)_state->RingSlots, (nuint)sizeof(nint));
        _state->MaxQuarantineBlocks = quarantineBlocks;
        _state->MaxQuarantineBytes = quarantineBytes;
    }

    public override string Name => $"debug({_inner.Name})";

    /// <summary>The wrapped allocator.</summary>
    public Allocator Inner => _inner;

    /// <summary>Freed blocks currently held in quarantine.</summary>
    public int QuarantinedBlocks => State->RingCount;

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
            DebugState* s = State;
            return new AllocatorStats((long)s->Live.Count, s->LiveBytes, s->TotalAllocations, s->TotalFrees, _inner.Stats.ReservedBytes);
        }
    }

    private DebugState* State => _state != null ? _state : throw new ObjectDisposedException(nameof(DebugAllocator));

    // ----------------------------------------------------------------------------------
    // Allocation and release
    // ----------------------------------------------------------------------------------

    private static void* Malloc(void* context, nuint size)
    {
        var s = (DebugState*)context;
        nuint innerSize = InnerSize(size);
        if (innerSize == 0)
            return null;
        var inner = (byte*)s->Inner.Malloc(s->Inner.Context, innerSize);
        if (inner == null)
            return null;
        long serial = s->LastSerial + 1;
        byte* user = inner + Prefix;
        if (!s->Live.TryAdd((nint)user, size, serial))
        {
            s->Inner.Free(s->Inner.Context, inner);
            return null;
        }
        s->LastSerial = serial;
        Format(inner, size, serial);
        s->TotalAllocations++;
        s->LiveBytes += (long)size;
        return user;
    }

    private static void Free(void* context, void* p)
    {
        if (p == null)
            return;
        var s = (DebugState*)context;
        var user = (nint)p;
        RawBlockTable.Entry* live = s->Live.Find(user);
        if (live == null)
            ThrowBadFree(s, user);
        nuint size = live->Size;
        long serial = live->Tag;
        s->Live.Remove(user, out _);

        Finding finding = default;
        if (FindGuardDamage(user, size, serial) is nint damage)
        {
            finding.Record(CorruptionKind.BufferOverflow, user, size, serial, damage);
            RepairGuards(user, size, serial);
        }
        NativeMemory.Fill(p, size, DeadByte);
        s->TotalFrees++;
        s->LiveBytes -= (long)size;

        if (s->Quarantined.TryAdd(user, size, serial))
        {
            s->Ring[(s->RingHead + s->RingCount) % s->RingSlots] = user;
            s->RingCount++;
            s->QuarantineBytes += (long)size;
        }
        else
        {
            s->Inner.Free(s->Inner.Context, InnerStart(user));   // no room to remember it: release now
        }

        while (s->RingCount > s->MaxQuarantineBlocks || (s->RingCount > 0 && s->QuarantineBytes > s->MaxQuarantineBytes))
            ReleaseOldest(s, ref finding);

        if (finding.Found)
            Throw(finding);
    }

    /// <summary>Checks the oldest quarantined block, returns it to the inner allocator, and records damage.</summary>
    private static void ReleaseOldest(DebugState* s, ref Finding finding)
    {
        nint user = s->Ring[s->RingHead];
        s->RingHead = (s->RingHead + 1) % s->RingSlots;
        s->RingCount--;
        s->Quarantined.Remove(user, out RawBlockTable.Entry entry);
        s->QuarantineBytes -= (long)entry.Size;
        CheckFreed(user, entry.Size, entry.Tag, ref finding);
        s->Inner.Free(s->Inner.Context, InnerStart(user));
    }

    private static void CheckFreed(nint user, nuint size, long serial, ref Finding finding)
    {
        if (FindDeadFillDamage(user, size) is nint written)
            finding.Record(CorruptionKind.UseAfterFree, user, size, serial, written);
        else if (FindGuardDamage(user, size, serial) is nint damage)
            finding.Record(CorruptionKind.BufferOverflow, user, size, serial, damage);
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadFree(DebugState* s, nint user)
    {
        RawBlockTable.Entry* freed = s->Quarantined.Find(user);
        if (freed != null)
            throw new HeapCorruptionException(CorruptionKind.DoubleFree, user, freed->Size, freed->Tag,
                "debug hooks: the block was already freed and is still in quarantine");
        throw new HeapCorruptionException(CorruptionKind.InvalidFree, user, 0, 0,
            "debug hooks: not the start of a live block (never allocated here, an interior pointer, " +
            "or freed long enough ago that it has left quarantine)");
    }

    [DoesNotReturn]
    private static void Throw(in Finding f)
    {
        string detail = f.Kind switch
        {
            CorruptionKind.UseAfterFree =>
                $"debug hooks: byte {f.DamageOffset} of the freed block is no longer 0x{DeadByte:X2}: it was written after free",
            _ when f.DamageOffset < 0 =>
                $"debug hooks: the guard/header byte at offset {f.DamageOffset} was overwritten: a write before the start",
            _ => $"debug hooks: the guard byte at offset +{f.DamageOffset} was overwritten: a write past the end",
        };
        throw new HeapCorruptionException(f.Kind, f.Address, f.Size, f.Serial, detail);
    }

    // ----------------------------------------------------------------------------------
    // Checks on demand
    // ----------------------------------------------------------------------------------

    /// <summary>
    /// Validates one block now: for a live block its header and guards; for a quarantined
    /// block also the 0xDD fill (a write there is a use after free).
    /// </summary>
    /// <exception cref="HeapCorruptionException">The block is damaged.</exception>
    /// <exception cref="ArgumentException">The address is neither a live nor a quarantined block start.</exception>
    public void CheckBlock(nint userAddress)
    {
        DebugState* s = State;
        Finding finding = default;
        if (s->Live.Find(userAddress) is var live && live != null)
        {
            if (FindGuardDamage(userAddress, live->Size, live->Tag) is nint damage)
                finding.Record(CorruptionKind.BufferOverflow, userAddress, live->Size, live->Tag, damage);
        }
        else if (s->Quarantined.Find(userAddress) is var freed && freed != null)
        {
            CheckFreed(userAddress, freed->Size, freed->Tag, ref finding);
        }
        else
        {
            throw new ArgumentException(
                $"0x{userAddress:x} is not the start of a live or quarantined block of {Name}", nameof(userAddress));
        }
        if (finding.Found)
            Throw(finding);
    }

    /// <summary>Validates every live and quarantined block; throws for the first damaged one.</summary>
    public void CheckAllBlocks()
    {
        DebugState* s = State;
        CheckTable(&s->Live);
        CheckTable(&s->Quarantined);

        void CheckTable(RawBlockTable* table)
        {
            for (nuint i = 0; i < table->Capacity; i++)
            {
                nint start = table->SlotAt(i)->Start;
                if (start != 0)
                    CheckBlock(start);
            }
        }
    }

    // ----------------------------------------------------------------------------------
    // Inspection
    // ----------------------------------------------------------------------------------

    /// <inheritdoc />
    /// <remarks>
    /// Reports user-visible blocks: start and requested size, plus the serial. Header and
    /// guard bytes are <see cref="BlockState.Metadata"/>, reported with the block they belong
    /// to. A quarantined block is freed; once released, the inner allocator's view decides.
    /// </remarks>
    public override BlockLookup Lookup(nint address)
    {
        DebugState* s = State;
        if (s->Live.Find(address) is var live && live != null)
            return new BlockLookup(BlockState.LiveStart, address, live->Size, live->Tag);
        if (s->Quarantined.Find(address) is var freed && freed != null)
            return new BlockLookup(BlockState.FreedStart, address, freed->Size, freed->Tag);

        BlockLookup inner = _inner.Lookup(address);
        if (inner.State is BlockState.NotOwned or BlockState.Metadata)
            return inner;
        nint user = inner.BlockStart + Prefix;
        if (inner.IsLive)
        {
            if (s->Live.Find(user) is var owner && owner != null)
                return Classify(address, user, owner->Size, owner->Tag, isLive: true);
            if (s->Quarantined.Find(user) is var held && held != null)
                return Classify(address, user, held->Size, held->Tag, isLive: false);
            return new BlockLookup(BlockState.Metadata, inner.BlockStart, inner.BlockSize);
        }

        // Released to the inner allocator: only its geometry is known, not the requested size.
        nuint innerSize = inner.BlockSize;
        nuint userRoom = innerSize > Prefix + MinTailGuardBytes ? innerSize - Prefix - MinTailGuardBytes : 0;
        return Classify(address, user, userRoom, 0, isLive: false);
    }

    private static BlockLookup Classify(nint address, nint user, nuint size, long serial, bool isLive)
    {
        if ((nuint)(address - user) >= size && !(address == user && size == 0))
            return new BlockLookup(BlockState.Metadata, user, size, serial);
        BlockState state = address == user
            ? (isLive ? BlockState.LiveStart : BlockState.FreedStart)
            : (isLive ? BlockState.LiveInterior : BlockState.FreedInterior);
        return new BlockLookup(state, user, size, serial);
    }

    /// <summary>Visits live user blocks (start, requested size); quarantined blocks are not live.</summary>
    public override void WalkLiveBlocks(Action<nint, nuint> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        State->Live.Visit(visit);
    }

    /// <summary>
    /// Releases everything: with an owned inner allocator, by disposing it; otherwise by
    /// returning every live and quarantined block to it.
    /// </summary>
    public override void Dispose()
    {
        if (_state == null)
            return;
        DebugState* s = _state;
        if (!_ownsInner)
        {
            ReleaseAll(s, &s->Live);
            ReleaseAll(s, &s->Quarantined);
        }
        s->Live.Dispose();
        s->Quarantined.Dispose();
        NativeMemory.Free(s->Ring);
        NativeMemory.Free(s);
        _state = null;
        if (_ownsInner)
            _inner.Dispose();

        static void ReleaseAll(DebugState* s, RawBlockTable* table)
        {
            for (nuint i = 0; i < table->Capacity; i++)
            {
                nint start = table->SlotAt(i)->Start;
                if (start != 0)
                    s->Inner.Free(s->Inner.Context, InnerStart(start));
            }
        }
    }
}
