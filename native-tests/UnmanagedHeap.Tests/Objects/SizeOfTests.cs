using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.ObjectLayer;

/// <summary>sys.getsizeof against ../shared/reference/cpython-3.12-figures.md.</summary>
public unsafe class SizeOfTests
{
    private Heap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = new Heap();

    [TearDown]
    public void TearDown() => _heap.Dispose();

    private long Size(NewRef value)
    {
        using (value)
        {
            return _heap.SizeOf(value.Borrow());
        }
    }

    [Test]
    public void NoneAndBools()
    {
        Assert.That(_heap.SizeOf(_heap.None), Is.EqualTo(16));
        Assert.That(_heap.SizeOf(_heap.True), Is.EqualTo(28));
    }

    [TestCase(0L, 28)]
    [TestCase(1L, 28)]
    [TestCase(-5L, 28)]
    [TestCase(1L << 30, 32)]
    [TestCase(1L << 60, 36)]
    public void Ints(long value, long expected) => Assert.That(Size(_heap.Int(value)), Is.EqualTo(expected));

    [Test]
    public void Float() => Assert.That(Size(_heap.Float(1.5)), Is.EqualTo(24));

    [TestCase("", 41)]
    [TestCase("abc", 44)]
    [TestCase("é", 61)]
    public void Strings(string value, long expected) => Assert.That(Size(_heap.Str(value)), Is.EqualTo(expected));

    [Test]
    public void Tuples()
    {
        Assert.That(Size(_heap.Tuple()), Is.EqualTo(40));
        using var one = _heap.Int(1);
        using var two = _heap.Int(2);
        Assert.That(Size(_heap.Tuple(one.Address, two.Address)), Is.EqualTo(56));
    }

    [TestCase(0, 56)]
    [TestCase(3, 88)]
    [TestCase(5, 120)]
    [TestCase(9, 184)]
    public void ListAfterAppends(int appends, long expected)
    {
        using var list = _heap.NewList();
        for (int i = 0; i < appends; i++)
        {
            list.Borrow().Append(_heap.Int(i));
        }
        Assert.That(_heap.SizeOf(list.Borrow()), Is.EqualTo(expected));
    }

    [Test]
    public void ListDisplayPreallocatesToEven()
    {
        HeapState* st = _heap.NativeState;
        PyObject* list = PyList.FromItems(st, [(nint)st->small_ints[6], (nint)st->small_ints[7], (nint)st->small_ints[8]]);
        Assert.That(ObjectSize.GetSizeOf(list), Is.EqualTo(88)); // [1, 2, 3] literal
        Refcount.Decref(list);
    }

    [Test]
    public void Dicts()
    {
        using var empty = _heap.NewDict();
        Assert.That(_heap.SizeOf(empty.Borrow()), Is.EqualTo(64));
        HeapState* st = _heap.NativeState;
        PyObject* d = PyDict.New(st);
        PyDict.SetItem(d, _heap.Interned.Intern("a"), st->small_ints[6]);
        Assert.That(ObjectSize.GetSizeOf(d), Is.EqualTo(184));
        foreach (string k in new[] { "b", "c", "d", "e", "f" })
        {
            PyDict.SetItem(d, _heap.Interned.Intern(k), st->small_ints[6]);
        }
        Assert.That(ObjectSize.GetSizeOf(d), Is.EqualTo(272)); // CPython 3.12: six str keys
        Refcount.Decref(d);

        PyObject* ints = PyDict.New(st);
        for (int i = 0; i < 10; i++)
        {
            PyDict.SetItem(ints, st->small_ints[i + 5], st->small_ints[i + 5]);
        }
        Assert.That(ObjectSize.GetSizeOf(ints), Is.EqualTo(352)); // CPython 3.12: {i: i for i in range(10)}
        Refcount.Decref(ints);
    }

    [Test]
    public void Sets()
    {
        using var empty = _heap.NewSet();
        Assert.That(_heap.SizeOf(empty.Borrow()), Is.EqualTo(216));
        HeapState* st = _heap.NativeState;
        PyObject* s = PySet.New(st->type_set);
        for (int i = 0; i < 10; i++)
        {
            PySet.Add(s, st->small_ints[i + 5]);
        }
        Assert.That(ObjectSize.GetSizeOf(s), Is.EqualTo(728)); // CPython 3.12: set(range(10))
        Refcount.Decref(s);
    }

    [Test]
    public void InstancesAre48BytesWhateverTheirAttributes()
    {
        PyClass node = _heap.DefineClass("Node", "value", "edges");
        PyClass empty = _heap.DefineClass("Empty");
        using var n = _heap.New(node, _heap.Int(1), _heap.NewList());
        using var e = _heap.New(empty);
        Assert.That(_heap.SizeOf(n.Borrow()), Is.EqualTo(48));
        Assert.That(_heap.SizeOf(e.Borrow()), Is.EqualTo(48));
    }
}
