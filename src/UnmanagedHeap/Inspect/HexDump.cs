using System.Globalization;
using System.Text;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// Annotated hex dumps of object memory: one 8-byte word a line, with the offset from the
/// object header, the bytes as they lie in memory (little-endian), the word's value and
/// what CPython calls that field. Works on stale memory too, to show what a dangling
/// pointer sees; every byte is read through <see cref="RawMemory"/>.
/// </summary>
public sealed unsafe partial class HexDump(RawMemory raw, TypeRegistry types, Allocator? allocator = null, AddressClassifier? addresses = null)
{
    /// <summary>Dumps the object whose header is at <paramref name="address"/> (live or stale).</summary>
    public string Object(nint address, PyTypeObject* knownType = null)
    {
        PyTypeObject* type = knownType;
        if (type == null && raw.IsReadable(address + 8, 8))
        {
            nint word = (nint)raw.ReadInt64(address + 8);
            if (types.IsType(word))
            {
                type = (PyTypeObject*)word;
            }
        }
        var fields = new List<(int Offset, string Name)>();
        if (type != null)
        {
            AddFields(address, type, fields);
        }
        else
        {
            fields.Add((0, "ob_refcnt"));
            fields.Add((8, "ob_type (not a type of this heap)"));
        }
        var sb = new StringBuilder();
        foreach (var (offset, name) in fields)
        {
            nint at = address + offset;
            if (!raw.IsReadable(at, 8))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  0x{at:x12}  {offset,4}  (unreadable)  {name}");
                continue;
            }
            ReadOnlySpan<byte> bytes = raw.Read(at, 8);
            long value = BitConverter.ToInt64(bytes);
            sb.Append(CultureInfo.InvariantCulture, $"  0x{at:x12}  {offset,4}  ");
            foreach (byte b in bytes)
            {
                sb.Append(b.ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
            }
            sb.Append(CultureInfo.InvariantCulture, $" {name,-14} = {Explain(name, value)}");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private void AddFields(nint address, PyTypeObject* type, List<(int, string)> fields)
    {
        HeapState* st = type->tp_heap;
        if ((type->tp_flags & (TypeFlags.ManagedDict | TypeFlags.ManagedWeakref)) != 0)
        {
            fields.Add((-32, "weakreflist"));
            fields.Add((-24, "dict/values"));
        }
        if ((type->tp_flags & TypeFlags.HaveGc) != 0)
        {
            fields.Add((-16, "gc_next"));
            fields.Add((-8, "gc_prev"));
        }
        fields.Add((0, "ob_refcnt"));
        fields.Add((8, "ob_type"));
        if (type == st->type_list)
        {
            fields.Add((16, "ob_size"));
            fields.Add((24, "ob_item"));
            fields.Add((32, "allocated"));
        }
        else if (type == st->type_tuple)
        {
            fields.Add((16, "ob_size"));
            nint n = Math.Min(ItemWordsShown, ReadWordOrZero(address + 16));
            for (nint i = 0; i < n; i++)
            {
                fields.Add((24 + (int)i * 8, $"ob_item[{i}]"));
            }
        }
        else if (type == st->type_int || type == st->type_bool)
        {
            fields.Add((16, "lv_tag"));
            fields.Add((24, "ob_digit"));
        }
        else if (type == st->type_float)
        {
            fields.Add((16, "ob_fval"));
        }
        else if (type == st->type_str)
        {
            fields.Add((16, "length"));
            fields.Add((24, "hash"));
            fields.Add((32, "state"));
        }
        else if (type == st->type_bytes)
        {
            fields.Add((16, "ob_size"));
            fields.Add((24, "ob_shash"));
            fields.Add((32, "ob_sval"));
        }
        else if (type == st->type_bytearray)
        {
            fields.Add((16, "ob_size"));
            fields.Add((24, "ob_alloc"));
            fields.Add((32, "ob_bytes"));
            fields.Add((40, "ob_start"));
            fields.Add((48, "ob_exports"));
        }
        else if (type == st->type_dict)
        {
            fields.Add((16, "ma_used"));
            fields.Add((24, "ma_version_tag"));
            fields.Add((32, "ma_keys"));
            fields.Add((40, "ma_values"));
        }
        else if (type == st->type_set || type == st->type_frozenset)
        {
            fields.Add((16, "fill"));
            fields.Add((24, "used"));
            fields.Add((32, "mask"));
            fields.Add((40, "table"));
            fields.Add((48, "hash"));
            fields.Add((56, "finger"));
            fields.Add((192, "weakreflist"));
        }
        else if (type == st->type_weakref_ref || type == st->type_weakref_proxy)
        {
            fields.Add((16, "wr_object"));
            fields.Add((24, "wr_callback"));
            fields.Add((32, "hash"));
            fields.Add((40, "wr_prev"));
            fields.Add((48, "wr_next"));
        }
        else if (type == st->type_type)
        {
            fields.Add((16, "ob_size"));
            fields.Add((24, "tp_name"));
            fields.Add((32, "tp_basicsize"));
            fields.Add((40, "tp_itemsize"));
        }
        else if ((type->tp_flags & TypeFlags.HeapType) != 0)
        {
            PyObject* keys = type->tp_inline_keys;
            nint n = InstanceLayout.CapacityFor(type);
            for (nint i = 0; i < n; i++)
            {
                string key = keys != null && i < PyTuple.Size(keys) ? PyUnicode.AsString(PyTuple.Items(keys)[i]) : "?";
                fields.Add((16 + (int)i * 8, $"values[{i}] {key}"));
            }
        }
    }

    private string Explain(string field, long value)
    {
        switch (field)
        {
            case "ob_refcnt":
                return value == Refcount.Immortal ? $"{value} (immortal)" : value.ToString(CultureInfo.InvariantCulture);
            case "ob_type":
                return types.IsType((nint)value) ? $"0x{value:x} -> <class '{TypeRegistry.NameOf((PyTypeObject*)value)}'>" : $"0x{value:x} (not a type)";
            case "ob_size":
            case "allocated":
            case "ob_shash":
            case "ob_alloc":
            case "ob_exports":
            case "ma_used":
            case "length":
            case "fill":
            case "used":
            case "mask":
            case "tp_basicsize":
            case "tp_itemsize":
            case "hash":
                return value.ToString(CultureInfo.InvariantCulture);
            case "ob_fval":
                return BitConverter.Int64BitsToDouble(value).ToString("R", CultureInfo.InvariantCulture);
            case "dict/values":
                return (value & 1) != 0 ? $"0x{value:x} (values inline, {value >> 1} slots)" : value == 0 ? "0x0" : $"0x{value:x} (dict)";
            case "gc_next":
                return value == 0 ? "0 (untracked)" : $"0x{value:x}";
            case "gc_prev":
                return (value & 3) == 0 ? $"0x{value:x}" : $"0x{value & ~3L:x} (flags {value & 3})";
            case "lv_tag":
                return $"{value} ({value >> 3} digit{(value >> 3 == 1 ? "" : "s")}, sign {(value & 3) switch { 0 => "+", 1 => "0", _ => "-" }})";
            case "tp_name":
                return raw.IsReadable((nint)value, 1) ? $"0x{value:x} -> \"{ReadCString((nint)value)}\"" : $"0x{value:x}";
            default:
                return $"0x{value:x}";
        }
    }

    /// <summary>Tuple items shown as words of the header dump; the items section lists them all.</summary>
    private const nint ItemWordsShown = 16;

    private nint ReadWordOrZero(nint at) => raw.IsReadable(at, 8) ? (nint)raw.ReadInt64(at) : 0;

    private string ReadCString(nint at)
    {
        var bytes = new List<byte>();
        while (bytes.Count < 200 && raw.IsReadable(at + bytes.Count, 1))
        {
            byte b = raw.ReadByte(at + bytes.Count);
            if (b == 0)
            {
                break;
            }
            bytes.Add(b);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
