using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Abstract;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// heapq's core, natively (as CPython keeps it in Modules/_heapqmodule.c): push, pop,
/// heapify, replace and pushpop on a list, with the same sift algorithms so a heap holds its
/// items in the same order as CPython's. Every comparison may run a user's __lt__, which may
/// change the list: the items compared are held across it, and the size is checked after.
/// nlargest, nsmallest and merge are Python, in Modules/Python/heapq.py.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyObject* CreateHeapqModule()
    {
        PyObject* m = NewModule("heapq");
        ModuleFunction(m, "heappush", (_, a, kw) =>
        {
            CheckKw("heappush", kw);
            Arity("heappush", a, 2, 2);
            PyObject* heap = HeapList("heappush", A(a, 0));
            PyList.Append(heap, A(a, 1));
            HeapSiftDown(heap, 0, PyList.Size(heap) - 1);
            return None;
        });
        ModuleFunction(m, "heappop", (_, a, kw) =>
        {
            CheckKw("heappop", kw);
            Arity("heappop", a, 1, 1);
            return HeapPop(HeapList("heappop", A(a, 0)));
        });
        ModuleFunction(m, "heapify", (_, a, kw) =>
        {
            CheckKw("heapify", kw);
            Arity("heapify", a, 1, 1);
            PyObject* heap = HeapList("heapify", A(a, 0));
            // Bottom-up: sift every parent, the last first.
            for (nint i = (PyList.Size(heap) / 2) - 1; i >= 0; i--)
            {
                HeapSiftUp(heap, i);
            }
            return None;
        });
        ModuleFunction(m, "heapreplace", (_, a, kw) =>
        {
            CheckKw("heapreplace", kw);
            Arity("heapreplace", a, 2, 2);
            PyObject* heap = HeapList("heapreplace", A(a, 0));
            if (PyList.Size(heap) == 0)
            {
                throw Error(IndexError, "index out of range");
            }
            PyObject** items = PyList.Items(heap);
            PyObject* top = items[0];
            items[0] = NewRef(A(a, 1));
            HeapSiftUp(heap, 0);
            return top;
        });
        ModuleFunction(m, "heappushpop", (_, a, kw) =>
        {
            CheckKw("heappushpop", kw);
            Arity("heappushpop", a, 2, 2);
            PyObject* heap = HeapList("heappushpop", A(a, 0));
            PyObject* item = A(a, 1);
            if (PyList.Size(heap) == 0)
            {
                return NewRef(item);
            }
            PyObject* top = NewRef(PyList.Items(heap)[0]);
            bool lt;
            try
            {
                lt = Comparison.RichBool(this, top, item, RichCompareOp.Lt);
            }
            finally
            {
                Refcount.Decref(top);
            }
            if (!lt)
            {
                return NewRef(item);
            }
            if (PyList.Size(heap) == 0)
            {
                throw Error(IndexError, "index out of range");
            }
            PyObject** items = PyList.Items(heap);
            PyObject* old = items[0];
            items[0] = NewRef(item);
            HeapSiftUp(heap, 0);
            return old;
        });
        return m;
    }

    private PyObject* HeapList(string func, PyObject* heap) =>
        heap->ob_type == St->type_list ? heap : throw TypeErr($"{func}() argument 1 must be list, not {TypeName(heap)}");

    private PyObject* HeapPop(PyObject* heap)
    {
        nint n = PyList.Size(heap);
        if (n == 0)
        {
            throw Error(IndexError, "index out of range");
        }
        // The last item leaves the list (the list still owns the reference we take over).
        PyObject** items = PyList.Items(heap);
        PyObject* last = items[n - 1];
        ((PyVarObject*)heap)->ob_size = n - 1;
        if (n == 1)
        {
            return last;
        }
        PyObject* top = items[0];
        items[0] = last;
        HeapSiftUp(heap, 0);
        return top;
    }

    /// <summary>
    /// Moves the item at <paramref name="pos"/> up towards <paramref name="start"/> while it is
    /// less than its parent (CPython's siftdown).
    /// </summary>
    private void HeapSiftDown(PyObject* heap, nint start, nint pos)
    {
        nint size = PyList.Size(heap);
        if (pos >= size)
        {
            throw Error(IndexError, "index out of range");
        }
        while (pos > start)
        {
            nint parentPos = (pos - 1) >> 1;
            PyObject* item = NewRef(PyList.Items(heap)[pos]);
            PyObject* parent = NewRef(PyList.Items(heap)[parentPos]);
            bool lt;
            try
            {
                lt = Comparison.RichBool(this, item, parent, RichCompareOp.Lt);
            }
            finally
            {
                Refcount.Decref(parent);
                Refcount.Decref(item);
            }
            if (size != PyList.Size(heap))
            {
                throw Error(RuntimeError, "list changed size during iteration");
            }
            if (!lt)
            {
                break;
            }
            PyObject** items = PyList.Items(heap);
            PyObject* swap = items[parentPos];
            items[parentPos] = items[pos];
            items[pos] = swap;
            pos = parentPos;
        }
    }

    /// <summary>
    /// Moves the item at <paramref name="pos"/> down to a leaf along the smaller children,
    /// then back up into place (CPython's siftup: fewer comparisons than stopping early).
    /// </summary>
    private void HeapSiftUp(PyObject* heap, nint pos)
    {
        nint end = PyList.Size(heap);
        nint start = pos;
        nint limit = end >> 1;
        while (pos < limit)
        {
            nint child = (2 * pos) + 1;
            if (child + 1 < end)
            {
                PyObject* a = NewRef(PyList.Items(heap)[child]);
                PyObject* b = NewRef(PyList.Items(heap)[child + 1]);
                bool lt;
                try
                {
                    lt = Comparison.RichBool(this, a, b, RichCompareOp.Lt);
                }
                finally
                {
                    Refcount.Decref(b);
                    Refcount.Decref(a);
                }
                if (end != PyList.Size(heap))
                {
                    throw Error(RuntimeError, "list changed size during iteration");
                }
                child += lt ? 0 : 1;
            }
            PyObject** items = PyList.Items(heap);
            PyObject* swap = items[child];
            items[child] = items[pos];
            items[pos] = swap;
            pos = child;
        }
        HeapSiftDown(heap, start, pos);
    }
}
