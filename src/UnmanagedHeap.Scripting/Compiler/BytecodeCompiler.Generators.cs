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

/// <summary>
/// Generator expressions, compiled as CPython 3.12 compiles them: a code object of their own
/// whose hidden first local is the iterator of the first iterable (evaluated in the enclosing
/// scope), a closure of the enclosing cells it reads, and a body of nested FOR_ITER loops
/// yielding the element.
/// </summary>
public sealed unsafe partial class BytecodeCompiler
{
    /// <summary>
    /// Emits the making of <paramref name="ge"/>'s generator; false (nothing emitted) when its
    /// body would need the tree-walker, which then evaluates the whole expression.
    /// </summary>
    private bool TryGeneratorExpression(GeneratorExpr ge)
    {
        Runtime.Scope scope = _interp.EngineScopeOf(ge);
        foreach (string free in scope.Free)
        {
            if (_isModule || _scope.Resolve(free).Kind is not (Runtime.BindingKind.Cell or Runtime.BindingKind.Free))
            {
                return false;
            }
        }
        var sub = new BytecodeCompiler(_interp, scope) { _qualPrefix = _qualPrefix + "<genexpr>.<locals>.", _file = _file, _extraLocals = 1 };
        if (!sub.GeneratorExpressionBody(ge))
        {
            return false;
        }
        CodeObject code = sub.Finish("<genexpr>", _qualPrefix + "<genexpr>", _file, ge.Line, null);
        // CPython's name for the hidden argument.
        code.VarNames[code.LocalCount - 1] = ".0";
        if (!code.IsPure)
        {
            Runtime.Interpreter.EngineReleaseConstants(code);
            return false;
        }
        _interp.Vm.Register(code);
        if (scope.Free.Count == 0)
        {
            Emit(Opcode.PushNull, 0, 1);
        }
        else
        {
            foreach (string free in scope.Free)
            {
                Runtime.Binding b = _scope.Resolve(free);
                Emit(Opcode.LoadClosure, b.Index * 2 + (b.Kind == Runtime.BindingKind.Free ? 1 : 0), 1);
            }
            Emit(Opcode.BuildTuple, scope.Free.Count, 1 - scope.Free.Count);
        }
        Expression(ge.Generators[0].Iter);
        Emit(Opcode.GetIter, 0, 0);
        Emit(Opcode.MakeGenExpr, NodeIndex(code), -1);
        return true;
    }

    /// <summary>The body: one FOR_ITER loop per clause, innermost yielding the element. False when a target is one the compiler does not store to.</summary>
    private bool GeneratorExpressionBody(GeneratorExpr ge)
    {
        if (!ge.Generators.All(g => IsSimpleTarget(g.Target)))
        {
            return false;
        }
        _line = ge.Line;
        _statementStart = true;
        int hidden = _scope.Slots.Count;
        Emit(Opcode.LoadFast, hidden, 1);
        var tops = new int[ge.Generators.Length];
        var exits = new int[ge.Generators.Length];
        for (int i = 0; i < ge.Generators.Length; i++)
        {
            Syntax.Comprehension clause = ge.Generators[i];
            if (i > 0)
            {
                Expression(clause.Iter);
                Emit(Opcode.GetIter, 0, 0);
            }
            tops[i] = Here;
            exits[i] = Emit(Opcode.ForIter, 0, 1);
            Store(clause.Target);
            foreach (Expr cond in clause.Ifs)
            {
                Expression(cond);
                Emit(Opcode.PopJumpIfFalse, tops[i], -1);
            }
        }
        Expression(ge.Element);
        Emit(Opcode.YieldValue, 0, 0);
        Emit(Opcode.PopTop, 0, -1);
        Emit(Opcode.JumpBackward, tops[^1], 0);
        for (int i = ge.Generators.Length - 1; i >= 0; i--)
        {
            // Clause i is exhausted (FOR_ITER popped its iterator): the enclosing clause goes on.
            _depth--;
            Patch(exits[i], Here);
            if (i > 0)
            {
                Emit(Opcode.JumpBackward, tops[i - 1], 0);
            }
        }
        ReturnNone();
        return true;
    }
}
