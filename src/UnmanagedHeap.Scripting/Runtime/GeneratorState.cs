using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// What a suspended generator keeps between resumptions (managed description; the values
/// are references to heap objects): the C# iterator running its body, its frame, and what
/// the next resumption hands in. Each <c>MoveNext</c> of <see cref="Enumerator"/> runs the
/// body to its next <c>yield</c> (true, the value in <c>Current</c>) or to its end (false).
/// </summary>
internal abstract unsafe class GeneratorState(ExecFrame frame, string name, string qualName)
{
    public IEnumerator<nint> Enumerator { get; set; } = Enumerable.Empty<nint>().GetEnumerator();
    public ExecFrame Frame { get; } = frame;
    public string Name { get; } = name;
    public string QualName { get; } = qualName;
    public bool Started { get; set; }
    public bool Running { get; set; }
    public bool Done { get; set; }

    /// <summary>Owned: the value <c>send()</c> handed in, until the yield expression takes it (0: None).</summary>
    public nint Sent { get; set; }

    /// <summary>The exception <c>throw()</c>/<c>close()</c> hands in, raised where the body is suspended.</summary>
    public PythonException? Thrown { get; set; }

    /// <summary>Exceptions its except blocks were handling when it suspended (borrowed), restored on resumption.</summary>
    public List<nint> SavedHandling { get; } = [];

    /// <summary>
    /// Owned references its suspended statements hold (a for loop's iterator, a <c>yield from</c>
    /// delegate, a <c>with</c> manager): CPython keeps these on the frame's value stack, where
    /// the collector sees them, so a cycle through them is still found.
    /// </summary>
    public List<nint> Held { get; } = [];

    /// <summary>False when the body cannot catch an exception thrown in (it then just ends the generator).</summary>
    public virtual bool AcceptsThrow => true;

    /// <summary>
    /// True when the body runs in <see cref="Frame"/> on the tree-walker (that frame is then the
    /// running one while it is resumed); false for a generator whose frame is the loop's.
    /// </summary>
    public virtual bool RunsOnTreeFrame => true;

    /// <summary>The value its body returned (new reference, or 0 for None).</summary>
    public virtual nint TakeReturnValue() => 0;

    /// <summary>Drops its locals, as CPython clears a generator's frame once it has finished.</summary>
    public abstract void ReleaseFrame();

    /// <summary>Visits every reference it owns (tp_traverse), so a suspended generator in a cycle is collectable.</summary>
    public abstract int Traverse(delegate*<PyObject*, void*, int> visit, void* arg);

    /// <summary>What a yield expression evaluates to on resumption: the sent value (owned), or the exception thrown in.</summary>
    public nint TakeResumption(out PythonException? thrown)
    {
        thrown = Thrown;
        Thrown = null;
        nint sent = Sent;
        Sent = 0;
        return sent;
    }

    /// <summary>Borrowed: the iterator a suspended <c>yield from</c> delegates to, or 0.</summary>
    public nint Delegate { get; set; }

    public void Hold(nint reference) => Held.Add(reference);

    public void Unhold(nint reference) => Held.RemoveAt(Held.LastIndexOf(reference));

    protected static int VisitAll(ReadOnlySpan<nint> references, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        foreach (nint r in references)
        {
            if (r != 0)
            {
                int result = visit((PyObject*)r, arg);
                if (result != 0)
                {
                    return result;
                }
            }
        }
        return 0;
    }
}
