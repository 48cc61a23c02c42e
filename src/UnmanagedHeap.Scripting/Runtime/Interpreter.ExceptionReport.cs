using System.Text;
using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The text CPython 3.12 writes for an uncaught exception: the chain of causes and contexts
/// first (each with its traceback and the line that joins it to the next), then the
/// exception itself, its "Did you mean" hint and its notes.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private const string CauseSeparator = "\nThe above exception was the direct cause of the following exception:\n\n";
    private const string ContextSeparator = "\nDuring handling of the above exception, another exception occurred:\n\n";

    /// <summary>sys.tracebacklimit's default: only the innermost 1000 entries are printed.</summary>
    private const int TracebackLimit = 1000;

    /// <summary>CPython prints a run of identical entries three times, then counts the rest.</summary>
    private const int RecursiveCutoff = 3;

    /// <summary>The report of <paramref name="e"/> (its traceback entries are moved to the instance first).</summary>
    public string FormatUncaught(PythonException e)
    {
        // The entries are read, not turned into traceback objects: the report must not need
        // the heap (a MemoryError's is written from the room kept for it).
        PyObject* exc = e.Object;
        PyObject* tb = ExceptionLink(exc, "__traceback__");
        var entries = new List<(string File, int Line, string Function)>();
        for (int i = e.Trace.Count - 1; i >= 0; i--)
        {
            entries.Add(e.Trace[i]);
        }
        if (tb != null)
        {
            entries.AddRange(TracebackEntries(tb));
        }
        var sb = new StringBuilder();
        AppendException(sb, exc, new ReportContext { Top = (nint)exc, TopEntries = entries }, e.Suggestion);
        return sb.ToString();
    }

    /// <summary>PEP 654's limits on how much of a group is printed (traceback.py's max_group_width and max_group_depth).</summary>
    private const int MaxGroupWidth = 15;
    private const int MaxGroupDepth = 10;

    /// <summary>What printing one report shares: the exceptions already printed, the group nesting, whether a group's box is still open.</summary>
    private sealed class ReportContext
    {
        public HashSet<nint> Seen { get; } = [];
        public int Depth { get; set; }
        public bool NeedClose { get; set; }
        public string Indent => new(' ', 2 * Depth);

        /// <summary>The uncaught exception, whose traceback is <see cref="TopEntries"/> rather than its __traceback__.</summary>
        public nint Top { get; init; }
        public List<(string File, int Line, string Function)>? TopEntries { get; init; }
    }

    /// <summary>The report of an exception instance and everything chained to it.</summary>
    public string FormatChain(PyObject* exc, string? topSuggestion)
    {
        var sb = new StringBuilder();
        AppendException(sb, exc, new ReportContext(), topSuggestion);
        return sb.ToString();
    }

    /// <summary>Writes <paramref name="text"/> with the group margin of the current depth before every line.</summary>
    private static void Emit(StringBuilder sb, ReportContext ctx, string text, char margin = '|')
    {
        string prefix = ctx.Indent + (ctx.Depth > 0 ? margin + " " : "");
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            sb.Append(prefix).Append(text, start, end - start);
            start = end;
        }
    }

    /// <summary>
    /// One exception with its chain, oldest first (CPython's print_exception_recursive, the chain
    /// walked without recursion); a group prints its members in numbered boxes.
    /// </summary>
    private void AppendException(StringBuilder sb, PyObject* exc, ReportContext ctx, string? topSuggestion)
    {
        var chain = new List<(nint Exc, string? Separator)>();
        PyObject* current = exc;
        string? separator = null;
        while (current != null && ctx.Seen.Add((nint)current))
        {
            chain.Add(((nint)current, separator));
            PyObject* cause = ExceptionLink(current, "__cause__");
            PyObject* context = ExceptionLink(current, "__context__");
            PyObject* suppress = IsInstanceLayout(current->ob_type) ? PyInstance.GetAttr(current, Intern("__suppress_context__")) : null;
            if (cause != null && IsSubtype(cause->ob_type, BaseException))
            {
                current = cause;
                separator = CauseSeparator;
            }
            else if (context != null && suppress != St->true_obj && IsSubtype(context->ob_type, BaseException))
            {
                current = context;
                separator = ContextSeparator;
            }
            else
            {
                break;
            }
        }
        for (int i = chain.Count - 1; i >= 0; i--)
        {
            var one = (PyObject*)chain[i].Exc;
            AppendOne(sb, one, ctx, i == 0 ? topSuggestion : null);
            if (chain[i].Separator is string sep)
            {
                Emit(sb, ctx, sep);
            }
        }
    }

    private void AppendOne(StringBuilder sb, PyObject* exc, ReportContext ctx, string? suggestion)
    {
        PyObject* tb = ExceptionLink(exc, "__traceback__");
        List<(string File, int Line, string Function)>? entries =
            (nint)exc == ctx.Top ? ctx.TopEntries : tb != null ? TracebackEntries(tb) : null;
        bool hasTraceback = entries is { Count: > 0 };
        PyObject* members = IsGroup(exc) ? GroupExceptions(exc) : null;
        if (members == null)
        {
            if (hasTraceback)
            {
                Emit(sb, ctx, "Traceback (most recent call last):\n");
                Emit(sb, ctx, EntriesText(entries!));
            }
            Emit(sb, ctx, ExceptionOnly(exc, suggestion));
            return;
        }
        if (ctx.Depth > MaxGroupDepth)
        {
            Emit(sb, ctx, $"... (max_group_depth is {MaxGroupDepth})\n");
            return;
        }
        bool topLevel = ctx.Depth == 0;
        if (topLevel)
        {
            ctx.Depth++;
        }
        if (hasTraceback)
        {
            Emit(sb, ctx, "Exception Group Traceback (most recent call last):\n", topLevel ? '+' : '|');
            Emit(sb, ctx, EntriesText(entries!));
        }
        Emit(sb, ctx, ExceptionOnly(exc, suggestion));
        // The members are held while they print: a __str__ may run Python code.
        Refcount.Incref(members);
        try
        {
            int count = (int)PyTuple.Size(members);
            int shown = count <= MaxGroupWidth ? count : MaxGroupWidth + 1;
            ctx.NeedClose = false;
            for (int i = 0; i < shown; i++)
            {
                bool last = i == shown - 1;
                if (last)
                {
                    // The closing line may be written by a nested group instead.
                    ctx.NeedClose = true;
                }
                bool truncated = i >= MaxGroupWidth;
                string title = truncated ? "..." : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                sb.Append(ctx.Indent).Append(i == 0 ? "+-" : "  ").Append("+---------------- ").Append(title).Append(" ----------------\n");
                ctx.Depth++;
                if (!truncated)
                {
                    AppendException(sb, PyTuple.Items(members)[i], ctx, null);
                }
                else
                {
                    int remaining = count - MaxGroupWidth;
                    Emit(sb, ctx, $"and {remaining} more exception{(remaining > 1 ? "s" : "")}\n");
                }
                if (last && ctx.NeedClose)
                {
                    sb.Append(ctx.Indent).Append("+------------------------------------\n");
                    ctx.NeedClose = false;
                }
                ctx.Depth--;
            }
        }
        finally
        {
            Refcount.Decref(members);
        }
        if (topLevel)
        {
            ctx.Depth = 0;
        }
    }

    /// <summary>The exception's line with its hint, then its notes.</summary>
    private string ExceptionOnly(PyObject* exc, string? suggestion)
    {
        var sb = new StringBuilder();
        sb.Append(FormatExceptionLine(exc));
        suggestion ??= AttributeSuggestion(exc);
        if (suggestion != null)
        {
            sb.Append(suggestion);
        }
        sb.Append('\n');
        AppendNotes(sb, exc);
        return sb.ToString();
    }

    private string EntriesText(List<(string File, int Line, string Function)> entries)
    {
        var sb = new StringBuilder();
        AppendEntries(sb, entries);
        return sb.ToString();
    }

    private void AppendEntries(StringBuilder sb, List<(string File, int Line, string Function)> entries)
    {
        int start = Math.Max(0, entries.Count - TracebackLimit);
        (string File, int Line, string Function)? last = null;
        int count = 0;
        for (int i = start; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (last != entry)
            {
                AppendRepeated(sb, count);
                last = entry;
                count = 0;
            }
            count++;
            if (count > RecursiveCutoff)
            {
                continue;
            }
            sb.Append("  File \"").Append(entry.File).Append("\", line ").Append(entry.Line).Append(", in ").Append(entry.Function).Append('\n');
            string source = SourceLine(entry.File, entry.Line).Trim();
            if (source.Length > 0)
            {
                sb.Append("    ").Append(source).Append('\n');
            }
        }
        AppendRepeated(sb, count);
    }

    private static void AppendRepeated(StringBuilder sb, int count)
    {
        if (count > RecursiveCutoff)
        {
            int more = count - RecursiveCutoff;
            sb.Append("  [Previous line repeated ").Append(more).Append(" more time").Append(more > 1 ? "s" : "").Append("]\n");
        }
    }

    /// <summary>PEP 678: each note of <c>__notes__</c> on its own line(s) after the message.</summary>
    private void AppendNotes(StringBuilder sb, PyObject* exc)
    {
        PyObject* notes = IsInstanceLayout(exc->ob_type) ? PyInstance.GetAttr(exc, Intern("__notes__")) : null;
        if (notes == null)
        {
            return;
        }
        if (!IsList(notes) && !IsTuple(notes))
        {
            sb.Append(SafeText(notes, repr: true, "__notes__")).Append('\n');
            return;
        }
        // A copy of the references: str() of a note may run Python code that changes the list.
        var items = new List<nint>();
        nint n = IsList(notes) ? PyList.Size(notes) : PyTuple.Size(notes);
        for (nint i = 0; i < n; i++)
        {
            PyObject* item = IsList(notes) ? PyList.Items(notes)[i] : PyTuple.Items(notes)[i];
            items.Add((nint)NewRef(item));
        }
        try
        {
            foreach (nint item in items)
            {
                sb.Append(IsStr((PyObject*)item) ? PyUnicode.AsString((PyObject*)item) : SafeText((PyObject*)item, repr: false, "note")).Append('\n');
            }
        }
        finally
        {
            foreach (nint item in items)
            {
                Refcount.Decref((PyObject*)item);
            }
        }
    }

    private string SafeText(PyObject* o, bool repr, string what)
    {
        try
        {
            return repr ? Repr(o) : StrOf(o);
        }
        catch (PythonException e)
        {
            DropPending(e);
            return $"<{what} {(repr ? "repr" : "str")}() failed>";
        }
    }
}
