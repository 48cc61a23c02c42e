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
    public static void Write(IReadOnlyList<CensusChange> rows, CommandIo io)
    {
        IAnsiConsole console = TableConsole.For(io.Err, io.Terminal);
        var table = new Table()
            .Border(TableConsole.Border(io.Terminal))
            .Title("census at exit (growth since start)")
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
        io.Err.Flush();
    }

    private static string Signed(long value) =>
        value > 0 ? "+" + value.ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
}
