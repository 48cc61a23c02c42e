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

    /// <summary>Which special methods each wrapper of the shared table calls: a class derived from int or float gets a wrapper only where it defines one.</summary>
    private static readonly Dictionary<nint, string[]> WrapperNames = new()
    {
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&Add] = ["__add__", "__radd__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceAdd] = ["__iadd__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&Sub] = ["__sub__", "__rsub__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceSub] = ["__isub__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&Mult] = ["__mul__", "__rmul__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceMult] = ["__imul__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&MatMult] = ["__matmul__", "__rmatmul__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceMatMult] = ["__imatmul__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&Div] = ["__truediv__", "__rtruediv__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceDiv] = ["__itruediv__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&Mod] = ["__mod__", "__rmod__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceMod] = ["__imod__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&LShift] = ["__lshift__", "__rlshift__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceLShift] = ["__ilshift__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&RShift] = ["__rshift__", "__rrshift__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceRShift] = ["__irshift__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&BitOr] = ["__or__", "__ror__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceBitOr] = ["__ior__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&BitXor] = ["__xor__", "__rxor__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceBitXor] = ["__ixor__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&BitAnd] = ["__and__", "__rand__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceBitAnd] = ["__iand__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&FloorDiv] = ["__floordiv__", "__rfloordiv__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*>)&InPlaceFloorDiv] = ["__ifloordiv__"],
        [(nint)(delegate*<PyObject*, PyObject*>)&Negative] = ["__neg__"],
        [(nint)(delegate*<PyObject*, PyObject*>)&Positive] = ["__pos__"],
        [(nint)(delegate*<PyObject*, PyObject*>)&Invert] = ["__invert__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*, PyObject*>)&Power] = ["__pow__", "__rpow__"],
        [(nint)(delegate*<PyObject*, PyObject*, PyObject*, PyObject*>)&InPlacePower] = ["__ipow__"],
        [(nint)(delegate*<PyObject*, int>)&Bool] = ["__bool__", "__len__"],
    };

    /// <summary>
    /// The number slots of a class derived from a built-in number (int, float): the built-in's
    /// table, with the shared wrapper in each slot whose special method the class defines, so
    /// <c>I(5) + 1</c> is int's addition (a plain int, as in CPython) unless the class says
    /// otherwise. Decided when the class is made; the table lives as long as the process, as
    /// the shared one does.
    /// </summary>
    public static void InheritNumber(PyTypeObject* type, PyTypeObject* layout, Interpreter it)
    {
        var table = (PyNumberMethods*)NativeMemory.AllocZeroed((nuint)sizeof(PyNumberMethods));
        *table = *layout->tp_as_number;
        var dst = (nint*)table;
        var shared = (nint*)SharedNumber;
        for (int i = 0; i < sizeof(PyNumberMethods) / sizeof(nint); i++)
        {
            if (shared[i] != 0 && WrapperNames.TryGetValue(shared[i], out string[]? names) && names.Any(n => it.LookupInType(type, n) != null))
            {
                dst[i] = shared[i];
            }
        }
        type->tp_as_number = table;
    }

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
        table->nb_negative = &Negative;
        table->nb_positive = &Positive;
        table->nb_invert = &Invert;
        table->nb_add = &Add;
        table->nb_inplace_add = &InPlaceAdd;
        table->nb_subtract = &Sub;
        table->nb_inplace_subtract = &InPlaceSub;
        table->nb_multiply = &Mult;
        table->nb_inplace_multiply = &InPlaceMult;
        table->nb_matrix_multiply = &MatMult;
        table->nb_inplace_matrix_multiply = &InPlaceMatMult;
        table->nb_true_divide = &Div;
        table->nb_inplace_true_divide = &InPlaceDiv;
        table->nb_remainder = &Mod;
        table->nb_inplace_remainder = &InPlaceMod;
        table->nb_power = &Power;
        table->nb_inplace_power = &InPlacePower;
        table->nb_lshift = &LShift;
        table->nb_inplace_lshift = &InPlaceLShift;
        table->nb_rshift = &RShift;
        table->nb_inplace_rshift = &InPlaceRShift;
        table->nb_or = &BitOr;
        table->nb_inplace_or = &InPlaceBitOr;
        table->nb_xor = &BitXor;
        table->nb_inplace_xor = &InPlaceBitXor;
        table->nb_and = &BitAnd;
        table->nb_inplace_and = &InPlaceBitAnd;
        table->nb_floor_divide = &FloorDiv;
        table->nb_inplace_floor_divide = &InPlaceFloorDiv;
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
            // Inherited: a class derived from a built-in hashes as the built-in does (list: unhashable).
            PyTypeObject* layout = self->ob_type->tp_layout;
            return layout != null && layout->tp_hash != null ? layout->tp_hash(self) : ObjectHash.Pointer(self);
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
            PyTypeObject* layout = self->ob_type->tp_layout;
            return layout != null && layout->tp_richcompare != null
                ? layout->tp_richcompare(self, other, op)
                : ObjectProtocol.ObjectRichCompare(self, other, op);
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

    private static PyObject* Negative(PyObject* v) => UnaryWrapper(v, "__neg__");
    private static PyObject* Positive(PyObject* v) => UnaryWrapper(v, "__pos__");
    private static PyObject* Invert(PyObject* v) => UnaryWrapper(v, "__invert__");

    /// <summary>slot_nb_negative and kin: the method, or null (no such operation) when the class has none.</summary>
    private static PyObject* UnaryWrapper(PyObject* v, string name)
    {
        Interpreter? it = Interpreter.TryOf(v->ob_type->tp_heap);
        PyObject* method = it?.LookupInType(v->ob_type, name);
        return method == null ? null : it!.CallWithSelf(method, v, []);
    }

    private static PyObject* Add(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__add__", "__radd__");
    private static PyObject* InPlaceAdd(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__iadd__");
    private static PyObject* Sub(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__sub__", "__rsub__");
    private static PyObject* InPlaceSub(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__isub__");
    private static PyObject* Mult(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__mul__", "__rmul__");
    private static PyObject* InPlaceMult(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__imul__");
    private static PyObject* MatMult(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__matmul__", "__rmatmul__");
    private static PyObject* InPlaceMatMult(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__imatmul__");
    private static PyObject* Div(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__truediv__", "__rtruediv__");
    private static PyObject* InPlaceDiv(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__itruediv__");
    private static PyObject* Mod(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__mod__", "__rmod__");
    private static PyObject* InPlaceMod(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__imod__");
    private static PyObject* Power(PyObject* a, PyObject* b, PyObject* modulus) =>
        modulus == a->ob_type->tp_heap->none ? BinaryWrapper(a, b, "__pow__", "__rpow__") : ObjectProtocol.NotImplemented(a->ob_type->tp_heap);
    private static PyObject* InPlacePower(PyObject* a, PyObject* b, PyObject* modulus) =>
        modulus == a->ob_type->tp_heap->none ? InPlaceWrapper(a, b, "__ipow__") : ObjectProtocol.NotImplemented(a->ob_type->tp_heap);
    private static PyObject* LShift(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__lshift__", "__rlshift__");
    private static PyObject* InPlaceLShift(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__ilshift__");
    private static PyObject* RShift(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__rshift__", "__rrshift__");
    private static PyObject* InPlaceRShift(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__irshift__");
    private static PyObject* BitOr(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__or__", "__ror__");
    private static PyObject* InPlaceBitOr(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__ior__");
    private static PyObject* BitXor(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__xor__", "__rxor__");
    private static PyObject* InPlaceBitXor(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__ixor__");
    private static PyObject* BitAnd(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__and__", "__rand__");
    private static PyObject* InPlaceBitAnd(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__iand__");
    private static PyObject* FloorDiv(PyObject* a, PyObject* b) => BinaryWrapper(a, b, "__floordiv__", "__rfloordiv__");
    private static PyObject* InPlaceFloorDiv(PyObject* a, PyObject* b) => InPlaceWrapper(a, b, "__ifloordiv__");

    /// <summary>
    /// CPython's SLOT1BINFULL: called for either operand (both, when each is an instance of a
    /// class, share this slot), it asks the left operand's <paramref name="name"/> and the
    /// right operand's <paramref name="reflected"/>, the reflected one first when the right
    /// operand's class is a subclass of the left one's that overrides it.
    /// </summary>
    private static PyObject* BinaryWrapper(PyObject* self, PyObject* other, string name, string reflected)
    {
        HeapState* st = self->ob_type->tp_heap;
        Interpreter? it = Interpreter.TryOf(st);
        if (it == null)
        {
            return ObjectProtocol.NotImplemented(st);
        }
        PyTypeObject* ts = self->ob_type;
        PyTypeObject* to = other->ob_type;
        bool doOther = ts != to && HasWrappers(to);
        if (HasWrappers(ts))
        {
            if (doOther && ObjectProtocol.IsSubtype(to, ts))
            {
                PyObject* overriding = it.LookupInType(to, reflected);
                if (overriding != null && overriding != it.LookupInType(ts, reflected))
                {
                    PyObject* first = CallBinary(it, overriding, other, self);
                    if (first != st->not_implemented)
                    {
                        return first;
                    }
                    doOther = false;
                }
            }
            PyObject* method = it.LookupInType(ts, name);
            if (method != null)
            {
                PyObject* r = CallBinary(it, method, self, other);
                if (r != st->not_implemented || ts == to)
                {
                    return r;
                }
            }
            else if (ts == to)
            {
                return ObjectProtocol.NotImplemented(st);
            }
        }
        if (doOther)
        {
            PyObject* method = it.LookupInType(to, reflected);
            if (method != null)
            {
                return CallBinary(it, method, other, self);
            }
        }
        return ObjectProtocol.NotImplemented(st);
    }

    /// <summary>Whether a type's number slots are (or may be) these wrappers: a class's, shared or inherited from int or float.</summary>
    private static bool HasWrappers(PyTypeObject* t) => (t->tp_flags & TypeFlags.HeapType) != 0 && t->tp_as_number != null;

    /// <summary>slot_nb_inplace_add and kin: the class's <c>__iadd__</c>..., or NotImplemented so the binary form runs.</summary>
    private static PyObject* InPlaceWrapper(PyObject* self, PyObject* other, string name)
    {
        HeapState* st = self->ob_type->tp_heap;
        Interpreter? it = Interpreter.TryOf(st);
        PyObject* method = it?.LookupInType(self->ob_type, name);
        return method == null ? ObjectProtocol.NotImplemented(st) : CallBinary(it!, method, self, other);
    }

    private static PyObject* CallBinary(Interpreter it, PyObject* method, PyObject* self, PyObject* other)
    {
        Refcount.Incref(other);
        return it.CallWithSelf(method, self, [(nint)other]);
    }
}
