using System.Runtime.CompilerServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// What the collector does at each reference it follows (visit_decref, visit_reachable…),
/// as a static method the JIT can inline into <see cref="Referents.Visit{TVisitor}"/>.
/// </summary>
internal unsafe interface IReferentVisitor
{
    /// <summary>Called once per reference; <paramref name="arg"/> is the walk's own argument.</summary>
    static abstract int Visit(PyObject* op, void* arg);
}

/// <summary>
/// The collector's walk over one object's references. It visits exactly the references the
/// type's traverse slot visits, in the same order, so results cannot differ; for the two
/// shapes that make up most heaps — lists and class instances — it reads them itself with
/// the visit inlined instead of calling the slot, which calls back through a function
/// pointer once per reference. Every other type goes through its slot.
/// </summary>
internal static unsafe class Referents
{
    /// <summary>
    /// The traverse slot every class shares. Compared as an address: should the runtime ever
    /// hand out two entry points for one method, the check fails and the slot runs — slower,
    /// never wrong.
    /// </summary>
    private static readonly void* InstanceTraverse = PyInstance.Slots.Traverse;

    private const int ItemPrefetchDistance = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Visit<TVisitor>(PyObject* op, PyTypeObject* listType, void* arg)
        where TVisitor : IReferentVisitor
    {
        PyTypeObject* type = op->ob_type;
        var traverse = type->tp_traverse;
        if (type == listType)
        {
            // list_traverse: the items, last to first.
            PyObject** items = PyList.Items(op);
            for (nint i = PyList.Size(op) - 1; i >= 0; i--)
            {
                // A long list's items are visited one after another: ask for each a little
                // before its turn. (Items before the first are never read: i - distance < 0.)
                if (i >= ItemPrefetchDistance)
                {
                    GcBuffer.Prefetch(GcHead.AsGc(items[i - ItemPrefetchDistance]));
                }
                PyObject* item = items[i];
                if (item != null)
                {
                    TVisitor.Visit(item, arg);
                }
            }
        }
        else if ((void*)traverse == InstanceTraverse)
        {
            // An instance: its inline values (or its dict), then its class.
            nint word = *PyInstance.DictOrValues(op);
            if ((word & 1) != 0)
            {
                PyObject** values = PyInstance.Values(op);
                nint capacity = word >> 1;
                for (nint i = 0; i < capacity; i++)
                {
                    if (values[i] != null)
                    {
                        TVisitor.Visit(values[i], arg);
                    }
                }
            }
            else if (word != 0)
            {
                TVisitor.Visit((PyObject*)word, arg);
            }
            TVisitor.Visit((PyObject*)type, arg);
        }
        else if (traverse != null)
        {
            traverse(op, &TVisitor.Visit, arg);
        }
    }

    /// <summary>
    /// Starts loading the headers of the objects <paramref name="op"/> references (for a
    /// list, its item array), so that a walk visiting <paramref name="op"/> a few steps later
    /// does not wait for them. Reads <paramref name="op"/> itself: it must be live.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Prefetch(PyObject* op, PyTypeObject* listType)
    {
        PyTypeObject* type = op->ob_type;
        if (type == listType)
        {
            GcBuffer.Prefetch(PyList.Items(op));
        }
        else if ((void*)type->tp_traverse == InstanceTraverse)
        {
            nint word = *PyInstance.DictOrValues(op);
            if ((word & 1) != 0)
            {
                PyObject** values = PyInstance.Values(op);
                nint capacity = word >> 1;
                for (nint i = 0; i < capacity; i++)
                {
                    GcBuffer.Prefetch(GcHead.AsGc(values[i]));
                }
            }
        }
    }
}
