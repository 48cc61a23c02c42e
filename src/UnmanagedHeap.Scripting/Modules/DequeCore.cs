using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The storage of a collections.deque: a list whose live items start at <c>head</c>. The
/// cells before head are None; popleft advances head, appendleft fills the cell before it
/// (opening a gap of Nones at the front when there is none), and the dead prefix is cut
/// off once it is more than half the list, so both ends are amortised O(1).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyDequeCoreObject
{
    public PyObject ob_base;
    public PyObject* list;
    public nint head;
    /// <summary>-1 when unbounded.</summary>
    public nint maxlen;
    /// <summary>Counts changes of length, so a search that ran Python code can tell the deque changed under it (CPython's deque->state).</summary>
    public nint state;
}

/// <summary>
/// _pyheap.deque_core: the native half of collections.deque (Modules/Python/collections.py
/// holds the class). Its append/appendleft/pop/popleft are bound into each deque's instance
/// dict, so the hot calls reach C# without a Python frame. Dropping references (which can
/// run a __del__ that touches the deque) happens only after the core's state is consistent.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyTypeObject* _dequeCoreType;

    private void RegisterDequeCore(PyObject* module)
    {
        PyTypeObject* t = NativeTypes.Create(this, "_pyheap", "deque_core", sizeof(PyDequeCoreObject), 1);
        _dequeCoreType = t;
        ModuleFunction(module, "deque_core", (_, a, kw) =>
        {
            CheckKw("deque_core", kw);
            Arity("deque_core", a, 1, 1);
            long maxlen = A(a, 0) == St->none ? -1 : ToLong(A(a, 0));
            PyObject* list = PyList.New(St);
            PyObject* op;
            try
            {
                op = ObjectMemory.AllocateZeroed(t);
            }
            catch
            {
                Refcount.Decref(list);
                throw;
            }
            var d = (PyDequeCoreObject*)op;
            d->list = list;
            d->maxlen = (nint)maxlen;
            ScriptTypes.Track(op);
            return op;
        });
        DequeMethod(t, "append", (d, a) =>
        {
            DequeAppend(d, A(a, 0));
            return None;
        }, 1);
        DequeMethod(t, "appendleft", (d, a) =>
        {
            DequeAppendLeft(d, A(a, 0));
            return None;
        }, 1);
        DequeMethod(t, "pop", (d, _) => DequePop(d), 0);
        DequeMethod(t, "popleft", (d, _) => DequePopLeft(d), 0);
        DequeMethod(t, "len", (d, _) => Int(DequeLength(d)), 0);
        DequeMethod(t, "state", (d, _) => Int(d->state), 0);
        DequeMethod(t, "get", (d, a) => NewRef(PyList.Items(d->list)[DequeIndex(d, A(a, 0))]), 1);
        DequeMethod(t, "set", (d, a) =>
        {
            PyObject** cell = &PyList.Items(d->list)[DequeIndex(d, A(a, 0))];
            PyObject* old = *cell;
            *cell = NewRef(A(a, 1));
            Refcount.Decref(old);
            return None;
        }, 2);
        DequeMethod(t, "items", (d, _) => DequeItems(d), 0);
        DequeMethod(t, "extend", (d, a) =>
        {
            PyObject* it = GetIter(A(a, 0));
            try
            {
                for (PyObject* x = Next(it); x != null; x = Next(it))
                {
                    try
                    {
                        DequeAppend(d, x);
                    }
                    finally
                    {
                        Refcount.Decref(x);
                    }
                }
            }
            finally
            {
                Refcount.Decref(it);
            }
            return None;
        }, 1);
        DequeMethod(t, "reset", (d, a) =>
        {
            // The new items are copied first: reading them may run Python code.
            PyObject* fresh = ListFromIterable(A(a, 0));
            PyObject* old = d->list;
            d->list = fresh;
            d->head = 0;
            d->state++;
            DequeTrimToMaxlen(d);
            Refcount.Decref(old);
            return None;
        }, 1);
    }

    private PyObject* ListFromIterable(PyObject* iterable)
    {
        PyObject* list = PyList.New(St);
        try
        {
            PyObject* it = GetIter(iterable);
            try
            {
                for (PyObject* x = Next(it); x != null; x = Next(it))
                {
                    PyList.Append(list, x);
                    Refcount.Decref(x);
                }
            }
            finally
            {
                Refcount.Decref(it);
            }
        }
        catch
        {
            Refcount.Decref(list);
            throw;
        }
        return list;
    }

    private delegate PyObject* DequeFn(PyDequeCoreObject* d, nint[] args);

    private void DequeMethod(PyTypeObject* t, string name, DequeFn fn, int arity)
    {
        Method(t, name, (self, a, kw) =>
        {
            CheckKw(name, kw);
            if (a.Length != arity)
            {
                throw TypeErr(arity == 0 ? $"deque.{name}() takes no arguments ({a.Length} given)" : $"deque.{name}() takes exactly {(arity == 1 ? "one argument" : $"{arity} arguments")} ({a.Length} given)");
            }
            if (self->ob_type != _dequeCoreType)
            {
                throw TypeErr($"descriptor '{name}' requires a 'deque_core' object but received a '{TypeName(self)}'");
            }
            return fn((PyDequeCoreObject*)self, a);
        });
    }

    private static nint DequeLength(PyDequeCoreObject* d) => PyList.Size(d->list) - d->head;

    private nint DequeIndex(PyDequeCoreObject* d, PyObject* index)
    {
        if (!IsInt(index))
        {
            throw TypeErr($"sequence index must be integer, not '{TypeName(index)}'");
        }
        long n = DequeLength(d);
        long i = ToLong(index);
        if (i < 0)
        {
            i += n;
        }
        if (i < 0 || i >= n)
        {
            throw Error(IndexError, "deque index out of range");
        }
        return d->head + (nint)i;
    }

    private void DequeAppend(PyDequeCoreObject* d, PyObject* x)
    {
        d->state++;
        if (d->maxlen >= 0 && DequeLength(d) >= d->maxlen)
        {
            if (d->maxlen == 0)
            {
                return;
            }
            PyList.Append(d->list, x);
            PyObject* dropped = DequeTakeLeft(d);
            Refcount.Decref(dropped);
            return;
        }
        PyList.Append(d->list, x);
    }

    private void DequeAppendLeft(PyDequeCoreObject* d, PyObject* x)
    {
        d->state++;
        PyObject* dropped = null;
        if (d->maxlen >= 0 && DequeLength(d) >= d->maxlen)
        {
            if (d->maxlen == 0)
            {
                return;
            }
            dropped = DequeTakeRight(d);
        }
        if (d->head == 0)
        {
            // Open a gap of Nones at the front, as wide as half the items (at least 8).
            nint gap = Math.Max(8, DequeLength(d) / 2);
            var nones = new List<nint>((int)gap);
            for (nint i = 0; i < gap; i++)
            {
                nones.Add((nint)NewRef(St->none));
            }
            ListReplaceRange(d->list, 0, 0, nones);
            d->head = gap;
        }
        d->head--;
        PyObject** cell = &PyList.Items(d->list)[d->head];
        PyObject* old = *cell;
        *cell = NewRef(x);
        Refcount.Decref(old);
        Refcount.XDecref(dropped);
    }

    private PyObject* DequePop(PyDequeCoreObject* d)
    {
        if (DequeLength(d) == 0)
        {
            throw Error(IndexError, "pop from an empty deque");
        }
        return DequeTakeRight(d);
    }

    private PyObject* DequePopLeft(PyDequeCoreObject* d)
    {
        if (DequeLength(d) == 0)
        {
            throw Error(IndexError, "pop from an empty deque");
        }
        return DequeTakeLeft(d);
    }

    /// <summary>Removes the last item and returns its reference (the deque is not empty).</summary>
    private PyObject* DequeTakeRight(PyDequeCoreObject* d)
    {
        d->state++;
        PyObject* list = d->list;
        nint n = PyList.Size(list);
        PyObject* item = PyList.Items(list)[n - 1];
        ((PyVarObject*)list)->ob_size = n - 1;
        if (n - 1 == d->head)
        {
            DequeCompact(d);
        }
        return item;
    }

    /// <summary>Removes the first item and returns its reference (the deque is not empty).</summary>
    private PyObject* DequeTakeLeft(PyDequeCoreObject* d)
    {
        d->state++;
        PyObject** cell = &PyList.Items(d->list)[d->head];
        PyObject* item = *cell;
        *cell = NewRef(St->none);
        d->head++;
        nint size = PyList.Size(d->list);
        if (d->head == size || (d->head > 32 && d->head * 2 > size))
        {
            DequeCompact(d);
        }
        return item;
    }

    /// <summary>Cuts off the None cells before head (only immortal Nones are released).</summary>
    private void DequeCompact(PyDequeCoreObject* d)
    {
        if (d->head > 0)
        {
            nint h = d->head;
            d->head = 0;
            ListReplaceRange(d->list, 0, h, []);
        }
    }

    private void DequeTrimToMaxlen(PyDequeCoreObject* d)
    {
        while (d->maxlen >= 0 && DequeLength(d) > d->maxlen)
        {
            Refcount.Decref(DequeTakeLeft(d));
        }
    }

    private PyObject* DequeItems(PyDequeCoreObject* d)
    {
        nint n = DequeLength(d);
        var items = new List<nint>((int)n);
        PyObject** src = PyList.Items(d->list) + d->head;
        for (nint i = 0; i < n; i++)
        {
            items.Add((nint)NewRef(src[i]));
        }
        return ListSteal(items);
    }
}
