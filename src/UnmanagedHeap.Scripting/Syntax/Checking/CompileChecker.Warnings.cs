namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// The <c>SyntaxWarning</c>s of CPython 3.12's compiler (<c>check_caller</c>,
/// <c>check_subscripter</c>, <c>check_index</c>, <c>check_compare</c>, and the assertion on a
/// tuple): constructs that parse but are certain to fail or to be wrong. Like CPython, they
/// look at constants after its AST optimizer has folded them (<c>-1</c>, <c>1 + 2</c>, <c>(1, 2)</c>).
/// </summary>
internal sealed partial class CompileChecker
{
    private void Warn(string message, Node at) =>
        _warnings.Add(new PythonSyntaxWarning(message, _module.FileName, at.Line));

    /// <summary>The type of the constant <paramref name="expr"/> is or folds to; null when it is not a constant.</summary>
    private static string? ConstantType(Expr expr) => expr switch
    {
        IntLiteral => "int",
        FloatLiteral => "float",
        ImaginaryLiteral => "complex",
        BoolLiteral => "bool",
        NoneLiteral => "NoneType",
        EllipsisLiteral => "ellipsis",
        StrLiteral => "str",
        BytesLiteral => "bytes",
        UnaryExpr { Op: UnaryOperator.Minus or UnaryOperator.Plus } u => NumericResult(ConstantType(u.Operand), "int"),
        UnaryExpr { Op: UnaryOperator.Invert } u when ConstantType(u.Operand) is "int" => "int",
        BinaryExpr { Op: BinaryOperator.Add or BinaryOperator.Sub or BinaryOperator.Mult } b =>
            NumericResult(ConstantType(b.Left), ConstantType(b.Right)),
        TupleExpr { Context: ExprContext.Load } t when t.Elements.All(e => ConstantType(e) is not null) => "tuple",
        _ => null,
    };

    /// <summary>The type of an arithmetic result on numbers (bool counts as int); null when either side is not a number.</summary>
    private static string? NumericResult(string? left, string? right)
    {
        static int Rank(string? type) => type switch
        {
            "bool" or "int" => 1,
            "float" => 2,
            "complex" => 3,
            _ => 0,
        };

        int low = Math.Min(Rank(left), Rank(right));
        int high = Math.Max(Rank(left), Rank(right));
        return low == 0 ? null : high switch
        {
            1 => "int",
            2 => "float",
            _ => "complex",
        };
    }

    /// <summary>CPython's <c>infer_type</c>: the type a display or constant is known to have, or null.</summary>
    private static string? InferType(Expr expr) => ConstantType(expr) ?? expr switch
    {
        TupleExpr => "tuple",
        ListExpr or ListCompExpr => "list",
        DictExpr or DictCompExpr => "dict",
        SetExpr or SetCompExpr => "set",
        GeneratorExpr => "generator",
        LambdaExpr => "function",
        FStringExpr or FormattedValue => "str",
        SliceExpr => "slice",
        _ => null,
    };

    /// <summary><c>5()</c>, <c>"a"()</c>, <c>[1]()</c>: calling something that is never callable.</summary>
    private void WarnIfNotCallable(Expr func)
    {
        if (ConstantType(func) is not null || func is TupleExpr or ListExpr or ListCompExpr or DictExpr or DictCompExpr
            or SetExpr or SetCompExpr or GeneratorExpr or FStringExpr or FormattedValue)
        {
            Warn($"'{InferType(func)}' object is not callable; perhaps you missed a comma?", func);
        }
    }

    public override bool VisitSubscript(SubscriptExpr node)
    {
        if (node.Context == ExprContext.Load)
        {
            WarnIfNotSubscriptable(node.Value);
            WarnIfBadIndex(node.Value, node.Slice);
        }

        return base.VisitSubscript(node);
    }

    /// <summary><c>5[0]</c>, <c>None[0]</c>, <c>{1}[0]</c>: subscripting something that never supports it.</summary>
    private void WarnIfNotSubscriptable(Expr value)
    {
        if (ConstantType(value) is "NoneType" or "ellipsis" or "int" or "float" or "complex" or "bool"
            || value is SetExpr or SetCompExpr or GeneratorExpr or LambdaExpr)
        {
            Warn($"'{InferType(value)}' object is not subscriptable; perhaps you missed a comma?", value);
        }
    }

    /// <summary><c>"abc"[None]</c>, <c>[1, 2]["x"]</c>: a sequence literal indexed by a literal that is not an integer.</summary>
    private void WarnIfBadIndex(Expr value, Expr index)
    {
        string? indexType = InferType(index);
        if (indexType is null or "int" or "bool" or "slice")
        {
            return;
        }

        if (ConstantType(value) is "str" or "bytes" or "tuple"
            || value is TupleExpr or ListExpr or ListCompExpr or FStringExpr or FormattedValue)
        {
            Warn($"{InferType(value)} indices must be integers or slices, not {indexType}; perhaps you missed a comma?", value);
        }
    }

    public override bool VisitCompare(CompareExpr node)
    {
        WarnIfIsLiteral(node);
        return base.VisitCompare(node);
    }

    /// <summary><c>x is 1</c>: identity with a literal (None, True, False and ... are fine).</summary>
    private void WarnIfIsLiteral(CompareExpr node)
    {
        static bool Fine(Expr e) => ConstantType(e) is null or "NoneType" or "bool" or "ellipsis";

        var left = node.Left;
        for (int i = 0; i < node.Ops.Length; i++)
        {
            var right = node.Comparators[i];
            if (node.Ops[i] is CompareOperator.Is or CompareOperator.IsNot && (!Fine(left) || !Fine(right)))
            {
                string type = ConstantType(Fine(left) ? right : left)!;
                Warn(
                    node.Ops[i] == CompareOperator.Is
                        ? $"\"is\" with '{type}' literal. Did you mean \"==\"?"
                        : $"\"is not\" with '{type}' literal. Did you mean \"!=\"?",
                    node);
                return;
            }

            left = right;
        }
    }

    public override bool VisitAssert(AssertStmt node)
    {
        if (node.Test is TupleExpr { Elements.Length: > 0 })
        {
            Warn("assertion is always true, perhaps remove parentheses?", node);
        }

        return base.VisitAssert(node);
    }
}
