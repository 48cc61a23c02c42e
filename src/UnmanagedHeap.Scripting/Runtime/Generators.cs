using System.Collections.Immutable;
using UnmanagedHeap.Objects;
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
/// A generator expression's state: it runs inside the enclosing frame, with its loop
/// variables swapped into that frame's comprehension variables while it runs.
/// </summary>
internal sealed unsafe class ExpressionGeneratorState(GeneratorBody body, List<(string Name, nint Value, bool IsCell)> vars, string qualName)
    : GeneratorState(body.Frame, "<genexpr>", qualName)
{
    private List<(string Name, nint Value, bool IsCell)> _vars = vars;
    private int _mark = -1;

    /// <summary>A generator expression has no try blocks: a thrown exception just ends it.</summary>
    public override bool AcceptsThrow => false;

    public override void Enter()
    {
        ExecFrame f = Frame;
        f.CompVars ??= [];
        _mark = f.CompVars.Count;
        f.CompVars.AddRange(_vars);
    }

    public override void Leave()
    {
        ExecFrame f = Frame;
        _vars = f.CompVars!.GetRange(_mark, _vars.Count);
        f.CompVars.RemoveRange(_mark, _vars.Count);
        _mark = -1;
    }

    public override void ReleaseFrame()
    {
        foreach (var (_, value, _) in _vars)
        {
            Refcount.XDecref((PyObject*)value);
        }
        _vars = [];
    }

    public override int Traverse(delegate*<PyObject*, void*, int> visit, void* arg)
    {
        // While it runs the variables live in the enclosing frame, which the collector never sees.
        if (_mark >= 0)
        {
            return 0;
        }
        foreach (var (_, value, _) in _vars)
        {
            if (value != 0)
            {
                int r = visit((PyObject*)value, arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }
        return 0;
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

    public bool IsGenerator(PyObject* o) => _generatorType != null && o->ob_type == _generatorType;

    /// <summary>The state behind a generator object, or null once it has been cleared.</summary>
    private GeneratorState? StateOf(PyObject* gen) =>
        _generators.TryGetValue(((PyGenObject*)gen)->gi_handle, out GeneratorState? state) ? state : null;

    /// <summary>A new, tracked generator object for <paramref name="state"/>; <paramref name="first"/> (owned) may be null.</summary>
    private PyObject* NewGeneratorObject(GeneratorState state, PyObject* first)
    {
        PyTypeObject* type = GeneratorType;
        nint handle = (nint)(++_nextGenerator);
        _generators[handle] = state;
        PyObject* gen = ObjectMemory.AllocateZeroed(type);
        ((PyGenObject*)gen)->gi_first = first;
        ((PyGenObject*)gen)->gi_handle = handle;
        GcList.Track(gen);
        return gen;
    }

    /// <summary>A generator expression: the first iterable is evaluated now, in the enclosing scope; the rest runs lazily.</summary>
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
        var vars = new List<(string, nint, bool)>();
        foreach (Comprehension g in ge.Generators)
        {
            AddTargetNames(g.Target, vars);
        }
        var body = new GeneratorBody(this, ge.Generators, ge.Element, f);
        string qualName = f.Scope.Kind == ScopeKind.Function ? f.QualPrefix + "<genexpr>" : "<genexpr>";
        var state = new ExpressionGeneratorState(body, vars, qualName);
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
