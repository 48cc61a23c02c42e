using System.Globalization;
using System.Text;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

// The full annotated dump (heapdebug.dump): what the address is, the allocator's view of its
// block, the collector's view of the object, every header word, then the items it holds.
public sealed unsafe partial class HexDump
{
    private const int ItemsShown = 32;
    private const int BufferWordsShown = 16;

    /// <summary>
    /// An annotated dump of whatever is at <paramref name="address"/>: a live object field by
    /// field with its items; the object an interior address belongs to; a freed object's
    /// stale bytes with what freed it; a buffer's words. Never reads memory the allocator does
    /// not own.
    /// </summary>
    public string Annotated(nint address)
    {
        if (allocator == null || addresses == null)
        {
            throw new InvalidOperationException("this HexDump was made without an allocator; use the heap's Dump");
        }
        AddressInfo info = addresses.Classify(address);
        var sb = new StringBuilder();
        switch (info.Kind)
        {
            case AddressKind.LiveObject:
            case AddressKind.InsideObject:
                nint header = info.ObjectAddress;
                if (info.Kind == AddressKind.InsideObject)
                {
                    sb.AppendLine(info.Describe());
                }
                var op = (PyObject*)header;
                sb.AppendLine(CultureInfo.InvariantCulture, $"{info.TypeName} object at 0x{header:x}, refcount {op->ob_refcnt}{(Refcount.IsImmortal(op) ? " (immortal)" : "")}");
                AppendBlock(sb, header);
                AppendGc(sb, op);
                sb.Append(Object(header));
                AppendItems(sb, op);
                break;
            case AddressKind.FreedByRefcount:
            case AddressKind.FreedByCollection:
                sb.AppendLine(info.Describe());
                sb.AppendLine("stale bytes (what a dangling pointer would read):");
                AppendBlock(sb, address);
                sb.Append(Object(address));
                break;
            case AddressKind.FreedMemory:
            case AddressKind.InsideBuffer:
                sb.AppendLine(info.Describe());
                AppendBlock(sb, address);
                AppendWords(sb, info.BlockStart, Math.Min((int)info.BlockSize / 8, BufferWordsShown));
                break;
            default:
                sb.AppendLine(info.Describe());
                break;
        }
        return sb.ToString();
    }

    /// <summary>The allocator's view: block start and size, size class, pool and arena, debug serial and guards.</summary>
    private void AppendBlock(StringBuilder sb, nint address)
    {
        BlockLookup block = allocator!.Lookup(address);
        if (block.State == BlockState.NotOwned)
        {
            return;
        }
        string where = address == block.BlockStart ? "" : $", header at offset {address - block.BlockStart}";
        string freed = block.IsFreed ? ", freed" : "";
        sb.Append(CultureInfo.InvariantCulture, $"  allocator {allocator.Name}: block 0x{block.BlockStart:x}, {block.BlockSize} bytes{where}{freed}");
        Allocator inner = allocator;
        DebugAllocator? debug = null;
        while (true)
        {
            if (inner is BudgetAllocator budget)
            {
                inner = budget.Inner;
            }
            else if (inner is DebugAllocator d)
            {
                debug = d;
                inner = d.Inner;
            }
            else
            {
                break;
            }
        }
        if (inner is PyMallocAllocator)
        {
            BlockLookup own = inner.Lookup(address);
            if (own.BlockSize <= PyMallocLayout.SmallRequestThreshold && own.State != BlockState.NotOwned)
            {
                nint pool = own.BlockStart & ~(nint)PyMallocLayout.PoolMask;
                nint arena = own.BlockStart & ~(nint)(PyMallocLayout.ArenaSize - 1);
                sb.Append(CultureInfo.InvariantCulture,
                    $"; pymalloc size class {own.BlockSize / PyMallocLayout.Alignment - 1} ({own.BlockSize}-byte blocks), pool 0x{pool:x}, arena 0x{arena:x}");
            }
            else if (own.State != BlockState.NotOwned)
            {
                sb.Append("; pymalloc large block (over 512 bytes, from the system allocator)");
            }
        }
        sb.AppendLine();
        if (debug != null && block.Serial != 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  debug hooks: serial {block.Serial}, {Guards(block.BlockStart, block.BlockSize)}");
        }
    }

    /// <summary>The debug hooks' guard bytes around a user block: intact (all 0xFD) or where they were damaged.</summary>
    private string Guards(nint user, nuint size)
    {
        int front = DebugLayout.FrontGuardBytes;
        int tail = (int)DebugLayout.TailGuardBytes(size);
        string Check(nint at, int n)
        {
            if (!raw.IsReadable(at, n))
            {
                return "unreadable";
            }
            ReadOnlySpan<byte> bytes = raw.Read(at, n);
            for (int i = 0; i < n; i++)
            {
                if (bytes[i] != DebugLayout.ForbiddenByte)
                {
                    return $"damaged at byte {i} (0x{bytes[i]:x2})";
                }
            }
            return "intact";
        }
        return $"front guard {front} × 0xfd {Check(user - front, front)}, tail guard {tail} × 0xfd {Check(user + (nint)size, tail)}";
    }

    /// <summary>The collector's view: tracked or not, and on which generation's list.</summary>
    private static void AppendGc(StringBuilder sb, PyObject* op)
    {
        if (!GcList.IsGcType(op->ob_type))
        {
            sb.AppendLine("  gc: not a container (no GC header)");
            return;
        }
        if (!GcList.IsTracked(op))
        {
            sb.AppendLine("  gc: untracked (no list links)");
            return;
        }
        HeapState* st = op->ob_type->tp_heap;
        PyGC_Head* target = GcList.AsGc(op);
        for (int g = 0; g < 4; g++)
        {
            PyGC_Head* head = g < 3 ? &st->Generation(g)->head : &st->permanent.head;
            for (PyGC_Head* gc = GcList.Next(head); gc != head && gc != null; gc = GcList.Next(gc))
            {
                if (gc == target)
                {
                    sb.AppendLine(g < 3 ? $"  gc: tracked, on generation {g}'s list" : "  gc: tracked, in the permanent generation (gc.freeze)");
                    return;
                }
            }
        }
        sb.AppendLine("  gc: tracked, on a collection's working list");
    }

    private void AppendWords(StringBuilder sb, nint start, int words)
    {
        for (int i = 0; i < words; i++)
        {
            nint at = start + i * 8;
            if (!raw.IsReadable(at, 8))
            {
                break;
            }
            sb.Append(CultureInfo.InvariantCulture, $"  0x{at:x12}  {i * 8,4}  ");
            foreach (byte b in raw.Read(at, 8))
            {
                sb.Append(b.ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
            }
            sb.AppendLine();
        }
    }

    /// <summary>What the object holds beyond its header words: items, entries, characters, digits.</summary>
    private void AppendItems(StringBuilder sb, PyObject* op)
    {
        PyTypeObject* type = op->ob_type;
        HeapState* st = type->tp_heap;
        if (type == st->type_list)
        {
            nint n = PyList.Size(op);
            PyObject** items = PyList.Items(op);
            sb.AppendLine(CultureInfo.InvariantCulture, $"  item array 0x{(nint)items:x} ({((PyListObject*)op)->allocated} slots allocated, {n} used):");
            for (nint i = 0; i < n && i < ItemsShown; i++)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    [{i}] 0x{(nint)items[i]:x} {Brief(items[i])}");
            }
            More(sb, n);
        }
        else if (type == st->type_tuple)
        {
            nint n = PyTuple.Size(op);
            sb.AppendLine(CultureInfo.InvariantCulture, $"  items ({n}, inline after ob_size):");
            for (nint i = 0; i < n && i < ItemsShown; i++)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    [{i}] 0x{(nint)PyTuple.Items(op)[i]:x} {Brief(PyTuple.Items(op)[i])}");
            }
            More(sb, n);
        }
        else if (type == st->type_dict)
        {
            DictKeys* keys = ((PyDictObject*)op)->ma_keys;
            if (keys == null)
            {
                sb.AppendLine("  ma_keys: none (empty dict)");
                return;
            }
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  keys table 0x{(nint)keys:x}: dk_log2_size {keys->dk_log2_size} ({1 << keys->dk_log2_size} slots), {(keys->dk_kind == 1 ? "str keys (key, value entries)" : "general (hash, key, value entries)")}, {keys->dk_nentries} entries used, {keys->dk_usable} usable");
            nint pos = 0;
            int shown = 0;
            while (PyDict.Next(op, ref pos, out PyObject* key, out PyObject* value) && shown++ < ItemsShown)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    0x{(nint)key:x} {Brief(key)}: 0x{(nint)value:x} {Brief(value)}");
            }
            More(sb, PyDict.Size(op));
        }
        else if (type == st->type_set || type == st->type_frozenset)
        {
            var so = (PySetObject*)op;
            bool small = so->table == &so->smalltable0;
            sb.AppendLine(CultureInfo.InvariantCulture, $"  table 0x{(nint)so->table:x} ({so->mask + 1} slots{(small ? ", the inline smalltable" : "")}):");
            for (nint i = 0; i <= so->mask; i++)
            {
                PyObject* key = so->table[i].key;
                if (key != null && i < ItemsShown * 4)
                {
                    string what = key == st->set_dummy ? "<dummy>" : Brief(key);
                    sb.AppendLine(CultureInfo.InvariantCulture, $"    slot {i}: hash {so->table[i].hash}, key 0x{(nint)key:x} {what}");
                }
            }
        }
        else if (type == st->type_str)
        {
            int kind = PyUnicode.Kind(op);
            nint length = PyUnicode.Length(op);
            byte* data = PyUnicode.Data(op);
            sb.AppendLine(CultureInfo.InvariantCulture, $"  data at 0x{(nint)data:x}: {length} code points × {kind} byte{(kind == 1 ? "" : "s")} ({(PyUnicode.IsAscii(op) ? "ASCII" : "compact")}){(PyUnicode.IsInterned(op) ? ", interned" : "")} = {ObjectRepr.QuoteString(Shorten(PyUnicode.AsString(op), 60))}");
            int bytes = (int)Math.Min(length * kind, 48);
            if (bytes > 0)
            {
                sb.Append("    ");
                for (int i = 0; i < bytes; i++)
                {
                    sb.Append(data[i].ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
                }
                sb.AppendLine(length * kind > bytes ? "..." : "");
            }
        }
        else if (type == st->type_bytes || type == st->type_bytearray)
        {
            bool array = type == st->type_bytearray;
            nint length = array ? PyByteArray.Size(op) : PyBytes.Size(op);
            byte* data = array ? PyByteArray.Data(op) : PyBytes.Data(op);
            if (array)
            {
                var ba = (PyByteArrayObject*)op;
                nint offset = (nint)(data - ba->ob_bytes);
                sb.AppendLine(CultureInfo.InvariantCulture, $"  buffer 0x{(nint)ba->ob_bytes:x} ({ba->ob_alloc} bytes allocated, data from offset {offset}, {length} used, {ba->ob_exports} exports)");
            }
            else
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  data inline at 0x{(nint)data:x}: {length} bytes and a NUL");
            }
            int shown = (int)Math.Min(length, 48);
            if (shown > 0)
            {
                sb.Append("    ");
                for (int i = 0; i < shown; i++)
                {
                    sb.Append(data[i].ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
                }
                sb.AppendLine(length > shown ? "..." : "");
            }
        }
        else if (type == st->type_int || type == st->type_bool)
        {
            int digits = PyLong.DigitCount(op);
            sb.Append(CultureInfo.InvariantCulture, $"  value {PyLong.ToDecimalString(op)}: {digits} 30-bit digit{(digits == 1 ? "" : "s")}, least significant first:");
            for (int i = 0; i < digits && i < ItemsShown; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {PyLong.Digits(op)[i]}");
            }
            sb.AppendLine();
        }
        else if (type == st->type_float)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  value {PyFloat.Repr(PyFloat.Value(op))}");
        }
        else if (type == st->type_weakref_ref || type == st->type_weakref_proxy)
        {
            PyObject* referent = PyWeakref.Referent(op);
            sb.AppendLine(referent == st->none || referent == null
                ? "  referent: dead (wr_object is None)"
                : $"  referent: 0x{(nint)referent:x} {Brief(referent)} (not counted in its refcount)");
        }
        else if ((void*)type->tp_traverse == PyInstance.Slots.Traverse)
        {
            PyObject* dict = PyInstance.MaterializedDict(op);
            sb.AppendLine(dict != null ? $"  attributes in the instance dict 0x{(nint)dict:x}:" : "  attributes (values inline, in the class's shared-key order):");
            nint pos = 0;
            while (PyInstance.NextAttr(op, ref pos, out PyObject* name, out PyObject* value))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    .{PyUnicode.AsString(name)} = 0x{(nint)value:x} {Brief(value)}");
            }
        }
    }

    private static void More(StringBuilder sb, nint n)
    {
        if (n > ItemsShown)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    ... {n - ItemsShown} more");
        }
    }

    /// <summary>The type and a short repr of an item, as the dump lists it.</summary>
    private static string Brief(PyObject* op) =>
        op == null ? "(null)" : $"{TypeRegistry.NameOf(op->ob_type)} {ShortRepr.Of(op)}";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 3)] + "...";
}
