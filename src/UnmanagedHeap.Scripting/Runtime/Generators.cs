using System.Collections.Immutable;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>A generator object: the first iterator (visible to the collector) and a handle to its running state.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
public unsafe struct PyGenObject
{
    public PyObject ob_base;
    public PyObject* gi_first;
    public nint gi_handle;
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

public sealed unsafe partial class Interpreter
{
    private sealed class GenState(GeneratorBody body, IEnumerator<nint> enumerator, List<(string Name, nint Value, bool IsCell)> vars)
    {
        public GeneratorBody Body { get; } = body;
        public IEnumerator<nint> Enumerator { get; } = enumerator;
        public List<(string Name, nint Value, bool IsCell)> Vars { get; set; } = vars;
        public bool Done { get; set; }
        public bool Running { get; set; }
    }

    private readonly Dictionary<nint, GenState> _generators = [];
    private long _nextGenerator;
    private PyTypeObject* _generatorType;

    private PyTypeObject* GeneratorType
    {
        get
        {
            if (_generatorType == null)
            {
                var slots = new TypeSlots { Dealloc = &GeneratorDealloc, Traverse = &GeneratorTraverse, Clear = &GeneratorClear };
                _generatorType = Heap.Types.Create("generator", sizeof(PyGenObject), 0, TypeFlags.HaveGc, slots, St->type_object);
            }
            return _generatorType;
        }
    }

    public bool IsGenerator(PyObject* o) => _generatorType != null && o->ob_type == _generatorType;

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
        nint handle = (nint)(++_nextGenerator);
        _generators[handle] = new GenState(body, body.Loop(0, (nint)NewRef(it)).GetEnumerator(), vars);
        PyObject* gen = ObjectMemory.AllocateZeroed(GeneratorType);
        ((PyGenObject*)gen)->gi_first = it;
        ((PyGenObject*)gen)->gi_handle = handle;
        GcList.Track(gen);
        return gen;
    }

    /// <summary>The generator's next value (new reference), or null when it is exhausted.</summary>
    private PyObject* GeneratorNext(PyObject* gen)
    {
        if (!_generators.TryGetValue(((PyGenObject*)gen)->gi_handle, out GenState? state) || state.Done)
        {
            return null;
        }
        if (state.Running)
        {
            throw ValueErr("generator already executing");
        }
        ExecFrame f = state.Body.Frame;
        f.CompVars ??= [];
        int mark = f.CompVars.Count;
        int n = state.Vars.Count;
        f.CompVars.AddRange(state.Vars);
        state.Running = true;
        bool has;
        try
        {
            has = state.Enumerator.MoveNext();
        }
        catch
        {
            state.Done = true;
            throw;
        }
        finally
        {
            state.Running = false;
            state.Vars = f.CompVars.GetRange(mark, n);
            f.CompVars.RemoveRange(mark, n);
        }
        if (!has)
        {
            state.Done = true;
            return null;
        }
        return (PyObject*)state.Enumerator.Current;
    }

    private void DropGenerator(nint handle)
    {
        if (!_generators.Remove(handle, out GenState? state))
        {
            return;
        }
        state.Enumerator.Dispose();
        foreach (var (_, value, _) in state.Vars)
        {
            Refcount.XDecref((PyObject*)value);
        }
    }

    private static void GeneratorDealloc(PyObject* op)
    {
        GcList.Untrack(op);
        GeneratorClear(op);
        ObjectMemory.Free(op);
    }

    private static int GeneratorTraverse(PyObject* op, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        PyObject* first = ((PyGenObject*)op)->gi_first;
        return first == null ? 0 : visit(first, arg);
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

    // ---- Helpers the iterator body calls (pointer work stays out of the iterator) ----

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
