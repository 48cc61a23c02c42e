using System.Numerics;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.ObjectLayer;

/// <summary>Hashes, set order and float repr against CPython 3.12 run with PYTHONHASHSEED=0.</summary>
public unsafe class HashAndOrderTests
{
    private Heap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = new Heap();

    [TearDown]
    public void TearDown() => _heap.Dispose();

    [TestCase("abc", -4594863902769663758L)]
    [TestCase("é", 6047309291227476195L)]
    [TestCase("hello world!", 839851713330019024L)]
    [TestCase("", 0L)]
    [TestCase("\u20ac", -5529981157763016009L)]
    [TestCase("\U0001F600", -3536540696076613844L)]
    public void StrHashMatchesCPythonWithSeedZero(string text, long expected)
    {
        using var s = _heap.Str(text);
        Assert.That((long)ObjectProtocol.Hash((PyObject*)s.Address), Is.EqualTo(expected));
    }

    [Test]
    public void NumberHashesMatchCPython()
    {
        HeapState* st = _heap.NativeState;
        PyObject* big = PyLong.FromBigInteger(st, BigInteger.Pow(2, 64));
        PyObject* neg = PyLong.FromBigInteger(st, -BigInteger.Pow(2, 70) + 5);
        PyObject* f1 = PyFloat.FromDouble(st, 1.5);
        PyObject* f2 = PyFloat.FromDouble(st, -0.1);
        PyObject* f3 = PyFloat.FromDouble(st, 1e300);
        Assert.That((long)ObjectProtocol.Hash(big), Is.EqualTo(8));
        Assert.That((long)ObjectProtocol.Hash(neg), Is.EqualTo(-507));
        Assert.That((long)ObjectProtocol.Hash(f1), Is.EqualTo(1152921504606846977L));
        Assert.That((long)ObjectProtocol.Hash(f2), Is.EqualTo(-230584300921369408L));
        Assert.That((long)ObjectProtocol.Hash(f3), Is.EqualTo(1224995262755759164L));
        foreach (PyObject* op in new[] { big, neg, f1, f2, f3 })
        {
            Refcount.Decref(op);
        }
    }

    [Test]
    public void TupleHashMatchesCPython()
    {
        HeapState* st = _heap.NativeState;
        PyObject* t = PyTuple.Pack(st, [(nint)st->small_ints[6], (nint)st->small_ints[7]]);
        Assert.That((long)ObjectProtocol.Hash(t), Is.EqualTo(-3550055125485641917L));
        Assert.That((long)ObjectProtocol.Hash(st->empty_tuple), Is.EqualTo(5740354900026072187L));
        Refcount.Decref(t);
    }

    [Test]
    public void SetOfIntsIteratesInCPythonsOrder()
    {
        Assert.That(SetOrder([5, 3, 17, 1000, 9, 33, 8, 64, 1]), Is.EqualTo(new long[] { 64, 33, 1, 3, 5, 1000, 9, 8, 17 }));
        long[] sevens = Enumerable.Range(0, 30).Select(i => (long)i * 7).ToArray();
        Assert.That(SetOrder(sevens), Is.EqualTo(new long[] { 0, 133, 7, 140, 14, 147, 21, 154, 28, 161, 35, 168, 42, 175, 49, 182, 56, 189, 63, 196, 70, 203, 77, 84, 91, 98, 105, 112, 119, 126 }));
    }

    [Test]
    public void SetOfStrsIteratesInCPythonsOrderWithSeedZero()
    {
        HeapState* st = _heap.NativeState;
        PyObject* s = PySet.New(st->type_set);
        foreach (string k in new[] { "a", "b", "c", "d" })
        {
            PyObject* key = PyUnicode.FromString(st, k);
            PySet.Add(s, key);
            Refcount.Decref(key);
        }
        var order = new List<string>();
        nint pos = 0;
        while (PySet.Next(s, ref pos, out PyObject* key))
        {
            order.Add(PyUnicode.AsString(key));
        }
        Assert.That(order, Is.EqualTo(new[] { "d", "c", "a", "b" }));
        Refcount.Decref(s);
    }

    private long[] SetOrder(long[] values)
    {
        HeapState* st = _heap.NativeState;
        PyObject* s = PySet.New(st->type_set);
        foreach (long v in values)
        {
            PyObject* key = PyLong.FromInt64(st, v);
            PySet.Add(s, key);
            Refcount.Decref(key);
        }
        var order = new List<long>();
        nint pos = 0;
        while (PySet.Next(s, ref pos, out PyObject* key))
        {
            PyLong.TryGetInt64(key, out long v);
            order.Add(v);
        }
        Refcount.Decref(s);
        return order.ToArray();
    }

    [TestCase(1e16, "1e+16")]
    [TestCase(1e-5, "1e-05")]
    [TestCase(0.1, "0.1")]
    [TestCase(123456789.123, "123456789.123")]
    [TestCase(1e22, "1e+22")]
    [TestCase(-2.5e-7, "-2.5e-07")]
    [TestCase(9007199254740992.0, "9007199254740992.0")]
    [TestCase(1.5, "1.5")]
    [TestCase(-0.0, "-0.0")]
    public void FloatReprMatchesPython(double value, string expected) => Assert.That(PyFloat.Repr(value), Is.EqualTo(expected));

    [Test]
    public void DictKeepsInsertionOrderThroughDeletesAndGrowth()
    {
        HeapState* st = _heap.NativeState;
        PyObject* d = PyDict.New(st);
        for (int i = 0; i < 100; i++)
        {
            PyObject* k = PyLong.FromInt64(st, i * 31);
            PyDict.SetItem(d, k, k);
            Refcount.Decref(k);
        }
        for (int i = 0; i < 100; i += 3)
        {
            PyObject* k = PyLong.FromInt64(st, i * 31);
            Assert.That(PyDict.DelItem(d, k), Is.True);
            Refcount.Decref(k);
        }
        var keys = new List<long>();
        nint pos = 0;
        while (PyDict.Next(d, ref pos, out PyObject* key, out PyObject* value))
        {
            Assert.That(key == value);
            PyLong.TryGetInt64(key, out long v);
            keys.Add(v);
        }
        Assert.That(keys, Is.EqualTo(Enumerable.Range(0, 100).Where(i => i % 3 != 0).Select(i => (long)i * 31)));
        Assert.That((int)PyDict.Size(d), Is.EqualTo(keys.Count));
        Refcount.Decref(d);
    }

    [Test]
    public void DictTrackingFollowsCPython()
    {
        HeapState* st = _heap.NativeState;
        PyObject* d = PyDict.New(st);
        PyDict.SetItem(d, _heap.Interned.Intern("a"), st->small_ints[6]);
        Assert.That(GcList.IsTracked(d), Is.False); // {'a': 1} is untracked
        PyObject* list = PyList.New(st);
        PyDict.SetItem(d, _heap.Interned.Intern("b"), list);
        Assert.That(GcList.IsTracked(d), Is.True); // storing a list tracks it
        Refcount.Decref(list);
        Refcount.Decref(d);
    }
}
