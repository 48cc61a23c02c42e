using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Compiler;

/// <summary>
/// Yield points, as CPython 3.12 compiles them. Values on the stack at a yield (call operands,
/// a for loop's iterator, a <c>yield from</c> delegate) stay in the frame while it is
/// suspended, which is why a generator can yield in the middle of any expression the compiler
/// handles. A yield inside a statement or expression handed to the tree-walker cannot suspend
/// this frame: the first such node is recorded and the generator is refused as a whole.
/// </summary>
public sealed unsafe partial class BytecodeCompiler
{
    /// <summary>The first fallback node containing a yield of this scope (null: every yield is compiled).</summary>
    private Node? _yieldInFallback;

    private void NoteFallback(Node n)
    {
        if (_yieldInFallback is null && HasYield(n))
        {
            _yieldInFallback = n;
        }
    }

    private bool HasYield(Node n) => n switch
    {
        Stmt s => _interp.ContainsYield(s),
        Expr e => _interp.ContainsYield(e),
        _ => false,
    };

    /// <summary><c>yield v</c>: YIELD_VALUE pops v and, on resumption, pushes what was sent.</summary>
    private void Yield(YieldExpr y)
    {
        if (y.Value is null)
        {
            Emit(Opcode.LoadConst, Constant((nint)_interp.None), 1);
        }
        else
        {
            Expression(y.Value);
        }
        Emit(Opcode.YieldValue, 0, 0);
    }

    /// <summary>
    /// <c>yield from it</c>: the SEND / YIELD_VALUE loop. The delegate stays under the value being
    /// passed through; END_SEND drops it and leaves its return value.
    /// </summary>
    private void YieldFrom(YieldFromExpr yf)
    {
        Expression(yf.Value);
        Emit(Opcode.GetYieldFromIter, 0, 0);
        Emit(Opcode.LoadConst, Constant((nint)_interp.None), 1);
        int send = Emit(Opcode.Send, 0, 0);
        int yield = Emit(Opcode.YieldValue, 0, 0);
        Emit(Opcode.Jump, send, 0);
        int exit = Here;
        Emit(Opcode.EndSend, 0, -1);
        Patch(send, exit);
        Patch(yield, exit + 1);
    }
}
