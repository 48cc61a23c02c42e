using System.Collections.Immutable;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>List, set and dict comprehensions (generator expressions are in Generators.cs).</summary>
public sealed unsafe partial class Interpreter
{
    // These live outside Eval on purpose: a lambda capturing Eval's frame parameter would make
    // the C# compiler allocate its closure at the start of every Eval call, comprehension or not.

    private PyObject* EvalListComp(ListCompExpr lc, ExecFrame f)
    {
        PyObject* list = PyList.New(St);
        RunComprehension(lc, lc.Generators, f, () => AppendEval(list, lc.Element, f));
        return list;
    }

    private PyObject* EvalSetComp(SetCompExpr sc, ExecFrame f)
    {
        PyObject* set = PySet.New(St->type_set);
        RunComprehension(sc, sc.Generators, f, () =>
        {
            PyObject* v = Eval(sc.Element, f);
            try
            {
                PySet.Add(set, v);
            }
            finally
            {
                Refcount.Decref(v);
            }
        });
        return set;
    }

    private PyObject* EvalDictComp(DictCompExpr dc, ExecFrame f)
    {
        PyObject* dict = PyDict.New(St);
        RunComprehension(dc, dc.Generators, f, () => EvalIntoDict(dict, dc.Key, dc.Value, f));
        return dict;
    }

    private void AppendEval(PyObject* list, Expr element, ExecFrame f)
    {
        PyObject* v = Eval(element, f);
        PyList.Append(list, v);
        Refcount.Decref(v);
    }

    /// <summary>
    /// Runs a comprehension's clauses: loop variables live in the frame's comprehension
    /// overlay (their own scope, as in CPython), the first iterable is evaluated outside it.
    /// </summary>
    private void RunComprehension(Expr node, ImmutableArray<Comprehension> gens, ExecFrame f, Action body)
    {
        PyObject* first = Eval(gens[0].Iter, f);
        f.CompVars ??= [];
        int mark = f.CompVars.Count;
        foreach (Comprehension g in gens)
        {
            AddTargetNames(g.Target, f.CompVars);
        }
        if (_scopes.TryGetValue(node, out Scope? compScope) && compScope.Cells.Count > 0)
        {
            // Loop variables captured by a lambda inside the comprehension live in one cell, as in CPython.
            for (int i = mark; i < f.CompVars.Count; i++)
            {
                if (compScope.Cells.Contains(f.CompVars[i].Name))
                {
                    PyObject* cell = ScriptTypes.New(T.Cell);
                    ScriptTypes.Track(cell);
                    f.CompVars[i] = (f.CompVars[i].Name, (nint)cell, true);
                }
            }
        }
        try
        {
            CompLoop(gens, 0, (nint)first, f, body);
        }
        finally
        {
            Refcount.Decref(first);
            for (int i = f.CompVars.Count - 1; i >= mark; i--)
            {
                Refcount.XDecref((PyObject*)f.CompVars[i].Value);
                f.CompVars.RemoveAt(i);
            }
        }
    }

    private static void AddTargetNames(Expr target, List<(string, nint, bool)> vars)
    {
        switch (target)
        {
            case NameExpr n:
                vars.Add((n.Id, 0, false));
                break;
            case TupleExpr t:
                foreach (Expr e in t.Elements)
                {
                    AddTargetNames(e, vars);
                }
                break;
            case ListExpr l:
                foreach (Expr e in l.Elements)
                {
                    AddTargetNames(e, vars);
                }
                break;
            case StarredExpr s:
                AddTargetNames(s.Value, vars);
                break;
        }
    }

    private void CompLoop(ImmutableArray<Comprehension> gens, int index, nint iterable, ExecFrame f, Action body)
    {
        Comprehension g = gens[index];
        PyObject* src = index == 0 ? NewRef((PyObject*)iterable) : Eval(g.Iter, f);
        PyObject* it;
        try
        {
            it = GetIter(src);
        }
        finally
        {
            Refcount.Decref(src);
        }
        try
        {
            while (true)
            {
                PyObject* item = Next(it);
                if (item == null)
                {
                    return;
                }
                try
                {
                    AssignTo(g.Target, item, f);
                }
                finally
                {
                    Refcount.Decref(item);
                }
                bool pass = true;
                foreach (Expr cond in g.Ifs)
                {
                    if (!Truthy(cond, f))
                    {
                        pass = false;
                        break;
                    }
                }
                if (!pass)
                {
                    continue;
                }
                if (index + 1 < gens.Length)
                {
                    CompLoop(gens, index + 1, 0, f, body);
                }
                else
                {
                    body();
                }
            }
        }
        finally
        {
            Refcount.Decref(it);
        }
    }
}
