using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Abstract;
using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Scripting.Types;

/// <summary>
/// The slots of a class defined by a script: wrappers that call its special methods, as
/// CPython's <c>slot_tp_hash</c>, <c>slot_tp_richcompare</c> and <c>slot_nb_bool</c> do.
/// Every class gets them when it is created; each wrapper looks the method up on the
/// instance's type when called (a cached lookup), so a special method assigned to the class
/// later takes effect as in CPython, and a class without one behaves as <c>object</c>.
/// Nothing below the scripting layer knows about special methods: dicts, sets and tuples
/// reach <c>__hash__</c> and <c>__eq__</c> through these slots.
/// </summary>
public static unsafe class InstanceSlots
{
    /// <summary>
    /// One number-methods table shared by every class (the wrappers decide by looking the
    /// method up), allocated once per process like a C extension's static table.
    /// </summary>
    private static readonly PyNumberMethods* SharedNumber = CreateNumberMethods();

    private static readonly string[] CompareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    /// <summary>Fills the slots of a new class.</summary>
    public static void Fill(PyTypeObject* type)
    {
        type->tp_hash = &Hash;
        type->tp_richcompare = &RichCompare;
        type->tp_as_number = SharedNumber;
    }

    private static PyNumberMethods* CreateNumberMethods()
    {
        var table = (PyNumberMethods*)NativeMemory.AllocZeroed((nuint)sizeof(PyNumberMethods));
        table->nb_bool = &Bool;
        return table;
    }

    /// <summary>
    /// slot_tp_hash: <c>__hash__</c> when the class (or a base) defines one; <c>__hash__ = None</c>
    /// (what a class defining only <c>__eq__</c> gets) is unhashable; otherwise by identity.
    /// </summary>
    private static nint Hash(PyObject* self)
    {
        Interpreter? it = Interpreter.TryOf(self->ob_type->tp_heap);
        PyObject* method = it?.LookupInType(self->ob_type, "__hash__");
        if (method == null)
        {
            return ObjectHash.Pointer(self);
        }
        if (method == it!.St->none)
        {
            throw new UnhashableException(TypeRegistry.NameOf(self->ob_type));
        }
        PyObject* r = it.CallWithSelf(method, self, []);
        try
        {
            return Hashing.FromHashResult(it, r);
        }
        finally
        {
            Refcount.Decref(r);
        }
    }

    /// <summary>
    /// slot_tp_richcompare: the class's <c>__eq__</c>, <c>__lt__</c>... with the other operand;
    /// without one, object's comparison (identity for ==, the inverse of == for !=).
    /// </summary>
    private static PyObject* RichCompare(PyObject* self, PyObject* other, RichCompareOp op)
    {
        Interpreter? it = Interpreter.TryOf(self->ob_type->tp_heap);
        PyObject* method = it?.LookupInType(self->ob_type, CompareNames[(int)op]);
        if (method == null)
        {
            return ObjectProtocol.ObjectRichCompare(self, other, op);
        }
        Refcount.Incref(other);
        return it!.CallWithSelf(method, self, [(nint)other]);
    }

    /// <summary>slot_nb_bool: <c>__bool__</c>, else <c>__len__</c> != 0, else true.</summary>
    private static int Bool(PyObject* self)
    {
        Interpreter? it = Interpreter.TryOf(self->ob_type->tp_heap);
        return it == null || it.IsTrue(self) ? 1 : 0;
    }
}
