using System.Text.Json;
using PyHeap.Stress;
using static UnmanagedHeap.Tests.Tools.CommandHarness;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>Runs <c>pyheap stress ... --json FILE</c> in-process and reads the report back.</summary>
internal static class StressRunner
{
    public static (int Code, string Out, string Err, StressReport? Report, string Json) Stress(params string[] args)
    {
        string json = Path.Combine(Path.GetTempPath(), $"stress-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = Run(["stress", "--quiet", "--json", json, .. args]);
            if (!File.Exists(json))
            {
                return (code, output, error, null, "");
            }
            string text = File.ReadAllText(json);
            return (code, output, error, JsonSerializer.Deserialize(text, StressJsonContext.Default.StressReport), text);
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>The process's resident size now, as the stress command reads it.</summary>
    public static long ResidentBytes()
    {
        using var rss = new ResidentMemory();
        return rss.Read();
    }
}
