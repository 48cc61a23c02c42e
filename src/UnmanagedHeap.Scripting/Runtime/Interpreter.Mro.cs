using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// A new class's place among its bases, as CPython's type_new decides it: the C3
/// linearization of the bases (mro_implementation / pmerge), and the "best base" whose
/// instance layout the class extends (best_base / solid_base), which becomes tp_base.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>Classes standing in for CPython's static types (the exceptions, TextIOWrapper): their layout is a built-in one.</summary>
    private readonly HashSet<nint> _builtinClasses = [];

    /// <summary>
    /// The MRO of a class with <paramref name="bases"/>: the class, then the C3 merge of the
    /// bases' MROs and the list of bases. Returns the new tuple (new reference). Raises
    /// CPython's TypeError when the orders cannot be merged.
    /// </summary>
    private PyObject* ComputeMro(PyTypeObject* t, PyTypeObject*[] bases)
    {
        var toMerge = new List<List<nint>>(bases.Length + 1);
        foreach (PyTypeObject* b in bases)
        {
            var order = new List<nint>();
            foreach (PyTypeObject* c in new TypeMro(b))
            {
                order.Add((nint)c);
            }
            toMerge.Add(order);
        }
        toMerge.Add([.. TypeAddresses(bases)]);
        var result = new List<nint> { (nint)t };
        var remain = new int[toMerge.Count];
        while (true)
        {
            bool merged = false;
            int empty = 0;
            for (int i = 0; i < toMerge.Count && !merged; i++)
            {
                if (remain[i] >= toMerge[i].Count)
                {
                    empty++;
                    continue;
                }
                // A good head appears in no list's tail; take the first one, in bases order.
                nint candidate = toMerge[i][remain[i]];
                if (InSomeTail(toMerge, remain, candidate))
                {
                    continue;
                }
                result.Add(candidate);
                for (int j = 0; j < toMerge.Count; j++)
                {
                    if (remain[j] < toMerge[j].Count && toMerge[j][remain[j]] == candidate)
                    {
                        remain[j]++;
                    }
                }
                merged = true;
            }
            if (merged)
            {
                continue;
            }
            if (empty != toMerge.Count)
            {
                throw TypeErr(MroErrorMessage(toMerge, remain));
            }
            break;
        }
        foreach (nint c in result)
        {
            Refcount.Incref((PyObject*)c);
        }
        return TupleSteal(result);
    }

    private static bool InSomeTail(List<List<nint>> toMerge, int[] remain, nint candidate)
    {
        for (int j = 0; j < toMerge.Count; j++)
        {
            List<nint> l = toMerge[j];
            for (int k = remain[j] + 1; k < l.Count; k++)
            {
                if (l[k] == candidate)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>CPython's set_mro_error: the heads left unmerged, each named once, in list order.</summary>
    private static string MroErrorMessage(List<List<nint>> toMerge, int[] remain)
    {
        var names = new List<string>();
        var seen = new HashSet<nint>();
        for (int i = 0; i < toMerge.Count; i++)
        {
            if (remain[i] < toMerge[i].Count && seen.Add(toMerge[i][remain[i]]))
            {
                names.Add(ShortName((PyTypeObject*)toMerge[i][remain[i]]));
            }
        }
        return "Cannot create a consistent method resolution\norder (MRO) for bases " + string.Join(", ", names);
    }

    private static nint[] TypeAddresses(PyTypeObject*[] types)
    {
        var a = new nint[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            a[i] = (nint)types[i];
        }
        return a;
    }

    private static string ShortName(PyTypeObject* t)
    {
        string full = NameOfType(t);
        return full[(full.LastIndexOf('.') + 1)..];
    }

    /// <summary>
    /// CPython's best_base: the base whose solid base (the layout it extends) is the most
    /// derived of all the bases' solid bases. Two bases whose layouts are unrelated cannot
    /// share one instance layout.
    /// </summary>
    private PyTypeObject* BestBase(PyTypeObject*[] bases)
    {
        PyTypeObject* best = null;
        PyTypeObject* winner = null;
        foreach (PyTypeObject* b in bases)
        {
            if ((b->tp_flags & TypeFlags.BaseType) == 0 || b == St->type_bool)
            {
                throw TypeErr($"type '{NameOfType(b)}' is not an acceptable base type");
            }
            PyTypeObject* candidate = SolidBase(b);
            if (winner == null)
            {
                winner = candidate;
                best = b;
            }
            else if (IsSubtype(winner, candidate))
            {
                // The winner's layout already extends this one.
            }
            else if (IsSubtype(candidate, winner))
            {
                winner = candidate;
                best = b;
            }
            else
            {
                throw TypeErr("multiple bases have instance lay-out conflict");
            }
        }
        return best;
    }

    /// <summary>
    /// CPython's solid_base: the nearest type along the tp_base chain that adds fields to the
    /// object's layout. A class (which adds only a dict and weakref slot) has its base's;
    /// the exceptions share BaseException's.
    /// </summary>
    private PyTypeObject* SolidBase(PyTypeObject* t)
    {
        if (t == St->type_object)
        {
            return t;
        }
        if (_builtinClasses.Contains((nint)t))
        {
            return IsSubtype(t, BaseException) ? BaseException : t;
        }
        if ((t->tp_flags & TypeFlags.HeapType) != 0)
        {
            return SolidBase(t->tp_base);
        }
        PyTypeObject* parent = t->tp_base != null ? t->tp_base : St->type_object;
        PyTypeObject* b = SolidBase(parent);
        return t->tp_basicsize != parent->tp_basicsize || t->tp_itemsize != parent->tp_itemsize ? t : b;
    }
}
