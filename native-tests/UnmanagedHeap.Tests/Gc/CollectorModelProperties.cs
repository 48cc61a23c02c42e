using FsCheck;
using FsCheck.Fluent;
using UnmanagedHeap.Inspect;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>
/// Model-based random testing of the collector: random programs of new / link / unlink /
/// rebind / unbind / weakref / collect run against the heap and against a small managed
/// model of the object graph that does reference counting and CPython's generational
/// reachability in the plainest possible way. After every step the model's live objects
/// and reference counts must match the heap's; after every collection the number
/// returned, the objects that died, the generations of the survivors, the weak
/// references and their callbacks, the generation lists and the allocator's walk of live
/// blocks must all match too. Each program ends by dropping everything: the heap must be
/// back to exactly the blocks it started with.
/// </summary>
public sealed unsafe class CollectorModelProperties
{
    public enum Kind { New, Link, SetValue, ClearValue, Unlink, Alias, Unbind, Weak, DropWeak, Collect, Freeze, Unfreeze }

    /// <summary>One step; A and B pick name slots (or a weak slot, or a generation), Flag picks a callback.</summary>
    public readonly record struct Step(Kind Kind, int A, int B, bool Flag)
    {
        public override string ToString() => $"{Kind}({A},{B}{(Flag ? ",cb" : "")})";
    }

    private const int Names = 5;
    private const int Permanent = 3;
    private const int WeakSlots = 3;

    private static readonly Gen<Step> Steps =
        from kind in Gen.Frequency(
            (5, Gen.Constant(Kind.New)),
            (8, Gen.Constant(Kind.Link)),
            (2, Gen.Constant(Kind.SetValue)),
            (1, Gen.Constant(Kind.ClearValue)),
            (2, Gen.Constant(Kind.Unlink)),
            (2, Gen.Constant(Kind.Alias)),
            (4, Gen.Constant(Kind.Unbind)),
            (2, Gen.Constant(Kind.Weak)),
            (1, Gen.Constant(Kind.DropWeak)),
            (3, Gen.Constant(Kind.Collect)),
            (1, Gen.Constant(Kind.Freeze)),
            (1, Gen.Constant(Kind.Unfreeze)))
        from a in Gen.Choose(0, Names - 1)
        from b in Gen.Choose(0, Names - 1)
        from flag in Gen.Elements(true, false)
        select new Step(kind, a, b, flag);

    [Test]
    public void RandomProgramsAgreeWithTheModel()
    {
        try
        {
            Property property = Prop.ForAll(Gen.ArrayOf(Steps).ToArbitrary(), (Step[] steps) => Run(steps));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(10_000).WithEndSize(120), property);
            TestContext.Out.WriteLine(
                $"{_programs} programs, {_steps} steps, {_collections} collections, {_collected} objects collected, {_callbacks} weakref callbacks");
            Assert.That(_programs, Is.GreaterThanOrEqualTo(10_000));
            Assert.That(_collected, Is.GreaterThan(10_000), "the programs must make plenty of cyclic trash");
        }
        finally
        {
            _heap?.Dispose();
            _heap = null;
        }
    }

    // ---- The heap under test, reused across programs while they leave it clean ----

    private Heap? _heap;
    private PyClass _node;
    private HashSet<nint> _baselineBlocks = [];
    private long _baselineObjects;
    private long _programs, _steps, _collections, _collected, _callbacks;

    private void FreshHeap()
    {
        _heap?.Dispose();
        _heap = new Heap();
        _heap.Gc.Disable();
        _node = GcTestSupport.DefineNode(_heap);
        _heap.Gc.Collect();
        _baselineBlocks = LiveBlocks(_heap);
        _baselineObjects = _heap.LiveObjects;
    }

    private static HashSet<nint> LiveBlocks(Heap heap)
    {
        var blocks = new HashSet<nint>();
        heap.WalkLiveBlocks((start, _) => blocks.Add(start)); // parked freelist blocks are dead: not listed
        return blocks;
    }

    // ---- The model ----

    private sealed class MNode
    {
        public nint Id;
        public readonly List<MNode> Edges = [];
        public MNode? Value;
        /// <summary>0, 1, 2, or <see cref="Permanent"/> after gc.freeze().</summary>
        public int Gen;
    }

    private sealed class MWeak
    {
        public NewRef Ref;
        public nint Address;
        public MNode? Target;
        public bool HasCallback;
        public bool CallbackObjectAlive;
        public int Calls;
        public int ExpectedCalls;
        public string? CallbackError;
    }

    private sealed class Model
    {
        public readonly MNode?[] Names = new MNode?[CollectorModelProperties.Names];
        public readonly MWeak?[] Weak = new MWeak?[WeakSlots];
        public readonly List<MNode> Alive = [];

        public long RefCount(MNode x)
        {
            long n = Names.Count(y => y == x);
            foreach (MNode y in Alive)
            {
                n += y.Edges.Count(e => e == x) + (y.Value == x ? 1 : 0);
            }
            return n;
        }

        /// <summary>What a death does to the weak references: cleared, callbacks due; refcounting also drops the callback object.</summary>
        public void Died(MNode x, bool byRefcount)
        {
            foreach (MWeak? w in Weak)
            {
                if (w != null && w.Target == x)
                {
                    w.Target = null;
                    if (w.HasCallback)
                    {
                        w.ExpectedCalls++;
                        if (byRefcount)
                        {
                            w.CallbackObjectAlive = false;
                        }
                    }
                }
            }
        }

        /// <summary>Reference counting: free whatever nothing refers to, transitively.</summary>
        public void Cascade()
        {
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (MNode x in Alive.ToArray())
                {
                    if (RefCount(x) == 0)
                    {
                        Alive.Remove(x);
                        Died(x, byRefcount: true);
                        changed = true;
                    }
                }
            }
        }

        /// <summary>
        /// CPython's collection of generation <paramref name="generation"/>, stated plainly:
        /// young = objects in that generation or younger; roots = young objects referred to
        /// from outside young (names, older objects); what roots reach within young survives
        /// and ages; the rest dies (each Node with its edge list: 2 objects), then
        /// refcounting frees what only the dead referred to.
        /// </summary>
        public long Collect(int generation)
        {
            var young = Alive.Where(x => x.Gen <= generation).ToHashSet();
            var reached = new HashSet<MNode>();
            var work = new Stack<MNode>();
            foreach (MNode x in young)
            {
                bool root = Names.Contains(x) || Alive.Any(y => !young.Contains(y) && (y.Edges.Contains(x) || y.Value == x));
                if (root && reached.Add(x))
                {
                    work.Push(x);
                }
            }
            while (work.Count > 0)
            {
                MNode x = work.Pop();
                foreach (MNode y in x.Value is null ? x.Edges : x.Edges.Append(x.Value))
                {
                    if (young.Contains(y) && reached.Add(y))
                    {
                        work.Push(y);
                    }
                }
            }
            var dead = young.Where(x => !reached.Contains(x)).ToList();
            foreach (MNode x in dead)
            {
                Alive.Remove(x);
                Died(x, byRefcount: false);
            }
            foreach (MNode x in reached)
            {
                x.Gen = Math.Min(generation + 1, 2);
            }
            Cascade();
            return 2L * dead.Count;
        }
    }

    // ---- Running a program ----

    private bool Run(Step[] steps)
    {
        if (_heap == null)
        {
            FreshHeap();
        }
        try
        {
            RunOn(_heap!, steps);
            _programs++;
            _steps += steps.Length;
            return true;
        }
        catch
        {
            FreshHeap(); // whatever the failure left behind must not leak into the next program
            throw;
        }
    }

    private void RunOn(Heap heap, Step[] steps)
    {
        var model = new Model();
        Frame frame = heap.EnterFrame();
        string Name(int i) => "n" + i;
        int stepIndex = 0;
        void Fail(string what) =>
            throw new InvalidOperationException($"after step {stepIndex} of [{string.Join(", ", steps)}]: {what}");

        foreach (Step step in steps)
        {
            stepIndex++;
            MNode? a = model.Names[step.A];
            MNode? b = model.Names[step.B];
            switch (step.Kind)
            {
                case Kind.New:
                {
                    var x = new MNode();
                    x.Id = frame.Bind(Name(step.A), GcTestSupport.NewNode(heap, _node, step.A)).Address;
                    model.Alive.Add(x);
                    model.Names[step.A] = x;
                    break;
                }
                case Kind.Link when a != null && b != null:
                    frame.Get(Name(step.A)).Get("edges").Append(frame.Get(Name(step.B)));
                    a.Edges.Add(b);
                    break;
                case Kind.SetValue when a != null && b != null:
                    frame.Get(Name(step.A)).Set("value", frame.Get(Name(step.B)).NewReference());
                    a.Value = b;
                    break;
                case Kind.ClearValue when a != null:
                    frame.Get(Name(step.A)).Set("value", heap.Int(7));
                    a.Value = null;
                    break;
                case Kind.Unlink when a != null && a.Edges.Count > 0:
                    CycleTests.PopLast(frame.Get(Name(step.A)).Get("edges").Pointer);
                    a.Edges.RemoveAt(a.Edges.Count - 1);
                    break;
                case Kind.Alias when a != null:
                    frame.Bind(Name(step.B), frame.Get(Name(step.A)).NewReference());
                    model.Names[step.B] = a;
                    break;
                case Kind.Unbind when a != null:
                    frame.Unbind(Name(step.A));
                    model.Names[step.A] = null;
                    break;
                case Kind.Weak when a != null:
                {
                    int slot = step.B % WeakSlots;
                    DropWeak(model, slot);
                    var w = new MWeak { Target = a, HasCallback = step.Flag, CallbackObjectAlive = step.Flag };
                    BorrowedRef target = frame.Get(Name(step.A));
                    if (step.Flag)
                    {
                        w.Ref = heap.Weakrefs.Ref(target, wr =>
                        {
                            w.Calls++;
                            if (wr.Address != w.Address)
                                w.CallbackError = "a callback got another weak reference";
                            else if (!heap.Weakrefs.Deref(wr).IsNone)
                                w.CallbackError = "a callback saw its referent alive";
                        });
                    }
                    else
                    {
                        w.Ref = heap.Weakrefs.Ref(target);
                        MWeak? shared = model.Weak.FirstOrDefault(o => o != null && o.Target == a && !o.HasCallback);
                        if (shared != null && shared.Address != w.Ref.Address)
                            Fail("a plain weak reference to a live object was not shared");
                    }
                    w.Address = w.Ref.Address;
                    model.Weak[slot] = w;
                    break;
                }
                case Kind.DropWeak:
                    DropWeak(model, step.A % WeakSlots);
                    break;
                case Kind.Freeze:
                    heap.Gc.Freeze();
                    model.Alive.ForEach(x => x.Gen = Permanent);
                    break;
                case Kind.Unfreeze:
                    heap.Gc.Unfreeze();
                    model.Alive.Where(x => x.Gen == Permanent).ToList().ForEach(x => x.Gen = 2);
                    break;
                case Kind.Collect:
                {
                    int generation = step.A % 3;
                    long found = heap.Gc.Collect(generation);
                    _collections++;
                    _collected += found;
                    long expected = model.Collect(generation);
                    if (found != expected)
                        Fail($"collect({generation}) returned {found}, the model says {expected}");
                    CheckThoroughly(heap, model, Fail);
                    break;
                }
                default:
                    continue; // the step does not apply (an unbound name): nothing happened
            }
            model.Cascade();
            CheckCounts(heap, model, Fail);
        }

        // Drop everything: the heap must come back to its baseline exactly.
        heap.Gc.Unfreeze();
        model.Alive.Where(x => x.Gen == Permanent).ToList().ForEach(x => x.Gen = 2);
        frame.Dispose();
        Array.Clear(model.Names);
        model.Cascade();
        for (int slot = 0; slot < WeakSlots; slot++)
        {
            DropWeak(model, slot);
        }
        long last = heap.Gc.Collect();
        _collections++;
        _collected += last;
        long lastExpected = model.Collect(2);
        if (last != lastExpected)
            Fail($"the final collect() returned {last}, the model says {lastExpected}");
        if (model.Alive.Count != 0)
            Fail("the model kept objects alive without names");
        CheckThoroughly(heap, model, Fail);
    }

    private void DropWeak(Model model, int slot)
    {
        MWeak? w = model.Weak[slot];
        if (w != null)
        {
            w.Ref.Dispose();
            model.Weak[slot] = null;
            _callbacks += w.Calls;
        }
    }

    /// <summary>Cheap checks after every step: object count, and every model object's refcount.</summary>
    private void CheckCounts(Heap heap, Model model, Action<string> fail)
    {
        var weakrefs = model.Weak.Where(w => w != null).Select(w => w!.Address).Distinct().Count();
        var callbacks = model.Weak.Count(w => w != null && w.CallbackObjectAlive);
        long expected = _baselineObjects + 2L * model.Alive.Count + weakrefs + callbacks;
        if (heap.LiveObjects != expected)
            fail($"{heap.LiveObjects} live objects, the model says {expected}");
        foreach (MNode x in model.Alive)
        {
            AddressInfo info = heap.Classify(x.Id);
            if (info.Kind != AddressKind.LiveObject || info.TypeName != "Node")
                fail($"Node 0x{x.Id:x} should be alive: {info.Describe()}");
            long refcnt = ((PyObject*)x.Id)->ob_refcnt;
            if (refcnt != model.RefCount(x))
                fail($"Node 0x{x.Id:x} has refcount {refcnt}, the model says {model.RefCount(x)}");
        }
        foreach (MWeak? w in model.Weak)
        {
            if (w != null && w.Calls != w.ExpectedCalls)
                fail($"weak reference 0x{w.Address:x}: callback called {w.Calls} times, the model says {w.ExpectedCalls}");
            if (w?.CallbackError is string error)
                fail(error);
        }
    }

    /// <summary>Everything, after a collection: contents, weak references, generations, lists, and the allocator's blocks.</summary>
    private void CheckThoroughly(Heap heap, Model model, Action<string> fail)
    {
        CheckCounts(heap, model, fail);
        var expectedBlocks = new HashSet<nint>(_baselineBlocks);
        var generationOf = new Dictionary<nint, int>();
        HeapState* st = heap.NativeState;
        for (int g = 0; g <= Permanent; g++)
        {
            PyGC_Head* head = g < Permanent ? &st->Generation(g)->head : &st->permanent.head;
            for (var gc = (PyGC_Head*)head->_gc_next; gc != head; gc = (PyGC_Head*)gc->_gc_next)
            {
                generationOf[(nint)(gc + 1)] = g;
            }
        }
        foreach (MNode x in model.Alive)
        {
            BorrowedRef node = heap.Cast(x.Id);
            BorrowedRef edges = node.Get("edges");
            if (edges.Length != x.Edges.Count)
                fail($"Node 0x{x.Id:x} has {edges.Length} edges, the model says {x.Edges.Count}");
            for (int i = 0; i < x.Edges.Count; i++)
            {
                if (edges[i].Address != x.Edges[i].Id)
                    fail($"Node 0x{x.Id:x} edge {i} is 0x{edges[i].Address:x}, the model says 0x{x.Edges[i].Id:x}");
            }
            BorrowedRef value = node.Get("value");
            if (x.Value != null ? value.Address != x.Value.Id : value.TypeName != "int")
                fail($"Node 0x{x.Id:x} has the wrong value {value.ToString()}");
            if (generationOf.GetValueOrDefault(x.Id, -1) != x.Gen || generationOf.GetValueOrDefault(edges.Address, -1) != x.Gen)
                fail($"Node 0x{x.Id:x} and its edge list are in generations {generationOf.GetValueOrDefault(x.Id, -1)} and {generationOf.GetValueOrDefault(edges.Address, -1)}, the model says {x.Gen}");
            expectedBlocks.Add(x.Id - 32);          // pre-header + GC header before the instance
            expectedBlocks.Add(edges.Address - 16); // GC header before the list
            nint items = (nint)((PyListObject*)edges.Pointer)->ob_item;
            if (items != 0)
            {
                expectedBlocks.Add(items);
            }
        }
        foreach (MWeak? w in model.Weak)
        {
            if (w == null)
            {
                continue;
            }
            BorrowedRef target = heap.Weakrefs.Deref(w.Ref.Borrow());
            if (w.Target != null ? target.Address != w.Target.Id : !target.IsNone)
                fail($"weak reference 0x{w.Address:x} answers {target.ToString()}, the model says {(w.Target == null ? "None" : $"0x{w.Target.Id:x}")}");
            expectedBlocks.Add(w.Address - 16);
            var callback = (nint)((PyWeakReference*)w.Address)->wr_callback;
            if ((callback != 0) != w.CallbackObjectAlive)
                fail($"weak reference 0x{w.Address:x} holds callback 0x{callback:x}, the model says {(w.CallbackObjectAlive ? "one" : "none")}");
            if (callback != 0)
            {
                expectedBlocks.Add(callback);
            }
        }
        if (GcTestSupport.CheckGenerations(heap) is string problem)
            fail(problem);
        HashSet<nint> blocks = LiveBlocks(heap);
        if (!blocks.SetEquals(expectedBlocks))
        {
            var extra = blocks.Except(expectedBlocks).Select(b => $"0x{b:x}: {heap.Classify(b + 16).Describe()}").Take(3);
            var missing = expectedBlocks.Except(blocks).Select(b => $"0x{b:x}").Take(3);
            fail($"live blocks differ from the model: extra [{string.Join("; ", extra)}], missing [{string.Join(", ", missing)}]");
        }
    }
}
