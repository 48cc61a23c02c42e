using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime.Types;

// Native layouts of the interpreter's own object types. Each lives in the heap's memory like
// CPython's; managed code only describes them (e.g. func_code indexes a managed code table).

/// <summary>A Python function: code (an index into the interpreter's code table), globals, defaults, closure.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyFunctionObject
{
    public PyObject ob_base;
    public PyObject* func_globals;
    public PyObject* func_defaults;
    public PyObject* func_kwdefaults;
    public PyObject* func_closure;
    public PyObject* func_name;
    public PyObject* func_qualname;
    /// <summary>The __annotations__ dict, evaluated when the def ran; null until asked for when there were none.</summary>
    public PyObject* func_annotations;
    public nint func_code;
    /// <summary>Head of the weak references to this function (tp_weaklistoffset points here).</summary>
    public nint func_weakreflist;
}

/// <summary>A complex number, CPython 3.12's PyComplexObject: the header and two doubles (32 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyComplexObject
{
    public PyObject ob_base;
    public double cval_real;
    public double cval_imag;
}

/// <summary>A bound method: function plus self.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyMethodObject
{
    public PyObject ob_base;
    public PyObject* im_func;
    public PyObject* im_self;
    public nint im_weakreflist;
}

/// <summary>A closure cell.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyCellObject
{
    public PyObject ob_base;
    public PyObject* ob_ref;
}

/// <summary>A module: its namespace dict and name.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyModuleObject
{
    public PyObject ob_base;
    public PyObject* md_dict;
    public PyObject* md_name;
}

/// <summary>A built-in function or method: an index into the interpreter's built-in table, and the bound self (or null).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyBuiltinObject
{
    public PyObject ob_base;
    public PyObject* m_self;
    public nint m_index;
}

/// <summary>An iterator over a built-in container; <c>it_kind</c> says how to step.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyIterObject
{
    public PyObject ob_base;
    public PyObject* it_seq;
    public nint it_index;
    public nint it_kind;
    /// <summary>Size of a dict or set when iteration began; -1 once a change was reported.</summary>
    public nint it_len;
}

/// <summary>range(start, stop, step) with 64-bit bounds.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyRangeObject
{
    public PyObject ob_base;
    public long start;
    public long stop;
    public long step;
    public long length;
}

/// <summary>dict_keys / dict_values / dict_items.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyDictViewObject
{
    public PyObject ob_base;
    public PyObject* dv_dict;
}

/// <summary>A ctypes simple value: either at an address (from_address, cast) or holding its own value.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyCDataObject
{
    public PyObject ob_base;
    public nint b_address;
    public long b_value;
}

/// <summary>weakref.finalize: the weak reference whose callback runs it, the function and its arguments.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyFinalizeObject
{
    public PyObject ob_base;
    public PyObject* fin_weakref;
    public PyObject* fin_func;
    public PyObject* fin_args;
    public PyObject* fin_kwargs;
    public nint fin_atexit;
    public nint fin_index;
}

/// <summary>super(): the class to start after and the object to bind to.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PySuperObject
{
    public PyObject ob_base;
    public PyObject* su_type;
    public PyObject* su_obj;
    /// <summary>Whose MRO the lookup walks: type(su_obj), or su_obj itself when it is a class (CPython's supercheck).</summary>
    public PyObject* su_obj_type;
}

/// <summary>property(fget, fset, fdel), staticmethod(f) and classmethod(f) share this layout (unused fields null).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyDescriptorObject
{
    public PyObject ob_base;
    public PyObject* d_get;
    public PyObject* d_set;
    public PyObject* d_del;
}

/// <summary>
/// A getset descriptor as CPython 3.12 puts in a class dict for <c>__dict__</c> and
/// <c>__weakref__</c>: it names its class (a strong reference, hence a class's cycles) and
/// the attribute. The interpreter implements the attribute itself; this object is what
/// <c>A.__dict__['__dict__']</c> is and what keeps the counts of references right.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyGetSetDescrObject
{
    public PyObject ob_base;
    public PyObject* d_type;
    /// <summary>An interned (immortal) str: not counted among the traversed fields.</summary>
    public PyObject* d_name;
    public PyObject* d_qualname;
    public nint d_getset;
}

/// <summary>A slice object (start, stop, step may be None).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PySliceObject
{
    public PyObject ob_base;
    public PyObject* start;
    public PyObject* stop;
    public PyObject* step;
}
