using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Gc;

/// <summary>The DEBUG_* output, in CPython 3.12's words, and unraisable-exception reports.</summary>
public sealed unsafe partial class Collector
{
    /// <summary>Where DEBUG_* output and unraisable reports go (CPython: sys.stderr). Console.Error by default.</summary>
    public TextWriter DebugOutput { get; set; } = Console.Error;

    /// <summary>
    /// Receives exceptions thrown by finalizers, weakref callbacks, gc callbacks and clear
    /// slots, which cannot propagate through a collection or a deallocation. When null they
    /// are written to <see cref="DebugOutput"/> as CPython writes unraisable exceptions.
    /// </summary>
    public UnraisableHook? Unraisable { get; set; }

    /// <summary>PyErr_WriteUnraisable: hand the exception to the hook, or print it.</summary>
    internal void ReportUnraisable(string context, Exception exception)
    {
        UnraisableHook? hook = Unraisable;
        if (hook != null)
        {
            try
            {
                hook(context, exception);
                return;
            }
            catch (Exception e)
            {
                exception = new AggregateException("the unraisable hook failed", exception, e);
            }
        }
        WriteDebug($"Exception ignored in: {context}\n{exception.GetType().Name}: {exception.Message}\n");
    }

    /// <summary>Writes debug text; a failing writer must not abort a collection half way through.</summary>
    private void WriteDebug(string text)
    {
        try
        {
            DebugOutput.Write(text);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>show_stats_each_generations: list sizes of the generations and of the permanent one.</summary>
    private void ShowStatsEachGeneration()
    {
        HeapState* st = _st;
        WriteDebug(
            $"gc: objects in each generation: {GcHead.Size(&st->gen0.head)} {GcHead.Size(&st->gen1.head)} {GcHead.Size(&st->gen2.head)}\n" +
            $"gc: objects in permanent generation: {GcHead.Size(&st->permanent.head)}\n");
    }

    /// <summary>debug_cycle: <c>gc: collectable &lt;Node 0x7f...&gt;</c> (type name and address as %p prints it).</summary>
    internal void DebugCycle(string message, PyObject* op) =>
        WriteDebug($"gc: {message} <{TypeRegistry.NameOf(op->ob_type)} 0x{(nint)op:x}>\n");
}
