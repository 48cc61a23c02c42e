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
    public PyTypeObject* SyntaxError { get; private set; }

    private readonly List<(string Name, nint Type)> _exceptionTypes = [];

    private void CreateExceptionTypes()
    {
        BaseException = NewClass("BaseException", St->type_object, null, builtin: true);
        Exception = Exc("Exception", BaseException);
        PyTypeObject* arithmetic = Exc("ArithmeticError", Exception);
        PyTypeObject* lookup = Exc("LookupError", Exception);
        LookupError = lookup;
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
        PyTypeObject* unicodeError = Exc("UnicodeError", ValueError);
        UnicodeEncodeError = Exc("UnicodeEncodeError", unicodeError);
        UnicodeDecodeError = Exc("UnicodeDecodeError", unicodeError);
        BufferError = Exc("BufferError", Exception);
        Exc("OSError", Exception);
        SyntaxError = Exc("SyntaxError", Exception);
        Exc("TabError", Exc("IndentationError", SyntaxError));
        Exc("Warning", Exception);
        CreateExceptionGroupTypes();
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
    public PyTypeObject* NewClass(string name, PyTypeObject* baseType, PyObject* ns, bool builtin = false) =>
        NewClass(name, [baseType], ns, builtin);

    /// <summary>A class with several bases: tp_base is the best base (whose layout it extends), tp_mro their C3 merge.</summary>
    public PyTypeObject* NewClass(string name, PyTypeObject*[] bases, PyObject* ns, bool builtin = false)
    {
        for (int i = 0; i < bases.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (bases[i] == bases[j])
                {
                    throw TypeErr($"duplicate base class {ShortName(bases[i])}");
                }
            }
        }
        PyTypeObject* baseType = BestBase(bases);
        PyTypeObject* layout = SubtypeLayout.LayoutOf(baseType);
        if (!IsSubclassableLayout(layout))
        {
            throw TypeErr($"subclassing '{NameOfType(layout)}' is not supported by this interpreter");
        }
        PyTypeObject* t = layout == St->type_object ? NewInstanceType(name, baseType)
            : layout == St->type_type ? NewMetaType(name, baseType)
            : NewBuiltinLayoutType(name, baseType, layout);
        if (IsSubtype(baseType, BaseException == null ? baseType : BaseException) && BaseException != null)
        {
            t->tp_flags |= TypeFlags.BaseExceptionSubclass;
        }
        t->tp_dict = ns != null ? NewRef(ns) : PyDict.New(St);
        // type_new: __new__ is a static method, __init_subclass__ and __class_getitem__ are
        // class methods, even without the decorator.
        WrapImplicit(t, "__new__", T.StaticMethod);
        WrapImplicit(t, "__init_subclass__", T.ClassMethod);
        WrapImplicit(t, "__class_getitem__", T.ClassMethod);
        Refcount.Incref((PyObject*)baseType);
        t->tp_bases = Tuple(TypeAddresses(bases));
        try
        {
            t->tp_mro = ComputeMro(t, bases);
        }
        catch
        {
            Refcount.Decref((PyObject*)t); // no half-made class survives a failed MRO
            throw;
        }
        if (builtin)
        {
            _builtinClasses.Add((nint)t);
        }
        if (!builtin)
        {
            if ((baseType->tp_flags & TypeFlags.ManagedDict) == 0 && layout != St->type_type)
            {
                AddGetSetDescriptor(t, "__dict__");
            }
            if ((t->tp_flags & TypeFlags.ManagedWeakref) != 0 && !BaseHasAttribute(baseType, "__weakref__"))
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
        if (t->tp_layout != null && t->tp_layout->tp_as_number != null)
        {
            InstanceSlots.InheritNumber(t, t->tp_layout, this);
        }
        return t;
    }

    private void WrapImplicit(PyTypeObject* t, string name, PyTypeObject* descriptor)
    {
        PyObject* f = PyDict.GetItem(t->tp_dict, Intern(name));
        if (f != null && f->ob_type == T.Function)
        {
            PyObject* wrapped = NewDescriptor(descriptor, f, null, null);
            PyDict.SetItem(t->tp_dict, Intern(name), wrapped);
            Refcount.Decref(wrapped);
        }
    }

    /// <summary>A class whose instances are plain instances: attribute values inline after the header (3.12 layout).</summary>
    private PyTypeObject* NewInstanceType(string name, PyTypeObject* baseType)
    {
        PyTypeObject* t = Heap.Types.Create(name, sizeof(PyObject), sizeof(nint),
            TypeFlags.HeapType | TypeFlags.BaseType | TypeFlags.HaveGc | TypeFlags.ManagedDict | TypeFlags.ManagedWeakref,
            PyInstance.Slots, baseType);
        t->tp_inline_capacity = PyInstance.DefaultInlineCapacity;
        return t;
    }

    /// <summary>
    /// A class derived from a built-in with its own layout: instances are that built-in's
    /// object, with a dict (and, when the built-in has no weakref field, a weakref list) in
    /// the pre-header, as type_new lays them out in 3.12. Its subclass flag (ListSubclass...)
    /// carries over, so PyList_Check-style tests see it.
    /// </summary>
    private PyTypeObject* NewBuiltinLayoutType(string name, PyTypeObject* baseType, PyTypeObject* layout)
    {
        const TypeFlags inherited = TypeFlags.LongSubclass | TypeFlags.ListSubclass | TypeFlags.TupleSubclass | TypeFlags.BytesSubclass
            | TypeFlags.UnicodeSubclass | TypeFlags.DictSubclass;
        TypeFlags flags = TypeFlags.HeapType | TypeFlags.BaseType | TypeFlags.HaveGc | TypeFlags.ManagedDict | (layout->tp_flags & inherited);
        bool ownWeaklist = layout->tp_weaklistoffset != 0;
        if (!ownWeaklist && layout->tp_itemsize == 0)
        {
            flags |= TypeFlags.ManagedWeakref;
        }
        PyTypeObject* t = Heap.Types.Create(name, layout->tp_basicsize, layout->tp_itemsize, flags, SubtypeLayout.Slots, baseType);
        if (ownWeaklist)
        {
            t->tp_weaklistoffset = layout->tp_weaklistoffset;
        }
        t->tp_inline_capacity = 0;
        t->tp_layout = layout;
        return t;
    }

    /// <summary>Whether a class in <paramref name="baseType"/>'s MRO has <paramref name="name"/> in its own dict.</summary>
    private bool BaseHasAttribute(PyTypeObject* baseType, string name)
    {
        foreach (PyTypeObject* c in new TypeMro(baseType))
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
        foreach (PyTypeObject* c in new TypeMro(t))
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
        foreach (PyTypeObject* c in new TypeMro(t))
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
        if (e.Object == null)
        {
            return;
        }
        string report = FormatUncaught(e);
        // CPython's PyErr_WriteUnraisable always writes the header, even with no entries.
        Err.Write(report.StartsWith("Traceback", StringComparison.Ordinal) ? report : "Traceback (most recent call last):\n" + report);
        Refcount.Decref(e.Steal());
    }
}
