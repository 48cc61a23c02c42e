using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>CPython 3.12's Py_buffer, the view a memoryview describes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyBufferView
{
    public byte* buf;
    /// <summary>The exporter (bytes or bytearray), a strong reference until release.</summary>
    public PyObject* obj;
    public nint len;
    public nint itemsize;
    public int @readonly;
    public int ndim;
    public byte* format;
    public nint* shape;
    public nint* strides;
    public nint* suboffsets;
    public void* @internal;
}

/// <summary>
/// CPython 3.12's _PyManagedBufferObject: the one export of an object that every
/// memoryview made from it (and from those views) shares, so a bytearray counts one
/// export however many slices are taken, until the last view of it goes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyManagedBufferObject
{
    public PyObject ob_base;
    public int flags;
    public nint exports;
    public PyBufferView master;
}

/// <summary>
/// CPython 3.12's PyMemoryViewObject (144 bytes before ob_array, which holds shape, strides
/// and suboffsets for one dimension), so <c>sys.getsizeof(memoryview(b""))</c> is 184.
/// mbuf is the shared managed buffer; view.obj is a reference of the view's own.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyMemoryViewObject
{
    public PyVarObject ob_base;
    public PyObject* mbuf;
    public nint hash;
    public int flags;
    public nint exports;
    public PyBufferView view;
    public PyObject* weakreflist;
    public nint ob_array0;
    public nint ob_array1;
    public nint ob_array2;
}

/// <summary>memoryview's type: its layout, release of the exporter, and the collector's view of the one reference it holds.</summary>
public static unsafe class MemoryViewType
{
    /// <summary>_Py_MEMORYVIEW_RELEASED: the view no longer holds its exporter.</summary>
    public const int Released = 0x001;

    private static readonly byte* FormatB = (byte*)NativeMemory.Alloc(2);

    static MemoryViewType()
    {
        FormatB[0] = (byte)'B';
        FormatB[1] = 0;
    }

    public static PyTypeObject* CreateManagedBuffer(TypeRegistry reg, HeapState* st)
    {
        var slots = new TypeSlots { Dealloc = &DeallocBuffer, Traverse = &TraverseBuffer, Hash = &ObjectProtocol.HashNotImplemented };
        return reg.Create("managedbuffer", sizeof(PyManagedBufferObject), 0, TypeFlags.HaveGc, slots, st->type_object);
    }

    /// <summary>The export of <paramref name="obj"/>: a bytearray counts it in ob_exports until the buffer is freed.</summary>
    public static PyObject* NewManagedBuffer(PyTypeObject* type, PyObject* obj, byte* data, nint length, bool readOnly)
    {
        PyObject* op = ObjectMemory.Allocate(type);
        var mb = (PyManagedBufferObject*)op;
        mb->flags = 0;
        mb->exports = 0;
        mb->master = default;
        mb->master.buf = data;
        Refcount.Incref(obj);
        mb->master.obj = obj;
        mb->master.len = length;
        mb->master.itemsize = 1;
        mb->master.@readonly = readOnly ? 1 : 0;
        mb->master.ndim = 1;
        mb->master.format = FormatB;
        if (PyByteArray.IsByteArray(type->tp_heap, obj))
        {
            ((PyByteArrayObject*)obj)->ob_exports++;
        }
        GcList.Track(op);
        return op;
    }

    private static void DeallocBuffer(PyObject* op)
    {
        GcList.Untrack(op);
        var mb = (PyManagedBufferObject*)op;
        PyObject* obj = mb->master.obj;
        mb->master.obj = null;
        if (obj != null)
        {
            if (PyByteArray.IsByteArray(op->ob_type->tp_heap, obj))
            {
                ((PyByteArrayObject*)obj)->ob_exports--;
            }
            Refcount.Decref(obj);
        }
        ObjectMemory.Free(op);
    }

    private static int TraverseBuffer(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        PyObject* obj = ((PyManagedBufferObject*)op)->master.obj;
        return obj == null ? 0 : visit(obj, arg);
    }

    public static PyTypeObject* Create(TypeRegistry reg, HeapState* st)
    {
        var slots = new TypeSlots { Dealloc = &Dealloc, Traverse = &Traverse, Clear = &Clear, Hash = &ObjectProtocol.HashNotImplemented, RichCompare = &RichCompare };
        int basic = (int)Marshal.OffsetOf<PyMemoryViewObject>(nameof(PyMemoryViewObject.ob_array0));
        return reg.Create("memoryview", basic, sizeof(nint), TypeFlags.HaveGc, slots, st->type_object);
    }

    /// <summary>A view of <paramref name="length"/> bytes of <paramref name="obj"/> from <paramref name="start"/>, <paramref name="step"/> apart.</summary>
    public static PyObject* New(PyTypeObject* type, PyObject* mbuf, byte* start, nint length, nint step)
    {
        var mb = (PyManagedBufferObject*)mbuf;
        PyObject* obj = mb->master.obj;
        bool readOnly = mb->master.@readonly != 0;
        PyObject* op = ObjectMemory.Allocate(type, 3);
        var m = (PyMemoryViewObject*)op;
        m->ob_base.ob_size = 3;
        Refcount.Incref(mbuf);
        m->mbuf = mbuf;
        mb->exports++;
        m->hash = -1;
        m->flags = 0;
        m->exports = 0;
        m->weakreflist = null;
        m->view.buf = start;
        Refcount.Incref(obj);
        m->view.obj = obj;
        m->view.len = length;
        m->view.itemsize = 1;
        m->view.@readonly = readOnly ? 1 : 0;
        m->view.ndim = 1;
        m->view.format = FormatB;
        m->ob_array0 = length;
        m->ob_array1 = step;
        m->ob_array2 = -1;
        m->view.shape = &m->ob_array0;
        m->view.strides = &m->ob_array1;
        m->view.suboffsets = null;
        m->view.@internal = null;
        GcList.Track(op);
        return op;
    }

    /// <summary>memoryview.release(): drops the view's exporter and managed buffer once (the export ends with the buffer's last view).</summary>
    public static void Release(PyObject* op)
    {
        var m = (PyMemoryViewObject*)op;
        if ((m->flags & Released) != 0)
        {
            return;
        }
        m->flags |= Released;
        PyObject* obj = m->view.obj;
        PyObject* mbuf = m->mbuf;
        m->view.obj = null;
        m->view.buf = null;
        m->mbuf = null;
        if (mbuf != null)
        {
            ((PyManagedBufferObject*)mbuf)->exports--;
            Refcount.Decref(mbuf);
        }
        if (obj != null)
        {
            Refcount.Decref(obj);
        }
    }

    private static bool IsView(PyObject* o) =>
        (o->ob_type->tp_flags & TypeFlags.HeapType) == 0 && TypeRegistry.NameOf(o->ob_type) == "memoryview";

    /// <summary>The bytes a live view, bytes or bytearray holds, in order; null for anything else or a released view.</summary>
    private static byte[]? Contents(HeapState* st, PyObject* o)
    {
        if (PyBytes.IsBytes(st, o))
        {
            return PyBytes.AsSpan(o).ToArray();
        }
        if (PyByteArray.IsByteArray(st, o))
        {
            return PyByteArray.AsSpan(o).ToArray();
        }
        if (!IsView(o))
        {
            return null;
        }
        var m = (PyMemoryViewObject*)o;
        if ((m->flags & Released) != 0)
        {
            return null;
        }
        var data = new byte[m->view.len];
        for (nint i = 0; i < data.Length; i++)
        {
            data[i] = m->view.buf[i * m->ob_array1];
        }
        return data;
    }

    /// <summary>memory_richcompare: == and != by content against any buffer (a released view equals only itself); no ordering.</summary>
    private static PyObject* RichCompare(PyObject* v, PyObject* w, RichCompareOp op)
    {
        HeapState* st = v->ob_type->tp_heap;
        if (op is not (RichCompareOp.Eq or RichCompareOp.Ne))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        if (!IsView(w) && !PyBytes.IsBytes(st, w) && !PyByteArray.IsByteArray(st, w))
        {
            return ObjectProtocol.NotImplemented(st);
        }
        byte[]? a = Contents(st, v);
        byte[]? b = Contents(st, w);
        bool equal = v == w || (a != null && b != null && a.AsSpan().SequenceEqual(b));
        return ObjectProtocol.Bool(st, equal == (op == RichCompareOp.Eq));
    }

    private static void Dealloc(PyObject* op)
    {
        GcList.Untrack(op);
        Release(op);
        ObjectMemory.Free(op);
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var m = (PyMemoryViewObject*)op;
        int r = m->mbuf == null ? 0 : visit(m->mbuf, arg);
        return r != 0 || m->view.obj == null ? r : visit(m->view.obj, arg);
    }

    private static int Clear(PyObject* op)
    {
        Release(op);
        return 0;
    }
}
