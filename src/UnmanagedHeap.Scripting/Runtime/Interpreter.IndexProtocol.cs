using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>__index__</c>: objects that stand for an integer where a sequence needs one (an
/// index, a slice bound, a repeat count, list.pop/insert). The conversion runs Python code
/// that may change the sequence, so, as in CPython (list_subscript, PySlice_Unpack before
/// PySlice_AdjustIndices, the argument clinic of list.pop), it happens before the
/// sequence's size is read.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>Whether <paramref name="v"/> is an int or has a user <c>__index__</c>.</summary>
    private bool IsIndexable(PyObject* v) => IsInt(v) || UserSpecial(v, "__index__") != null;

    /// <summary>CPython's PyNumber_Index: an int (new reference) for an int or an object with <c>__index__</c>; null otherwise.</summary>
    private PyObject* IndexValueOrNull(PyObject* v)
    {
        if (IsInt(v))
        {
            return NewRef(v);
        }
        PyObject* m = UserSpecial(v, "__index__");
        if (m == null)
        {
            return null;
        }
        PyObject* r = CallWithSelf(m, v, []);
        if (!IsInt(r))
        {
            string type = TypeName(r);
            Refcount.Decref(r);
            throw TypeErr($"__index__ returned non-int (type {type})");
        }
        return r;
    }

    /// <summary>
    /// A subscript key with every <c>__index__</c> already called: an int for an indexable
    /// object, a slice of ints for a slice with indexable bounds, or the key itself (all new
    /// references).
    /// </summary>
    private PyObject* ResolvedIndexKey(PyObject* key)
    {
        if (key->ob_type == T.Slice)
        {
            var s = (PySliceObject*)key;
            if (!NeedsIndexCall(s->start) && !NeedsIndexCall(s->stop) && !NeedsIndexCall(s->step))
            {
                return NewRef(key);
            }
            PyObject* slice = ScriptTypes.New(T.Slice);
            var so = (PySliceObject*)slice;
            so->start = NewRef(St->none);
            so->stop = NewRef(St->none);
            so->step = NewRef(St->none);
            try
            {
                Refcount.Assign(&so->start, ResolvedBound(s->start));
                Refcount.Assign(&so->stop, ResolvedBound(s->stop));
                Refcount.Assign(&so->step, ResolvedBound(s->step));
            }
            catch
            {
                Refcount.Decref(slice);
                throw;
            }
            return slice;
        }
        return NeedsIndexCall(key) ? IndexValueOrNull(key) : NewRef(key);
    }

    private bool NeedsIndexCall(PyObject* v) => !IsInt(v) && v != St->none && UserSpecial(v, "__index__") != null;

    private PyObject* ResolvedBound(PyObject* v) => NeedsIndexCall(v) ? IndexValueOrNull(v) : NewRef(v);

    /// <summary>The built-in sequences whose subscripts take integers (a class's own __getitem__ sees its key unchanged).</summary>
    private bool IsIndexedSequence(PyTypeObject* t) =>
        t == St->type_list || t == St->type_tuple || t == St->type_str || t == T.Range || t == T.Bytes || t == T.ByteArray || t == T.MemoryView;

    /// <summary>Whether a key of a list, tuple, str or range subscript has <c>__index__</c> methods to call first.</summary>
    private bool KeyNeedsIndexCalls(PyObject* key)
    {
        if (IsInt(key))
        {
            return false;
        }
        if (key->ob_type == T.Slice)
        {
            var s = (PySliceObject*)key;
            return NeedsIndexCall(s->start) || NeedsIndexCall(s->stop) || NeedsIndexCall(s->step);
        }
        return NeedsIndexCall(key);
    }
}
