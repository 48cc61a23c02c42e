using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Class patterns, <c>Cls(p, attr=q)</c>: an <c>isinstance</c> check, then positional
/// sub-patterns named by <c>Cls.__match_args__</c> (or, for the built-ins CPython flags
/// _Py_TPFLAGS_MATCH_SELF, one sub-pattern matched against the subject itself), then
/// attribute lookups, where a missing attribute fails the match.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private bool MatchClass(MatchClassPattern cp, PyObject* subject, PatternBindings bindings, ExecFrame f)
    {
        PyObject* cls = Eval(cp.Class, f);
        try
        {
            if (!IsSubtype(cls->ob_type, St->type_type))
            {
                throw TypeErr("called match pattern must be a class");
            }
            if (!IsInstance(subject, cls))
            {
                return false;
            }
            var type = (PyTypeObject*)cls;
            string typeName = NameOfType(type);
            List<string> names = PositionalAttributeNames(cls, type, typeName, cp.Patterns.Length, out bool matchSelf);
            names.AddRange(cp.KeywordAttributes);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < cp.Patterns.Length + cp.KeywordPatterns.Length; i++)
            {
                Pattern sub = i < cp.Patterns.Length ? cp.Patterns[i] : cp.KeywordPatterns[i - cp.Patterns.Length];
                if (matchSelf && i == 0)
                {
                    if (!MatchPattern(sub, subject, bindings, f))
                    {
                        return false;
                    }
                    continue;
                }
                string name = names[matchSelf ? i - 1 : i];
                if (!seen.Add(name))
                {
                    throw TypeErr($"{typeName}() got multiple sub-patterns for attribute '{name}'");
                }
                PyObject* value = MatchAttribute(subject, name);
                if (value == null)
                {
                    return false;
                }
                try
                {
                    if (!MatchPattern(sub, value, bindings, f))
                    {
                        return false;
                    }
                }
                finally
                {
                    Refcount.Decref(value);
                }
            }
            return true;
        }
        finally
        {
            Refcount.Decref(cls);
        }
    }

    /// <summary>The attribute names the positional sub-patterns bind, checked as CPython's match_class does.</summary>
    private List<string> PositionalAttributeNames(PyObject* cls, PyTypeObject* type, string typeName, int given, out bool matchSelf)
    {
        matchSelf = false;
        var names = new List<string>();
        if (given == 0)
        {
            return names;
        }
        PyObject* matchArgs = MatchAttribute(cls, "__match_args__");
        if (matchArgs == null)
        {
            matchSelf = IsMatchSelfType(type);
        }
        else
        {
            try
            {
                if (!IsTuple(matchArgs))
                {
                    throw TypeErr($"{typeName}.__match_args__ must be a tuple (got {TypeName(matchArgs)})");
                }
                for (nint i = 0; i < PyTuple.Size(matchArgs); i++)
                {
                    PyObject* item = PyTuple.Items(matchArgs)[i];
                    if (!IsStr(item))
                    {
                        throw TypeErr($"__match_args__ elements must be strings (got {TypeName(item)})");
                    }
                    names.Add(PyUnicode.AsString(item));
                }
            }
            finally
            {
                Refcount.Decref(matchArgs);
            }
        }
        int allowed = matchSelf ? 1 : names.Count;
        if (given > allowed)
        {
            string plural = allowed == 1 ? "" : "s";
            throw TypeErr($"{typeName}() accepts {allowed} positional sub-pattern{plural} ({given} given)");
        }
        return names;
    }

    /// <summary>bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple and their subclasses.</summary>
    private bool IsMatchSelfType(PyTypeObject* t) =>
        IsSubtype(t, St->type_int) || IsSubtype(t, St->type_float) || IsSubtype(t, St->type_str)
        || IsSubtype(t, St->type_bytes) || IsSubtype(t, St->type_dict) || IsSubtype(t, St->type_list)
        || IsSubtype(t, St->type_tuple) || IsSubtype(t, St->type_set) || IsSubtype(t, St->type_frozenset)
        || TypeRegistry.NameOf(t) == "bytearray";

    /// <summary>A new reference to the attribute, or null when looking it up raised AttributeError.</summary>
    private PyObject* MatchAttribute(PyObject* obj, string name)
    {
        try
        {
            return GetAttr(obj, name);
        }
        catch (PythonException e) when (e.Object != null && IsSubtype(e.Object->ob_type, AttributeError))
        {
            Refcount.Decref(e.Steal());
            return null;
        }
    }
}
