using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// Walks a type's method resolution order: its <c>tp_mro</c> tuple when it has one (every
/// class, which may have several bases), else the <c>tp_base</c> chain ending at object (the
/// static types, which have one base each, so that chain is their MRO). Attribute lookup and subtype tests
/// go through this, so that multiple inheritance is seen the same way everywhere.
/// </summary>
public unsafe ref struct TypeMro
{
    private readonly PyObject** _items;
    private readonly nint _count;
    private nint _index;
    private PyTypeObject* _current;
    private PyTypeObject* _next;

    public TypeMro(PyTypeObject* type)
    {
        if (type->tp_mro != null)
        {
            _items = PyTuple.Items(type->tp_mro);
            _count = PyTuple.Size(type->tp_mro);
        }
        _index = 0;
        _current = null;
        _next = type;
    }

    public readonly TypeMro GetEnumerator() => this;

    public readonly PyTypeObject* Current => _current;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        if (_items != null)
        {
            if (_index >= _count)
            {
                return false;
            }
            _current = (PyTypeObject*)_items[_index++];
            return true;
        }
        if (_next == null)
        {
            return false;
        }
        _current = _next;
        // A static type made without a base still derives from object, as every type does.
        PyTypeObject* root = _next->tp_heap->type_object;
        _next = _next->tp_base != null ? _next->tp_base : _next != root ? root : null;
        return true;
    }

    /// <summary>CPython's PyType_IsSubtype: whether <paramref name="type"/> is in <paramref name="sub"/>'s MRO.</summary>
    public static bool IsSubtype(PyTypeObject* sub, PyTypeObject* type)
    {
        if (sub == type)
        {
            return true;
        }
        foreach (PyTypeObject* t in new TypeMro(sub))
        {
            if (t == type)
            {
                return true;
            }
        }
        return false;
    }
}
