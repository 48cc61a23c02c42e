using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Types;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    public PyTypeObject* BaseException { get; private set; }
    public PyTypeObject* Exception { get; private set; }
    public PyTypeObject* TypeError { get; private set; }
    public PyTypeObject* ValueError { get; private set; }
    public PyTypeObject* NameError { get; private set; }
    public PyTypeObject* UnboundLocalError { get; private set; }
    public PyTypeObject* AttributeError { get; private set; }
    public PyTypeObject* KeyError { get; private set; }
    public PyTypeObject* IndexError { get; private set; }
    public PyTypeObject* ZeroDivisionError { get; private set; }
    public PyTypeObject* AssertionError { get; private set; }
    public PyTypeObject* RuntimeError { get; private set; }
    public PyTypeObject* RecursionError { get; private set; }
    public PyTypeObject* ReferenceError { get; private set; }
    public PyTypeObject* MemoryError { get; private set; }
    public PyTypeObject* StopIteration { get; private set; }
    public PyTypeObject* SystemError { get; private set; }
    public PyTypeObject* OverflowError { get; private set; }
    public PyTypeObject* ImportError { get; private set; }
    public PyTypeObject* NotImplementedError { get; private set; }
    public PyTypeObject* KeyboardInterrupt { get; private set; }

    private readonly List<(string Name, nint Type)> _exceptionTypes = [];

    private void CreateExceptionTypes()
    {
        BaseException = NewClass("BaseException", St->type_object, null, builtin: true);
        Exception = Exc("Exception", BaseException);
        PyTypeObject* arithmetic = Exc("ArithmeticError", Exception);
        PyTypeObject* lookup = Exc("LookupError", Exception);
        TypeError = Exc("TypeError", Exception);
        ValueError = Exc("ValueError", Exception);
        NameError = Exc("NameError", Exception);
        UnboundLocalError = Exc("UnboundLocalError", NameError);
        AttributeError = Exc("AttributeError", Exception);
        KeyError = Exc("KeyError", lookup);
        IndexError = Exc("IndexError", lookup);
        ZeroDivisionError = Exc("ZeroDivisionError", arithmetic);
        OverflowError = Exc("OverflowError", arithmetic);
        AssertionError = Exc("AssertionError", Exception);
        RuntimeError = Exc("RuntimeError", Exception);
        RecursionError = Exc("RecursionError", RuntimeError);
        NotImplementedError = Exc("NotImplementedError", RuntimeError);
        ReferenceError = Exc("ReferenceError", Exception);
        MemoryError = Exc("MemoryError", Exception);
        StopIteration = Exc("StopIteration", Exception);
        Exc("StopAsyncIteration", Exception);
        SystemError = Exc("SystemError", Exception);
        ImportError = Exc("ImportError", Exception);
        Exc("ModuleNotFoundError", ImportError);
        KeyboardInterrupt = Exc("KeyboardInterrupt", BaseException);
        Exc("SystemExit", BaseException);
        Exc("FloatingPointError", arithmetic);
        Exc("UnicodeError", ValueError);
        Exc("OSError", Exception);
        Exc("Warning", Exception);
        _exceptionTypes.Insert(0, ("BaseException", (nint)BaseException));
    }

    private PyTypeObject* Exc(string name, PyTypeObject* baseType)
    {
        PyTypeObject* t = NewClass(name, baseType, null, builtin: true);
        _exceptionTypes.Add((name, (nint)t));
        return t;
    }

    /// <summary>
    /// Creates a class: a heap type whose instances keep attributes inline (3.12 layout) and
    /// whose namespace dict becomes tp_dict. A class with <c>__del__</c> anywhere in its
    /// bases gets a tp_finalize that calls it. Returns a new reference.
    /// <para>
    /// As CPython's type_new, a class gets its <c>__bases__</c> and <c>__mro__</c> tuples, the
    /// getset descriptors <c>__dict__</c> and <c>__weakref__</c> that no base provides yet, and
    /// <c>__doc__</c>. The MRO names the class itself and each descriptor names it, so every
    /// class is in reference cycles: <c>sys.getrefcount(cls)</c> counts them, and a class
    /// nothing else uses is reclaimed by the collector, not by reference counting.
    /// <paramref name="builtin"/> marks the classes standing in for CPython's static types
    /// (the exceptions): those get no descriptors, as CPython's C types have none.
    /// </para>
    /// </summary>
    public PyTypeObject* NewClass(string name, PyTypeObject* baseType, PyObject* ns, bool builtin = false)
    {
        if (baseType != St->type_object && !IsInstanceLayout(baseType))
        {
            throw TypeErr($"subclassing '{NameOfType(baseType)}' is not supported by this interpreter");
        }
        TypeSlots slots = PyInstance.Slots;
        PyTypeObject* t = Heap.Types.Create(name, sizeof(PyObject), sizeof(nint),
            TypeFlags.HeapType | TypeFlags.BaseType | TypeFlags.HaveGc | TypeFlags.ManagedDict | TypeFlags.ManagedWeakref,
            slots, baseType);
        t->tp_inline_capacity = PyInstance.DefaultInlineCapacity;
        if (IsSubtype(baseType, BaseException == null ? baseType : BaseException) && BaseException != null)
        {
            t->tp_flags |= TypeFlags.BaseExceptionSubclass;
        }
        t->tp_dict = ns != null ? NewRef(ns) : PyDict.New(St);
        Refcount.Incref((PyObject*)baseType);
        t->tp_bases = Tuple([(nint)baseType]);
        t->tp_mro = NewMro(t, baseType);
        if (!builtin)
        {
            if (baseType == St->type_object)
            {
                AddGetSetDescriptor(t, "__dict__");
            }
            if (!BaseHasAttribute(baseType, "__weakref__"))
            {
                AddGetSetDescriptor(t, "__weakref__");
            }
            if (PyDict.GetItem(t->tp_dict, Intern("__doc__")) == null)
            {
                PyDict.SetItem(t->tp_dict, Intern("__doc__"), St->none);
            }
        }
        if (LookupInType(t, "__del__") != null)
        {
            t->tp_finalize = &FinalizeSlot;
        }
        // type_new: a class that defines __eq__ but not __hash__ is unhashable (its instances
        // would otherwise be equal with different hashes).
        if (PyDict.GetItem(t->tp_dict, Intern("__eq__")) != null && PyDict.GetItem(t->tp_dict, Intern("__hash__")) == null)
        {
            PyDict.SetItem(t->tp_dict, Intern("__hash__"), St->none);
        }
        InstanceSlots.Fill(t);
        return t;
    }

    /// <summary>The MRO tuple of single inheritance: the class, then its base's MRO.</summary>
    private PyObject* NewMro(PyTypeObject* t, PyTypeObject* baseType)
    {
        var items = new List<nint> { (nint)NewRef((PyObject*)t) };
        for (PyTypeObject* c = baseType; c != null; c = c->tp_base)
        {
            items.Add((nint)NewRef((PyObject*)c));
        }
        return TupleSteal(items);
    }

    /// <summary>Whether a class in <paramref name="baseType"/>'s MRO has <paramref name="name"/> in its own dict.</summary>
    private bool BaseHasAttribute(PyTypeObject* baseType, string name)
    {
        for (PyTypeObject* c = baseType; c != null; c = c->tp_base)
        {
            if (c->tp_dict != null && PyDict.GetItem(c->tp_dict, Intern(name)) != null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>type_new's descriptors: <paramref name="name"/> maps to a getset descriptor naming <paramref name="t"/>, unless the class body set it.</summary>
    private void AddGetSetDescriptor(PyTypeObject* t, string name)
    {
        PyObject* key = Intern(name);
        if (PyDict.GetItem(t->tp_dict, key) != null)
        {
            return;
        }
        PyObject* d = ScriptTypes.New(T.GetSetDescriptor);
        ((PyGetSetDescrObject*)d)->d_type = NewRef((PyObject*)t);
        ((PyGetSetDescrObject*)d)->d_name = key;
        ScriptTypes.Track(d);
        PyDict.SetItem(t->tp_dict, key, d);
        Refcount.Decref(d);
    }

    /// <summary>Looks a name up along the class's bases (borrowed), or null.</summary>
    public PyObject* LookupInType(PyTypeObject* t, string name)
    {
        // Special-method lookups happen on every operation; class namespaces change rarely
        // (setattr/delattr on a class clears the whole cache).
        if (_lookupCache.TryGetValue(((nint)t, name), out nint cached))
        {
            return (PyObject*)cached;
        }
        PyObject* found = LookupInTypeUncached(t, name);
        if (_lookupCache.Count > 8192)
        {
            // Keys compare names by identity (names come from the tree or C# literals); strings
            // made at run time (getattr) would otherwise grow the cache without bound.
            _lookupCache.Clear();
        }
        _lookupCache[((nint)t, name)] = (nint)found;
        return found;
    }

    private readonly Dictionary<(nint Type, string Name), nint> _lookupCache = new(new TypeNameComparer());

    private readonly Dictionary<nint, int> _typeTraits = [];

    private const int TraitSetattr = 1;
    private const int TraitProperties = 2;

    /// <summary>What a class's attribute assignment must consider (a __setattr__, properties), computed once per class.</summary>
    private int TypeTraits(PyTypeObject* t)
    {
        if (_typeTraits.TryGetValue((nint)t, out int traits))
        {
            return traits;
        }
        traits = LookupInType(t, "__setattr__") != null ? TraitSetattr : 0;
        for (PyTypeObject* c = t; c != null; c = c->tp_base)
        {
            if (c->tp_dict == null)
            {
                continue;
            }
            nint pos = 0;
            while (PyDict.Next(c->tp_dict, ref pos, out _, out PyObject* v))
            {
                if (v->ob_type == T.Property)
                {
                    traits |= TraitProperties;
                }
            }
        }
        _typeTraits[(nint)t] = traits;
        return traits;
    }

    public void InvalidateTypeCache()
    {
        _lookupCache.Clear();
        _typeTraits.Clear();
        TypeCacheEpoch++;
    }

    /// <summary>Changes whenever the type caches are invalidated: what was looked up on a class under an older epoch may be stale.</summary>
    public int TypeCacheEpoch { get; private set; }

    /// <summary>Type by address, name by reference: cheap to hash on every attribute operation.</summary>
    private sealed class TypeNameComparer : IEqualityComparer<(nint Type, string Name)>
    {
        public bool Equals((nint Type, string Name) x, (nint Type, string Name) y) => x.Type == y.Type && ReferenceEquals(x.Name, y.Name);

        public int GetHashCode((nint Type, string Name) obj) => HashCode.Combine(obj.Type, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Name));
    }

    private PyObject* LookupInTypeUncached(PyTypeObject* t, string name)
    {
        PyObject* key = Intern(name);
        for (PyTypeObject* c = t; c != null; c = c->tp_base)
        {
            if (c->tp_dict != null)
            {
                PyObject* v = PyDict.GetItem(c->tp_dict, key);
                if (v != null)
                {
                    return v;
                }
            }
        }
        return null;
    }

    /// <summary>A user-level special method (defined in a class statement), or null for built-in behaviour.</summary>
    public PyObject* UserSpecial(PyObject* o, string name)
    {
        PyTypeObject* t = o->ob_type;
        if ((t->tp_flags & TypeFlags.HeapType) == 0 || !IsInstanceLayout(t))
        {
            return null;
        }
        return LookupInType(t, name);
    }

    /// <summary>tp_finalize of classes with <c>__del__</c>: calls it; exceptions are reported, never propagated (as CPython's PyErr_WriteUnraisable).</summary>
    private static void FinalizeSlot(PyObject* op)
    {
        Interpreter interp = Of(op->ob_type->tp_heap);
        PyObject* del = interp.LookupInType(op->ob_type, "__del__");
        if (del == null)
        {
            return;
        }
        try
        {
            PyObject* r = interp.CallWithSelf(del, op, []);
            Refcount.Decref(r);
        }
        catch (PythonException e)
        {
            interp.ReportUnraisable(e, $"Exception ignored in: {interp.SafeRepr(del)}");
        }
    }

    public void ReportUnraisable(PythonException e, string context)
    {
        Out.Flush();
        Err.WriteLine(context);
        Err.WriteLine("Traceback (most recent call last):");
        PyObject* v = e.Steal();
        if (v != null)
        {
            Err.WriteLine(FormatExceptionLine(v));
            Refcount.Decref(v);
        }
    }
}
