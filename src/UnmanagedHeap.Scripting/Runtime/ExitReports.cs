using UnmanagedHeap.Inspect;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// What <c>pyheap run</c> reports about the heap when the program has finished, before
/// teardown (so objects the program leaked are still there): <c>--stats</c>, <c>--census</c>
/// (with the growth since the program started), <c>--graph</c> and <c>--alloc-flamegraph</c>.
/// Constructed just before the program runs, to remember the starting census and which
/// objects already existed, and to start tracing allocations.
/// </summary>
internal sealed class ExitReports
{
    /// <summary>More nodes than this make a graph Graphviz takes minutes over and nobody can read.</summary>
    private const int MaxGraphNodes = 2000;

    private readonly Heap _heap;
    private readonly RunOptions _options;
    private readonly TextWriter _stderr;
    private readonly IReadOnlyList<CensusRow>? _startCensus;
    private readonly HashSet<(nint, string)>? _startObjects;
    private readonly AllocationTracer? _flame;
    private readonly string _programName;

    /// <summary>Frames kept per allocation for the flame graph: deeper recursion is cut at its innermost calls.</summary>
    private const int FlameFrames = 128;

    public ExitReports(Heap heap, Interpreter interp, RunOptions options, TextWriter stderr)
    {
        _heap = heap;
        _options = options;
        _stderr = stderr;
        _programName = interp.FileName;
        if (options.AllocFlamegraphPath != null)
        {
            _flame = heap.Inspector.NewAllocationTracer(interp);
            _flame.Start(FlameFrames);
        }
        if (options.Census)
        {
            _startCensus = heap.Inspector.Census();
        }
        if (options.GraphPath != null)
        {
            if (options.GraphGarbage)
            {
                heap.Inspector.RememberGarbage = true;
            }
            else
            {
                _startObjects = HeapObjects.All(heap.Allocator, heap.Addresses, out _, out _).Select(o => (o.Address, o.TypeName)).ToHashSet();
            }
        }
    }

    /// <summary>Writes the reports asked for; false when one could not be written (the run then fails).</summary>
    public bool Write()
    {
        bool written = _options.AllocFlamegraphPath is not string flamePath || WriteFlameGraph(flamePath);
        if (_options.Stats)
        {
            WriteStats();
        }
        if (_startCensus != null)
        {
            IReadOnlyList<CensusChange> changes = CensusGrowth.Compare(_startCensus, _heap.Inspector.Census());
            if (_options.CensusReport is { } report)
            {
                report(changes);
            }
            else
            {
                _stderr.WriteLine("census at exit (growth since the program started):");
                _stderr.Write(CensusGrowth.Format(changes));
            }
        }
        return (_options.GraphPath is not string path || WriteGraph(path)) && written;
    }

    private bool WriteFlameGraph(string path)
    {
        AllocationTracer flame = _flame!;
        long peak = flame.PeakBytes;
        FlameGraph graph = FlameGraph.Build(flame.PeakSnapshot());
        flame.Stop();
        try
        {
            FlameGraphSvg.Write(graph, $"Allocations live at the peak of {_programName}", path);
            _stderr.WriteLine($"pyheap: wrote the allocation flame graph ({FlameGraphSvg.FormatBytes(peak)} live at the peak) to {path}");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _stderr.WriteLine($"pyheap: cannot write the flame graph to '{path}': {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// The live objects and blocks, counted once, by the census: "live objects" is the sum of
    /// the object rows; the buffers (item arrays, tables) and the freed objects parked on a
    /// freelist are blocks too, so they are listed after that total, apart from the objects.
    /// </summary>
    private void WriteStats()
    {
        IReadOnlyList<CensusRow> census = _heap.Inspector.Census();
        static bool IsObject(CensusRow row) => row.TypeName != Census.Buffers && !row.Parked;
        long objects = Census.ObjectCount(census);
        _stderr.WriteLine($"live objects: {objects}");
        _stderr.WriteLine($"{"type",-32} {"count",10} {"bytes",12}");
        foreach (CensusRow row in census.Where(IsObject))
        {
            _stderr.WriteLine($"{row.TypeName,-32} {row.Count,10} {row.Bytes,12}");
        }
        _stderr.WriteLine($"{"total objects",-32} {objects,10} {census.Where(IsObject).Sum(r => r.Bytes),12}");
        foreach (CensusRow row in census.Where(r => !IsObject(r)))
        {
            _stderr.WriteLine($"{row.TypeName,-32} {row.Count,10} {row.Bytes,12}");
        }
        _stderr.WriteLine($"{"total blocks",-32} {census.Sum(r => r.Count),10} {census.Sum(r => r.Bytes),12}");
        var stats = _heap.Gc.GetStats();
        for (int g = 0; g < stats.Count; g++)
        {
            _stderr.WriteLine($"generation {g}: {stats[g].Collections} collections, {stats[g].Collected} collected, {stats[g].Uncollectable} uncollectable");
        }
    }

    /// <summary>
    /// The objects the program made that are live at exit: those that were not live when it
    /// started, leaving out immortal ones (interned strs) and what only imported modules hold
    /// (their functions and constants; the module objects themselves are drawn).
    /// </summary>
    private unsafe ObjectGraph ProgramObjects()
    {
        ReferrerIndex index = _heap.Inspector.Index();
        var made = index.Objects
            .Where(o => !_startObjects!.Contains((o.Address, o.TypeName)) && !Objects.Refcount.IsImmortal((Objects.PyObject*)o.Address))
            .ToList();
        var moduleOwned = new HashSet<nint>();
        var queue = new Queue<nint>(made.Where(o => o.TypeName == "module").Select(o => o.Address));
        while (queue.Count > 0)
        {
            foreach (Reference r in index.ReferentsOf(queue.Dequeue()))
            {
                var target = (Objects.PyObject*)r.To;
                // Classes are shared with the program: a module refers to them but does not own them.
                bool isType = target->ob_type == _heap.NativeState->type_type;
                if (!r.Weak && !isType && moduleOwned.Add(r.To))
                {
                    queue.Enqueue(r.To);
                }
            }
        }
        var drawn = made.Select(o => o.Address).Where(a => !moduleOwned.Contains(a)).ToList();
        if (drawn.Count > MaxGraphNodes)
        {
            _stderr.WriteLine($"pyheap: {drawn.Count} objects are live at exit; drawing the first {MaxGraphNodes} in memory order");
            drawn = drawn.Take(MaxGraphNodes).ToList();
        }
        return GraphBuilder.Among("live", drawn);
    }

    private bool WriteGraph(string path)
    {
        ObjectGraph? graph;
        if (_options.GraphGarbage)
        {
            graph = _heap.Inspector.LastGarbage;
            if (graph == null)
            {
                _stderr.WriteLine("pyheap: --graph-garbage: no collection found unreachable objects, so there is no garbage to draw");
                return true;
            }
        }
        else
        {
            graph = ProgramObjects();
        }
        if (graph.Nodes.Count > MaxGraphNodes)
        {
            _stderr.WriteLine($"pyheap: the last collection's garbage has {graph.Nodes.Count} objects; drawing the first {MaxGraphNodes}");
            var kept = graph.Nodes.Take(MaxGraphNodes).ToList();
            var ids = kept.Select(n => n.Address).ToHashSet();
            graph = new ObjectGraph(graph.Name, kept, graph.Edges.Where(e => ids.Contains(e.From) && ids.Contains(e.To)).ToList());
        }
        try
        {
            _stderr.WriteLine("pyheap: " + GraphvizRenderer.Write(graph, path).Message);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _stderr.WriteLine($"pyheap: cannot write the graph to '{path}': {e.Message}");
            return false;
        }
    }
}
