using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Making a class as CPython's __build_class__ and type_new do: the metaclass is the most
/// derived of the explicit one and the bases' types; its <c>__prepare__</c> gives the
/// namespace; calling it makes the class (type.__new__ for <c>type</c> itself). A new class
/// then gets <c>__set_name__</c> calls for its attributes and its base's
/// <c>__init_subclass__</c> with the class keywords. A metaclass (<c>class M(type)</c>)
/// has type objects for instances.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// _PyType_CalculateMetaclass: the metaclass every base's metaclass derives from
    /// (borrowed); TypeError when none does.
    /// </summary>
    private PyTypeObject* CalculateMetaclass(PyTypeObject* meta, PyTypeObject*[] bases)
    {
        PyTypeObject* winner = meta;
        foreach (PyTypeObject* b in bases)
        {
            PyTypeObject* bm = b->ob_base.ob_base.ob_type;
            if (IsSubtype(winner, bm))
            {
                continue;
            }
            if (IsSubtype(bm, winner))
            {
                winner = bm;
                continue;
            }
            throw TypeErr("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    /// <summary>The class body's namespace (new reference): the metaclass's <c>__prepare__(name, bases, **kw)</c>, else a new dict.</summary>
    private PyObject* PrepareNamespace(PyTypeObject* meta, string name, PyObject* bases, KwArgs? kw)
    {
        PyObject* prepare = meta == St->type_type ? null : LookupInType(meta, "__prepare__");
        if (prepare == null)
        {
            return PyDict.New(St);
        }
        PyObject* bound = prepare->ob_type == T.ClassMethod || prepare->ob_type == T.StaticMethod ? BindDescriptor(prepare, (PyObject*)meta) : NewRef(prepare);
        try
        {
            PyObject* ns = Call(bound, [(nint)Str(name), (nint)NewRef(bases)], CopyKw(kw));
            if (!IsDict(ns))
            {
                string tn = TypeName(ns);
                Refcount.Decref(ns);
                throw TypeErr($"{NameOfType(meta)}.__prepare__() must return a mapping, not {tn}");
            }
            return ns;
        }
        finally
        {
            Refcount.Decref(bound);
        }
    }

    /// <summary>Calls the metaclass to make the class (new reference). Arguments are borrowed.</summary>
    private PyObject* CallMetaclass(PyTypeObject* meta, string name, PyTypeObject*[] bases, PyObject* basesTuple, PyObject* ns, KwArgs? kw)
    {
        if (meta == St->type_type)
        {
            // The body's fresh namespace becomes the class dict itself: no one else holds it.
            return (PyObject*)TypeNew(meta, name, bases, ns, kw, copyNamespace: false);
        }
        return Call((PyObject*)meta, [(nint)Str(name), (nint)NewRef(basesTuple), (nint)NewRef(ns)], CopyKw(kw));
    }

    /// <summary>
    /// type.__new__(meta, name, bases, ns, **kw): the class, an instance of <paramref name="meta"/>,
    /// with a copy of the namespace; then __set_name__ and __init_subclass__. New reference.
    /// </summary>
    private PyTypeObject* TypeNew(PyTypeObject* meta, string name, PyTypeObject*[] bases, PyObject* ns, KwArgs? kw, bool copyNamespace = true)
    {
        PyObject* dict = copyNamespace ? PyDict.New(St) : NewRef(ns);
        PyTypeObject* t;
        try
        {
            if (copyNamespace)
            {
                DictUpdate(dict, ns);
            }
            if (PyDict.GetItem(dict, Intern("__module__")) == null)
            {
                PyObject* module = Str("__main__");
                PyDict.SetItem(dict, Intern("__module__"), module);
                Refcount.Decref(module);
            }
            PyDict.DelItem(dict, Intern("__qualname__"));
            t = NewClass(name, bases, dict);
        }
        finally
        {
            Refcount.Decref(dict);
        }
        if (meta != St->type_type)
        {
            // The class is an instance of its metaclass, which it holds as any instance holds its type.
            Refcount.Incref((PyObject*)meta);
            t->ob_base.ob_base.ob_type = meta;
        }
        try
        {
            FinishClass(t, kw);
        }
        catch
        {
            Refcount.Decref((PyObject*)t);
            throw;
        }
        return t;
    }

    /// <summary>type_new's last steps: <c>__set_name__</c> on each attribute that has one, then the base's <c>__init_subclass__(**kw)</c>.</summary>
    private void FinishClass(PyTypeObject* t, KwArgs? kw)
    {
        // The attributes are copied out first: a __set_name__ may change the class dict.
        var items = new List<(nint Key, nint Value)>();
        nint pos = 0;
        while (PyDict.Next(t->tp_dict, ref pos, out PyObject* k, out PyObject* v))
        {
            items.Add(((nint)NewRef(k), (nint)NewRef(v)));
        }
        try
        {
            foreach (var (k, v) in items)
            {
                var value = (PyObject*)v;
                PyObject* setName = UserSpecial(value, "__set_name__");
                if (setName != null)
                {
                    Refcount.Decref(CallWithSelf(setName, value, [(nint)NewRef((PyObject*)t), (nint)NewRef((PyObject*)k)]));
                }
            }
        }
        finally
        {
            DecrefAll(items);
        }
        PyObject* super = ScriptTypes.New(T.Super);
        ((PySuperObject*)super)->su_type = NewRef((PyObject*)t);
        ((PySuperObject*)super)->su_obj = NewRef((PyObject*)t);
        ((PySuperObject*)super)->su_obj_type = NewRef((PyObject*)t);
        ScriptTypes.Track(super);
        try
        {
            PyObject* init = SuperGetAttr(super, "__init_subclass__");
            if (init != null)
            {
                try
                {
                    Refcount.Decref(Call(init, [], CopyKw(kw)));
                }
                finally
                {
                    Refcount.Decref(init);
                }
            }
        }
        finally
        {
            Refcount.Decref(super);
        }
    }

    /// <summary>
    /// A class whose best base is <c>type</c> (a metaclass): its instances are type objects,
    /// so it has type's layout and slots and no pre-header of its own.
    /// </summary>
    private PyTypeObject* NewMetaType(string name, PyTypeObject* baseType)
    {
        PyTypeObject* type = St->type_type;
        var slots = new TypeSlots { Dealloc = type->tp_dealloc, Traverse = type->tp_traverse, Clear = type->tp_clear };
        PyTypeObject* t = Heap.Types.Create(name, type->tp_basicsize, 0,
            TypeFlags.HeapType | TypeFlags.BaseType | TypeFlags.HaveGc | TypeFlags.TypeSubclass, slots, baseType);
        t->tp_layout = type;
        return t;
    }

    /// <summary>An attribute a class gets from its metaclass (new reference), bound to the class; or null.</summary>
    private PyObject* MetaclassAttr(PyTypeObject* cls, string name)
    {
        PyTypeObject* meta = cls->ob_base.ob_base.ob_type;
        if (meta == St->type_type)
        {
            return null;
        }
        PyObject* v = LookupInType(meta, name);
        if (v == null)
        {
            return null;
        }
        if (v->ob_type == T.ClassMethod || v->ob_type == T.StaticMethod)
        {
            return BindDescriptor(v, (PyObject*)meta);
        }
        if (v->ob_type == T.Property)
        {
            return PropertyGet(v, (PyObject*)cls, name);
        }
        if (v->ob_type == T.Function)
        {
            PyObject* m = ScriptTypes.New(T.Method);
            ((PyMethodObject*)m)->im_func = NewRef(v);
            ((PyMethodObject*)m)->im_self = NewRef((PyObject*)cls);
            ScriptTypes.Track(m);
            return m;
        }
        return NewRef(v);
    }

    /// <summary>type's methods a metaclass reaches through super(): __new__, __init__, __call__; object.__init_subclass__.</summary>
    private void RegisterMetaclasses()
    {
        TypeMethod(St->type_type, "__new__", (_, a, kw) =>
        {
            if (a.Length != 4 || !IsType(A(a, 0)))
            {
                throw TypeErr("type.__new__() takes exactly 3 arguments");
            }
            var meta = (PyTypeObject*)A(a, 0);
            return (PyObject*)TypeNewFromArgs(meta, A(a, 1), A(a, 2), A(a, 3), kw);
        });
        Method(St->type_type, "__init__", (_, _, _) => None);
        Method(St->type_type, "__call__", (self, a, kw) =>
        {
            var owned = new nint[a.Length];
            for (int i = 0; i < a.Length; i++)
            {
                owned[i] = (nint)NewRef(A(a, i));
            }
            return CallType((PyTypeObject*)self, owned, CopyKw(kw));
        });
        // The exceptions' __str__ and __repr__, for super().__str__() in an exception class.
        Method(BaseException, "__str__", (self, _, _) => Str(ExceptionStr(self, BaseException)));
        Method(KeyError, "__str__", (self, _, _) => Str(ExceptionStr(self, KeyError)));
        Method(BaseException, "__repr__", (self, _, _) => Str(ExceptionRepr(self)));
        TypeMethod(BaseException, "__new__", (_, a, _) =>
        {
            if (a.Length == 0 || !IsType(A(a, 0)) || !IsSubtype((PyTypeObject*)A(a, 0), BaseException))
            {
                throw TypeErr("BaseException.__new__(X): X is not a subtype of BaseException");
            }
            PyObject* args = Tuple(a.AsSpan(1));
            try
            {
                return NewExceptionWithArgs((PyTypeObject*)A(a, 0), args);
            }
            finally
            {
                Refcount.Decref(args);
            }
        });
        TypeMethod(St->type_object, "__init_subclass__", (self, a, kw) =>
        {
            if (a.Length > 0 || kw is { Count: > 0 })
            {
                throw TypeErr($"{ShortName((PyTypeObject*)self)}.__init_subclass__() takes no keyword arguments");
            }
            return None;
        });
    }

    /// <summary>type(name, bases, dict) and type.__new__(meta, name, bases, dict): checks the arguments, then <see cref="TypeNew"/>.</summary>
    private PyTypeObject* TypeNewFromArgs(PyTypeObject* meta, PyObject* name, PyObject* bases, PyObject* dict, KwArgs? kw)
    {
        if (!IsStr(name))
        {
            throw TypeErr($"type.__new__() argument 1 must be str, not {TypeName(name)}");
        }
        if (!IsTuple(bases))
        {
            throw TypeErr($"type.__new__() argument 2 must be tuple, not {TypeName(bases)}");
        }
        if (!IsDict(dict))
        {
            throw TypeErr($"type.__new__() argument 3 must be dict, not {TypeName(dict)}");
        }
        nint n = PyTuple.Size(bases);
        var types = new PyTypeObject*[Math.Max(1, n)];
        types[0] = St->type_object;
        for (nint i = 0; i < n; i++)
        {
            PyObject* b = PyTuple.Items(bases)[i];
            if (!IsType(b))
            {
                // The metaclass is worked out first: a base that is no class has a type that is no metaclass.
                throw TypeErr("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
            }
            types[i] = (PyTypeObject*)b;
        }
        PyTypeObject* winner = CalculateMetaclass(meta, n == 0 ? [] : types);
        return TypeNew(winner, PyUnicode.AsString(name), types, dict, kw);
    }
}
