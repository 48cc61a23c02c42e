using System.Globalization;
using Spectre.Console;
using UnmanagedHeap.Inspect;

namespace PyHeap;

/// <summary>
/// <c>pyheap run --census</c>: the types live at exit, by count and bytes, with their growth
/// since the program started, as a Spectre.Console table on stderr (stdout stays the
/// program's, so it can still be compared with CPython's).
/// </summary>
public static class CensusTable
{
    public static void Write(IReadOnlyList<CensusChange> rows, CommandIo io) =>
        Write(rows, io.Err, io.Terminal, "census at exit (growth since start)");

    /// <summary>The same table on <paramref name="writer"/> under <paramref name="title"/> (<c>%census</c> at the prompt: on stdout).</summary>
    public static void Write(IReadOnlyList<CensusChange> rows, TextWriter writer, bool terminal, string title)
    {
        IAnsiConsole console = TableConsole.For(writer, terminal);
        var table = new Table()
            .Border(TableConsole.Border(terminal))
            .Title(Markup.Escape(title))
            .AddColumn("type")
            .AddColumn(new TableColumn("count").RightAligned())
            .AddColumn(new TableColumn("+/-").RightAligned())
            .AddColumn(new TableColumn("bytes").RightAligned())
            .AddColumn(new TableColumn("+/-").RightAligned());
        foreach (CensusChange row in rows)
        {
            table.AddRow(
                Markup.Escape(row.TypeName),
                row.Count.ToString(CultureInfo.InvariantCulture),
                Signed(row.CountDelta),
                row.Bytes.ToString(CultureInfo.InvariantCulture),
                Signed(row.BytesDelta));
        }
        console.Write(table);
        writer.Flush();
    }

    private static string Signed(long value) =>
        value > 0 ? "+" + value.ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
}
