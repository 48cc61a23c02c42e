using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    private void RegisterMethods()
    {
        RegisterStrMethods();
        RegisterListMethods();
        RegisterDictMethods();
        RegisterSetMethods();
        RegisterIntMethods();
        PyTypeObject* tuple = St->type_tuple;
        Method(tuple, "index", (self, a, _) =>
        {
            Arity("index", a, 1, 1);
            for (nint i = 0; i < PyTuple.Size(self); i++)
            {
                if (ValueEquals(PyTuple.Items(self)[i], A(a, 0)))
                {
                    return Int(i);
                }
            }
            throw ValueErr("tuple.index(x): x not in tuple");
        });
        Method(tuple, "count", (self, a, _) =>
        {
            Arity("count", a, 1, 1);
            long n = 0;
            for (nint i = 0; i < PyTuple.Size(self); i++)
            {
                if (ValueEquals(PyTuple.Items(self)[i], A(a, 0)))
                {
                    n++;
                }
            }
            return Int(n);
        });
        // The special methods of built-in containers, for code that calls them by name.
        foreach (nint tp in new[] { (nint)St->type_list, (nint)St->type_tuple, (nint)St->type_str, (nint)St->type_dict, (nint)St->type_set, (nint)St->type_frozenset, (nint)T.Range })
        {
            var t = (PyTypeObject*)tp;
            // As the built-in does it, whatever a class derived from it overrides (super().__getitem__ reaches these).
            Method(t, "__len__", (self, _, _) => Int(LengthAs(self, SubtypeLayout.LayoutOf(self->ob_type))));
            Method(t, "__contains__", (self, a, _) => Bool(ContainsAs(self, A(a, 0), SubtypeLayout.LayoutOf(self->ob_type))));
            Method(t, "__getitem__", (self, a, _) => GetItemAs(self, A(a, 0), SubtypeLayout.LayoutOf(self->ob_type)));
            Method(t, "__iter__", (self, _, _) => GetIterAs(self, SubtypeLayout.LayoutOf(self->ob_type)));
        }
        foreach (nint tp in new[] { (nint)St->type_list, (nint)St->type_dict })
        {
            var t = (PyTypeObject*)tp;
            Method(t, "__setitem__", (self, a, _) =>
            {
                Arity("__setitem__", a, 2, 2);
                SetItemAs(self, A(a, 0), A(a, 1), SubtypeLayout.LayoutOf(self->ob_type));
                return None;
            });
            Method(t, "__delitem__", (self, a, _) =>
            {
                Arity("__delitem__", a, 1, 1);
                DelItemAs(self, A(a, 0), SubtypeLayout.LayoutOf(self->ob_type));
                return None;
            });
        }
        foreach (nint tp in new[] { (nint)St->type_list, (nint)St->type_tuple, (nint)St->type_str, (nint)St->type_dict, (nint)St->type_set, (nint)St->type_frozenset, (nint)St->type_int, (nint)St->type_float, (nint)St->type_bool })
        {
            var t = (PyTypeObject*)tp;
            Method(t, "__repr__", (self, _, _) => Str(BuiltinRepr(self)));
            Method(t, "__str__", (self, _, _) => Str(IsStr(self) ? StrOf(self) : Repr(self)));
            Method(t, "__eq__", (self, a, _) => BuiltinRichCompare(self, A(a, 0), RichCompareOp.Eq));
            Method(t, "__hash__", (self, _, _) => Int(BuiltinHash(self)));
        }
        Method(St->type_float, "is_integer", (self, _, _) => Bool(Math.Floor(PyFloat.Value(self)) == PyFloat.Value(self)));
    }

    private void RegisterListMethods()
    {
        PyTypeObject* list = St->type_list;
        Method(list, "append", (self, a, _) =>
        {
            Arity("append", a, 1, 1);
            PyList.Append(self, A(a, 0));
            return None;
        });
        Method(list, "extend", (self, a, _) =>
        {
            Arity("extend", a, 1, 1);
            ListExtend(self, A(a, 0));
            return None;
        });
        Method(list, "insert", (self, a, _) =>
        {
            Arity("insert", a, 2, 2);
            long i = ToLong(A(a, 0));
            long n = PyList.Size(self);
            i = i < 0 ? Math.Max(0, i + n) : Math.Min(i, n);
            ListReplaceRange(self, i, i, [(nint)NewRef(A(a, 1))]);
            return None;
        });
        Method(list, "pop", (self, a, _) =>
        {
            Arity("pop", a, 0, 1);
            // The index first: its __index__ may change the list.
            long i = a.Length == 1 ? ToLong(A(a, 0)) : -1;
            long n = PyList.Size(self);
            if (n == 0)
            {
                throw Error(IndexError, "pop from empty list");
            }
            if (i < 0)
            {
                i += n;
            }
            if (i < 0 || i >= n)
            {
                throw Error(IndexError, "pop index out of range");
            }
            PyObject* v = NewRef(PyList.Items(self)[i]);
            ListReplaceRange(self, i, i + 1, []);
            return v;
        });
        Method(list, "remove", (self, a, _) =>
        {
            Arity("remove", a, 1, 1);
            for (nint i = 0; i < PyList.Size(self); i++)
            {
                if (ValueEquals(PyList.Items(self)[i], A(a, 0)))
                {
                    ListReplaceRange(self, i, i + 1, []);
                    return None;
                }
            }
            throw ValueErr("list.remove(x): x not in list");
        });
        Method(list, "index", (self, a, _) =>
        {
            Arity("index", a, 1, 3);
            long n = PyList.Size(self);
            long start = a.Length > 1 ? ToLong(A(a, 1)) : 0;
            long stop = a.Length > 2 ? ToLong(A(a, 2)) : n;
            if (start < 0)
            {
                start = Math.Max(0, start + n);
            }
            if (stop < 0)
            {
                stop = Math.Max(0, stop + n);
            }
            for (long i = start; i < Math.Min(stop, PyList.Size(self)); i++)
            {
                if (ValueEquals(PyList.Items(self)[i], A(a, 0)))
                {
                    return Int(i);
                }
            }
            throw ValueErr($"{Repr(A(a, 0))} is not in list");
        });
        Method(list, "count", (self, a, _) =>
        {
            Arity("count", a, 1, 1);
            long n = 0;
            for (nint i = 0; i < PyList.Size(self); i++)
            {
                if (ValueEquals(PyList.Items(self)[i], A(a, 0)))
                {
                    n++;
                }
            }
            return Int(n);
        });
        Method(list, "sort", (self, a, kw) =>
        {
            if (a.Length > 0)
            {
                throw TypeErr("sort() takes no positional arguments");
            }
            CheckKw("sort", kw, "key", "reverse");
            SortList(self, Kw(kw, "key"), KwTrue(kw, "reverse"));
            return None;
        });
        Method(list, "reverse", (self, _, _) =>
        {
            nint n = PyList.Size(self);
            PyObject** items = PyList.Items(self);
            for (nint i = 0, j = n - 1; i < j; i++, j--)
            {
                PyObject* tmp = items[i];
                items[i] = items[j];
                items[j] = tmp;
            }
            return None;
        });
        Method(list, "clear", (self, _, _) =>
        {
            ListClear(self);
            return None;
        });
        Method(list, "copy", (self, _, _) =>
        {
            PyObject* l = PyList.New(St, PyList.Size(self));
            ListExtend(l, self);
            return l;
        });
    }

    private PyObject* NewView(PyTypeObject* type, PyObject* dict)
    {
        PyObject* v = ScriptTypes.New(type);
        ((PyDictViewObject*)v)->dv_dict = NewRef(dict);
        ScriptTypes.Track(v);
        return v;
    }

    private void RegisterDictMethods()
    {
        PyTypeObject* dict = St->type_dict;
        Method(dict, "keys", (self, _, _) => NewView(T.DictKeys, self));
        Method(dict, "values", (self, _, _) => NewView(T.DictValues, self));
        Method(dict, "items", (self, _, _) => NewView(T.DictItems, self));
        Method(dict, "get", (self, a, _) =>
        {
            Arity("get", a, 1, 2);
            PyObject* v = PyDict.GetItem(self, A(a, 0));
            return NewRef(v != null ? v : a.Length == 2 ? A(a, 1) : St->none);
        });
        Method(dict, "pop", (self, a, _) =>
        {
            Arity("pop", a, 1, 2);
            PyObject* v = PyDict.GetItem(self, A(a, 0));
            if (v == null)
            {
                if (a.Length == 2)
                {
                    return NewRef(A(a, 1));
                }
                throw new PythonException(NewKeyError(A(a, 0)));
            }
            v = NewRef(v);
            PyDict.DelItem(self, A(a, 0));
            return v;
        });
        Method(dict, "popitem", (self, _, _) =>
        {
            nint pos = 0;
            PyObject* lastK = null, lastV = null;
            while (PyDict.Next(self, ref pos, out PyObject* k, out PyObject* v))
            {
                lastK = k;
                lastV = v;
            }
            if (lastK == null)
            {
                PyObject* m = Str("popitem(): dictionary is empty");
                PyObject* e = NewKeyError(m);
                Refcount.Decref(m);
                throw new PythonException(e);
            }
            PyObject* t = Tuple([(nint)lastK, (nint)lastV]);
            PyDict.DelItem(self, lastK);
            return t;
        });
        Method(dict, "setdefault", (self, a, _) =>
        {
            Arity("setdefault", a, 1, 2);
            PyObject* v = PyDict.GetItem(self, A(a, 0));
            if (v == null)
            {
                v = a.Length == 2 ? A(a, 1) : St->none;
                PyDict.SetItem(self, A(a, 0), v);
            }
            return NewRef(v);
        });
        Method(dict, "update", (self, a, kw) =>
        {
            Arity("update", a, 0, 1);
            if (a.Length == 1)
            {
                DictUpdate(self, A(a, 0));
            }
            if (kw != null)
            {
                foreach (var (n, v) in kw)
                {
                    PyObject* k = Str(n);
                    PyDict.SetItem(self, k, (PyObject*)v);
                    Refcount.Decref(k);
                }
            }
            return None;
        });
        Method(dict, "clear", (self, _, _) =>
        {
            PyDict.Clear(self);
            return None;
        });
        Method(dict, "copy", (self, _, _) =>
        {
            PyObject* d = PyDict.New(St);
            DictUpdate(d, self);
            return d;
        });
        TypeMethod(dict, "fromkeys", (_, a, _) =>
        {
            Arity("fromkeys", a, 1, 2);
            PyObject* d = PyDict.New(St);
            List<nint> keys = CollectItems(A(a, 0), unpacking: false);
            foreach (nint k in keys)
            {
                PyDict.SetItem(d, (PyObject*)k, a.Length == 2 ? A(a, 1) : St->none);
                Refcount.Decref((PyObject*)k);
            }
            return d;
        });
    }

    internal PyObject* ToSet(PyObject* o)
    {
        if (IsSet(o))
        {
            return NewRef(o);
        }
        PyObject* s = PySet.New(St->type_set);
        try
        {
            SetAddIterable(s, o);
        }
        catch
        {
            Refcount.Decref(s);
            throw;
        }
        return s;
    }

    private void SetBinary(string name, BinaryOperator op, bool inplace)
    {
        BuiltinFn fn = (self, a, _) =>
        {
            PyObject* acc = inplace ? NewRef(self) : SetOperation(BinaryOperator.BitOr, self, self, false);
            if (!inplace && self->ob_type == St->type_frozenset)
            {
                Refcount.Decref(acc);
                acc = PySet.New(St->type_frozenset);
                PyObject* tmp = SetOperation(BinaryOperator.BitOr, acc, self, true);
                Refcount.Decref(tmp);
            }
            foreach (nint x in a)
            {
                PyObject* other = ToSet((PyObject*)x);
                PyObject* r = SetOperation(op, acc, other, inplace: true);
                Refcount.Decref(r);
                Refcount.Decref(other);
            }
            if (inplace)
            {
                Refcount.Decref(acc);
                return None;
            }
            return acc;
        };
        Method(St->type_set, name, fn);
        if (!inplace)
        {
            Method(St->type_frozenset, name, fn);
        }
    }

    private void RegisterSetMethods()
    {
        PyTypeObject* set = St->type_set;
        Method(set, "add", (self, a, _) =>
        {
            Arity("add", a, 1, 1);
            PySet.Add(self, A(a, 0));
            return None;
        });
        Method(set, "discard", (self, a, _) =>
        {
            Arity("discard", a, 1, 1);
            PySet.Discard(self, A(a, 0));
            return None;
        });
        Method(set, "remove", (self, a, _) =>
        {
            Arity("remove", a, 1, 1);
            if (!PySet.Discard(self, A(a, 0)))
            {
                throw new PythonException(NewKeyError(A(a, 0)));
            }
            return None;
        });
        Method(set, "pop", (self, _, _) =>
        {
            nint pos = 0;
            if (!PySet.Next(self, ref pos, out PyObject* k))
            {
                throw Error(KeyError, "pop from an empty set");
            }
            k = NewRef(k);
            PySet.Discard(self, k);
            return k;
        });
        Method(set, "clear", (self, _, _) =>
        {
            PySet.Clear(self);
            return None;
        });
        BuiltinFn copy = (self, _, _) => SetOperation(BinaryOperator.BitOr, self, self, false);
        Method(set, "copy", copy);
        Method(St->type_frozenset, "copy", copy);
        SetBinary("union", BinaryOperator.BitOr, false);
        SetBinary("intersection", BinaryOperator.BitAnd, false);
        SetBinary("difference", BinaryOperator.Sub, false);
        SetBinary("symmetric_difference", BinaryOperator.BitXor, false);
        SetBinary("update", BinaryOperator.BitOr, true);
        SetBinary("intersection_update", BinaryOperator.BitAnd, true);
        SetBinary("difference_update", BinaryOperator.Sub, true);
        foreach (nint tp in new[] { (nint)set, (nint)St->type_frozenset })
        {
            var t = (PyTypeObject*)tp;
            Method(t, "issubset", (self, a, _) =>
            {
                PyObject* o = ToSet(A(a, 0));
                try
                {
                    return Bool(PySet.IsSubset(self, o));
                }
                finally
                {
                    Refcount.Decref(o);
                }
            });
            Method(t, "issuperset", (self, a, _) =>
            {
                PyObject* o = ToSet(A(a, 0));
                try
                {
                    return Bool(PySet.IsSubset(o, self));
                }
                finally
                {
                    Refcount.Decref(o);
                }
            });
            Method(t, "isdisjoint", (self, a, _) =>
            {
                PyObject* o = ToSet(A(a, 0));
                try
                {
                    // set_isdisjoint walks the other set unless this one is smaller, each key held while probed.
                    bool swap = PySet.Size(self) > PySet.Size(o);
                    PyObject* walked = swap ? self : o;
                    PyObject* probed = swap ? o : self;
                    nint pos = 0;
                    while (PySet.Next(walked, ref pos, out PyObject* k, out nint hash))
                    {
                        PyObject* key = NewRef(k);
                        try
                        {
                            if (PySet.ContainsWithHash(probed, key, hash))
                            {
                                return Bool(false);
                            }
                        }
                        finally
                        {
                            Refcount.Decref(key);
                        }
                    }
                    return Bool(true);
                }
                finally
                {
                    Refcount.Decref(o);
                }
            });
        }
    }
}
