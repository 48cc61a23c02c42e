using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// The references an object holds, each with its label: list and tuple items by index,
/// dict entries by key, instance attributes by name, set members, the referent of a weak
/// reference (weak). Types this walk does not know are read through their traverse slot,
/// which visits the same references the collector follows, unlabelled. Reads only; never
/// runs Python code, so it is safe in the middle of a collection.
/// </summary>
public static unsafe class ReferenceWalk
{
    private const int MaxKeyLabel = 32;

    /// <summary>The traverse slots of class instances and of type objects, recognised by address (as <c>Gc.Referents</c> does).</summary>
    private static readonly void* InstanceTraverse = PyInstance.Slots.Traverse;
    private static readonly void* TypeTraverse = (delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int>)&TypeRegistry.TraverseType;

    [ThreadStatic]
    private static List<nint>? s_visited;

    /// <summary>Appends <paramref name="op"/>'s references to <paramref name="into"/>.</summary>
    public static void Referents(PyObject* op, List<Reference> into)
    {
        PyTypeObject* type = op->ob_type;
        HeapState* st = type->tp_heap;
        nint from = (nint)op;
        if (type == st->type_list || type == st->type_tuple)
        {
            bool list = type == st->type_list;
            nint n = list ? PyList.Size(op) : PyTuple.Size(op);
            PyObject** items = list ? PyList.Items(op) : PyTuple.Items(op);
            for (nint i = 0; i < n; i++)
            {
                if (items[i] != null)
                {
                    into.Add(new Reference(from, (nint)items[i], $"[{i}]"));
                }
            }
        }
        else if (type == st->type_dict)
        {
            nint pos = 0;
            while (PyDict.Next(op, ref pos, out PyObject* key, out PyObject* value))
            {
                into.Add(new Reference(from, (nint)key, "key"));
                into.Add(new Reference(from, (nint)value, $"[{KeyLabel(key)}]"));
            }
        }
        else if (type == st->type_set || type == st->type_frozenset)
        {
            nint pos = 0;
            while (PySet.Next(op, ref pos, out PyObject* key))
            {
                into.Add(new Reference(from, (nint)key, "member"));
            }
        }
        else if (type == st->type_weakref_ref || type == st->type_weakref_proxy)
        {
            var wr = (PyWeakReference*)op;
            if (wr->wr_object != null && wr->wr_object != st->none)
            {
                into.Add(new Reference(from, (nint)wr->wr_object, "wr_object", Weak: true));
            }
            if (wr->wr_callback != null)
            {
                into.Add(new Reference(from, (nint)wr->wr_callback, "wr_callback"));
            }
        }
        else if ((void*)type->tp_traverse == InstanceTraverse)
        {
            PyObject* dict = PyInstance.MaterializedDict(op);
            if (dict != null)
            {
                into.Add(new Reference(from, (nint)dict, "__dict__"));
            }
            else
            {
                nint pos = 0;
                while (PyInstance.NextAttr(op, ref pos, out PyObject* name, out PyObject* value))
                {
                    into.Add(new Reference(from, (nint)value, "." + PyUnicode.AsString(name)));
                }
            }
            into.Add(new Reference(from, (nint)type, "__class__"));
        }
        else if ((void*)type->tp_traverse == TypeTraverse)
        {
            // A class: the same references type_traverse visits, by their Python names.
            var cls = (PyTypeObject*)op;
            if ((cls->tp_flags & TypeFlags.HeapType) != 0)
            {
                AddIfSet(into, from, (PyObject*)cls->tp_dict, "__dict__");
                AddIfSet(into, from, cls->tp_mro, "__mro__");
                AddIfSet(into, from, cls->tp_bases, "__bases__");
                AddIfSet(into, from, (PyObject*)cls->tp_base, "__base__");
            }
        }
        else if (type->tp_traverse != null && GcList.IsGcType(type))
        {
            List<nint> visited = s_visited ??= [];
            visited.Clear();
            type->tp_traverse(op, &Collect, null);
            foreach (nint target in visited)
            {
                into.Add(new Reference(from, target, ""));
            }
            visited.Clear();
        }
    }

    /// <summary>The references of <paramref name="op"/> as a new list.</summary>
    public static List<Reference> Referents(PyObject* op)
    {
        var list = new List<Reference>();
        Referents(op, list);
        return list;
    }

    private static void AddIfSet(List<Reference> into, nint from, PyObject* target, string label)
    {
        if (target != null)
        {
            into.Add(new Reference(from, (nint)target, label));
        }
    }

    private static int Collect(PyObject* target, void* arg)
    {
        s_visited!.Add((nint)target);
        return 0;
    }

    /// <summary>A dict key as it appears in a subscript: the repr of a str or number, else its type.</summary>
    private static string KeyLabel(PyObject* key)
    {
        HeapState* st = key->ob_type->tp_heap;
        PyTypeObject* t = key->ob_type;
        if (t == st->type_str || t == st->type_int || t == st->type_bool || t == st->type_float || key == st->none)
        {
            string repr = ObjectRepr.Repr(key);
            return repr.Length <= MaxKeyLabel ? repr : repr[..(MaxKeyLabel - 3)] + "...";
        }
        return $"<{TypeRegistry.NameOf(t)} at 0x{(nint)key:x}>";
    }
}
