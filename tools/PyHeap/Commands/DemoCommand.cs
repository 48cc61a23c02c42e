using System.CommandLine;
using UnmanagedHeap;
using UnmanagedHeap.Inspect;

namespace PyHeap;

/// <summary>
/// <c>pyheap demo</c>: the seed's story told through the C# API with real addresses. Two
/// Nodes that point at each other are built inside a scope; the scope ends, yet both stay
/// alive, because each is still referenced by the other's edge list. The checked cast reads
/// them back from their ids; the collector then reclaims the cycle, the ids dangle, and weak
/// edges show the fix.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CommandIo io)
    {
        var heap = new HeapOptionSet(withMaxHeap: false);
        var command = new Command("demo", "Narrate the seed's story on a native heap: a reference cycle built in a scope outlives it; its real addresses, header bytes, the checked cast, the collector and weak edges.");
        heap.AddTo(command);
        command.SetAction(result => Run(heap.Read(result), io.Out));
        return command;
    }

    public static int Run(HeapOptions heapOptions, TextWriter output)
    {
        var say = new Narrator(output);
        using (var heap = new Heap(heapOptions))
        {
            (nint id1, nint id2) = CycleStory.Tell(heap, say);
            CollectStory.Tell(heap, say, id1, id2);
        }
        CollectStory.ShowStaleBytes(heapOptions, say);
        CollectStory.WeakEdges(heapOptions, say);
        return ExitCodes.Ok;
    }
}

/// <summary>Writes the demo's headed steps and indented details.</summary>
public sealed class Narrator(TextWriter output)
{
    private int _step;

    public void Title(string text)
    {
        output.WriteLine(text);
        output.WriteLine(new string('=', text.Length));
    }

    public void Step(string text)
    {
        output.WriteLine();
        output.WriteLine($"Step {++_step}. {text}");
    }

    public void Line(string text = "") => output.WriteLine(text.Length == 0 ? "" : "    " + text);

    public void Block(string text)
    {
        foreach (string line in text.TrimEnd().Split('\n'))
        {
            output.WriteLine("    " + line);
        }
    }
}

/// <summary>The cycle part of the demo: build, leave the scope, look at the addresses.</summary>
public static class CycleStory
{
    public static (nint Id1, nint Id2) Tell(Heap heap, Narrator say)
    {
        say.Title($"UnmanagedHeap demo: why an object outlives the scope that made it (allocator: {heap.Allocator.Name})");
        say.Line("Objects live in unmanaged memory with CPython 3.12's 64-bit layouts; ids are real addresses.");

        PyClass node = heap.DefineClass("Node", "value", "edges");
        say.Step("build_cycle(): inside a scope, two Nodes that point at each other");
        (nint id1, nint id2) = BuildCycle(heap, node, say);

        say.Step("The scope has ended: n1 and n2 are unbound, but the objects are still there");
        foreach (nint id in new[] { id1, id2 })
        {
            BorrowedRef obj = heap.Cast(id);
            say.Line($"0x{id:x}: live {obj.TypeName}, ob_refcnt = {obj.RefCount} (the only reference is the other Node's edge list)");
        }
        say.Line();
        say.Line($"Header of the Node at 0x{id1:x}, read from that address (offsets from the object header):");
        say.Block(heap.HexDump(id1));

        say.Step("ctypes.cast(id, py_object).value.value: the checked cast reads them back");
        say.Line($"heap.Cast(0x{id1:x}).Get(\"value\") = {heap.Cast(id1).Get("value").ToString()}");
        say.Line($"heap.Cast(0x{id2:x}).Get(\"value\") = {heap.Cast(id2).Get("value").ToString()}");
        say.Line($"heap.Cast(0x{id1:x}).Get(\"edges\") = a list holding the Node at 0x{heap.Cast(id1).Get("edges")[0].Address:x}");

        say.Step("The checked cast refuses anything that is not a live object header");
        foreach (nint bad in new[] { id1 + 8, heap.Cast(id1).Get("edges").Address - 8, (nint)0x1234, unchecked((nint)0xDEADBEEFCAFEL) })
        {
            say.Line($"heap.Cast(0x{bad:x}): {Refusal(heap, bad)}");
        }
        return (id1, id2);
    }

    private static (nint, nint) BuildCycle(Heap heap, PyClass node, Narrator say)
    {
        using Frame frame = heap.EnterFrame();
        BorrowedRef n1 = frame.Bind("n1", heap.New(node, heap.Int(1), heap.NewList()));
        BorrowedRef n2 = frame.Bind("n2", heap.New(node, heap.Int(2), heap.NewList()));
        n1.Get("edges").Append(n2);
        n2.Get("edges").Append(n1);
        say.Line($"n1 = Node(1)   id(n1) = 0x{heap.Id(n1):x}   sys.getsizeof = {heap.SizeOf(n1)} bytes");
        say.Line($"n2 = Node(2)   id(n2) = 0x{heap.Id(n2):x}");
        say.Line("n1.edges.append(n2); n2.edges.append(n1)");
        say.Line($"sys.getrefcount(n1) = {heap.GetRefCount(n1)}  (the name n1, n2.edges, and the call's own argument)");
        return (heap.Id(n1), heap.Id(n2));
    }

    /// <summary>Why a cast of <paramref name="address"/> fails (the exception's explanation).</summary>
    public static string Refusal(Heap heap, nint address)
    {
        try
        {
            heap.Cast(address);
            return "accepted";
        }
        catch (InvalidAddressException e)
        {
            return e.Info.Describe();
        }
    }
}
