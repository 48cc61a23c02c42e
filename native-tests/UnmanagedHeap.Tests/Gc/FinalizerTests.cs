using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Tests.Gc;

/// <summary>PEP 442: finalizers of cyclic trash run exactly once; what they resurrect survives.</summary>
public sealed unsafe class FinalizerTests
{
    private Heap _heap = null!;
    private PyClass _d;
    private NewRef _saved; // a list the finalizers can store objects in (a "global")
    private readonly List<string> _ran = [];

    [SetUp]
    public void SetUp()
    {
        _ran.Clear();
        _heap = new Heap();
        _heap.Gc.Disable();
        _d = _heap.DefineClass("D", "name", "other", "link");
        _saved = _heap.NewList();
        _heap.Gc.Collect();
    }

    [TearDown]
    public void TearDown()
    {
        _saved.Dispose();
        _heap.Dispose();
    }

    private NewRef NewD(string name) => _heap.New(_d, _heap.Str(name));

    private static string NameOf(BorrowedRef self) => self.Get("name").ToString().Trim('\'');

    private void SetFinalizer(Action<string, BorrowedRef> body) =>
        _heap.Gc.SetFinalizer(_d, self =>
        {
            string name = NameOf(self);
            _ran.Add(name);
            body(name, self);
        });

    [Test]
    public void CyclesWithFinalizersAreCollectedAndEachFinalizerRunsOnce()
    {
        SetFinalizer((_, _) => { });
        using (var a = NewD("a"))
        using (var b = NewD("b"))
        {
            a.Borrow().Set("other", b.Borrow().NewReference());
            b.Borrow().Set("other", a.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2));
        Assert.That(_ran, Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(_heap.Gc.Garbage.Length, Is.Zero);

        _ran.Clear();
        using (var c = NewD("c"))
        {
            c.Borrow().Set("other", c.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1));
        Assert.That(_ran, Is.EqualTo(new[] { "c" }));

        _ran.Clear();
        using (var x = NewD("x"))
        using (var y = NewD("y"))
        using (var z = NewD("z"))
        {
            x.Borrow().Set("other", y.Borrow().NewReference());
            y.Borrow().Set("other", z.Borrow().NewReference());
            z.Borrow().Set("other", x.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(3));
        Assert.That(_ran, Is.EqualTo(new[] { "x", "y", "z" }), "in the order the trash was found");
    }

    [Test]
    public void AResurrectedObjectSurvivesIsNotCountedAndIsNeverFinalizedAgain()
    {
        SetFinalizer((_, self) => _saved.Borrow().Append(self));
        nint id;
        using (var x = NewD("x"))
        {
            x.Borrow().Set("other", x.Borrow().NewReference());
            id = x.Address;
        }
        Assert.That(_heap.Gc.Collect(), Is.Zero, "resurrected: nothing collected");
        Assert.That(_ran, Is.EqualTo(new[] { "x" }));
        Assert.That(_saved.Borrow()[0].Address, Is.EqualTo(id));
        Assert.That(_heap.Gc.IsFinalized(_saved.Borrow()[0]), Is.True);
        Assert.That(_saved.Borrow()[0].RefCount, Is.EqualTo(2), "the saved list and its own attribute");

        PyList.Clear(_saved.Borrow().Pointer);
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1), "collected after dropping it");
        Assert.That(_ran, Is.EqualTo(new[] { "x" }), "no second finalizer call");
    }

    [Test]
    public void ResurrectingOneMemberKeepsEverythingItReaches()
    {
        // a's finalizer saves b; b still refers to a, so the whole cycle lives on.
        SetFinalizer((name, self) =>
        {
            if (name == "a")
            {
                _saved.Borrow().Append(self.Get("other"));
            }
        });
        using (var a = NewD("a"))
        using (var b = NewD("b"))
        {
            a.Borrow().Set("other", b.Borrow().NewReference());
            b.Borrow().Set("other", a.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.Zero);
        Assert.That(_ran, Is.EquivalentTo(new[] { "a", "b" }));
        var b2 = _saved.Borrow()[0];
        Assert.That(NameOf(b2.Get("other")), Is.EqualTo("a"));
        PyList.Clear(_saved.Borrow().Pointer);
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2));
        Assert.That(_ran, Has.Count.EqualTo(2));
    }

    [Test]
    public void AnObjectFreedByRefcountingDuringFinalizationIsNotCounted()
    {
        // a's finalizer drops a.other: b's count reaches zero, b's dealloc runs b's finalizer
        // and frees it, which frees a after its finalizer returns. Nothing is left to count.
        SetFinalizer((name, self) =>
        {
            if (name == "a")
            {
                self.Set("other", _heap.None.NewReference());
            }
        });
        nint ida, idb;
        using (var a = NewD("a"))
        using (var b = NewD("b"))
        {
            a.Borrow().Set("other", b.Borrow().NewReference());
            b.Borrow().Set("other", a.Borrow().NewReference());
            ida = a.Address;
            idb = b.Address;
        }
        Assert.That(_heap.Gc.Collect(), Is.Zero);
        Assert.That(_ran, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(GcTestSupport.IsLive(_heap, ida), Is.False);
        Assert.That(_heap.Classify(idb).Collection, Is.EqualTo(2), "freed during collection 2");
    }

    [Test]
    public void AnObjectRevivedByItsDeallocFinalizerMidCollectionIsSafeToReferenceFromTrash()
    {
        // y's finalizer drops y.other = x (its last reference); x's dealloc runs x's
        // finalizer, which saves x. Then z's finalizer makes trash member z refer to x.
        // The re-check after finalization must not treat x as part of the trash.
        SetFinalizer((name, self) =>
        {
            switch (name)
            {
                case "y":
                    self.Set("other", _heap.None.NewReference());
                    break;
                case "x":
                    _saved.Borrow().Append(self);
                    break;
                case "z":
                    self.Set("other", _saved.Borrow()[0].NewReference());
                    break;
            }
        });
        nint idx;
        using (var y = NewD("y"))
        using (var z = NewD("z"))
        {
            y.Borrow().Set("link", z.Borrow().NewReference());
            z.Borrow().Set("link", y.Borrow().NewReference());
            using var x = NewD("x");
            y.Borrow().Set("other", x.Borrow().NewReference());
            idx = x.Address;
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(2), "y and z; x was revived");
        Assert.That(GcTestSupport.CheckGenerations(_heap), Is.Null);
        Assert.That(_ran, Is.EqualTo(new[] { "y", "x", "z" }));
        var x2 = _saved.Borrow()[0];
        Assert.That(x2.Address, Is.EqualTo(idx));
        Assert.That(x2.RefCount, Is.EqualTo(1), "only the saved list holds x now");
        Assert.That(_heap.Gc.IsFinalized(x2), Is.True);
        Assert.That(_heap.Gc.IsTracked(x2), Is.True);
        using (var all = _heap.Gc.GetObjects())
        {
            Assert.That(Enumerable.Range(0, (int)all.Borrow().Length).Count(i => all.Borrow()[i].Address == idx), Is.EqualTo(1));
        }
        Assert.That(_heap.Gc.Collect(0), Is.Zero);
        Assert.That(_heap.Gc.Collect(), Is.Zero);
        PyList.Clear(_saved.Borrow().Pointer);
        Assert.That(GcTestSupport.IsLive(_heap, idx), Is.False, "freed by refcounting, without a second finalizer");
        Assert.That(_ran, Has.Count.EqualTo(3));
    }

    [Test]
    public void RefcountDeathRunsTheFinalizerOnceToo()
    {
        SetFinalizer((_, self) => _saved.Borrow().Append(self));
        nint id;
        using (var p = NewD("p"))
        {
            id = p.Address;
            Assert.That(_heap.Gc.IsFinalized(p.Borrow()), Is.False);
        }
        Assert.That(_ran, Is.EqualTo(new[] { "p" }));
        Assert.That(_saved.Borrow()[0].Address, Is.EqualTo(id), "resurrected");
        Assert.That(_heap.Gc.IsFinalized(_saved.Borrow()[0]), Is.True);
        PyList.Clear(_saved.Borrow().Pointer);
        Assert.That(GcTestSupport.IsLive(_heap, id), Is.False);
        Assert.That(_ran, Has.Count.EqualTo(1));

        var plain = _heap.DefineClass("Plain");
        using var q = _heap.New(plain);
        Assert.That(_heap.Gc.IsFinalized(q.Borrow()), Is.False, "objects without finalizer are never finalized");
        using var five = _heap.Int(5);
        Assert.That(_heap.Gc.IsFinalized(five.Borrow()), Is.False);
    }

    [Test]
    public void AThrowingFinalizerIsReportedAndTheCollectionCompletes()
    {
        var reports = new List<(string Context, Exception Error)>();
        _heap.Gc.Unraisable = (context, e) => reports.Add((context, e));
        SetFinalizer((_, _) => throw new InvalidOperationException("boom"));
        using (var a = NewD("a"))
        {
            a.Borrow().Set("other", a.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1));
        Assert.That(reports, Has.Count.EqualTo(1));
        Assert.That(reports[0].Context, Does.Contain("D.__del__"));
        Assert.That(reports[0].Error.Message, Is.EqualTo("boom"));

        var text = new StringWriter();
        _heap.Gc.Unraisable = null;
        _heap.Gc.DebugOutput = text;
        using (var b = NewD("b"))
        {
            b.Borrow().Set("other", b.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1));
        Assert.That(text.ToString(), Does.StartWith("Exception ignored in: ").And.Contain("InvalidOperationException: boom"));
    }

    [Test]
    public void RemovingTheFinalizerStopsIt()
    {
        SetFinalizer((_, _) => { });
        _heap.Gc.SetFinalizer(_d, null);
        using (var a = NewD("a"))
        {
            a.Borrow().Set("other", a.Borrow().NewReference());
        }
        Assert.That(_heap.Gc.Collect(), Is.EqualTo(1));
        Assert.That(_ran, Is.Empty);
    }
}
