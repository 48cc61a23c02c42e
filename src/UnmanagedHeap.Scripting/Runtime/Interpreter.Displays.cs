using System.Collections.Immutable;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>Tuple and list displays (<c>(a, b)</c>, <c>[]</c>, <c>[x, *rest]</c>).</summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// Displays this short without <c>*iterable</c> are evaluated into a stack buffer: most
    /// displays are, and a List per <c>[]</c> would be managed garbage on a hot path.
    /// </summary>
    private const int SmallDisplay = 8;

    private static bool HasStarred(ImmutableArray<Expr> elements)
    {
        foreach (Expr e in elements)
        {
            if (e is StarredExpr)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSmallPlainDisplay(ImmutableArray<Expr> elements) => elements.Length <= SmallDisplay && !HasStarred(elements);

    private PyObject* EvalTupleDisplay(TupleExpr t, ExecFrame f)
    {
        if (t.Elements.Length == 0)
        {
            return NewRef(St->empty_tuple);
        }
        if (IsSmallPlainDisplay(t.Elements))
        {
            Span<nint> items = stackalloc nint[t.Elements.Length];
            EvalPlainElements(t.Elements, f, items);
            return TupleSteal(items);
        }
        List<nint> list = EvalElements(t.Elements, f);
        return list.Count == 0 ? NewRef(St->empty_tuple) : TupleSteal(list);
    }

    private PyObject* EvalListDisplay(ListExpr l, ExecFrame f)
    {
        if (IsSmallPlainDisplay(l.Elements))
        {
            Span<nint> items = stackalloc nint[l.Elements.Length];
            EvalPlainElements(l.Elements, f, items);
            return BuildListDisplay(l, items);
        }
        List<nint> list = EvalElements(l.Elements, f);
        return BuildListDisplay(l, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
    }

    /// <summary>The list of a display, taking over the evaluated items.</summary>
    private PyObject* BuildListDisplay(ListExpr l, ReadOnlySpan<nint> items)
    {
        if (items.Length > 2 && l.Elements.All(IsConstantLiteral))
        {
            // CPython builds a constant display with LIST_EXTEND from a tuple: capacity rounds up to 4.
            PyObject* list = PyList.New(St, (items.Length + 3) & ~3);
            foreach (nint it in items)
            {
                PyList.Append(list, (PyObject*)it);
                Refcount.Decref((PyObject*)it);
            }
            return list;
        }
        return ListSteal(items);
    }

    /// <summary>Evaluates elements without <c>*iterable</c> into <paramref name="into"/> (owned references); on failure releases those evaluated.</summary>
    private void EvalPlainElements(ImmutableArray<Expr> elements, ExecFrame f, Span<nint> into)
    {
        int done = 0;
        try
        {
            for (; done < elements.Length; done++)
            {
                into[done] = (nint)Eval(elements[done], f);
            }
        }
        finally
        {
            if (done < elements.Length)
            {
                for (int i = 0; i < done; i++)
                {
                    Refcount.Decref((PyObject*)into[i]);
                }
            }
        }
    }
}
