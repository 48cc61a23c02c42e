using System.Runtime.InteropServices;
using UnmanagedHeap.Inspect;
using UnmanagedHeap.Memory;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.ObjectLayer;

/// <summary>
/// bytes and bytearray keep CPython 3.12's layouts on every allocator, with and without the
/// debug hooks: field offsets, sys.getsizeof, the singletons, bytearray_resize's growth,
/// the hash, and what the checked cast and the annotated dump see.
/// </summary>
[TestFixtureSource(nameof(Configurations))]
public unsafe class BytesLayoutTests(AllocatorKind kind, bool debugHooks)
{
    public static IEnumerable<TestFixtureData> Configurations()
    {
        foreach (AllocatorKind kind in new[] { AllocatorKind.PyMalloc, AllocatorKind.System })
        {
            yield return new TestFixtureData(kind, false);
            yield return new TestFixtureData(kind, true);
        }
    }

    private Heap _heap = null!;
    private HeapState* St => _heap.NativeState;

    [SetUp]
    public void SetUp() => _heap = new Heap(new HeapOptions { Allocator = kind, DebugHooks = debugHooks });

    [TearDown]
    public void TearDown() => _heap.Dispose();

    [Test]
    public void FieldOffsetsAreCPythons()
    {
        Assert.That((int)Marshal.OffsetOf<PyBytesObject>(nameof(PyBytesObject.ob_shash)), Is.EqualTo(24));
        Assert.That((int)Marshal.OffsetOf<PyBytesObject>(nameof(PyBytesObject.ob_sval)), Is.EqualTo(32));
        Assert.That((long)St->type_bytes->tp_basicsize, Is.EqualTo(33));
        Assert.That((long)St->type_bytes->tp_itemsize, Is.EqualTo(1));
        Assert.That(sizeof(PyByteArrayObject), Is.EqualTo(56));
        Assert.That((int)Marshal.OffsetOf<PyByteArrayObject>(nameof(PyByteArrayObject.ob_alloc)), Is.EqualTo(24));
        Assert.That((int)Marshal.OffsetOf<PyByteArrayObject>(nameof(PyByteArrayObject.ob_bytes)), Is.EqualTo(32));
        Assert.That((int)Marshal.OffsetOf<PyByteArrayObject>(nameof(PyByteArrayObject.ob_start)), Is.EqualTo(40));
        Assert.That((int)Marshal.OffsetOf<PyByteArrayObject>(nameof(PyByteArrayObject.ob_exports)), Is.EqualTo(48));
    }

    [TestCase(0, 33)]
    [TestCase(1, 34)]
    [TestCase(3, 36)]
    [TestCase(100, 133)]
    public void BytesSizeIs33PlusLength(int n, long expected)
    {
        PyObject* b = PyBytes.FromSpan(St, new byte[n]);
        Assert.That(ObjectSize.GetSizeOf(b), Is.EqualTo(expected));
        Assert.That(PyBytes.Data(b)[n], Is.EqualTo(0), "NUL after the data");
        Assert.That((long)((PyBytesObject*)b)->ob_shash, Is.EqualTo(-1), "hash not computed yet");
        Refcount.Decref(b);
    }

    [Test]
    public void EmptyAndOneByteBytesAreImmortalSingletons()
    {
        PyObject* e1 = PyBytes.FromSpan(St, []);
        PyObject* e2 = PyBytes.FromSpan(St, ReadOnlySpan<byte>.Empty);
        Assert.That(e1 == e2 && e1 == St->bytes_empty);
        Assert.That(Refcount.IsImmortal(e1));
        for (int c = 0; c < 256; c++)
        {
            PyObject* one = PyBytes.FromSpan(St, [(byte)c]);
            Assert.That(one == St->bytes_chars[c]);
            Assert.That(PyBytes.Data(one)[0], Is.EqualTo((byte)c));
            Assert.That(Refcount.IsImmortal(one));
        }
    }

    [Test]
    public void HashIsTheLatin1StrHashAndIsCached()
    {
        byte[] data = "caf\u00e9 au lait"u8.ToArray().Where(b => b < 0x80).Append((byte)0xe9).ToArray();
        PyObject* b = PyBytes.FromSpan(St, data);
        PyObject* s = PyUnicode.FromString(St, System.Text.Encoding.Latin1.GetString(data));
        nint h = PyBytes.Hash(b);
        Assert.That(h, Is.EqualTo(PyUnicode.Hash(s)));
        Assert.That(((PyBytesObject*)b)->ob_shash, Is.EqualTo(h));
        Assert.That(PyBytes.Hash(PyBytes.FromSpan(St, [])), Is.EqualTo((nint)0));
        Refcount.Decref(b);
        Refcount.Decref(s);
    }

    [Test]
    public void ByteArraySizesFollowCPython()
    {
        PyObject* empty = PyByteArray.FromSpan(St, []);
        Assert.That(ObjectSize.GetSizeOf(empty), Is.EqualTo(56));
        Assert.That(((PyByteArrayObject*)empty)->ob_bytes == null);
        PyObject* ten = PyByteArray.FromSpan(St, new byte[10]);
        Assert.That(ObjectSize.GetSizeOf(ten), Is.EqualTo(67), "exact buffer plus the NUL");
        // The sizes CPython 3.12 prints for a bytearray grown by append, one byte at a time.
        long[] expected = [58, 61, 61, 61, 64, 64, 64, 68, 68, 68, 68, 75, 75, 75, 75, 75, 75, 75, 83, 83];
        for (int i = 0; i < expected.Length; i++)
        {
            PyByteArray.Resize(empty, i + 1);
            PyByteArray.Data(empty)[i] = (byte)i;
            Assert.That(ObjectSize.GetSizeOf(empty), Is.EqualTo(expected[i]), $"after {i + 1} appends");
        }
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.That(PyByteArray.Data(empty)[i], Is.EqualTo((byte)i), "data survives the reallocations");
        }
        Refcount.Decref(empty);
        Refcount.Decref(ten);
    }

    [Test]
    public void DeletingAPrefixAdvancesStartAndShrinkingBelowHalfReallocates()
    {
        byte[] data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        PyObject* op = PyByteArray.FromSpan(St, data);
        var ba = (PyByteArrayObject*)op;
        PyByteArray.DropPrefix(op, 10);
        Assert.That((long)ba->ob_base.ob_size, Is.EqualTo(90));
        Assert.That((long)(ba->ob_start - ba->ob_bytes), Is.EqualTo(10));
        Assert.That((long)ba->ob_alloc, Is.EqualTo(101));
        Assert.That(PyByteArray.Data(op)[0], Is.EqualTo((byte)10));
        PyByteArray.Resize(op, 10);
        Assert.That((long)ba->ob_alloc, Is.EqualTo(11), "below half: a new buffer of size + 1");
        Assert.That(ba->ob_start == ba->ob_bytes, "the data is realigned to the new buffer");
        Assert.That(PyByteArray.AsSpan(op).ToArray(), Is.EqualTo(data[10..20]));
        Assert.That(ObjectSize.GetSizeOf(op), Is.EqualTo(67));
        Refcount.Decref(op);
    }

    [Test]
    public void TheCheckedCastAndTheDumpSeeTheLayouts()
    {
        PyObject* b = PyBytes.FromSpan(St, "dump me"u8);
        PyObject* ba = PyByteArray.FromSpan(St, "and me"u8);
        foreach (nint address in new[] { (nint)b, (nint)ba })
        {
            Assert.That(_heap.Cast(address).Address, Is.EqualTo(address));
            Assert.That(_heap.Classify(address).Kind, Is.EqualTo(AddressKind.LiveObject));
        }
        string bytesDump = _heap.DumpAnnotated((nint)b);
        Assert.That(bytesDump, Does.Contain("ob_shash").And.Contain("ob_sval").And.Contain("7 bytes and a NUL"));
        string arrayDump = _heap.DumpAnnotated((nint)ba);
        Assert.That(arrayDump, Does.Contain("ob_alloc").And.Contain("ob_exports").And.Contain("7 bytes allocated"));
        Assert.That(ObjectRepr.Repr(b), Is.EqualTo("b'dump me'"));
        Assert.That(ObjectRepr.Repr(ba), Is.EqualTo("bytearray(b'and me')"));
        Refcount.Decref(b);
        Refcount.Decref(ba);
    }
}
