using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>obj.method(a, b)</c> for a built-in method (<c>list.append</c>, <c>dict.get</c>...): the
/// arguments go into an array kept for reuse, since a built-in only borrows its argument array
/// for the length of the call (the caller releases the references afterwards).
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>Argument arrays of up to this many items are reused.</summary>
    private const int MaxReusedArguments = 4;

    /// <summary>Arrays by length, free for the next built-in call; a call nested in a built-in takes another.</summary>
    private readonly Stack<nint[]>[] _idleArgumentArrays = [.. Enumerable.Range(0, MaxReusedArguments + 1).Select(_ => new Stack<nint[]>())];

    /// <summary>Calls built-in method <paramref name="index"/> on <paramref name="obj"/> (borrowed) with the call's arguments; a new reference.</summary>
    private PyObject* CallBuiltinMethod(int index, PyObject* obj, CallExpr call, ExecFrame f)
    {
        int count = call.Args.Length;
        if (count > MaxReusedArguments || !IsPlainPositional(call))
        {
            nint[] args = EvalArgs(call, f, null, out KwArgs? kw);
            try
            {
                return _builtinTable[index].Fn(obj, args, kw);
            }
            finally
            {
                ReleaseArgs(args, kw);
            }
        }
        Stack<nint[]> idle = _idleArgumentArrays[count];
        nint[] reused = idle.Count > 0 ? idle.Pop() : new nint[count];
        try
        {
            EvalPlainElements(call.Args, f, reused);
            try
            {
                return _builtinTable[index].Fn(obj, reused, null);
            }
            finally
            {
                ReleaseArgs(reused, null);
            }
        }
        finally
        {
            Array.Clear(reused);
            idle.Push(reused);
        }
    }
}
