using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Abstract;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// bisect, natively (CPython has it in C too): binary search of a sorted sequence, with the
/// optional key= of 3.10+. Lists are read directly; other sequences through __getitem__ and
/// __len__. Each probe's item is held while it is compared (a user's __lt__ may shrink the
/// list), and the list's size is read again before every probe.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyObject* CreateBisectModule()
    {
        PyObject* m = NewModule("bisect");
        BisectFunction(m, "bisect_left", right: false, insert: false);
        BisectFunction(m, "bisect_right", right: true, insert: false);
        BisectFunction(m, "bisect", right: true, insert: false);
        BisectFunction(m, "insort_left", right: false, insert: true);
        BisectFunction(m, "insort_right", right: true, insert: true);
        BisectFunction(m, "insort", right: true, insert: true);
        return m;
    }

    private void BisectFunction(PyObject* module, string name, bool right, bool insert)
    {
        ModuleFunction(module, name, (_, a, kw) =>
        {
            CheckKw(name, kw, "a", "x", "lo", "hi", "key");
            if (a.Length > 4)
            {
                throw TypeErr($"{name}() takes at most 4 arguments ({a.Length} given)");
            }
            PyObject* seq = Arg(a, kw, 0, "a"), x = Arg(a, kw, 1, "x");
            if (seq == null || x == null)
            {
                throw TypeErr($"{name}() missing required argument '{(seq == null ? "a" : "x")}' (pos {(seq == null ? 1 : 2)})");
            }
            PyObject* loObj = Arg(a, kw, 2, "lo"), hiObj = Arg(a, kw, 3, "hi"), key = Kw(kw, "key");
            if (key == St->none)
            {
                key = null;
            }
            long lo = loObj == null ? 0 : ToLong(loObj);
            if (lo < 0)
            {
                throw ValueErr("lo must be non-negative");
            }
            long hi = hiObj == null || hiObj == St->none ? Length(seq) : ToLong(hiObj);
            // insort compares key(x) with key(item); bisect compares x itself (already a key).
            PyObject* probe = insert && key != null ? Call(key, [(nint)NewRef(x)], null) : NewRef(x);
            long index;
            try
            {
                index = BisectSearch(seq, probe, lo, hi, key, right);
            }
            finally
            {
                Refcount.Decref(probe);
            }
            if (!insert)
            {
                return Int(index);
            }
            if (seq->ob_type == St->type_list)
            {
                long n = PyList.Size(seq);
                ListReplaceRange(seq, Math.Min(index, n), Math.Min(index, n), [(nint)NewRef(x)]);
            }
            else
            {
                PyObject* method = GetAttr(seq, "insert");
                try
                {
                    Refcount.Decref(Call(method, [(nint)Int(index), (nint)NewRef(x)], null));
                }
                finally
                {
                    Refcount.Decref(method);
                }
            }
            return None;
        });
    }

    private long BisectSearch(PyObject* seq, PyObject* x, long lo, long hi, PyObject* key, bool right)
    {
        bool isList = seq->ob_type == St->type_list;
        while (lo < hi)
        {
            long mid = (long)(((ulong)lo + (ulong)hi) / 2);
            PyObject* item;
            if (isList)
            {
                if (mid >= PyList.Size(seq))
                {
                    throw Error(IndexError, "list index out of range");
                }
                item = NewRef(PyList.Items(seq)[mid]);
            }
            else
            {
                PyObject* index = Int(mid);
                try
                {
                    item = GetItem(seq, index);
                }
                finally
                {
                    Refcount.Decref(index);
                }
            }
            bool less;
            try
            {
                if (key != null)
                {
                    // Call consumes the item's reference, even when it raises.
                    PyObject* owned = item;
                    item = null;
                    item = Call(key, [(nint)owned], null);
                }
                // bisect_right: go right unless x < item; bisect_left: go right while item < x.
                less = right ? Comparison.RichBool(this, x, item, RichCompareOp.Lt) : Comparison.RichBool(this, item, x, RichCompareOp.Lt);
            }
            finally
            {
                Refcount.XDecref(item);
            }
            if (right)
            {
                if (less)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }
            else if (less)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
