using System.Collections.Immutable;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The <c>match</c> statement (PEP 634), with CPython 3.12's semantics: the subject is
/// evaluated once; each case's names are bound only when its whole pattern matched (before
/// the guard runs, so a failed guard leaves them bound, as in CPython); sequence patterns
/// take list, tuple and range (never str or bytes); mapping patterns use <c>get</c>; class
/// patterns go through <c>isinstance</c> and <c>__match_args__</c>.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>Names a pattern bound, with owned references, assigned once the pattern has matched.</summary>
    private sealed class PatternBindings : List<(NameExpr Target, nint Value)>
    {
        public void Release(int from = 0)
        {
            for (int i = Count - 1; i >= from; i--)
            {
                Refcount.Decref((PyObject*)this[i].Value);
            }
            RemoveRange(from, Count - from);
        }
    }

    private Flow ExecMatch(MatchStmt m, ExecFrame f)
    {
        PyObject* subject = Eval(m.Subject, f);
        try
        {
            foreach (MatchCase c in m.Cases)
            {
                if (MatchCasePattern(c, (nint)subject, f) && (c.Guard is null || Truthy(c.Guard, f)))
                {
                    return ExecBlock(c.Body, f);
                }
            }
            return Flow.Normal;
        }
        finally
        {
            Refcount.Decref(subject);
        }
    }

    /// <summary>Matches one case's pattern against the (borrowed) subject and, when it matched, binds its names.</summary>
    internal bool MatchCasePattern(MatchCase c, nint subject, ExecFrame f)
    {
        f.Line = c.Line;
        var bindings = new PatternBindings();
        try
        {
            if (!MatchPattern(c.Pattern, (PyObject*)subject, bindings, f))
            {
                return false;
            }
            foreach ((NameExpr target, nint value) in bindings)
            {
                AssignTo(target, (PyObject*)value, f);
            }
            return true;
        }
        finally
        {
            bindings.Release();
        }
    }

    /// <summary>Whether <paramref name="subject"/> (borrowed) matches; captures go to <paramref name="bindings"/>.</summary>
    private bool MatchPattern(Pattern p, PyObject* subject, PatternBindings bindings, ExecFrame f)
    {
        switch (p)
        {
            case MatchAsPattern a:
                if (a.Pattern is not null && !MatchPattern(a.Pattern, subject, bindings, f))
                {
                    return false;
                }
                if (a.Target is not null)
                {
                    bindings.Add((a.Target, (nint)NewRef(subject)));
                }
                return true;
            case MatchValuePattern v:
                return MatchEquals(v.Value, subject, f);
            case MatchSingletonPattern s:
            {
                PyObject* value = Eval(s.Value, f);
                Refcount.Decref(value); // None, True and False are immortal singletons
                return value == subject;
            }
            case MatchOrPattern o:
                foreach (Pattern alternative in o.Patterns)
                {
                    int mark = bindings.Count;
                    if (MatchPattern(alternative, subject, bindings, f))
                    {
                        return true;
                    }
                    bindings.Release(mark);
                }
                return false;
            case MatchSequencePattern sq:
                return MatchSequence(sq, subject, bindings, f);
            case MatchMappingPattern mp:
                return MatchMapping(mp, subject, bindings, f);
            case MatchClassPattern cp:
                return MatchClass(cp, subject, bindings, f);
            default:
                throw Error(SystemError, "unknown pattern");
        }
    }

    private bool MatchEquals(Expr valueExpr, PyObject* subject, ExecFrame f)
    {
        PyObject* value = Eval(valueExpr, f);
        try
        {
            PyObject* eq = CompareOp(CompareOperator.Eq, subject, value);
            try
            {
                return IsTrue(eq);
            }
            finally
            {
                Refcount.Decref(eq);
            }
        }
        finally
        {
            Refcount.Decref(value);
        }
    }

    /// <summary>CPython's Py_TPFLAGS_SEQUENCE types: list, tuple, range and their subclasses (str and bytes are not sequences here).</summary>
    private bool IsMatchSequence(PyObject* o) =>
        IsSubtype(o->ob_type, St->type_list) || IsSubtype(o->ob_type, St->type_tuple) || o->ob_type == T.Range;

    private bool MatchSequence(MatchSequencePattern sq, PyObject* subject, PatternBindings bindings, ExecFrame f)
    {
        if (!IsMatchSequence(subject))
        {
            return false;
        }
        ImmutableArray<Pattern> items = sq.Patterns;
        int star = items.IndexOf(items.FirstOrDefault(x => x is MatchStarPattern)!);
        long length = Length(subject);
        if (star < 0 ? length != items.Length : length < items.Length - 1)
        {
            return false;
        }
        int after = star < 0 ? 0 : items.Length - star - 1;
        for (int i = 0; i < items.Length; i++)
        {
            if (i == star)
            {
                var star_ = (MatchStarPattern)items[i];
                if (star_.Target is not null)
                {
                    var taken = new List<nint>();
                    for (long k = star; k < length - after; k++)
                    {
                        taken.Add((nint)MatchItemAt(subject, k));
                    }
                    bindings.Add((star_.Target, (nint)ListSteal(taken)));
                }
                continue;
            }
            long index = star >= 0 && i > star ? length - (items.Length - i) : i;
            PyObject* item = MatchItemAt(subject, index);
            try
            {
                if (!MatchPattern(items[i], item, bindings, f))
                {
                    return false;
                }
            }
            finally
            {
                Refcount.Decref(item);
            }
        }
        return true;
    }

    private PyObject* MatchItemAt(PyObject* sequence, long index)
    {
        PyObject* key = Int(index);
        try
        {
            return GetItem(sequence, key);
        }
        finally
        {
            Refcount.Decref(key);
        }
    }

    private bool MatchMapping(MatchMappingPattern mp, PyObject* subject, PatternBindings bindings, ExecFrame f)
    {
        if (!IsSubtype(subject->ob_type, St->type_dict))
        {
            return false;
        }
        if (mp.Keys.Length == 0 && mp.Rest is null)
        {
            return true;
        }
        if (Length(subject) < mp.Keys.Length)
        {
            return false;
        }
        var keys = new List<nint>();
        PyObject* missing = ListSteal(new List<nint>());
        PyObject* get = null;
        try
        {
            foreach (Expr k in mp.Keys)
            {
                PyObject* key = Eval(k, f);
                foreach (nint seen in keys)
                {
                    if (MatchKeysEqual((PyObject*)seen, key))
                    {
                        string repr = Repr(key);
                        Refcount.Decref(key);
                        throw Error(ValueError, $"mapping pattern checks duplicate key ({repr})");
                    }
                }
                keys.Add((nint)key);
            }
            get = GetAttr(subject, "get");
            for (int i = 0; i < keys.Count; i++)
            {
                PyObject* value = Call(get, [keys[i], (nint)missing], null);
                try
                {
                    if (value == missing || !MatchPattern(mp.Patterns[i], value, bindings, f))
                    {
                        return false;
                    }
                }
                finally
                {
                    Refcount.Decref(value);
                }
            }
            if (mp.Rest is not null)
            {
                PyObject* rest = Call((PyObject*)St->type_dict, [(nint)subject], null);
                try
                {
                    foreach (nint key in keys)
                    {
                        DelItem(rest, (PyObject*)key);
                    }
                }
                catch
                {
                    Refcount.Decref(rest);
                    throw;
                }
                bindings.Add((mp.Rest, (nint)rest));
            }
            return true;
        }
        finally
        {
            if (get != null)
            {
                Refcount.Decref(get);
            }
            Refcount.Decref(missing);
            foreach (nint key in keys)
            {
                Refcount.Decref((PyObject*)key);
            }
        }
    }

    private bool MatchKeysEqual(PyObject* a, PyObject* b)
    {
        PyObject* eq = CompareOp(CompareOperator.Eq, a, b);
        try
        {
            return IsTrue(eq);
        }
        finally
        {
            Refcount.Decref(eq);
        }
    }
}
