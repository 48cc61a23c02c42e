using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The object types that native modules define (random.Random, the itertools iterators,
/// collections.deque): structs in heap memory whose object fields come first after the
/// header, counted in <c>tp_members</c> as ScriptTypes does, so one dealloc/traverse/clear
/// triple serves them all. Plain words (counters, flags, generator state) follow the fields.
/// </summary>
internal static unsafe class NativeTypes
{
    /// <summary>
    /// A module type named <paramref name="module"/>.<paramref name="name"/> of
    /// <paramref name="size"/> bytes whose first <paramref name="objectFields"/> words after
    /// the header are owned references. GC types when they hold references. A non-zero
    /// <paramref name="itemSize"/> makes room for that many bytes per item after the struct
    /// (the index arrays of permutations and friends).
    /// </summary>
    public static PyTypeObject* Create(Interpreter interp, string module, string name, int size, int objectFields, int itemSize = 0)
    {
        bool gc = objectFields > 0;
        var slots = new TypeSlots { Dealloc = &Dealloc, Traverse = &Traverse, Clear = &Clear };
        HeapState* st = interp.Heap.NativeState;
        PyTypeObject* t = interp.Heap.Types.Create(name, size, itemSize, gc ? TypeFlags.HaveGc : TypeFlags.None, slots, st->type_object);
        t->tp_members = objectFields;
        t->tp_dict = PyDict.New(st);
        PyObject* m = PyUnicode.FromString(st, module);
        PyDict.SetItem(t->tp_dict, interp.Intern("__module__"), m);
        Refcount.Decref(m);
        return t;
    }

    /// <summary>
    /// Makes <paramref name="t"/> an iterator type: <c>iter()</c> returns the object itself and
    /// <c>next()</c> calls <paramref name="next"/>, which returns a new reference or null when done.
    /// </summary>
    public static void SetIterNext(PyTypeObject* t, delegate*<Interpreter, PyObject*, PyObject*> next) => t->tp_iternext = (nint)next;

    /// <summary>The iternext function of a native iterator type, or null.</summary>
    public static delegate*<Interpreter, PyObject*, PyObject*> IterNext(PyTypeObject* t) =>
        (delegate*<Interpreter, PyObject*, PyObject*>)t->tp_iternext;

    public static PyObject** Fields(PyObject* op) => (PyObject**)(op + 1);

    private static void Dealloc(PyObject* op)
    {
        if (GcList.IsGcType(op->ob_type))
        {
            GcList.Untrack(op);
        }
        Clear(op);
        ObjectMemory.Free(op);
    }

    private static int Traverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        nint n = op->ob_type->tp_members;
        PyObject** f = Fields(op);
        for (nint i = 0; i < n; i++)
        {
            if (f[i] != null)
            {
                int r = visit(f[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }
        return 0;
    }

    private static int Clear(PyObject* op)
    {
        nint n = op->ob_type->tp_members;
        PyObject** f = Fields(op);
        for (nint i = 0; i < n; i++)
        {
            Refcount.Clear(&f[i]);
        }
        return 0;
    }
}

public sealed unsafe partial class Interpreter
{
    /// <summary>True for the iterator types of native modules (their tp_iternext is set).</summary>
    private static bool IsNativeIterator(PyTypeObject* t) => t->tp_iternext != 0;

    /// <summary>repr of a native module object whose type has a tp_repr (count, repeat, deque).</summary>
    private string? NativeRepr(PyObject* o)
    {
        PyTypeObject* t = o->ob_type;
        if (t->tp_repr == null)
        {
            return null;
        }
        PyObject* r = t->tp_repr(o);
        try
        {
            return PyUnicode.AsString(r);
        }
        finally
        {
            Refcount.Decref(r);
        }
    }
}
