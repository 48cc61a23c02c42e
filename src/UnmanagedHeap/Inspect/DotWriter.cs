using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Inspect;

/// <summary>
/// Writes an <see cref="ObjectGraph"/> as Graphviz DOT: one box per object showing its
/// type, address, refcount and a short repr (the objects the graph started from filled in
/// colour), one arrow per reference labelled with the attribute, index or key; weak
/// references are dashed.
/// </summary>
public static class DotWriter
{
    public static string Write(ObjectGraph graph)
    {
        var sb = new StringBuilder();
        sb.Append("digraph ").Append(Quote(graph.Name)).AppendLine(" {");
        sb.AppendLine("  node [shape=box, style=\"filled\", fillcolor=\"white\", fontname=\"Helvetica\", fontsize=10];");
        sb.AppendLine("  edge [fontname=\"Helvetica\", fontsize=9];");
        foreach (GraphNode n in graph.Nodes)
        {
            string label = $"{n.TypeName}\n0x{n.Address:x}\nrefcount {n.RefCount}\n{n.Repr}";
            sb.Append(CultureInfo.InvariantCulture, $"  {NodeId(n.Address)} [label={Quote(label)}");
            if (n.IsStart)
            {
                sb.Append(", fillcolor=\"#ffd38d\"");
            }
            sb.AppendLine("];");
        }
        foreach (Reference e in graph.Edges)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {NodeId(e.From)} -> {NodeId(e.To)} [label={Quote(e.Label)}");
            if (e.Weak)
            {
                sb.Append(", style=dashed");
            }
            sb.AppendLine("];");
        }
        sb.AppendLine("}");
        return sb.ToString();
    }

    /// <summary>The DOT id of an object's node: its address.</summary>
    public static string NodeId(nint address) => string.Create(CultureInfo.InvariantCulture, $"o{address:x}");

    /// <summary>A DOT quoted string (backslash, quote and newline escaped).</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                default: sb.Append(char.IsControl(c) ? '?' : c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
