using System.Collections.Immutable;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// A generator object: the first iterator of a generator expression (visible to the
/// collector; null for a generator function's generator) and a handle to its running state.
/// </summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
public unsafe struct PyGenObject
{
    public PyObject ob_base;
    public PyObject* gi_first;
    public nint gi_handle;
    /// <summary>Head of the weak references to this generator (tp_weaklistoffset points here).</summary>
    public nint gi_weakreflist;
}

/// <summary>
/// The body of a generator expression as a C# iterator: it runs the comprehension loop one
/// element at a time, so <c>any(f(x) for x in xs)</c> stops calling f once it has an answer.
/// Only references (as <c>nint</c>) cross the yields; the interpreter does the pointer work.
/// </summary>
internal sealed class GeneratorBody(Interpreter interp, ImmutableArray<Comprehension> gens, Expr element, ExecFrame frame)
{
    public ExecFrame Frame { get; } = frame;

    public IEnumerable<nint> Loop(int index, nint iterator)
    {
        try
        {
            while (true)
            {
                nint item = interp.NextItem(iterator);
                if (item == 0)
                {
                    yield break;
                }
                interp.AssignAndRelease(gens[index].Target, item, Frame);
                if (!interp.AllTrue(gens[index].Ifs, Frame))
                {
                    continue;
                }
                if (index + 1 < gens.Length)
                {
                    nint inner = interp.EvalIterator(gens[index + 1].Iter, Frame);
                    foreach (nint v in Loop(index + 1, inner))
                    {
                        yield return v;
                    }
                }
                else
                {
                    yield return interp.EvalToAddress(element, Frame);
                }
            }
        }
        finally
        {
            interp.Release(iterator);
        }
    }
}

/// <summary>
/// A generator expression's state: its own frame (its loop variables, and cells for those a
/// lambda inside captures), the closure of enclosing variables it reads, and the module
/// globals the frame borrows — what CPython's genexpr function and frame hold.
/// </summary>
internal sealed unsafe class ExpressionGeneratorState(ExecFrame frame, nint closure, nint globals, string qualName)
    : GeneratorState(frame, "<genexpr>", qualName)
{
    private nint _closure = closure;
    private nint _globals = globals;

    /// <summary>A generator expression has no try blocks: a thrown exception just ends it.</summary>
    public override bool AcceptsThrow => false;

    public override void ReleaseFrame()
    {
        Frame.Release();
        nint closure = _closure;
        nint globals = _globals;
        _closure = 0;
        _globals = 0;
        Refcount.XDecref((PyObject*)closure);
        Refcount.XDecref((PyObject*)globals);
    }

    public override int Traverse(delegate*<PyObject*, void*, int> visit, void* arg)
    {
        int r = VisitAll([_closure, _globals], visit, arg);
        return r != 0 ? r : VisitAll(Frame.Fast, visit, arg);
    }
}

public sealed unsafe partial class Interpreter
{
    private readonly Dictionary<nint, GeneratorState> _generators = [];
    private long _nextGenerator;
    private PyTypeObject* _generatorType;

    private PyTypeObject* GeneratorType
    {
        get
        {
            if (_generatorType == null)
            {
                var slots = new TypeSlots { Dealloc = &GeneratorDealloc, Traverse = &GeneratorTraverse, Clear = &GeneratorClear, Finalize = &GeneratorFinalize };
                _generatorType = Heap.Types.Create("generator", sizeof(PyGenObject), 0, TypeFlags.HaveGc, slots, St->type_object);
                _generatorType->tp_weaklistoffset = sizeof(PyGenObject) - sizeof(nint);
                RegisterGeneratorMethods(_generatorType);
            }
            return _generatorType;
        }
    }

    /// <summary>A generator or a coroutine: objects run by the generator machinery (see <see cref="IsIterableGenerator"/>).</summary>
    public bool IsGenerator(PyObject* o) => (_generatorType != null && o->ob_type == _generatorType) || IsCoroutine(o);

    /// <summary>The state behind a generator object, or null once it has been cleared.</summary>
    private GeneratorState? StateOf(PyObject* gen) =>
        _generators.TryGetValue(((PyGenObject*)gen)->gi_handle, out GeneratorState? state) ? state : null;

    /// <summary>A new, tracked generator object for <paramref name="state"/>; <paramref name="first"/> (owned) may be null.</summary>
    private PyObject* NewGeneratorObject(GeneratorState state, PyObject* first, bool coroutine = false)
    {
        PyTypeObject* type = coroutine ? CoroutineType : GeneratorType;
        nint handle = (nint)(++_nextGenerator);
        _generators[handle] = state;
        PyObject* gen = ObjectMemory.AllocateZeroed(type);
        ((PyGenObject*)gen)->gi_first = first;
        ((PyGenObject*)gen)->gi_handle = handle;
        GcList.Track(gen);
        return gen;
    }

    /// <summary>
    /// A generator expression: the first iterable is evaluated now, in the enclosing scope; the
    /// rest runs lazily in the expression's own frame, reaching enclosing variables through cells.
    /// </summary>
    private PyObject* MakeGenerator(GeneratorExpr ge, ExecFrame f)
    {
        PyObject* first = Eval(ge.Generators[0].Iter, f);
        PyObject* it;
        try
        {
            it = GetIter(first);
        }
        finally
        {
            Refcount.Decref(first);
        }
        Scope scope = _scopes[ge];
        PyObject* closure = null;
        try
        {
            if (scope.Free.Count > 0)
            {
                var cells = new List<nint>();
                foreach (string n in scope.Free)
                {
                    cells.Add((nint)NewRef(FindCell(f, n)));
                }
                closure = TupleSteal(cells);
            }
        }
        catch
        {
            Refcount.Decref(it);
            throw;
        }
        string qualName = f.QualPrefix + "<genexpr>";
        var frame = new ExecFrame(scope, f.Globals, null, closure, null, "<genexpr>", qualName + ".<locals>.") { Line = ge.Line, File = f.File };
        foreach (string cellName in scope.Cells)
        {
            PyObject* cell = ScriptTypes.New(T.Cell);
            ScriptTypes.Track(cell);
            frame.Fast[scope.Slots[cellName]] = (nint)cell;
        }
        var state = new ExpressionGeneratorState(frame, (nint)closure, (nint)NewRef(f.Globals), qualName);
        var body = new GeneratorBody(this, ge.Generators, ge.Element, frame);
        state.Enumerator = body.Loop(0, (nint)NewRef(it)).GetEnumerator();
        return NewGeneratorObject(state, it);
    }

    /// <summary>Drops a generator's state without running any of its Python code (dealloc, tp_clear).</summary>
    private void DropGenerator(nint handle)
    {
        if (_generators.Remove(handle, out GeneratorState? state))
        {
            FinishGenerator(state);
        }
    }

    private static void GeneratorDealloc(PyObject* op)
    {
        GcList.Untrack(op);
        if (op->ob_type->tp_finalize != null && !Finalization.IsFinalized(op) && Finalization.CallFromDealloc(op))
        {
            return; // the finalizer (close) resurrected it
        }
        WeakrefHooks.ClearWeakrefs(op);
        GeneratorClear(op);
        ObjectMemory.Free(op);
    }

    private static int GeneratorTraverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var g = (PyGenObject*)op;
        if (g->gi_first != null)
        {
            int r = visit(g->gi_first, arg);
            if (r != 0)
            {
                return r;
            }
        }
        if (g->gi_handle == 0)
        {
            return 0;
        }
        GeneratorState? state = Of(op->ob_type->tp_heap).StateOf(op);
        return state == null ? 0 : state.Traverse(visit, arg);
    }

    private static int GeneratorClear(PyObject* op)
    {
        var g = (PyGenObject*)op;
        nint handle = g->gi_handle;
        g->gi_handle = 0;
        if (handle != 0)
        {
            Of(op->ob_type->tp_heap).DropGenerator(handle);
        }
        Refcount.Clear(&g->gi_first);
        return 0;
    }

    // ---- Helpers the iterator bodies call (pointer work stays out of the iterators) ----

    internal nint NextItem(nint iterator) => (nint)Next((PyObject*)iterator);

    internal void AssignAndRelease(Expr target, nint item, ExecFrame f)
    {
        try
        {
            AssignTo(target, (PyObject*)item, f);
        }
        finally
        {
            Refcount.Decref((PyObject*)item);
        }
    }

    internal bool AllTrue(ImmutableArray<Expr> conditions, ExecFrame f)
    {
        foreach (Expr c in conditions)
        {
            if (!Truthy(c, f))
            {
                return false;
            }
        }
        return true;
    }

    internal nint EvalIterator(Expr e, ExecFrame f)
    {
        PyObject* v = Eval(e, f);
        try
        {
            return (nint)GetIter(v);
        }
        finally
        {
            Refcount.Decref(v);
        }
    }

    internal nint EvalToAddress(Expr e, ExecFrame f) => (nint)Eval(e, f);

    internal void Release(nint o) => Refcount.XDecref((PyObject*)o);
}
