using System.Collections.Immutable;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Compiler;

/// <summary>Expressions: each leaves one new reference on the stack.</summary>
public sealed unsafe partial class BytecodeCompiler
{
    private void Expression(Expr e)
    {
        switch (e)
        {
            case NameExpr n when n.Id != "__class__":
                LoadName(n.Id);
                return;
            case IntLiteral or FloatLiteral or StrLiteral or NoneLiteral or BoolLiteral:
                Emit(Opcode.LoadConst, Constant((nint)LiteralValue(e)), 1);
                return;
            case TupleExpr t when t.Elements.Length > 0 && t.Elements.All(IsConstantLiteral):
                Emit(Opcode.LoadConst, Constant((nint)ConstantTuple(t)), 1);
                return;
            case TupleExpr t when !HasStarred(t.Elements):
                Elements(t.Elements);
                Emit(Opcode.BuildTuple, t.Elements.Length, 1 - t.Elements.Length);
                return;
            case ListExpr l when !HasStarred(l.Elements):
            {
                Elements(l.Elements);
                bool constant = l.Elements.Length > 2 && l.Elements.All(IsConstantLiteral);
                Emit(Opcode.BuildList, l.Elements.Length * 2 + (constant ? 1 : 0), 1 - l.Elements.Length);
                return;
            }
            case DictExpr d when d.Items.All(i => i.Key is not null):
                foreach (DictItem item in d.Items)
                {
                    Expression(item.Key!);
                    Expression(item.Value);
                }
                Emit(Opcode.BuildMap, d.Items.Length, 1 - 2 * d.Items.Length);
                return;
            case AttributeExpr a:
                Expression(a.Value);
                Emit(Opcode.LoadAttr, NodeIndex(a), 0);
                return;
            case CallExpr call when IsCompilableCall(call):
                Call(call);
                return;
            case BinaryExpr b:
                Expression(b.Left);
                Expression(b.Right);
                Emit(Opcode.BinaryOp, (int)b.Op, -1);
                return;
            case UnaryExpr u:
                Expression(u.Operand);
                Emit(Opcode.UnaryOp, (int)u.Op, 0);
                return;
            case CompareExpr c:
                Compare(c);
                return;
            case ListCompExpr lc when TryInlineListComprehension(lc):
                return;
            case SliceExpr sl:
                // Absent bounds are None, as CPython's compiler loads them.
                OptionalExpression(sl.Lower);
                OptionalExpression(sl.Upper);
                if (sl.Step is not null)
                {
                    Expression(sl.Step);
                }
                Emit(Opcode.BuildSlice, sl.Step is null ? 2 : 3, sl.Step is null ? -1 : -2);
                return;
            case SubscriptExpr s:
                Expression(s.Value);
                Expression(s.Slice);
                Emit(Opcode.BinarySubscr, 0, -1);
                return;
            case BoolOpExpr bo:
            {
                var jumps = new List<int>();
                Opcode jump = bo.Op == BoolOperator.And ? Opcode.JumpIfFalseOrPop : Opcode.JumpIfTrueOrPop;
                for (int i = 0; i < bo.Values.Length; i++)
                {
                    Expression(bo.Values[i]);
                    if (i < bo.Values.Length - 1)
                    {
                        jumps.Add(Emit(jump, 0, -1));
                    }
                }
                foreach (int j in jumps)
                {
                    Patch(j, Here);
                }
                return;
            }
            case ConditionalExpr ce:
            {
                Expression(ce.Test);
                int toElse = Emit(Opcode.PopJumpIfFalse, 0, -1);
                Expression(ce.Body);
                int toEnd = Emit(Opcode.Jump, 0, 0);
                _depth--;
                Patch(toElse, Here);
                Expression(ce.OrElse);
                Patch(toEnd, Here);
                return;
            }
            case YieldExpr y:
                Yield(y);
                return;
            case YieldFromExpr yf:
                YieldFrom(yf);
                return;
            case GeneratorExpr ge when TryGeneratorExpression(ge):
                return;
            default:
                FallbackExpression(e);
                return;
        }
    }

    private void OptionalExpression(Expr? e)
    {
        if (e is null)
        {
            Emit(Opcode.LoadConst, Constant((nint)_interp.None), 1);
        }
        else
        {
            Expression(e);
        }
    }

    /// <summary>The tree-walker evaluates <paramref name="e"/> (a slice, a comprehension, a lambda, an f-string...).</summary>
    private void FallbackExpression(Expr e)
    {
        NoteFallback(e);
        _fallbacks.Add(new Fallback(e, -1, -1));
        Emit(Opcode.EvalExpression, _fallbacks.Count - 1, 1);
    }

    private void Elements(ImmutableArray<Expr> elements)
    {
        foreach (Expr el in elements)
        {
            Expression(el);
        }
    }

    /// <summary>
    /// Calls this compiler makes itself: positional and named arguments, no <c>*</c>/<c>**</c>
    /// unpacking, and not zero-argument <c>super()</c> (which reads the running frame the
    /// tree-walker keeps).
    /// </summary>
    private static bool IsCompilableCall(CallExpr call) =>
        call.Func is not NameExpr { Id: "super" }
        && !HasStarred(call.Args)
        && call.Keywords.All(k => k.Name is not null);

    private void Call(CallExpr call)
    {
        if (call.Func is AttributeExpr at)
        {
            Expression(at.Value);
            Emit(Opcode.LoadMethod, NodeIndex(at), 1);
        }
        else
        {
            Emit(Opcode.PushNull, 0, 1);
            Expression(call.Func);
        }
        Elements(call.Args);
        foreach (Keyword k in call.Keywords)
        {
            Expression(k.Value);
        }
        int count = call.Args.Length + call.Keywords.Length;
        if (call.Keywords.Length == 0)
        {
            Emit(Opcode.Call, count, -1 - count);
        }
        else
        {
            Emit(Opcode.CallKw, NodeIndex(call), -1 - count);
        }
    }

    /// <summary><c>a &lt; b &lt; c</c> evaluates b once and stops at the first false comparison, whose result it is.</summary>
    private void Compare(CompareExpr c)
    {
        Expression(c.Left);
        if (c.Ops.Length == 1)
        {
            Expression(c.Comparators[0]);
            Emit(Opcode.CompareOp, (int)c.Ops[0], -1);
            return;
        }
        var cleanups = new List<int>();
        for (int i = 0; i < c.Ops.Length - 1; i++)
        {
            Expression(c.Comparators[i]);
            Emit(Opcode.Swap, 2, 0);
            Emit(Opcode.Copy, 2, 1);
            Emit(Opcode.CompareOp, (int)c.Ops[i], -1);
            cleanups.Add(Emit(Opcode.JumpIfFalseOrPop, 0, -1));
        }
        Expression(c.Comparators[^1]);
        Emit(Opcode.CompareOp, (int)c.Ops[^1], -1);
        int toEnd = Emit(Opcode.Jump, 0, 0);
        // A false comparison: [previous operand, result] -> [result].
        _depth++;
        foreach (int j in cleanups)
        {
            Patch(j, Here);
        }
        Emit(Opcode.Swap, 2, 0);
        Emit(Opcode.PopTop, 0, -1);
        Patch(toEnd, Here);
    }

    private static bool HasStarred(ImmutableArray<Expr> elements)
    {
        foreach (Expr e in elements)
        {
            if (e is StarredExpr)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsConstantLiteral(Expr e) =>
        e is IntLiteral or FloatLiteral or StrLiteral or NoneLiteral or BoolLiteral or BytesLiteral
        || (e is UnaryExpr { Op: UnaryOperator.Minus, Operand: IntLiteral or FloatLiteral });

    /// <summary>The value of a literal, as the tree-walker makes it (identifier-like strings interned).</summary>
    private PyObject* LiteralValue(Expr e) => e switch
    {
        IntLiteral i => _interp.Int(i.Value),
        FloatLiteral f => _interp.Float(f.Value),
        StrLiteral s => IsIdentifierLike(s.Value) ? Runtime.Interpreter.NewRef(_interp.Intern(s.Value)) : _interp.Str(s.Value),
        BoolLiteral b => _interp.Bool(b.Value),
        _ => _interp.None,
    };

    /// <summary>A tuple of constants is a code constant: built once, never tracked (as CPython and the tree-walker make it).</summary>
    private PyObject* ConstantTuple(TupleExpr t) => _interp.EngineConstantTuple(t);

    private static bool IsIdentifierLike(string s)
    {
        foreach (char ch in s)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Whether an expression names <c>super</c> or <c>__class__</c>: such statements run on the
    /// tree-walker, whose frame those read.
    /// </summary>
    private static bool MentionsFrameIntrospection(Expr e) => e switch
    {
        NameExpr n => n.Id is "super" or "__class__",
        AttributeExpr a => MentionsFrameIntrospection(a.Value),
        CallExpr c => MentionsFrameIntrospection(c.Func) || c.Args.Any(MentionsFrameIntrospection) || c.Keywords.Any(k => MentionsFrameIntrospection(k.Value)),
        _ => false,
    };
}
