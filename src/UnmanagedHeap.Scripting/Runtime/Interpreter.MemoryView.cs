using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>memoryview over bytes and bytearray: one-dimensional, format 'B', slices are views.</summary>
public sealed unsafe partial class Interpreter
{
    private static bool MemoryViewReleased(PyObject* o) => (((PyMemoryViewObject*)o)->flags & MemoryViewType.Released) != 0;

    private PyMemoryViewObject* LiveView(PyObject* o)
    {
        if (MemoryViewReleased(o))
        {
            throw ValueErr("operation forbidden on released memoryview object");
        }
        return (PyMemoryViewObject*)o;
    }

    /// <summary>A with statement's special method: a class's own, or a built-in type's (memoryview's __enter__/__exit__).</summary>
    public PyObject* ContextSpecial(PyObject* o, string name)
    {
        PyObject* m = UserSpecial(o, name);
        if (m != null || (o->ob_type->tp_flags & TypeFlags.HeapType) != 0)
        {
            return m;
        }
        int index = BuiltinMethodIndex(o, name);
        return index < 0 ? null : UnboundBuiltin(index);
    }

    private long MemoryViewLength(PyObject* o) => LiveView(o)->view.len;

    /// <summary>A copy of the bytes the view sees, in order.</summary>
    private byte[] MemoryViewBytes(PyObject* o)
    {
        PyMemoryViewObject* m = LiveView(o);
        var data = new byte[m->view.len];
        nint stride = m->ob_array1;
        for (nint i = 0; i < data.Length; i++)
        {
            data[i] = m->view.buf[i * stride];
        }
        return data;
    }

    private PyObject* NewMemoryView(PyObject* source)
    {
        if (source->ob_type == T.MemoryView)
        {
            PyMemoryViewObject* m = LiveView(source);
            return MemoryViewType.New(T.MemoryView, m->mbuf, m->view.buf, m->view.len, m->ob_array1);
        }
        bool bytes = IsBytes(source);
        if (bytes || IsByteArray(source))
        {
            byte* data = bytes ? PyBytes.Data(source) : PyByteArray.Data(source);
            nint length = bytes ? PyBytes.Size(source) : PyByteArray.Size(source);
            PyObject* mbuf = MemoryViewType.NewManagedBuffer(T.ManagedBuffer, source, data, length, readOnly: bytes);
            try
            {
                return MemoryViewType.New(T.MemoryView, mbuf, data, length, 1);
            }
            finally
            {
                Refcount.Decref(mbuf);
            }
        }
        throw TypeErr($"memoryview: a bytes-like object is required, not '{TypeName(source)}'");
    }

    private PyObject* MemoryViewGetItem(PyObject* o, PyObject* key)
    {
        PyMemoryViewObject* m = LiveView(o);
        if (key->ob_type == T.Slice)
        {
            var (start, _, step, count) = SliceIndices(key, m->view.len);
            m = LiveView(o);
            nint stride = m->ob_array1;
            return MemoryViewType.New(T.MemoryView, m->mbuf, m->view.buf + start * stride, (nint)count, (nint)(stride * step));
        }
        if (!IsInt(key))
        {
            throw TypeErr("memoryview: invalid slice key");
        }
        long n = m->view.len;
        long i = PyLong.TryGetInt64(key, out long k) ? NormalizeIndex(k, n) : -1;
        if (i < 0 || i >= n)
        {
            throw Error(IndexError, "index out of bounds on dimension 1");
        }
        return Int(m->view.buf[i * m->ob_array1]);
    }

    private void MemoryViewSetItem(PyObject* o, PyObject* key, PyObject* value)
    {
        if (LiveView(o)->view.@readonly != 0)
        {
            throw TypeErr("cannot modify read-only memory");
        }
        if (key->ob_type == T.Slice)
        {
            byte[] data = BytesDataOrNull(value) ?? throw TypeErr($"a bytes-like object is required, not '{TypeName(value)}'");
            PyMemoryViewObject* sm = LiveView(o);
            var (start, _, step, count) = SliceIndices(key, sm->view.len);
            sm = LiveView(o);
            if (data.Length != count)
            {
                throw ValueErr("memoryview assignment: lvalue and rvalue have different structures");
            }
            for (long i = 0, j = start; i < count; i++, j += step)
            {
                sm->view.buf[j * sm->ob_array1] = data[i];
            }
            return;
        }
        if (!IsInt(key))
        {
            throw TypeErr("memoryview: invalid slice key");
        }
        // The value's __index__ runs before the view is read again: it may release the view.
        PyObject* index = IndexValueOrNull(value);
        if (index == null)
        {
            throw TypeErr("memoryview: invalid type for format 'B'");
        }
        long v = PyLong.TryGetInt64(index, out long x) ? x : -1;
        Refcount.Decref(index);
        if (v is < 0 or > 255)
        {
            throw ValueErr("memoryview: invalid value for format 'B'");
        }
        PyMemoryViewObject* m = LiveView(o);
        long n = m->view.len;
        long idx = PyLong.TryGetInt64(key, out long k) ? NormalizeIndex(k, n) : -1;
        if (idx < 0 || idx >= n)
        {
            throw Error(IndexError, "index out of bounds on dimension 1");
        }
        m->view.buf[idx * m->ob_array1] = (byte)v;
    }

    private PyObject* MemoryViewAttr(PyObject* o, string name)
    {
        if (name == "obj" && MemoryViewReleased(o))
        {
            return null;
        }
        return name switch
        {
            "nbytes" => Int(LiveView(o)->view.len),
            "readonly" => Bool(LiveView(o)->view.@readonly != 0),
            "itemsize" => Int(1),
            "ndim" => Int(1),
            "format" => Str("B"),
            "obj" => NewRef(LiveView(o)->view.obj),
            "shape" => TupleSteal(new List<nint> { (nint)Int(LiveView(o)->view.len) }),
            "strides" => TupleSteal(new List<nint> { (nint)Int(LiveView(o)->ob_array1) }),
            "c_contiguous" or "contiguous" => Bool(MemoryViewReleased(o) || LiveView(o)->ob_array1 == 1),
            _ => null,
        };
    }

    private PyObject* EnterView(PyObject* self)
    {
        LiveView(self);
        return NewRef(self);
    }

    private void RegisterMemoryView()
    {
        PyTypeObject* t = T.MemoryView;
        Constructor(t, "memoryview", (_, a, kw) =>
        {
            CheckKw("memoryview", kw, "object");
            Arity("memoryview", a, kw == null ? 1 : 0, 1);
            return NewMemoryView(a.Length > 0 ? A(a, 0) : Kw(kw, "object"));
        });
        Method(t, "tobytes", (self, a, _) => NewBytes(MemoryViewBytes(self)));
        Method(t, "tolist", (self, a, _) =>
        {
            byte[] data = MemoryViewBytes(self);
            var items = new List<nint>(data.Length);
            foreach (byte b in data)
            {
                items.Add((nint)Int(b));
            }
            return ListSteal(items);
        });
        Method(t, "hex", (self, a, kw) => Str(HexOf(MemoryViewBytes(self), a, kw)));
        Method(t, "release", (self, a, _) =>
        {
            MemoryViewType.Release(self);
            return NewRef(St->none);
        });
        Method(t, "__enter__", (self, a, _) => EnterView(self));
        Method(t, "__exit__", (self, a, _) =>
        {
            MemoryViewType.Release(self);
            return NewRef(St->false_obj);
        });
        Method(t, "__len__", (self, a, _) => Int(MemoryViewLength(self)));
        Method(t, "__setitem__", (self, a, _) =>
        {
            Arity("__setitem__", a, 2, 2);
            MemoryViewSetItem(self, A(a, 0), A(a, 1));
            return NewRef(St->none);
        });
        Method(t, "__getitem__", (self, a, _) => MemoryViewGetItem(self, A(a, 0)));
    }
}
