using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Classes derived from list, dict and set, and construction through <c>__new__</c>: a
/// class's instances have the layout of its nearest built-in base
/// (<see cref="SubtypeLayout.LayoutOf"/>), <c>C(...)</c> runs <c>__new__</c> then
/// <c>__init__</c> as CPython's type_call does, and the built-ins' <c>__new__</c> and
/// <c>__init__</c> exist as methods so that <c>super().__init__(...)</c> reaches them.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>Whether this interpreter can lay out instances of a class derived from <paramref name="layout"/>.</summary>
    private bool IsSubclassableLayout(PyTypeObject* layout) =>
        layout == St->type_object || layout == St->type_list || layout == St->type_dict || layout == St->type_set || layout == St->type_tuple || layout == St->type_type
        || layout == St->type_int || layout == St->type_float;

    /// <summary>
    /// Whether <paramref name="o"/>'s class defines <paramref name="name"/> itself, so that its
    /// method, not the built-in behaviour it inherits, answers. False at once for built-in types.
    /// </summary>
    public bool Overrides(PyObject* o, string name) =>
        (o->ob_type->tp_flags & TypeFlags.HeapType) != 0 && LookupInType(o->ob_type, name) != null;

    /// <summary>
    /// The dispatch step for an instance of a class derived from a built-in (CPython's
    /// inherited slots): the class's own <paramref name="name"/> method (borrowed) when it
    /// defines one; otherwise null, and <paramref name="t"/> becomes the built-in, so the caller
    /// goes on exactly as for the built-in's own instances.
    /// </summary>
    private PyObject* OwnSpecial(string name, ref PyTypeObject* t)
    {
        if (t->tp_layout == null)
        {
            return null;
        }
        PyObject* m = LookupInType(t, name);
        if (m == null)
        {
            t = t->tp_layout;
        }
        return m;
    }

    /// <summary>list.__repr__(x) and kin: the built-in's repr, never a class's override (which may be what called it).</summary>
    private string BuiltinRepr(PyObject* self)
    {
        PyTypeObject* layout = SubtypeLayout.LayoutOf(self->ob_type);
        return layout == self->ob_type || layout == St->type_object ? Repr(self) : ReprAs(self, layout);
    }

    /// <summary>list.__eq__(x, y) and kin: the built-in's comparison slot; NotImplemented when it declines.</summary>
    private PyObject* BuiltinRichCompare(PyObject* self, PyObject* other, RichCompareOp op)
    {
        PyTypeObject* layout = SubtypeLayout.LayoutOf(self->ob_type);
        if (layout->tp_richcompare == null)
        {
            return NewRef(St->not_implemented);
        }
        return layout->tp_richcompare(self, other, op);
    }

    /// <summary>list.__hash__(x) and kin: the built-in's hash (list and dict: unhashable).</summary>
    private nint BuiltinHash(PyObject* self)
    {
        PyTypeObject* layout = SubtypeLayout.LayoutOf(self->ob_type);
        if (layout == self->ob_type)
        {
            return Hash(self);
        }
        nint h = layout->tp_hash(self);
        if (h == -1)
        {
            throw new UnhashableException(NameOfType(self->ob_type));
        }
        return h;
    }

    /// <summary>dict_subscript's miss: a class derived from dict may answer through <c>__missing__</c>; otherwise KeyError.</summary>
    private PyObject* DictMissing(PyObject* dict, PyObject* key)
    {
        if (dict->ob_type != St->type_dict)
        {
            PyObject* missing = LookupInType(dict->ob_type, "__missing__");
            if (missing != null)
            {
                return CallWithSelf(missing, dict, [(nint)NewRef(key)]);
            }
        }
        throw new PythonException(NewKeyError(key));
    }

    /// <summary>A new, empty instance of <paramref name="type"/> in its layout (object.__new__, list.__new__...).</summary>
    public PyObject* NewInstance(PyTypeObject* type)
    {
        PyTypeObject* layout = SubtypeLayout.LayoutOf(type);
        if (layout == St->type_object)
        {
            return PyInstance.New(type);
        }
        PyObject* op;
        if (layout == St->type_set)
        {
            op = PySet.New(type);
        }
        else
        {
            // A list or dict whose fields are all zero is the empty one (no item array, no keys).
            op = ObjectMemory.AllocateZeroed(type);
            GcList.Track(op);
        }
        SubtypeLayout.InitPreHeader(op);
        return op;
    }

    /// <summary>
    /// type_call for classes: <c>__new__</c> (the class's, or the layout's built-in one), then,
    /// when the result is an instance of the class, <c>__init__</c>. Arguments are borrowed.
    /// </summary>
    private PyObject* ConstructInstance(PyTypeObject* type, nint[] args, KwArgs? kw)
    {
        PyObject* newFn = LookupInType(type, "__new__");
        PyObject* obj;
        if (newFn != null)
        {
            if (newFn->ob_type == T.StaticMethod)
            {
                newFn = ((PyDescriptorObject*)newFn)->d_get;
            }
            var full = new nint[args.Length + 1];
            full[0] = (nint)NewRef((PyObject*)type);
            for (int i = 0; i < args.Length; i++)
            {
                full[i + 1] = (nint)NewRef((PyObject*)args[i]);
            }
            obj = Call(newFn, full, CopyKw(kw));
            if (!IsSubtype(obj->ob_type, type))
            {
                return obj; // type_call: __init__ runs only on an instance of the class
            }
        }
        else if (type->tp_layout == St->type_tuple)
        {
            obj = NewTupleInstance(type, args, kw);
        }
        else if (type->tp_layout == St->type_int || type->tp_layout == St->type_float)
        {
            obj = NewNumberInstance(type, args, kw);
        }
        else if (type->tp_layout == St->type_type)
        {
            // A metaclass without __new__ of its own: type.__new__(M, name, bases, dict).
            if (args.Length != 3)
            {
                throw TypeErr("type.__new__() takes exactly 3 arguments");
            }
            obj = (PyObject*)TypeNewFromArgs(type, A(args, 0), A(args, 1), A(args, 2), kw);
        }
        else if (IsSubtype(type, BaseException))
        {
            PyObject* a = Tuple(args);
            obj = NewExceptionWithArgs(type, a);
            Refcount.Decref(a);
        }
        else
        {
            obj = NewInstance(type);
        }
        try
        {
            PyObject* init = LookupInType(obj->ob_type, "__init__");
            if (init != null)
            {
                var owned = new nint[args.Length];
                for (int i = 0; i < args.Length; i++)
                {
                    owned[i] = (nint)NewRef((PyObject*)args[i]);
                }
                PyObject* r = CallWithSelf(init, obj, owned, CopyKw(kw));
                if (r != St->none)
                {
                    string tn = TypeName(r);
                    Refcount.Decref(r);
                    throw TypeErr($"__init__() should return None, not '{tn}'");
                }
            }
            else if (SubtypeLayout.IsBuiltinLayout(obj->ob_type) && SubtypeLayout.LayoutOf(obj->ob_type) != St->type_type)
            {
                BuiltinInit(obj, args, kw);
            }
            else if (newFn == null && !IsSubtype(type, BaseException) && type->tp_layout != St->type_type && (args.Length > 0 || kw is { Count: > 0 }))
            {
                // object_init: excess arguments are an error unless __new__ was overridden to take them.
                throw TypeErr($"{NameOfType(type)}() takes no arguments");
            }
        }
        catch
        {
            Refcount.Decref(obj);
            throw;
        }
        return obj;
    }

    /// <summary>A new reference-holding copy of keyword arguments (a call consumes its keywords).</summary>
    private static KwArgs? CopyKw(KwArgs? kw)
    {
        if (kw == null)
        {
            return null;
        }
        var copy = new KwArgs();
        foreach (var (n, v) in kw)
        {
            Refcount.Incref((PyObject*)v);
            copy.Add((n, v));
        }
        return copy;
    }

    /// <summary>list.__init__, dict.__init__ and set.__init__ on an instance of a class derived from one (borrowed arguments).</summary>
    private PyObject* BuiltinInit(PyObject* self, nint[] a, KwArgs? kw)
    {
        PyTypeObject* layout = SubtypeLayout.LayoutOf(self->ob_type);
        if (layout == St->type_list)
        {
            RequireNoKeywords("list", kw);
            Arity("list", a, 0, 1);
            // list_init: the list is emptied first, then filled from the iterable.
            ListClear(self);
            if (a.Length == 1)
            {
                ListExtend(self, A(a, 0));
            }
        }
        else if (layout == St->type_dict)
        {
            Arity("dict", a, 0, 1);
            if (a.Length == 1)
            {
                DictUpdate(self, A(a, 0));
            }
            if (kw != null)
            {
                foreach (var (n, v) in kw)
                {
                    PyObject* k = Str(n);
                    try
                    {
                        PyDict.SetItem(self, k, (PyObject*)v);
                    }
                    finally
                    {
                        Refcount.Decref(k);
                    }
                }
            }
        }
        else if (layout == St->type_set)
        {
            RequireNoKeywords("set", kw);
            Arity("set", a, 0, 1);
            PySet.Clear(self);
            if (a.Length == 1)
            {
                SetAddIterable(self, A(a, 0));
            }
        }
        else if (layout != St->type_tuple && layout != St->type_int && layout != St->type_float && (a.Length > 0 || kw is { Count: > 0 }))
        {
            // A tuple's contents come from __new__; its __init__ is object's, which lets them pass.
            throw TypeErr($"{NameOfType(self->ob_type)}() takes no arguments");
        }
        return None;
    }

    private void RequireNoKeywords(string name, KwArgs? kw)
    {
        if (kw is { Count: > 0 })
        {
            throw TypeErr($"{name}() takes no keyword arguments");
        }
    }

    /// <summary>
    /// int.__new__ and float.__new__ for a class derived from one: the built-in converts the
    /// arguments, then its value (digits, or the double) is copied into an object of the class.
    /// </summary>
    private PyObject* NewNumberInstance(PyTypeObject* type, ReadOnlySpan<nint> a, KwArgs? kw)
    {
        PyTypeObject* layout = type->tp_layout;
        var owned = new nint[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            owned[i] = (nint)NewRef((PyObject*)a[i]);
        }
        PyObject* value = CallType(layout, owned, CopyKw(kw));
        try
        {
            nint items = layout == St->type_int ? Math.Max(PyLong.DigitCount(value), 1) : 0;
            PyObject* op = ObjectMemory.Allocate(type, items);
            nint body = layout->tp_basicsize + items * layout->tp_itemsize - sizeof(PyObject);
            Buffer.MemoryCopy(value + 1, op + 1, body, body);
            SubtypeLayout.InitPreHeader(op);
            GcList.Track(op);
            return op;
        }
        finally
        {
            Refcount.Decref(value);
        }
    }

    /// <summary>tuple.__new__(cls, iterable=()) for a class derived from tuple: the items in a tuple of that class (borrowed arguments).</summary>
    private PyObject* NewTupleInstance(PyTypeObject* type, ReadOnlySpan<nint> a, KwArgs? kw)
    {
        RequireNoKeywords("tuple", kw);
        if (a.Length > 1)
        {
            throw TypeErr($"tuple expected at most 1 argument, got {a.Length}");
        }
        List<nint> items = a.Length == 0 ? [] : CollectItems((PyObject*)a[0], unpacking: false);
        PyObject* op = ObjectMemory.Allocate(type, items.Count);
        ((PyVarObject*)op)->ob_size = items.Count;
        for (int i = 0; i < items.Count; i++)
        {
            PyTuple.Items(op)[i] = (PyObject*)items[i]; // the collected references move in
        }
        SubtypeLayout.InitPreHeader(op);
        GcList.Track(op);
        return op;
    }

    /// <summary>
    /// object.__new__, list.__new__, dict.__new__, set.__new__ (called as X.__new__(cls, ...),
    /// typically through super()), and the built-ins' __init__ as methods.
    /// </summary>
    private void RegisterSubclassing()
    {
        foreach (nint tp in new[] { (nint)St->type_object, (nint)St->type_list, (nint)St->type_dict, (nint)St->type_set })
        {
            var builtin = (PyTypeObject*)tp;
            string name = NameOfType(builtin);
            TypeMethod(builtin, "__new__", (_, a, _) =>
            {
                if (a.Length == 0)
                {
                    throw TypeErr($"{name}.__new__(): not enough arguments");
                }
                PyObject* cls = A(a, 0);
                if (!IsType(cls))
                {
                    throw TypeErr($"{name}.__new__(X): X is not a type object ({TypeName(cls)})");
                }
                var t = (PyTypeObject*)cls;
                if (!IsSubtype(t, builtin))
                {
                    throw TypeErr($"{name}.__new__({NameOfType(t)}): {NameOfType(t)} is not a subtype of {name}");
                }
                if (builtin == St->type_object && a.Length > 1 && LookupInType(t, "__init__") == null)
                {
                    throw TypeErr($"{NameOfType(t)}() takes no arguments");
                }
                if ((t->tp_flags & TypeFlags.HeapType) == 0)
                {
                    // object.__new__(list) and kin: the built-in's own constructor makes it.
                    return CallType(t, [], null);
                }
                return NewInstance(t);
            });
            if (builtin != St->type_object)
            {
                Method(builtin, "__init__", (self, a, kw) => BuiltinInit(self, a, kw));
            }
        }
        TypeMethod(St->type_tuple, "__new__", (_, a, kw) =>
        {
            if (a.Length == 0 || !IsType(A(a, 0)) || !IsSubtype((PyTypeObject*)A(a, 0), St->type_tuple))
            {
                throw TypeErr("tuple.__new__(X): X is not a subtype of tuple");
            }
            var cls = (PyTypeObject*)A(a, 0);
            if (cls == St->type_tuple)
            {
                var rest = new nint[a.Length - 1];
                for (int i = 1; i < a.Length; i++)
                {
                    rest[i - 1] = (nint)NewRef(A(a, i));
                }
                return CallType(cls, rest, CopyKw(kw));
            }
            return NewTupleInstance(cls, a.AsSpan(1), kw);
        });
        Method(St->type_tuple, "__init__", (self, a, kw) => BuiltinInit(self, a, kw));
        foreach (nint tp in new[] { (nint)St->type_int, (nint)St->type_float })
        {
            var number = (PyTypeObject*)tp;
            string name = NameOfType(number);
            TypeMethod(number, "__new__", (_, a, kw) =>
            {
                if (a.Length == 0 || !IsType(A(a, 0)) || !IsSubtype((PyTypeObject*)A(a, 0), number))
                {
                    throw TypeErr($"{name}.__new__(X): X is not a subtype of {name}");
                }
                var cls = (PyTypeObject*)A(a, 0);
                if (cls == number)
                {
                    var rest = new nint[a.Length - 1];
                    for (int i = 1; i < a.Length; i++)
                    {
                        rest[i - 1] = (nint)NewRef(A(a, i));
                    }
                    return CallType(cls, rest, CopyKw(kw));
                }
                return NewNumberInstance(cls, a.AsSpan(1), kw);
            });
        }
    }
}
