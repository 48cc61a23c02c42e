using BenchmarkDotNet.Running;

namespace UnmanagedHeap.Bench;

public static class Program
{
    /// <summary>BenchmarkDotNet's switcher, or with <c>--rss-per-node [N]</c> the resident-memory measurement.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--rss-per-node")
        {
            int nodes = args.Length > 1 && int.TryParse(args[1], out int n) && n > 0 ? n : ResidentBytesPerNode.DefaultNodes;
            return ResidentBytesPerNode.Run(nodes);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
