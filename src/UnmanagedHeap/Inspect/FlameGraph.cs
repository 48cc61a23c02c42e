namespace UnmanagedHeap.Inspect;

/// <summary>
/// Allocations merged by call path, the shape memray's flame graph draws: the root is every
/// traced byte, each child a frame called from its parent, its weight the bytes of the
/// blocks allocated under it. Built from a tracer's snapshot (usually
/// <see cref="AllocationTracer.PeakSnapshot"/>).
/// </summary>
public sealed class FlameGraph
{
    /// <summary>One frame of a call path: "function file:line" and what was allocated under it.</summary>
    public sealed class Node(string function, string file, int line)
    {
        public string Function { get; } = function;
        public string File { get; } = file;
        public int Line { get; } = line;
        public long Bytes { get; internal set; }
        public long Blocks { get; internal set; }
        internal Dictionary<AllocationFrame, Node> ByFrame { get; } = [];

        /// <summary>The callees, heaviest first (ties by label, so the drawing is stable).</summary>
        public IEnumerable<Node> Children => ByFrame.Values.OrderByDescending(c => c.Bytes).ThenBy(c => c.Label, StringComparer.Ordinal);

        public string Label => File.Length == 0 ? Function : $"{Function} {File}:{Line}";
    }

    private FlameGraph(Node root) => Root = root;

    /// <summary>All traced bytes; its children are the outermost frames.</summary>
    public Node Root { get; }

    public static FlameGraph Build(IEnumerable<AllocationTrace> traces)
    {
        var root = new Node("all allocations", "", 0);
        foreach (AllocationTrace trace in traces)
        {
            root.Bytes += trace.Size;
            root.Blocks++;
            Node at = root;
            IReadOnlyList<AllocationFrame> frames = trace.Traceback.Frames;
            // Frames are kept most recent first; a flame graph reads from the outermost call down.
            for (int i = frames.Count - 1; i >= 0; i--)
            {
                AllocationFrame f = frames[i];
                if (!at.ByFrame.TryGetValue(f, out Node? child))
                {
                    child = new Node(f.Function, f.File, f.Line);
                    at.ByFrame[f] = child;
                }
                child.Bytes += trace.Size;
                child.Blocks++;
                at = child;
            }
        }
        return new FlameGraph(root);
    }

    /// <summary>How many frames deep the deepest path goes (the root is depth 0).</summary>
    public int Depth
    {
        get
        {
            int deepest = 0;
            var stack = new Stack<(Node, int)>();
            stack.Push((Root, 0));
            while (stack.Count > 0)
            {
                var (n, d) = stack.Pop();
                deepest = Math.Max(deepest, d);
                foreach (Node c in n.ByFrame.Values)
                {
                    stack.Push((c, d + 1));
                }
            }
            return deepest;
        }
    }
}
