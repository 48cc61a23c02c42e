using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    private readonly Dictionary<int, nint> _unboundBuiltins = [];

    /// <summary>
    /// For <c>obj.name(...)</c>: returns what to call (new reference). When <paramref name="unbound"/>
    /// is set the result is a plain function or built-in method and obj must be passed first.
    /// </summary>
    private PyObject* LookupMethod(PyObject* obj, string name, out bool unbound)
    {
        unbound = false;
        PyTypeObject* t = obj->ob_type;
        if (IsInstanceLayout(t))
        {
            if (PyInstance.GetAttr(obj, Intern(name)) == null)
            {
                PyObject* v = LookupInType(t, name);
                if (v != null && v->ob_type == T.Function)
                {
                    unbound = true;
                    return NewRef(v);
                }
            }
            return GetAttr(obj, name);
        }
        if (t != St->type_type && t != T.Module && _methods.TryGetValue(((nint)t, name), out int index) && _builtinTable[index].IsMethod)
        {
            unbound = true;
            return NewRef(UnboundBuiltin(index));
        }
        return GetAttr(obj, name);
    }

    /// <summary>The built-in method <c>obj.name</c> would bind, or -1.</summary>
    private int BuiltinMethodIndex(PyObject* obj, string name)
    {
        PyTypeObject* t = obj->ob_type;
        if (IsInstanceLayout(t) || t == St->type_type || t == T.Module)
        {
            return -1;
        }
        if (_methodsByReference.TryGetValue(((nint)t, name), out int cached))
        {
            return cached;
        }
        int found = _methods.TryGetValue(((nint)t, name), out int index) && _builtinTable[index].IsMethod ? index : -1;
        if (_methodsByReference.Count > 8192)
        {
            _methodsByReference.Clear();
        }
        _methodsByReference[((nint)t, name)] = found;
        return found;
    }

    private readonly Dictionary<(nint Type, string Name), int> _methodsByReference = new(new TypeNameComparer());

    private PyObject* UnboundBuiltin(int index)
    {
        if (!_unboundBuiltins.TryGetValue(index, out nint b))
        {
            b = (nint)NewBuiltin(index, null);
            // CPython's method descriptors exist from start-up; this one is only made late.
            ObjectMemory.DiscountGcAllocation((PyObject*)b);
            _unboundBuiltins[index] = b;
        }
        return (PyObject*)b;
    }

    public PyObject* NewBuiltin(int index, PyObject* self)
    {
        PyObject* b = ScriptTypes.New(T.Builtin);
        ((PyBuiltinObject*)b)->m_index = index;
        ((PyBuiltinObject*)b)->m_self = self == null ? null : NewRef(self);
        ScriptTypes.Track(b);
        return b;
    }

    /// <summary><c>obj.name</c> (new reference), raising AttributeError as CPython words it.</summary>
    public PyObject* GetAttr(PyObject* obj, string name)
    {
        PyObject* r = TryGetAttr(obj, name);
        if (r != null)
        {
            return r;
        }
        if (obj->ob_type == T.Module)
        {
            throw AttributeErr(obj, name, $"module '{PyUnicode.AsString(((PyModuleObject*)obj)->md_name)}' has no attribute '{name}'");
        }
        if (IsType(obj))
        {
            throw AttributeErr(obj, name, $"type object '{NameOfType((PyTypeObject*)obj)}' has no attribute '{name}'");
        }
        throw AttributeErr(obj, name, $"'{TypeName(obj)}' object has no attribute '{name}'");
    }

    /// <summary>The attribute (new reference), or null when there is none.</summary>
    public PyObject* TryGetAttr(PyObject* obj, string name)
    {
        PyTypeObject* t = obj->ob_type;
        if (IsInstanceLayout(t))
        {
            return InstanceGetAttr(obj, name);
        }
        if (t == T.Module)
        {
            PyObject* v = PyDict.GetItem(((PyModuleObject*)obj)->md_dict, Intern(name));
            if (v != null)
            {
                return NewRef(v);
            }
            if (name == "__dict__")
            {
                return NewRef(((PyModuleObject*)obj)->md_dict);
            }
            return null;
        }
        if ((t->tp_flags & TypeFlags.TypeSubclass) != 0)
        {
            return TypeGetAttr((PyTypeObject*)obj, name);
        }
        if (t == St->type_weakref_proxy)
        {
            return GetAttr(ProxyTarget(obj), name);
        }
        if (t == T.Super)
        {
            return SuperGetAttr(obj, name);
        }
        if (name == "__class__")
        {
            return NewRef((PyObject*)t);
        }
        PyObject* special = SpecialAttr(obj, name);
        if (special != null)
        {
            return special;
        }
        if (_methods.TryGetValue(((nint)t, name), out int index))
        {
            return NewBuiltin(index, obj);
        }
        return null;
    }

    private PyObject* InstanceGetAttr(PyObject* obj, string name)
    {
        PyTypeObject* t = obj->ob_type;
        switch (name)
        {
            case "__class__":
                return NewRef((PyObject*)t);
            case "__dict__":
                return NewRef(PyInstance.GetDict(obj));
        }
        PyObject* cv = LookupInType(t, name);
        if (cv != null && cv->ob_type == T.Property)
        {
            // A data descriptor on the class wins over the instance's own attributes.
            return PropertyGet(cv, obj, name);
        }
        if (cv != null && cv->ob_type == T.GetSetDescriptor && name == "__weakref__")
        {
            // The first weak reference to the object, or None (CPython's subtype_getweakref).
            PyObject* first = PyWeakref.Supports(obj) ? (PyObject*)*PyWeakref.ListHead(obj) : null;
            return NewRef(first != null ? first : St->none);
        }
        PyObject* v = PyInstance.GetAttr(obj, Intern(name));
        if (v != null)
        {
            return NewRef(v);
        }
        v = cv;
        if (v != null && (v->ob_type == T.StaticMethod || v->ob_type == T.ClassMethod))
        {
            return BindDescriptor(v, (PyObject*)t);
        }
        if (v != null)
        {
            if (v->ob_type == T.Function)
            {
                PyObject* m = ScriptTypes.New(T.Method);
                ((PyMethodObject*)m)->im_func = NewRef(v);
                ((PyMethodObject*)m)->im_self = NewRef(obj);
                ScriptTypes.Track(m);
                return m;
            }
            return NewRef(v);
        }
        if (t == _tracebackType && name == "tb_frame")
        {
            return TracebackFrame(obj);
        }
        if (IsSubtype(t, BaseException))
        {
            PyObject* member = ExceptionDefaultAttr(obj, name);
            if (member != null)
            {
                return member;
            }
        }
        PyObject* inherited = InheritedBuiltinMethod(obj, name);
        if (inherited != null)
        {
            return inherited;
        }
        PyObject* getattr = LookupInType(t, "__getattr__");
        if (getattr != null)
        {
            PyObject* key = Str(name);
            try
            {
                return CallBorrowed(getattr, (nint)obj, (nint)key);
            }
            finally
            {
                Refcount.Decref(key);
            }
        }
        return null;
    }

    /// <summary>A built-in's method (list.append...) that an instance of a class derived from it inherits, bound; or null.</summary>
    private PyObject* InheritedBuiltinMethod(PyObject* obj, string name)
    {
        foreach (PyTypeObject* c in new TypeMro(obj->ob_type))
        {
            if (((c->tp_flags & TypeFlags.HeapType) == 0 || _builtinClasses.Contains((nint)c)) && _methods.TryGetValue(((nint)c, name), out int index))
            {
                return _builtinTable[index].IsMethod ? NewBuiltin(index, obj) : NewBuiltin(index, (PyObject*)obj->ob_type);
            }
        }
        return null;
    }

    private PyObject* TypeGetAttr(PyTypeObject* t, string name)
    {
        switch (name)
        {
            case "__name__":
            case "__qualname__":
            {
                string full = NameOfType(t);
                return Str(full[(full.LastIndexOf('.') + 1)..]);
            }
            case "__module__":
            {
                PyObject* m = t->tp_dict == null ? null : PyDict.GetItem(t->tp_dict, Intern("__module__"));
                string full = NameOfType(t);
                return m != null ? NewRef(m) : Str(full.Contains('.') ? full[..full.LastIndexOf('.')] : "builtins");
            }
            case "__base__":
                return NewRef(t->tp_base == null ? St->none : (PyObject*)t->tp_base);
            case "__bases__":
                if (t->tp_bases != null)
                {
                    return NewRef(t->tp_bases);
                }
                return t->tp_base == null ? NewRef(St->empty_tuple) : Tuple([(nint)t->tp_base]);
            case "__mro__":
            {
                if (t->tp_mro != null)
                {
                    return NewRef(t->tp_mro);
                }
                return MroTuple(t);
            }
            case "__dict__":
                if (t->tp_dict != null)
                {
                    return NewRef(t->tp_dict);
                }
                break;
            case "__class__":
                return NewRef((PyObject*)t->ob_base.ob_base.ob_type);
        }
        PyObject* v = LookupInType(t, name);
        if (v != null && (v->ob_type == T.StaticMethod || v->ob_type == T.ClassMethod))
        {
            return BindDescriptor(v, (PyObject*)t);
        }
        if (v != null)
        {
            return NewRef(v);
        }
        PyObject* fromMeta = MetaclassAttr(t, name);
        if (fromMeta != null)
        {
            return fromMeta;
        }
        foreach (PyTypeObject* c in new TypeMro(t))
        {
            if (_methods.TryGetValue(((nint)c, name), out int index))
            {
                return _builtinTable[index].IsMethod ? NewRef(UnboundBuiltin(index)) : NewBuiltin(index, (PyObject*)t);
            }
        }
        if (name == "mro")
        {
            // type.mro, bound to the class (a metaclass method: no class in t's MRO has it).
            return NewBuiltin(_typeMro, (PyObject*)t);
        }
        return null;
    }

    /// <summary>Attributes of the interpreter's native objects (functions, methods, ctypes values, finalize, weakrefs).</summary>
    private PyObject* SpecialAttr(PyObject* obj, string name)
    {
        PyTypeObject* t = obj->ob_type;
        if (t == T.Function)
        {
            var fn = (PyFunctionObject*)obj;
            switch (name)
            {
                case "__name__":
                    return NewRef(fn->func_name);
                case "__qualname__":
                    return NewRef(fn->func_qualname);
                case "__module__":
                    return Str("__main__");
                case "__defaults__":
                    return NewRef(fn->func_defaults == null ? St->none : fn->func_defaults);
                case "__closure__":
                    return NewRef(fn->func_closure == null ? St->none : fn->func_closure);
                case "__globals__":
                    return NewRef(fn->func_globals);
                case "__doc__":
                {
                    // The body's leading string literal, as CPython keeps it from compilation; None without one.
                    IReadOnlyList<Stmt>? body = EngineCodeOf(fn).Body;
                    return body is [ExprStmt { Value: StrLiteral doc }, ..] ? Str(doc.Value) : NewRef(None);
                }
                case "__annotations__":
                    return FunctionAnnotationsAttribute(fn);
            }
            return null;
        }
        if (t == T.Method)
        {
            var m = (PyMethodObject*)obj;
            return name switch
            {
                "__self__" => NewRef(m->im_self),
                "__func__" => NewRef(m->im_func),
                _ => TryGetAttr(m->im_func, name),
            };
        }
        if (t == T.Builtin)
        {
            var b = (PyBuiltinObject*)obj;
            return name switch
            {
                "__name__" => Str(_builtinTable[(int)b->m_index].Name),
                "__self__" => NewRef(b->m_self == null ? St->none : b->m_self),
                _ => null,
            };
        }
        if (t == T.Cell && name == "cell_contents")
        {
            PyObject* v = ((PyCellObject*)obj)->ob_ref;
            return v == null ? throw ValueErr("Cell is empty") : NewRef(v);
        }
        if (T.IsCData(t) && name == "value")
        {
            return CDataValue(obj);
        }
        if (t == T.Finalize)
        {
            return FinalizeAttr(obj, name);
        }
        if (IsGenerator(obj))
        {
            return GeneratorAttr(obj, name);
        }
        if (t == St->type_weakref_ref && name == "__callback__")
        {
            PyObject* cb = ((PyWeakReference*)obj)->wr_callback;
            return NewRef(cb == null ? St->none : cb);
        }
        if (t == T.MemoryView)
        {
            return MemoryViewAttr(obj, name);
        }
        if (t == T.Slice)
        {
            var s = (PySliceObject*)obj;
            return name switch
            {
                "start" => NewRef(s->start),
                "stop" => NewRef(s->stop),
                "step" => NewRef(s->step),
                _ => null,
            };
        }
        if (t == T.Complex)
        {
            return ComplexAttr(obj, name);
        }
        if (t == T.Range)
        {
            var r = (PyRangeObject*)obj;
            return name switch
            {
                "start" => Int(r->start),
                "stop" => Int(r->stop),
                "step" => Int(r->step),
                _ => null,
            };
        }
        if (IsInt(obj))
        {
            return name switch
            {
                "real" or "numerator" => NewRef(obj),
                "imag" => Int(0),
                "denominator" => Int(1),
                _ => null,
            };
        }
        if (IsFloat(obj))
        {
            return name switch
            {
                "real" => NewRef(obj),
                "imag" => Float(0),
                _ => null,
            };
        }
        return null;
    }

    /// <summary><c>obj.name = value</c> (value borrowed).</summary>
    public void SetAttr(PyObject* obj, string name, PyObject* value)
    {
        PyTypeObject* t = obj->ob_type;
        if (IsInstanceLayout(t))
        {
            if (IsExceptionMember(t, name))
            {
                SetExceptionMember(obj, name, value);
                return;
            }
            int traits = TypeTraits(t);
            if (traits == 0 && name != "__class__" && name != "__dict__")
            {
                PyInstance.SetAttr(obj, Intern(name), value);
                return;
            }
            PyObject* setattr = (traits & TraitSetattr) != 0 ? LookupInType(t, "__setattr__") : null;
            if (setattr != null)
            {
                PyObject* key = Str(name);
                try
                {
                    Refcount.Decref(CallBorrowed(setattr, (nint)obj, (nint)key, (nint)value));
                }
                finally
                {
                    Refcount.Decref(key);
                }
                return;
            }
            PyObject* prop = (traits & TraitProperties) != 0 ? LookupInType(t, name) : null;
            if (prop != null && prop->ob_type == T.Property)
            {
                var d = (PyDescriptorObject*)prop;
                if (d->d_set == null)
                {
                    throw Error(AttributeError, $"property '{name}' of '{TypeName(obj)}' object has no setter");
                }
                Refcount.Decref(CallBorrowed(d->d_set, (nint)obj, (nint)value));
                return;
            }
            if (name == "__class__" || name == "__dict__")
            {
                throw Error(AttributeError, $"cannot set '{name}' on this interpreter's instances");
            }
            PyInstance.SetAttr(obj, Intern(name), value);
            return;
        }
        if (IsType(obj) && (((PyTypeObject*)obj)->tp_flags & TypeFlags.HeapType) != 0)
        {
            PyTypeObject* cls = (PyTypeObject*)obj;
            PyDict.SetItem(cls->tp_dict, Intern(name), value);
            InvalidateTypeCache();
            if (name == "__del__")
            {
                cls->tp_finalize = &FinalizeSlot;
            }
            return;
        }
        if (t == T.Module)
        {
            PyDict.SetItem(((PyModuleObject*)obj)->md_dict, Intern(name), value);
            return;
        }
        if (t == St->type_weakref_proxy)
        {
            SetAttr(ProxyTarget(obj), name, value);
            return;
        }
        if (t == T.Finalize && name == "atexit")
        {
            ((PyFinalizeObject*)obj)->fin_atexit = IsTrue(value) ? 1 : 0;
            return;
        }
        if (T.IsCData(t) && name == "value" && t != T.PyObjectC)
        {
            SetCDataValue(obj, value);
            return;
        }
        if (IsType(obj))
        {
            throw TypeErr($"cannot set '{name}' attribute of immutable type '{NameOfType((PyTypeObject*)obj)}'");
        }
        if (_methods.ContainsKey(((nint)t, name)))
        {
            throw Error(AttributeError, $"'{TypeName(obj)}' object attribute '{name}' is read-only");
        }
        PyObject* existing = SpecialAttr(obj, name);
        if (existing != null)
        {
            Refcount.Decref(existing);
            throw Error(AttributeError, $"attribute '{name}' of '{TypeName(obj)}' objects is not writable");
        }
        throw AttributeErr(obj, name, $"'{TypeName(obj)}' object has no attribute '{name}'");
    }

    public void DelAttr(PyObject* obj, string name)
    {
        PyTypeObject* t = obj->ob_type;
        if (IsInstanceLayout(t))
        {
            PyObject* prop = LookupInType(t, name);
            if (prop != null && prop->ob_type == T.Property)
            {
                // A property is a data descriptor: `del obj.p` calls its deleter.
                var d = (PyDescriptorObject*)prop;
                if (d->d_del == null)
                {
                    throw Error(AttributeError, $"property '{name}' of '{TypeName(obj)}' object has no deleter");
                }
                Refcount.Decref(CallBorrowed(d->d_del, (nint)obj));
                return;
            }
            if (!PyInstance.DelAttr(obj, Intern(name)))
            {
                throw AttributeErr(obj, name, $"'{TypeName(obj)}' object has no attribute '{name}'");
            }
            return;
        }
        if (IsType(obj) && (((PyTypeObject*)obj)->tp_flags & TypeFlags.HeapType) != 0)
        {
            InvalidateTypeCache();
            if (!PyDict.DelItem(((PyTypeObject*)obj)->tp_dict, Intern(name)))
            {
                throw AttributeErr(obj, name, $"type object '{NameOfType((PyTypeObject*)obj)}' has no attribute '{name}'");
            }
            return;
        }
        if (t == St->type_weakref_proxy)
        {
            DelAttr(ProxyTarget(obj), name);
            return;
        }
        throw AttributeErr(obj, name, $"'{TypeName(obj)}' object has no attribute '{name}'");
    }

    /// <summary>The live referent of a weakref.proxy (borrowed), or ReferenceError.</summary>
    public PyObject* ProxyTarget(PyObject* proxy)
    {
        if (!PyWeakref.IsAlive(proxy))
        {
            throw Error(ReferenceError, "weakly-referenced object no longer exists");
        }
        return PyWeakref.Referent(proxy);
    }
}
