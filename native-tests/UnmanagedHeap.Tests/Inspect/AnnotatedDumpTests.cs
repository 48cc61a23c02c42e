using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using UnmanagedHeap.Inspect;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.Inspection;

/// <summary>
/// The annotated dump, field by field against the CPython 3.12 layouts: each labelled word
/// sits at the offset the struct puts that field at, and shows the value memory holds.
/// </summary>
public unsafe partial class AnnotatedDumpTests
{
    private Heap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = new Heap();

    [TearDown]
    public void TearDown() => _heap.Dispose();

    [GeneratedRegex(@"^  0x(?<at>[0-9a-f]{12})\s+(?<off>-?\d+)  (?:[0-9a-f]{2} ){8} (?<name>.+?)\s+= (?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex WordLine();

    /// <summary>The dump's word line for a field: its address, offset from the header, and shown value.</summary>
    private static (nint At, int Offset, string Value) Field(string dump, string name)
    {
        foreach (Match m in WordLine().Matches(dump))
        {
            if (m.Groups["name"].Value == name)
            {
                return ((nint)long.Parse(m.Groups["at"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["off"].Value, CultureInfo.InvariantCulture), m.Groups["value"].Value);
            }
        }
        Assert.Fail($"no field '{name}' in the dump:\n{dump}");
        return default;
    }

    private static void AssertHeader(string dump, PyObject* op, string typeName)
    {
        var refcnt = Field(dump, "ob_refcnt");
        Assert.That(refcnt.Offset, Is.EqualTo((int)Marshal.OffsetOf<PyObject>(nameof(PyObject.ob_refcnt))));
        Assert.That(refcnt.At, Is.EqualTo((nint)op));
        Assert.That(refcnt.Value, Does.StartWith(op->ob_refcnt.ToString(CultureInfo.InvariantCulture)));
        var type = Field(dump, "ob_type");
        Assert.That(type.Offset, Is.EqualTo((int)Marshal.OffsetOf<PyObject>(nameof(PyObject.ob_type))));
        Assert.That(type.Value, Is.EqualTo($"0x{(nint)op->ob_type:x} -> <class '{typeName}'>"));
        Assert.That(dump, Does.StartWith($"{typeName} object at 0x{(nint)op:x}, refcount {op->ob_refcnt}"));
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    [Test]
    public void ListShowsSizeItemArrayAllocatedAndItems()
    {
        using NewRef list = _heap.NewList();
        using NewRef seven = _heap.Int(7);
        list.Borrow().Append(seven.Borrow());
        list.Borrow().Append(_heap.None);
        PyObject* op = list.Pointer;
        string dump = _heap.DumpAnnotated((nint)op);
        AssertHeader(dump, op, "list");
        var l = (PyListObject*)op;
        Assert.That(Field(dump, "ob_size"), Is.EqualTo(((nint)op + 16, Offset<PyVarObject>(nameof(PyVarObject.ob_size)), "2")));
        Assert.That(Field(dump, "ob_item"), Is.EqualTo(((nint)op + 24, Offset<PyListObject>(nameof(PyListObject.ob_item)), $"0x{(nint)l->ob_item:x}")));
        Assert.That(Field(dump, "allocated"), Is.EqualTo(((nint)op + 32, Offset<PyListObject>(nameof(PyListObject.allocated)), l->allocated.ToString(CultureInfo.InvariantCulture))));
        Assert.That(dump, Does.Contain($"[0] 0x{(nint)seven.Pointer:x} int 7"));
        Assert.That(dump, Does.Contain($"[1] 0x{(nint)_heap.None.Pointer:x} NoneType None"));
        Assert.That(Field(dump, "gc_next").Offset, Is.EqualTo(-16));
        Assert.That(Field(dump, "gc_prev").Offset, Is.EqualTo(-8));
    }

    [Test]
    public void TupleShowsItsInlineItems()
    {
        using NewRef a = _heap.Str("alpha");
        using NewRef b = _heap.Float(2.5);
        using NewRef t = _heap.Tuple(a.Address, b.Address);
        string dump = _heap.DumpAnnotated(t.Address);
        AssertHeader(dump, t.Pointer, "tuple");
        Assert.That(Field(dump, "ob_size").Value, Is.EqualTo("2"));
        Assert.That(Field(dump, "ob_item[0]"), Is.EqualTo(((nint)t.Pointer + 24, sizeof(PyVarObject), $"0x{a.Address:x}")));
        Assert.That(Field(dump, "ob_item[1]"), Is.EqualTo(((nint)t.Pointer + 32, sizeof(PyVarObject) + 8, $"0x{b.Address:x}")));
        Assert.That(dump, Does.Contain("str 'alpha'"));
        Assert.That(dump, Does.Contain("float 2.5"));
    }

    [Test]
    public void DictShowsUsedKeysTableAndEntries()
    {
        using NewRef d = _heap.NewDict();
        using NewRef v = _heap.Int(42);
        PyDict.SetItem(d.Pointer, _heap.Intern("answer").Pointer, v.Pointer);
        string dump = _heap.DumpAnnotated(d.Address);
        AssertHeader(dump, d.Pointer, "dict");
        var pd = (PyDictObject*)d.Pointer;
        Assert.That(Field(dump, "ma_used"), Is.EqualTo(((nint)pd + 16, Offset<PyDictObject>(nameof(PyDictObject.ma_used)), "1")));
        Assert.That(Field(dump, "ma_keys"), Is.EqualTo(((nint)pd + 32, Offset<PyDictObject>(nameof(PyDictObject.ma_keys)), $"0x{(nint)pd->ma_keys:x}")));
        Assert.That(Field(dump, "ma_values").Offset, Is.EqualTo(Offset<PyDictObject>(nameof(PyDictObject.ma_values))));
        Assert.That(dump, Does.Contain($"keys table 0x{(nint)pd->ma_keys:x}: dk_log2_size 3 (8 slots), str keys"));
        Assert.That(dump, Does.Contain("str 'answer': 0x"));
        Assert.That(dump, Does.Contain("int 42"));
    }

    [Test]
    public void StrShowsLengthHashStateAndData()
    {
        using NewRef s = _heap.Str("héllo");
        string dump = _heap.DumpAnnotated(s.Address);
        AssertHeader(dump, s.Pointer, "str");
        Assert.That(Field(dump, "length"), Is.EqualTo((s.Address + 16, Offset<PyASCIIObject>(nameof(PyASCIIObject.length)), "5")));
        Assert.That(Field(dump, "hash").Offset, Is.EqualTo(Offset<PyASCIIObject>(nameof(PyASCIIObject.hash))));
        Assert.That(Field(dump, "state").Offset, Is.EqualTo(Offset<PyASCIIObject>(nameof(PyASCIIObject.state))));
        Assert.That(dump, Does.Contain($"data at 0x{(nint)PyUnicode.Data(s.Pointer):x}: 5 code points × 1 byte (compact) = 'héllo'"));
        Assert.That(dump, Does.Contain("68 e9 6c 6c 6f"));
        Assert.That(dump, Does.Contain("gc: not a container"));
    }

    [Test]
    public void IntShowsTagAndDigits()
    {
        using NewRef big = _heap.Int((1L << 40) + 3);
        string dump = _heap.DumpAnnotated(big.Address);
        AssertHeader(dump, big.Pointer, "int");
        Assert.That(Field(dump, "lv_tag"), Is.EqualTo((big.Address + 16, Offset<PyLongObject>(nameof(PyLongObject.lv_tag)), "16 (2 digits, sign +)")));
        Assert.That(dump, Does.Contain($"value {(1L << 40) + 3}: 2 30-bit digits, least significant first: 3 1024"));
    }

    [Test]
    public void FloatShowsItsValue()
    {
        using NewRef f = _heap.Float(-0.125);
        string dump = _heap.DumpAnnotated(f.Address);
        AssertHeader(dump, f.Pointer, "float");
        Assert.That(Field(dump, "ob_fval"), Is.EqualTo((f.Address + 16, Offset<PyFloatObject>(nameof(PyFloatObject.ob_fval)), "-0.125")));
    }

    [Test]
    public void SetShowsFillUsedMaskTableAndSlots()
    {
        using NewRef s = _heap.NewSet();
        using NewRef three = _heap.Int(3);
        PySet.Add(s.Pointer, three.Pointer);
        string dump = _heap.DumpAnnotated(s.Address);
        AssertHeader(dump, s.Pointer, "set");
        var so = (PySetObject*)s.Pointer;
        Assert.That(Field(dump, "fill").Offset, Is.EqualTo(Offset<PySetObject>(nameof(PySetObject.fill))));
        Assert.That(Field(dump, "used").Value, Is.EqualTo("1"));
        Assert.That(Field(dump, "mask"), Is.EqualTo((s.Address + Offset<PySetObject>(nameof(PySetObject.mask)), Offset<PySetObject>(nameof(PySetObject.mask)), "7")));
        Assert.That(Field(dump, "table").Value, Is.EqualTo($"0x{(nint)so->table:x}"));
        Assert.That(Field(dump, "weakreflist").Offset, Is.EqualTo(Offset<PySetObject>(nameof(PySetObject.weakreflist))));
        Assert.That(Field(dump, "hash").Value, Is.EqualTo("-1"), "a set has no hash; the frozenset cache starts at -1");
        Assert.That(dump, Does.Contain("8 slots, the inline smalltable"));
        Assert.That(dump, Does.Contain($"slot 3: hash 3, key 0x{three.Address:x} int 3"));
    }

    [Test]
    public void InstanceShowsPreHeaderInlineValuesAndAttributes()
    {
        PyClass node = _heap.DefineClass("Node", "value", "edges");
        using NewRef n = _heap.New(node, _heap.Int(5), _heap.NewList());
        string dump = _heap.DumpAnnotated(n.Address);
        AssertHeader(dump, n.Pointer, "Node");
        Assert.That(Field(dump, "weakreflist").Offset, Is.EqualTo(-32));
        Assert.That(Field(dump, "dict/values"), Is.EqualTo((n.Address - 24, -24, $"0x{*PyInstance.DictOrValues(n.Pointer):x} (values inline, 2 slots)")));
        Assert.That(Field(dump, "values[0] value"), Is.EqualTo((n.Address + 16, 16, $"0x{(nint)PyInstance.Values(n.Pointer)[0]:x}")));
        Assert.That(Field(dump, "values[1] edges").Offset, Is.EqualTo(24));
        Assert.That(dump, Does.Contain($", header at offset 32;"), "the pre-header and GC header come first in the block");
        Assert.That(dump, Does.Contain(".value = 0x"));
        Assert.That(dump, Does.Contain("int 5"));
        Assert.That(dump, Does.Contain(".edges = 0x"));
        Assert.That(dump, Does.Contain("list []"));
    }

    [Test]
    public void WeakrefShowsReferentAndCallbackFields()
    {
        PyClass node = _heap.DefineClass("Node", "value");
        using NewRef n = _heap.New(node);
        using NewRef wr = _heap.Weakrefs.Ref(n.Borrow());
        string dump = _heap.DumpAnnotated(wr.Address);
        AssertHeader(dump, wr.Pointer, TypeRegistry.NameOf(wr.Pointer->ob_type));
        Assert.That(Field(dump, "wr_object"), Is.EqualTo((wr.Address + Offset<PyWeakReference>(nameof(PyWeakReference.wr_object)), 16, $"0x{n.Address:x}")));
        Assert.That(Field(dump, "wr_callback").Offset, Is.EqualTo(Offset<PyWeakReference>(nameof(PyWeakReference.wr_callback))));
        Assert.That(dump, Does.Contain($"referent: 0x{n.Address:x} Node"));
    }

    [Test]
    public void TypeObjectShowsNameAndSizes()
    {
        nint listType = (nint)_heap.NativeState->type_list;
        string dump = _heap.DumpAnnotated(listType);
        Assert.That(Field(dump, "tp_name"), Is.EqualTo((listType + 24, 24, $"0x{(nint)((PyTypeObject*)listType)->tp_name:x} -> \"list\"")));
        Assert.That(Field(dump, "tp_basicsize").Value, Is.EqualTo(sizeof(PyListObject).ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public void AllocatorViewGivesPymallocSizeClassPoolAndArena()
    {
        using NewRef f = _heap.Float(1.5);
        string dump = _heap.DumpAnnotated(f.Address);
        BlockLookup block = _heap.Allocator.Lookup(f.Address);
        nint pool = block.BlockStart & ~(nint)(16 * 1024 - 1);
        nint arena = block.BlockStart & ~(nint)(1024 * 1024 - 1);
        Assert.That(dump, Does.Contain($"block 0x{block.BlockStart:x}, {block.BlockSize} bytes; pymalloc size class {block.BlockSize / 16 - 1} ({block.BlockSize}-byte blocks), pool 0x{pool:x}, arena 0x{arena:x}"));
    }

    [Test]
    public void GcLineSaysWhichGenerationListHoldsTheObject()
    {
        using NewRef list = _heap.NewList();
        Assert.That(_heap.DumpAnnotated(list.Address), Does.Contain("gc: tracked, on generation 0's list"));
        _heap.Gc.Collect(0);
        Assert.That(_heap.DumpAnnotated(list.Address), Does.Contain("gc: tracked, on generation 1's list"));
        _heap.Gc.Freeze();
        Assert.That(_heap.DumpAnnotated(list.Address), Does.Contain("permanent generation"));
        _heap.Gc.Unfreeze();
        using NewRef empty = _heap.NewDict();
        Assert.That(_heap.DumpAnnotated(empty.Address), Does.Contain("gc: untracked"));
    }

    [Test]
    public void FreedAddressIsDumpedAsStaleBytesWithWhatFreedIt()
    {
        PyClass node = _heap.DefineClass("Node", "value", "edges");
        nint id;
        using (var frame = _heap.EnterFrame())
        {
            BorrowedRef a = frame.Bind("a", _heap.New(node, _heap.Int(1), _heap.NewList()));
            a.Get("edges").Append(a);
            id = a.Address;
        }
        _heap.Gc.Collect();
        string dump = _heap.DumpAnnotated(id);
        Assert.That(dump, Does.StartWith($"0x{id:x} held a Node object that was freed by collection {_heap.Gc.Collections}"));
        Assert.That(dump, Does.Contain("stale bytes"));
        Assert.That(Field(dump, "ob_refcnt").At, Is.EqualTo(id));

        nint f;
        using (NewRef x = _heap.Float(3.25))
        {
            f = x.Address;
        }
        Assert.That(_heap.DumpAnnotated(f), Does.StartWith($"0x{f:x} held a float object that was freed when its reference count reached zero"));
    }

    [Test]
    public void DebugHooksShowSerialAndGuards()
    {
        using var heap = new Heap(new HeapOptions { DebugHooks = true });
        NewRef f = heap.Float(2.0);
        BlockLookup block = heap.Allocator.Lookup(f.Address);
        string dump = heap.DumpAnnotated(f.Address);
        Assert.That(dump, Does.Contain($"debug hooks: serial {block.Serial}, front guard 16 × 0xfd intact, tail guard"));
        Assert.That(dump, Does.Contain("pymalloc size class"));
        Assert.That(block.Serial, Is.GreaterThan(0));

        nint freed = f.Address;
        f.Dispose();
        string stale = heap.DumpAnnotated(freed);
        Assert.That(stale, Does.StartWith($"0x{freed:x} held a float object that was freed when its reference count reached zero"));
        Assert.That(stale, Does.Contain(", freed"));
        Assert.That(stale, Does.Contain("dd dd dd dd dd dd dd dd"), "the debug hooks fill freed memory with 0xDD");
    }

    [Test]
    public void InteriorAndWildAddressesAreExplained()
    {
        using NewRef list = _heap.NewList();
        Assert.That(_heap.DumpAnnotated(list.Address + 8), Does.StartWith($"0x{list.Address + 8:x} is inside a list object"));
        Assert.That(_heap.DumpAnnotated(0x10), Is.EqualTo("0x10 is not this heap's memory" + Environment.NewLine));
    }
}
