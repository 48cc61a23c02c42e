using UnmanagedHeap.Inspect;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.Inspection;

/// <summary>
/// The checked cast and raw reads on every allocator: live headers are accepted, everything
/// else is refused with the right explanation, and no input — random 64-bit values, interior
/// pointers, freed blocks — crashes the process.
/// </summary>
[TestFixtureSource(nameof(Configurations))]
public unsafe class CheckedCastTests(AllocatorKind kind, bool debugHooks)
{
    public static IEnumerable<TestFixtureData> Configurations()
    {
        foreach (AllocatorKind kind in new[] { AllocatorKind.PyMalloc, AllocatorKind.System, AllocatorKind.Mimalloc })
        {
            yield return new TestFixtureData(kind, false);
            yield return new TestFixtureData(kind, true);
        }
    }

    private Heap _heap = null!;

    [SetUp]
    public void SetUp()
    {
        NativeMimalloc.RequireOrSkip(kind);
        _heap = new Heap(new HeapOptions { Allocator = kind, DebugHooks = debugHooks });
    }

    [TearDown]
    public void TearDown() => _heap?.Dispose();

    [Test]
    public void LiveHeadersOfEveryKindAreAccepted()
    {
        PyClass node = _heap.DefineClass("Node", "value", "edges");
        using var n = _heap.New(node, _heap.Int(12345678901), _heap.NewList());
        using var s = _heap.Str("é and more");
        using var f = _heap.Float(2.5);
        using var d = _heap.NewDict();
        foreach (nint id in new[] { n.Address, s.Address, f.Address, d.Address, _heap.None.Address, n.Borrow().Get("value").Address })
        {
            Assert.That(_heap.Cast(id).Address, Is.EqualTo(id));
            Assert.That(_heap.Classify(id).Kind, Is.EqualTo(AddressKind.LiveObject));
        }
        Assert.That(_heap.Cast(n.Address).Get("value").AsInt64(), Is.EqualTo(12345678901));
    }

    [Test]
    public void InteriorPointersNameTheObjectAndOffset()
    {
        PyClass node = _heap.DefineClass("Node", "value", "edges");
        using var n = _heap.New(node, _heap.Int(1), _heap.NewList());
        for (int offset = -32; offset < 32; offset++)
        {
            if (offset == 0)
            {
                continue;
            }
            AddressInfo info = _heap.Classify(n.Address + offset);
            Assert.That(info.Kind, Is.EqualTo(AddressKind.InsideObject), $"offset {offset}");
            Assert.That(info.ObjectAddress, Is.EqualTo(n.Address));
            Assert.That((int)info.Offset, Is.EqualTo(offset));
            Assert.That(info.TypeName, Is.EqualTo("Node"));
        }
        var e = Assert.Throws<InvalidAddressException>(() => _heap.Cast(n.Address + 8));
        Assert.That(e!.Message, Does.Contain("inside a Node object").And.Contain("offset 8"));
    }

    [Test]
    public void ItemArraysAreNotObjects()
    {
        using var list = _heap.NewList();
        list.Borrow().Append(_heap.Int(7));
        nint items = (nint)PyList.Items((PyObject*)list.Address);
        Assert.That(_heap.Classify(items).Kind, Is.EqualTo(AddressKind.InsideBuffer));
    }

    [Test]
    public void FreedObjectsSayReferenceCountingFreedThem()
    {
        var f = _heap.Float(9.75);
        nint id = f.Address;
        f.Dispose();
        AddressInfo info = _heap.Classify(id);
        Assert.That(info.Kind, Is.EqualTo(AddressKind.FreedByRefcount));
        Assert.That(info.TypeName, Is.EqualTo("float"));
        var e = Assert.Throws<InvalidAddressException>(() => _heap.Cast(id));
        Assert.That(e!.Message, Does.Contain($"0x{id:x}").And.Contain("freed when its reference count reached zero"));
    }

    [Test]
    public void RandomValuesNeverCrashAndAreNeverTakenForObjects()
    {
        var random = new Random(20261125);
        // An array, not a List: Dispose must act on the stored struct, not on a copy.
        var live = new NewRef[200];
        for (int i = 0; i < live.Length; i++)
        {
            live[i] = i % 2 == 0 ? _heap.NewList() : _heap.Float(i);
        }
        for (int i = 0; i < 100; i += 3)
        {
            live[i].Dispose();
        }
        var liveIds = live.Where(r => !r.IsNull).Select(r => r.Address).ToHashSet();
        nint near = live[1].Address;
        for (int i = 0; i < 20_000; i++)
        {
            nint address = (i % 4) switch
            {
                0 => (nint)random.NextInt64(),
                1 => near + random.Next(-1 << 20, 1 << 20),
                2 => (nint)random.NextInt64(0, 1L << 47),
                _ => near + random.Next(-4096, 4096) * 8,
            };
            AddressInfo info = _heap.Classify(address);
            if (info.Kind == AddressKind.LiveObject)
            {
                Assert.That(liveIds.Contains(address) || IsKnownImmortalOrType(address), $"0x{address:x} taken for an object");
            }
            _ = _heap.Raw.IsReadable(address, 8);
        }
        for (int i = 0; i < live.Length; i++)
        {
            live[i].Dispose();
        }
    }

    private bool IsKnownImmortalOrType(nint address) =>
        _heap.Types.IsType(address) || Refcount.IsImmortal((PyObject*)address) || ((PyObject*)address)->ob_refcnt > 0;

    [Test]
    public void RawReadsReturnTheRefcountWordAndRefuseWildAddresses()
    {
        using var frame = _heap.EnterFrame();
        var x = frame.Bind("x", _heap.NewList());
        Assert.That(_heap.Raw.ReadInt64(x.Address), Is.EqualTo(1)); // ctypes.c_ssize_t.from_address(id(x)).value
        using var extra = x.NewReference();
        Assert.That(_heap.Raw.ReadInt64(x.Address), Is.EqualTo(2));
        Assert.Throws<InvalidAddressException>(() => _heap.Raw.ReadInt64(0x1000));
        Assert.Throws<InvalidAddressException>(() => _heap.Raw.ReadInt64(unchecked((nint)0xFFFF_FFFF_FFFF_FF00UL)));
    }
}
