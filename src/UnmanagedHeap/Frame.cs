using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap;

/// <summary>
/// A scope whose named locals are references, as a Python frame's are: binding a name takes
/// over a reference, rebinding drops the old one, and leaving the scope drops them all in
/// binding order. Variables are labels — the objects live on only if something else still
/// refers to them (a cycle, say).
/// </summary>
public sealed unsafe class Frame : IDisposable
{
    private readonly Heap _heap;
    private readonly List<string> _names = [];
    private PyObject** _locals;
    private int _capacity;
    private bool _closed;

    internal Frame(Heap heap)
    {
        _heap = heap;
        _capacity = 8;
        _locals = (PyObject**)NativeMemory.AllocZeroed((nuint)(_capacity * sizeof(nint)));
        heap.FrameOpened(this);
    }

    /// <summary>The bound names and their objects (borrowed), for inspection's roots.</summary>
    internal List<(string Name, nint Value)> Bindings()
    {
        var bindings = new List<(string, nint)>();
        for (int i = 0; i < _names.Count && !_closed; i++)
        {
            if (_locals[i] != null)
            {
                bindings.Add((_names[i], (nint)_locals[i]));
            }
        }
        return bindings;
    }

    /// <summary>Names bound so far, in binding order.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            _heap.CheckThread();
            return _names;
        }
    }

    /// <summary>Binds <paramref name="name"/> to the object, taking over the reference (which must belong to the frame's heap); returns a borrowed view.</summary>
    public BorrowedRef Bind(string name, NewRef value)
    {
        EnsureOpen();
        PyObject* op = value.StealFor(_heap);
        int index = _names.IndexOf(name);
        if (index < 0)
        {
            if (_names.Count == _capacity)
            {
                Grow();
            }
            index = _names.Count;
            _names.Add(name);
        }
        Refcount.Assign(&_locals[index], op);
        return new BorrowedRef(_heap, op);
    }

    /// <summary>The object a name is bound to, borrowed from the frame.</summary>
    public BorrowedRef Get(string name)
    {
        EnsureOpen();
        int index = _names.IndexOf(name);
        if (index < 0 || _locals[index] == null)
        {
            throw new KeyNotFoundException($"name '{name}' is not bound in this frame");
        }
        return new BorrowedRef(_heap, _locals[index]);
    }

    /// <summary>Unbinds a name (Python's <c>del name</c>), dropping its reference.</summary>
    public void Unbind(string name)
    {
        EnsureOpen();
        int index = _names.IndexOf(name);
        if (index < 0 || _locals[index] == null)
        {
            throw new KeyNotFoundException($"name '{name}' is not bound in this frame");
        }
        Refcount.Clear(&_locals[index]);
    }

    private void Grow()
    {
        int capacity = _capacity * 2;
        var locals = (PyObject**)NativeMemory.AllocZeroed((nuint)(capacity * sizeof(nint)));
        Buffer.MemoryCopy(_locals, locals, capacity * sizeof(nint), _capacity * sizeof(nint));
        NativeMemory.Free(_locals);
        _locals = locals;
        _capacity = capacity;
    }

    private void EnsureOpen()
    {
        _heap.CheckThread();
        ObjectDisposedException.ThrowIf(_closed, this);
    }

    /// <summary>Leaves the scope: every local's reference is dropped, in binding order.</summary>
    /// <remarks>
    /// After the heap's Dispose the locals' objects are gone with its memory: the frame
    /// frees only its own table, then throws ObjectDisposedException like every other member.
    /// </remarks>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }
        if (_heap.IsDisposed)
        {
            _closed = true;
            NativeMemory.Free(_locals);
            _locals = null;
        }
        _heap.CheckThread();
        _closed = true;
        _heap.FrameClosed(this);
        for (int i = 0; i < _names.Count; i++)
        {
            Refcount.Clear(&_locals[i]);
        }
        NativeMemory.Free(_locals);
        _locals = null;
        _heap.RunPendingCollection();
    }
}
