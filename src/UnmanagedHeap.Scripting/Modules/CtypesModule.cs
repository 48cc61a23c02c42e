using System.Text;
using UnmanagedHeap.Inspect;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// The ctypes subset: cast, py_object, simple types with from_address, sizeof, string_at.
    /// Every read goes through the heap's checked raw memory, and a cast to py_object checks
    /// the address is a live object first — where CPython would read freed memory, this
    /// raises ValueError naming the address.
    /// </summary>
    private PyObject* CreateCtypesModule()
    {
        PyObject* m = NewModule("ctypes");
        var simple = new (string Name, nint Type)[]
        {
            ("py_object", (nint)T.PyObjectC),
            ("c_ssize_t", (nint)T.CSsizeT),
            ("c_long", (nint)T.CLong),
            ("c_int", (nint)T.CInt),
            ("c_void_p", (nint)T.CVoidP),
            ("c_char", (nint)T.CChar),
        };
        foreach (var (name, type) in simple)
        {
            var t = (PyTypeObject*)type;
            PyDict.SetItem(((PyModuleObject*)m)->md_dict, Intern(name), (PyObject*)t);
            if (!_constructors.ContainsKey(type))
            {
                _constructors[type] = (self, a, _) =>
                {
                    PyObject* o = ScriptTypes.New((PyTypeObject*)self);
                    if (a.Length > 0)
                    {
                        if ((PyTypeObject*)self == T.PyObjectC)
                        {
                            // py_object(obj) keeps the object alive, as CPython's does.
                            ((PyCDataObject*)o)->b_value = 1;
                            ((PyCDataObject*)o)->b_address = (nint)NewRef(A(a, 0));
                        }
                        else
                        {
                            SetCDataValue(o, A(a, 0));
                        }
                    }
                    return o;
                };
                TypeMethod(t, "from_address", (self, a, _) =>
                {
                    Arity("from_address", a, 1, 1);
                    nint address = (nint)ToLong(A(a, 0));
                    if (address == 0)
                    {
                        // b_address 0 means "value held inline", so NULL cannot be stored as an
                        // address; refuse it now (CPython would crash reading it later).
                        throw ValueErr(new InvalidAddressException(new AddressInfo(AddressKind.NotHeapMemory, 0)).Message);
                    }
                    PyObject* o = ScriptTypes.New((PyTypeObject*)self);
                    ((PyCDataObject*)o)->b_address = address;
                    return o;
                });
            }
        }
        ModuleFunction(m, "cast", (_, a, _) =>
        {
            Arity("cast", a, 2, 2);
            PyObject* src = A(a, 0);
            nint address = IsInt(src) ? AddressArg(src) : (nint)src;
            if (!IsType(A(a, 1)) || !T.IsCData((PyTypeObject*)A(a, 1)))
            {
                throw TypeErr("cast() argument 2 must be a pointer type, not " + TypeName(A(a, 1)));
            }
            var t = (PyTypeObject*)A(a, 1);
            PyObject* o = ScriptTypes.New(t);
            if (t == T.PyObjectC)
            {
                CheckLiveObject(address);
                ((PyCDataObject*)o)->b_address = address;
            }
            else
            {
                ((PyCDataObject*)o)->b_value = address;
                ((PyCDataObject*)o)->b_address = 0;
            }
            return o;
        });
        ModuleFunction(m, "sizeof", (_, a, _) =>
        {
            Arity("sizeof", a, 1, 1);
            PyObject* x = A(a, 0);
            var t = IsType(x) ? (PyTypeObject*)x : x->ob_type;
            if (!T.IsCData(t))
            {
                throw TypeErr("this type has no size");
            }
            return Int(t == T.CInt ? 4 : t == T.CChar ? 1 : 8);
        });
        ModuleFunction(m, "string_at", (_, a, _) =>
        {
            Arity("string_at", a, 1, 2);
            nint address = AddressArg(A(a, 0));
            long size = a.Length == 2 ? ToLong(A(a, 1)) : -1;
            if (size > int.MaxValue)
            {
                // Never truncated: no heap block is that large, and the read is checked whole.
                throw ValueErr($"string_at() cannot read {size} bytes at once (at most {int.MaxValue})");
            }
            int n = (int)size;
            if (size < 0)
            {
                // -1 (the default) reads up to the NUL byte, as CPython's string_at does.
                n = 0;
                while (ReadRaw(address + n, 1)[0] != 0)
                {
                    n++;
                }
            }
            return NewBytes(ReadRaw(address, n));
        });
        return m;
    }

    /// <summary>An int as a C pointer: its low 64 bits (CPython's c_void_p takes -1 and 2**64-1 alike).</summary>
    private static nint AddressArg(PyObject* v) => (nint)(long)(ulong)(PyLong.ToBigInteger(v) & ulong.MaxValue);

    private void CheckLiveObject(nint address)
    {
        try
        {
            Heap.Cast(address);
        }
        catch (InvalidAddressException e)
        {
            throw ValueErr(e.Message);
        }
    }

    private byte[] ReadRaw(nint address, int length)
    {
        if (length <= 0)
        {
            return [];
        }
        try
        {
            return Heap.Raw.Read(address, length).ToArray();
        }
        catch (InvalidAddressException e)
        {
            throw ValueErr(e.Message);
        }
    }

    private PyObject* CDataValue(PyObject* o)
    {
        var c = (PyCDataObject*)o;
        PyTypeObject* t = o->ob_type;
        if (t == T.PyObjectC)
        {
            if (c->b_address == 0)
            {
                throw ValueErr("PyObject is NULL");
            }
            if (c->b_value == 0)
            {
                CheckLiveObject(c->b_address);
            }
            return NewRef((PyObject*)c->b_address);
        }
        if (c->b_address == 0)
        {
            if (t == T.CVoidP && c->b_value == 0)
            {
                return None;
            }
            return t == T.CChar ? NewBytes([(byte)c->b_value]) : t == T.CVoidP ? Int((ulong)c->b_value) : Int(c->b_value);
        }
        if (t == T.CInt)
        {
            return Int(BitConverter.ToInt32(ReadRaw(c->b_address, 4)));
        }
        if (t == T.CChar)
        {
            return NewBytes(ReadRaw(c->b_address, 1));
        }
        long v = BitConverter.ToInt64(ReadRaw(c->b_address, 8));
        if (t == T.CVoidP && v == 0)
        {
            return None;
        }
        return Int(v);
    }

    private void SetCDataValue(PyObject* o, PyObject* value)
    {
        var c = (PyCDataObject*)o;
        if (c->b_address != 0)
        {
            throw TypeErr("writing through an address is not allowed in this simulator");
        }
        if (value->ob_type == T.Bytes && BytesText(value).Length == 1)
        {
            c->b_value = BytesText(value)[0];
            return;
        }
        if (!IsInt(value))
        {
            throw TypeErr($"an integer is required (got type {TypeName(value)})");
        }
        // C semantics: the value wraps to the type's width.
        System.Numerics.BigInteger v = PyLong.ToBigInteger(value);
        c->b_value = o->ob_type == T.CInt
            ? (int)(uint)(v & uint.MaxValue)
            : o->ob_type == T.CChar ? (long)(byte)(v & 0xFF) : (long)(ulong)(v & ulong.MaxValue);
    }
}
