using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// Says what any 64-bit value is as an address in one heap, reading nothing the allocator
/// has not first confirmed to be a live block of this heap. An object is recognised inside
/// its block by a header whose type word is one of the heap's registered types, whose
/// prefix (GC header, pre-header) puts the header exactly there, and whose count is sane.
/// </summary>
public sealed unsafe class AddressClassifier(Allocator allocator, TypeRegistry types, HeapState* state)
{
    private static readonly int[] CandidatePrefixes = [0, 16, 32];

    public AddressInfo Classify(nint address)
    {
        BlockLookup block = allocator.Lookup(address);
        switch (block.State)
        {
            case BlockState.LiveStart:
            case BlockState.LiveInterior:
                return ClassifyLive(address, block);
            case BlockState.Metadata:
                return new AddressInfo(AddressKind.AllocatorMetadata, address);
            case BlockState.FreedStart:
            case BlockState.FreedInterior:
                return ClassifyFreed(address, block);
            default:
                return ClassifyFreed(address, block);
        }
    }

    private AddressInfo ClassifyLive(nint address, BlockLookup block)
    {
        foreach (int prefix in CandidatePrefixes)
        {
            nint header = block.BlockStart + prefix;
            if ((nuint)(prefix + sizeof(PyObject)) > block.BlockSize)
            {
                break;
            }
            var op = (PyObject*)header;
            nint typeWord = (nint)op->ob_type;
            if (!types.IsType(typeWord))
            {
                continue;
            }
            var type = (PyTypeObject*)typeWord;
            if (type->tp_prefix != prefix || (nuint)(prefix + type->tp_basicsize) > block.BlockSize)
            {
                continue;
            }
            nint refcnt = op->ob_refcnt;
            if (refcnt == 0 && Freelists.IsParked(state, op))
            {
                return ClassifyParked(address, header, type, block);
            }
            if (refcnt <= 0 || refcnt > Refcount.Immortal)
            {
                continue;
            }
            string name = TypeRegistry.NameOf(type);
            return address == header
                ? new AddressInfo(AddressKind.LiveObject, address, header, 0, name, BlockStart: block.BlockStart, BlockSize: block.BlockSize)
                : new AddressInfo(AddressKind.InsideObject, address, header, address - header, name, BlockStart: block.BlockStart, BlockSize: block.BlockSize);
        }
        return new AddressInfo(AddressKind.InsideBuffer, address, Offset: address - block.BlockStart, BlockStart: block.BlockStart, BlockSize: block.BlockSize);
    }

    /// <summary>
    /// A freed object whose block waits on its type's freelist: the allocator still counts
    /// the block as live, but the object is dead. What freed it is kept in the object.
    /// </summary>
    private static AddressInfo ClassifyParked(nint address, nint header, PyTypeObject* type, BlockLookup block)
    {
        long collection = *Freelists.CollectionWord((PyObject*)header);
        AddressKind kind = collection == 0 ? AddressKind.FreedByRefcount : AddressKind.FreedByCollection;
        return new AddressInfo(kind, address, header, address - header, TypeRegistry.NameOf(type), collection, block.BlockStart, block.BlockSize, Parked: true);
    }

    private AddressInfo ClassifyFreed(nint address, BlockLookup block)
    {
        if (FreeLog.TryFind(state, address, out FreeLogEntry entry))
        {
            string name = types.IsType((nint)entry.type) ? TypeRegistry.NameOf(entry.type) : "?";
            return entry.collection == 0
                ? new AddressInfo(AddressKind.FreedByRefcount, address, address, 0, name, BlockStart: block.BlockStart, BlockSize: block.BlockSize)
                : new AddressInfo(AddressKind.FreedByCollection, address, address, 0, name, entry.collection, block.BlockStart, block.BlockSize);
        }
        return block.IsFreed
            ? new AddressInfo(AddressKind.FreedMemory, address, BlockStart: block.BlockStart, BlockSize: block.BlockSize)
            : new AddressInfo(AddressKind.NotHeapMemory, address);
    }
}
