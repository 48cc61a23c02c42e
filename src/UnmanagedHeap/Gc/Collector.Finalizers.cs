using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>
/// Finalizers written in C#: <see cref="SetFinalizer"/> gives a class a <c>__del__</c>. The
/// class's tp_finalize slot then points at a trampoline that finds the delegate by type, so
/// it runs whether reference counting or the collector ends the object (once, PEP 442).
/// </summary>
public sealed unsafe partial class Collector
{
    private readonly Dictionary<nint, Finalizer> _finalizers = [];

    /// <summary>
    /// Sets (or with null removes) the finalizer of <paramref name="cls"/>'s instances. The
    /// finalizer sees the object alive; storing a new reference to it resurrects it, and it
    /// is not finalized again. Exceptions it throws are reported through <see cref="Unraisable"/>.
    /// </summary>
    public void SetFinalizer(PyClass cls, Finalizer? finalizer)
    {
        PyTypeObject* type = cls.TypeFor(_heap);
        if (finalizer == null)
        {
            // Only a slot this class installed is taken away again.
            if (_finalizers.Remove((nint)type))
            {
                type->tp_finalize = null;
            }
            return;
        }
        _finalizers[(nint)type] = finalizer;
        type->tp_finalize = &FinalizeTrampoline;
    }

    /// <summary>The tp_finalize of classes with a C# finalizer; never lets an exception escape.</summary>
    private static void FinalizeTrampoline(PyObject* op)
    {
        Heap heap = Heap.FromState(op->ob_type->tp_heap);
        heap.Gc.RunManagedFinalizer(op);
    }

    private void RunManagedFinalizer(PyObject* op)
    {
        if (!_finalizers.TryGetValue((nint)op->ob_type, out Finalizer? finalizer))
        {
            return;
        }
        try
        {
            finalizer(new BorrowedRef(_heap, op));
        }
        catch (Exception e)
        {
            ReportUnraisable($"<function {TypeRegistry.NameOf(op->ob_type)}.__del__>", e);
        }
    }
}
