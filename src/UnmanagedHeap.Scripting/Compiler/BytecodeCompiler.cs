using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Compiler;

/// <summary>
/// Compiles one code object (a module body, a function or a lambda) from the syntax tree and
/// the scope <see cref="ScopeAnalyzer"/> resolved for it. Statements and expressions it does
/// not handle yet become <see cref="Opcode.ExecStatement"/> / <see cref="Opcode.EvalExpression"/>:
/// the tree-walking interpreter runs exactly those nodes, with the frame's locals lent to it,
/// so behaviour stays identical while the compiler grows (<see cref="CodeObject.IsPure"/>
/// says whether any remain). Every instruction carries the line of its statement, as the
/// tree-walker's tracebacks do.
/// </summary>
public sealed unsafe partial class BytecodeCompiler
{
    private readonly Interpreter _interp;
    private readonly Scope _scope;
    private readonly bool _isModule;
    private readonly List<int> _code = [];
    private readonly List<int> _lines = [];
    private readonly List<nint> _consts = [];
    private readonly List<nint> _names = [];
    private readonly Dictionary<string, int> _nameIndex = [];
    private readonly List<object> _nodes = [];
    private readonly List<nint> _nodeKeys = [];
    private readonly List<Fallback> _fallbacks = [];
    private readonly List<Loop> _loops = [];
    /// <summary>Qualname prefix of code defined here (<c>f.&lt;locals&gt;.</c>; empty in a module).</summary>
    private string _qualPrefix = "";
    private string _file = "";
    /// <summary>Local slots past the scope's own (a generator expression's hidden iterator).</summary>
    private int _extraLocals;
    private int _line;
    private bool _statementStart;
    private int _depth;
    private int _maxDepth;

    /// <summary>An enclosing loop: where continue goes, the jumps break leaves to patch, whether an iterator is on the stack.</summary>
    private sealed class Loop(int continueTarget, bool hasIterator)
    {
        public int ContinueTarget { get; } = continueTarget;
        public bool HasIterator { get; } = hasIterator;
        public List<int> BreakJumps { get; } = [];
        public List<Fallback> Fallbacks { get; } = [];
    }

    private BytecodeCompiler(Interpreter interp, Scope scope)
    {
        _interp = interp;
        _scope = scope;
        _isModule = scope.Kind == ScopeKind.Module;
    }

    /// <summary>Compiles a function's or lambda's body.</summary>
    public static CodeObject CompileFunction(Interpreter interp, CodeInfo info, int firstLine)
    {
        var c = new BytecodeCompiler(interp, info.Scope) { _qualPrefix = info.LocalsQualPrefix, _file = info.File };
        if (info.LambdaBody is not null)
        {
            c._line = info.LambdaBody.Line;
            c._statementStart = true;
            c.Expression(info.LambdaBody);
            c.Emit(Opcode.ReturnValue, 0, -1);
        }
        else
        {
            c.Block(info.Body!);
            c.ReturnNone();
        }
        return c.Finish(info.Name, info.QualName, info.File, firstLine, info);
    }

    /// <summary>Compiles a module body (its names are the globals dict's).</summary>
    public static CodeObject CompileModule(Interpreter interp, IReadOnlyList<Stmt> body, Scope scope, string file)
    {
        var c = new BytecodeCompiler(interp, scope) { _file = file };
        c.Block(body);
        c.ReturnNone();
        return c.Finish("<module>", "<module>", file, 1, null);
    }

    private CodeObject Finish(string name, string qualName, string file, int firstLine, CodeInfo? info)
    {
        int locals = _isModule ? 0 : _scope.Slots.Count + _extraLocals + _extraSlots.Count;
        var code = new CodeObject(name, qualName, file, firstLine, info, _scope, [.. _code], [.. _lines], [.. _consts], [.. _names],
            [.. _nodes], [.. _nodeKeys], [.. _fallbacks], locals, _maxDepth + 1) { YieldInFallback = _yieldInFallback };
        for (int i = 0; i < _extraSlots.Count; i++)
        {
            code.VarNames[_scope.Slots.Count + _extraLocals + i] = _extraSlots[i];
        }
        return code;
    }

    // ---- Emission ----

    private int Here => _code.Count;

    /// <summary>Appends an instruction with its stack effect; returns its index (for patching jumps).</summary>
    private int Emit(Opcode op, int arg, int stackEffect)
    {
        _code.Add(Instruction.Make(op, arg, _statementStart));
        _lines.Add(_line);
        _statementStart = false;
        _depth += stackEffect;
        if (_depth > _maxDepth)
        {
            _maxDepth = _depth;
        }
        return _code.Count - 1;
    }

    private void Patch(int at, int target)
    {
        int word = _code[at];
        _code[at] = Instruction.Make(Instruction.OpOf(word), target, (word & Instruction.StatementStart) != 0);
    }

    private int Constant(nint owned)
    {
        _consts.Add(owned);
        return _consts.Count - 1;
    }

    private int Name(string name)
    {
        if (!_nameIndex.TryGetValue(name, out int index))
        {
            index = _names.Count;
            _names.Add((nint)_interp.Intern(name));
            _nameIndex[name] = index;
        }
        return index;
    }

    private int NodeIndex(object node)
    {
        _nodes.Add(node);
        _nodeKeys.Add(node is AttributeExpr a ? (nint)_interp.Intern(a.Attr) : 0);
        return _nodes.Count - 1;
    }

    private void ReturnNone()
    {
        Emit(Opcode.LoadConst, Constant((nint)_interp.None), 1);
        Emit(Opcode.ReturnValue, 0, -1);
    }

    // ---- Statements ----

    private void Block(IReadOnlyList<Stmt> body)
    {
        foreach (Stmt s in body)
        {
            Statement(s);
        }
    }

    private void Statement(Stmt s)
    {
        _line = s.Line;
        _statementStart = true;
        switch (s)
        {
            // An echoed expression (interactive input) is left to the tree-walker, which shows its value.
            case ExprStmt e when !e.Echo && !MentionsFrameIntrospection(e.Value):
                Expression(e.Value);
                Emit(Opcode.PopTop, 0, -1);
                return;
            case AssignStmt a when a.Targets.All(IsSimpleTarget):
                Expression(a.Value);
                for (int i = 0; i < a.Targets.Length; i++)
                {
                    if (i < a.Targets.Length - 1)
                    {
                        Emit(Opcode.Copy, 1, 1);
                    }
                    Store(a.Targets[i]);
                }
                return;
            case AugAssignStmt aug when aug.Target is NameExpr or AttributeExpr or SubscriptExpr { Slice: not SliceExpr }:
                AugmentedAssign(aug);
                return;
            case ReturnStmt r when !_isModule:
                if (r.Value is null)
                {
                    Emit(Opcode.LoadConst, Constant((nint)_interp.None), 1);
                }
                else
                {
                    Expression(r.Value);
                }
                Emit(Opcode.ReturnValue, 0, -1);
                return;
            case IfStmt i:
                If(i);
                return;
            case WhileStmt w:
                While(w);
                return;
            case ForStmt fo when IsSimpleTarget(fo.Target):
                For(fo);
                return;
            case PassStmt or GlobalStmt or NonlocalStmt:
                return;
            case BreakStmt when _loops.Count > 0:
            {
                Loop loop = _loops[^1];
                loop.BreakJumps.Add(Emit(Opcode.Jump, 0, 0));
                return;
            }
            case ContinueStmt when _loops.Count > 0:
                Emit(Opcode.JumpBackward, _loops[^1].ContinueTarget, 0);
                return;
            default:
                FallbackStatement(s);
                return;
        }
    }

    /// <summary>Hands statement <paramref name="s"/> to the tree-walker; break/continue inside it reach the enclosing loop.</summary>
    private void FallbackStatement(Stmt s)
    {
        NoteFallback(s);
        var fb = new Fallback(s, -1, _loops.Count > 0 ? _loops[^1].ContinueTarget : -1);
        if (_loops.Count > 0)
        {
            _loops[^1].Fallbacks.Add(fb);
        }
        _fallbacks.Add(fb);
        Emit(Opcode.ExecStatement, _fallbacks.Count - 1, 0);
    }

    private void If(IfStmt i)
    {
        Expression(i.Test);
        int toElse = Emit(Opcode.PopJumpIfFalse, 0, -1);
        Block(i.Body);
        if (i.OrElse.Length == 0)
        {
            Patch(toElse, Here);
            return;
        }
        _line = i.Line;
        int toEnd = Emit(Opcode.Jump, 0, 0);
        Patch(toElse, Here);
        Block(i.OrElse);
        Patch(toEnd, Here);
    }

    private void While(WhileStmt w)
    {
        int top = Here;
        Expression(w.Test);
        int toElse = Emit(Opcode.PopJumpIfFalse, 0, -1);
        var loop = new Loop(top, hasIterator: false);
        _loops.Add(loop);
        Block(w.Body);
        _loops.RemoveAt(_loops.Count - 1);
        _line = w.Line;
        Emit(Opcode.JumpBackward, top, 0);
        Patch(toElse, Here);
        Block(w.OrElse);
        FinishLoop(loop, Here);
    }

    private void For(ForStmt fo)
    {
        Expression(fo.Iter);
        Emit(Opcode.GetIter, 0, 0);
        int top = Here;
        _line = fo.Line;
        int forIter = Emit(Opcode.ForIter, 0, 1);
        Store(fo.Target);
        var loop = new Loop(top, hasIterator: true);
        _loops.Add(loop);
        Block(fo.Body);
        _loops.RemoveAt(_loops.Count - 1);
        _line = fo.Line;
        Emit(Opcode.JumpBackward, top, 0);
        // Exhausted: FOR_ITER has popped the iterator.
        _depth--;
        Patch(forIter, Here);
        Block(fo.OrElse);
        if (loop.BreakJumps.Count == 0 && loop.Fallbacks.Count == 0)
        {
            return;
        }
        _line = fo.Line;
        int toEnd = Emit(Opcode.Jump, 0, 0);
        // break: the iterator is still on the stack.
        int breakStub = Here;
        _depth++;
        Emit(Opcode.PopTop, 0, -1);
        FinishLoop(loop, breakStub);
        Patch(toEnd, Here);
    }

    private void FinishLoop(Loop loop, int breakTarget)
    {
        foreach (Fallback fb in loop.Fallbacks)
        {
            fb.BreakTarget = breakTarget;
        }
        foreach (int j in loop.BreakJumps)
        {
            Patch(j, breakTarget);
        }
    }

    private void AugmentedAssign(AugAssignStmt aug)
    {
        int op = (int)aug.Op | 32;
        switch (aug.Target)
        {
            case NameExpr n:
                LoadName(n.Id);
                Expression(aug.Value);
                Emit(Opcode.BinaryOp, op, -1);
                StoreName(n.Id);
                return;
            case AttributeExpr at:
            {
                Expression(at.Value);
                Emit(Opcode.Copy, 1, 1);
                int node = NodeIndex(at);
                Emit(Opcode.LoadAttr, node, 0);
                Expression(aug.Value);
                Emit(Opcode.BinaryOp, op, -1);
                Emit(Opcode.Swap, 2, 0);
                Emit(Opcode.StoreAttr, node, -2);
                return;
            }
            case SubscriptExpr sub:
                Expression(sub.Value);
                Expression(sub.Slice);
                Emit(Opcode.Copy, 2, 1);
                Emit(Opcode.Copy, 2, 1);
                Emit(Opcode.BinarySubscr, 0, -1);
                Expression(aug.Value);
                Emit(Opcode.BinaryOp, op, -1);
                Emit(Opcode.Swap, 3, 0);
                Emit(Opcode.Swap, 2, 0);
                Emit(Opcode.StoreSubscr, 0, -3);
                return;
        }
    }

    /// <summary>Targets this compiler stores to itself: names, attributes, subscripts, unpacking without a star.</summary>
    private static bool IsSimpleTarget(Expr t) => t switch
    {
        NameExpr n => n.Id != "__class__",
        AttributeExpr a => !MentionsFrameIntrospection(a.Value),
        SubscriptExpr s => !MentionsFrameIntrospection(s.Value) && !MentionsFrameIntrospection(s.Slice),
        TupleExpr tu => tu.Elements.Length > 0 && tu.Elements.All(IsSimpleTarget),
        ListExpr l => l.Elements.Length > 0 && l.Elements.All(IsSimpleTarget),
        _ => false,
    };

    /// <summary>Stores TOS to <paramref name="target"/> (consuming it).</summary>
    private void Store(Expr target)
    {
        switch (target)
        {
            case NameExpr n:
                StoreName(n.Id);
                return;
            case AttributeExpr a:
                Expression(a.Value);
                Emit(Opcode.StoreAttr, NodeIndex(a), -2);
                return;
            case SubscriptExpr s:
                Expression(s.Value);
                Expression(s.Slice);
                Emit(Opcode.StoreSubscr, 0, -3);
                return;
            case TupleExpr t:
                Unpack(t.Elements);
                return;
            case ListExpr l:
                Unpack(l.Elements);
                return;
        }
    }

    private void Unpack(System.Collections.Immutable.ImmutableArray<Expr> targets)
    {
        Emit(Opcode.UnpackSequence, targets.Length, targets.Length - 1);
        foreach (Expr t in targets)
        {
            Store(t);
        }
    }

    private void LoadName(string name)
    {
        if (TryComprehensionSlot(name, out int slot))
        {
            Emit(Opcode.LoadFast, slot, 1);
            return;
        }
        if (_isModule)
        {
            Emit(Opcode.LoadGlobal, Name(name), 1);
            return;
        }
        Binding b = _scope.Resolve(name);
        switch (b.Kind)
        {
            case BindingKind.Fast:
                Emit(Opcode.LoadFast, b.Index, 1);
                return;
            case BindingKind.Cell:
                Emit(Opcode.LoadDeref, b.Index, 1);
                return;
            case BindingKind.Free:
                Emit(Opcode.LoadFree, b.Index, 1);
                return;
            default:
                Emit(Opcode.LoadGlobal, Name(name), 1);
                return;
        }
    }

    private void StoreName(string name)
    {
        if (TryComprehensionSlot(name, out int slot))
        {
            Emit(Opcode.StoreFast, slot, -1);
            return;
        }
        if (_isModule)
        {
            Emit(Opcode.StoreGlobal, Name(name), -1);
            return;
        }
        Binding b = _scope.Resolve(name);
        switch (b.Kind)
        {
            case BindingKind.Fast:
                Emit(Opcode.StoreFast, b.Index, -1);
                return;
            case BindingKind.Cell:
                Emit(Opcode.StoreDeref, b.Index, -1);
                return;
            case BindingKind.Free:
                Emit(Opcode.StoreFree, b.Index, -1);
                return;
            default:
                Emit(Opcode.StoreGlobal, Name(name), -1);
                return;
        }
    }
}
