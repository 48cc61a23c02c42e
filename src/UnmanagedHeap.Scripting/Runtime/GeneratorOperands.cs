using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Operations on borrowed operands (<c>nint</c> references) for expressions with a yield
/// inside, which <see cref="GeneratorExecutor"/> evaluates piecewise: each returns a new
/// reference, as the ordinary evaluator does.
/// </summary>
public sealed unsafe partial class Interpreter
{
    internal nint Binary(BinaryOperator op, nint a, nint b) => (nint)BinaryOp(op, (PyObject*)a, (PyObject*)b, inplace: false);

    internal nint Unary(UnaryOperator op, nint v) => (nint)UnaryOp(op, (PyObject*)v);

    internal nint Compare(CompareOperator op, nint a, nint b) => (nint)CompareOp(op, (PyObject*)a, (PyObject*)b);

    internal nint GetAttrAddress(nint obj, string name) => (nint)GetAttr((PyObject*)obj, name);

    internal nint GetItemAddress(nint obj, nint key) => (nint)GetItem((PyObject*)obj, (PyObject*)key);

    internal bool IsTrueAddress(nint v) => IsTrue((PyObject*)v);

    internal nint TupleOf(List<nint> items) => items.Count == 0 ? (nint)NewRef(St->empty_tuple) : (nint)Tuple(items.ToArray());

    internal nint ListOf(List<nint> items)
    {
        PyObject* list = PyList.New(St, items.Count);
        foreach (nint it in items)
        {
            PyList.Append(list, (PyObject*)it);
        }
        return (nint)list;
    }

    /// <summary>What <c>obj.name(...)</c> calls (new reference); when <paramref name="unbound"/>, obj goes first.</summary>
    internal nint LookupMethodAddress(nint obj, string name, out bool unbound) => (nint)LookupMethod((PyObject*)obj, name, out unbound);

    /// <summary>Calls with borrowed callee, self (0: none), arguments and keyword values; returns a new reference.</summary>
    internal nint CallBorrowedArguments(nint callee, nint self, List<nint> args, List<(string Name, nint Value)> keywords)
    {
        var owned = new List<nint>(args.Count + 1);
        if (self != 0)
        {
            owned.Add((nint)NewRef((PyObject*)self));
        }
        foreach (nint a in args)
        {
            owned.Add((nint)NewRef((PyObject*)a));
        }
        KwArgs? kw = null;
        foreach (var (name, value) in keywords)
        {
            kw ??= [];
            kw.Add((name, (nint)NewRef((PyObject*)value)));
        }
        return (nint)Call((PyObject*)callee, owned.ToArray(), kw);
    }

    internal nint SetOf(List<nint> items)
    {
        PyObject* set = PySet.New(St->type_set);
        try
        {
            foreach (nint it in items)
            {
                PySet.Add(set, (PyObject*)it);
            }
        }
        catch
        {
            Refcount.Decref(set);
            throw;
        }
        return (nint)set;
    }

    /// <summary>A dict from alternating keys and values (borrowed).</summary>
    internal nint DictOf(List<nint> keysAndValues)
    {
        PyObject* dict = PyDict.New(St);
        try
        {
            for (int i = 0; i < keysAndValues.Count; i += 2)
            {
                PyDict.SetItem(dict, (PyObject*)keysAndValues[i], (PyObject*)keysAndValues[i + 1]);
            }
        }
        catch
        {
            Refcount.Decref(dict);
            throw;
        }
        return (nint)dict;
    }

    /// <summary><c>name := value</c>: binds the value (borrowed) and returns it (new reference).</summary>
    internal nint StoreNamed(ExecFrame f, string name, nint value)
    {
        StoreName(f, name, NewRef((PyObject*)value));
        return (nint)NewRef((PyObject*)value);
    }
}
