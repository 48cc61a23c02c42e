using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// An object found in the allocator's blocks: its header address and type name; with
/// <paramref name="Parked"/>, a freed object whose block waits on its type's freelist.
/// </summary>
public readonly record struct HeapObject(nint Address, string TypeName, bool Parked = false);

/// <summary>
/// Every live object of a heap, found the way the census finds them: walking the
/// allocator's live blocks and recognising an object header at the start of each block or
/// after its GC header / pre-header. Untracked containers, strs and ints are included,
/// which gc.get_objects() would leave out.
/// </summary>
public static class HeapObjects
{
    private static readonly int[] Prefixes = [0, 16, 32];

    /// <summary>The live objects, and how many blocks (and bytes) hold no object header; parked freelist blocks are neither.</summary>
    public static List<HeapObject> All(Allocator allocator, AddressClassifier addresses, out long bufferBlocks, out long bufferBytes)
    {
        var blocks = new List<(nint Start, nuint Size)>();
        allocator.WalkLiveBlocks((start, size) => blocks.Add((start, size)));
        var objects = new List<HeapObject>(blocks.Count);
        bufferBlocks = 0;
        bufferBytes = 0;
        foreach (var (start, size) in blocks)
        {
            HeapObject? found = Find(addresses, start, size);
            if (found is { Parked: true })
            {
                continue; // dead, though its block is still allocated: neither an object nor a buffer
            }
            if (found is HeapObject live)
            {
                objects.Add(live);
            }
            else
            {
                bufferBlocks++;
                bufferBytes += (long)size;
            }
        }
        return objects;
    }

    /// <summary>The object (live or parked) whose header lies in the block at <paramref name="start"/>, if any.</summary>
    public static HeapObject? Find(AddressClassifier addresses, nint start, nuint size)
    {
        foreach (int prefix in Prefixes)
        {
            if ((nuint)prefix >= size)
            {
                break;
            }
            AddressInfo info = addresses.Classify(start + prefix);
            if (info.Parked)
            {
                return new HeapObject(info.ObjectAddress, info.TypeName ?? "?", Parked: true);
            }
            if (info.Kind == AddressKind.LiveObject)
            {
                return new HeapObject(start + prefix, info.TypeName ?? "?");
            }
        }
        return null;
    }
}
