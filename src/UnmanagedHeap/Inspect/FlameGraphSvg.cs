using System.Globalization;
using System.Security;
using System.Text;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// Writes a <see cref="FlameGraph"/> as one self-contained SVG (no scripts, no external
/// files): the root bar across the top and each call below its caller, as memray draws
/// it, every bar as wide as the bytes allocated under that call path. Each bar carries a
/// hover title with the frame, its bytes, blocks and share of the total; labels are
/// written where they fit and shortened where they do not.
/// </summary>
public static class FlameGraphSvg
{
    private const double Width = 1200;
    private const double Margin = 10;
    private const double RowHeight = 18;
    private const double HeaderHeight = 48;
    private const double CharWidth = 7; // 12px monospace, near enough to decide what fits
    /// <summary>Bars narrower than this are left out (their bytes are in their caller's bar and title).</summary>
    private const double MinBarWidth = 0.3;

    public static string Render(FlameGraph graph, string title)
    {
        var svg = new StringBuilder();
        double height = HeaderHeight + (graph.Depth + 1) * RowHeight + Margin;
        double scale = graph.Root.Bytes == 0 ? 0 : (Width - 2 * Margin) / graph.Root.Bytes;
        svg.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8"?>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height:0}" viewBox="0 0 {Width} {height:0}" font-family="monospace" font-size="12">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="0" y="0" width="{Width}" height="{height:0}" fill="#fdfdf8"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="20" text-anchor="middle" font-size="16">{Escape(title)}</text>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="38" text-anchor="middle" fill="#555">{Escape($"{FormatBytes(graph.Root.Bytes)} in {graph.Root.Blocks:N0} blocks live at the peak; width is bytes, each call below its caller; hover a bar for its numbers")}</text>""").Append('\n');
        // Breadth-first over explicit work items: a deep recursion draws without recursing here.
        var work = new Queue<(FlameGraph.Node Node, double X, int Depth)>();
        work.Enqueue((graph.Root, Margin, 0));
        while (work.Count > 0)
        {
            var (node, x, depth) = work.Dequeue();
            double w = node.Bytes * scale;
            if (w < MinBarWidth && node != graph.Root)
            {
                continue;
            }
            Bar(svg, node, graph.Root.Bytes, x, HeaderHeight + depth * RowHeight, Math.Max(w, MinBarWidth));
            double childX = x;
            foreach (FlameGraph.Node child in node.Children)
            {
                work.Enqueue((child, childX, depth + 1));
                childX += child.Bytes * scale;
            }
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    public static void Write(FlameGraph graph, string title, string path) => File.WriteAllText(path, Render(graph, title));

    private static void Bar(StringBuilder svg, FlameGraph.Node node, long total, double x, double y, double w)
    {
        double share = total == 0 ? 0 : 100.0 * node.Bytes / total;
        string hover = $"{node.Label}: {FormatBytes(node.Bytes)} ({node.Bytes:N0} bytes), {node.Blocks:N0} blocks, {share:0.0}%";
        svg.Append("<g><title>").Append(Escape(hover)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x:0.###}" y="{y:0.#}" width="{w:0.###}" height="{RowHeight - 1}" rx="2" fill="{Colour(node)}"/>""");
        int fits = (int)((w - 6) / CharWidth);
        string label = node.Label;
        if (fits >= 3)
        {
            string shown = label.Length <= fits ? label : label[..(fits - 2)] + "..";
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 3:0.###}" y="{y + RowHeight - 5:0.#}">{Escape(shown)}</text>""");
        }
        svg.Append("</g>\n");
    }

    /// <summary>Warm colours as flame graphs use, fixed per function so one function reads the same everywhere.</summary>
    private static string Colour(FlameGraph.Node node)
    {
        uint h = 2166136261;
        foreach (char c in node.Function)
        {
            h = (h ^ c) * 16777619;
        }
        int red = 205 + (int)(h % 50);
        int green = 80 + (int)(h / 50 % 130);
        int blue = 30 + (int)(h / 6500 % 40);
        return $"rgb({red},{green},{blue})";
    }

    private static string Escape(string s) => SecurityElement.Escape(s);

    public static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };
}
