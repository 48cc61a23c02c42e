using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// Prints a syntax tree in the format of CPython 3.12's <c>ast.dump(tree)</c>, with CPython's
/// node names (<c>BinOp</c>, <c>Constant</c>, <c>JoinedStr</c>, ...), so a tree can be compared
/// with the one CPython builds. With <c>includePositions</c> it adds <c>lineno</c>,
/// <c>col_offset</c>, <c>end_lineno</c> and <c>end_col_offset</c> as
/// <c>ast.dump(tree, include_attributes=True)</c> does (columns counted in characters).
/// </summary>
public sealed class AstDump
{
    private readonly StringBuilder _out = new();
    private readonly bool _positions;

    private AstDump(bool positions) => _positions = positions;

    /// <summary>Dumps a module, e.g. <c>Module(body=[Pass()], type_ignores=[])</c>.</summary>
    public static string Dump(Module module, bool includePositions = false)
    {
        ArgumentNullException.ThrowIfNull(module);
        var dump = new AstDump(includePositions);
        dump._out.Append("Module(body=");
        dump.List(module.Body, dump.Statement);
        dump._out.Append(", type_ignores=[])");
        return dump._out.ToString();
    }

    /// <summary>Dumps one expression, e.g. <c>BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Constant(value=1))</c>.</summary>
    public static string Dump(Expr expr, bool includePositions = false)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var dump = new AstDump(includePositions);
        dump.Expression(expr);
        return dump._out.ToString();
    }

    /// <summary>Dumps one statement.</summary>
    public static string Dump(Stmt stmt, bool includePositions = false)
    {
        ArgumentNullException.ThrowIfNull(stmt);
        var dump = new AstDump(includePositions);
        dump.Statement(stmt);
        return dump._out.ToString();
    }

    // ---- Writing helpers ----------------------------------------------------------------

    /// <summary>Writes <c>Name(field=value, ...)</c>; a null field value is left out, as ast.dump leaves out None optionals.</summary>
    private void Node(string name, Node? positioned, params (string Field, Action? Write)[] fields)
    {
        _out.Append(name).Append('(');
        bool first = true;
        foreach (var (field, write) in fields)
        {
            if (write is null)
            {
                continue;
            }

            if (!first)
            {
                _out.Append(", ");
            }

            first = false;
            _out.Append(field).Append('=');
            write();
        }

        if (_positions && positioned is not null)
        {
            var span = positioned.Span;
            _out.Append(first ? string.Empty : ", ")
                .Append(CultureInfo.InvariantCulture, $"lineno={span.Line}, col_offset={span.Column - 1}, end_lineno={span.EndLine}, end_col_offset={span.EndColumn - 1}");
        }

        _out.Append(')');
    }

    private void List<T>(ImmutableArray<T> items, Action<T> write)
    {
        _out.Append('[');
        for (int i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                _out.Append(", ");
            }

            write(items[i]);
        }

        _out.Append(']');
    }

    private Action Text(string text) => () => _out.Append(text);

    private Action? Optional(Expr? expr) => expr is null ? null : () => Expression(expr);

    private Action Exprs(ImmutableArray<Expr> exprs) => () => List(exprs, Expression);

    private Action Stmts(ImmutableArray<Stmt> stmts) => () => List(stmts, Statement);

    private Action Str(string? value) => Text(value is null ? "None" : PythonRepr.Str(value));

    private static string Context(ExprContext context) => context switch
    {
        ExprContext.Store => "Store()",
        ExprContext.Del => "Del()",
        _ => "Load()",
    };

    // ---- Expressions --------------------------------------------------------------------

    private void Expression(Expr expr)
    {
        switch (expr)
        {
            case NoneLiteral:
                Constant(expr, "None");
                break;
            case BoolLiteral b:
                Constant(expr, b.Value ? "True" : "False");
                break;
            case EllipsisLiteral:
                Constant(expr, "Ellipsis");
                break;
            case IntLiteral i:
                Constant(expr, i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatLiteral f:
                Constant(expr, PythonRepr.Float(f.Value));
                break;
            case ImaginaryLiteral j:
                Constant(expr, PythonRepr.Imaginary(j.Imaginary));
                break;
            case StrLiteral { IsUPrefixed: true } s:
                Node("Constant", s, ("value", Text(PythonRepr.Str(s.Value))), ("kind", Text("'u'")));
                break;
            case StrLiteral s:
                Constant(expr, PythonRepr.Str(s.Value));
                break;
            case BytesLiteral b:
                Constant(expr, PythonRepr.Bytes(b.Value));
                break;
            case FStringExpr f:
                Node("JoinedStr", f, ("values", Exprs(f.Parts)));
                break;
            case FormattedValue v:
                Node(
                    "FormattedValue",
                    v,
                    ("value", () => Expression(v.Value)),
                    ("conversion", Text(((int)v.Conversion).ToString(CultureInfo.InvariantCulture))),
                    ("format_spec", Optional(v.FormatSpec)));
                break;
            case NameExpr n:
                Node("Name", n, ("id", Str(n.Id)), ("ctx", Text(Context(n.Context))));
                break;
            case AttributeExpr a:
                Node("Attribute", a, ("value", () => Expression(a.Value)), ("attr", Str(a.Attr)), ("ctx", Text(Context(a.Context))));
                break;
            case SubscriptExpr s:
                Node("Subscript", s, ("value", () => Expression(s.Value)), ("slice", () => Expression(s.Slice)), ("ctx", Text(Context(s.Context))));
                break;
            case SliceExpr s:
                Node("Slice", s, ("lower", Optional(s.Lower)), ("upper", Optional(s.Upper)), ("step", Optional(s.Step)));
                break;
            case StarredExpr s:
                Node("Starred", s, ("value", () => Expression(s.Value)), ("ctx", Text(Context(s.Context))));
                break;
            case TupleExpr t:
                Node("Tuple", t, ("elts", Exprs(t.Elements)), ("ctx", Text(Context(t.Context))));
                break;
            case ListExpr l:
                Node("List", l, ("elts", Exprs(l.Elements)), ("ctx", Text(Context(l.Context))));
                break;
            case SetExpr s:
                Node("Set", s, ("elts", Exprs(s.Elements)));
                break;
            case DictExpr d:
                Node(
                    "Dict",
                    d,
                    ("keys", () => List(d.Items, OptionalExpression)),
                    ("values", () => List(d.Items, item => Expression(item.Value))));
                break;
            case ListCompExpr c:
                Node("ListComp", c, ("elt", () => Expression(c.Element)), ("generators", Generators(c.Generators)));
                break;
            case SetCompExpr c:
                Node("SetComp", c, ("elt", () => Expression(c.Element)), ("generators", Generators(c.Generators)));
                break;
            case DictCompExpr c:
                Node("DictComp", c, ("key", () => Expression(c.Key)), ("value", () => Expression(c.Value)), ("generators", Generators(c.Generators)));
                break;
            case GeneratorExpr c:
                Node("GeneratorExp", c, ("elt", () => Expression(c.Element)), ("generators", Generators(c.Generators)));
                break;
            case UnaryExpr u:
                Node("UnaryOp", u, ("op", Text(UnaryName(u.Op))), ("operand", () => Expression(u.Operand)));
                break;
            case BinaryExpr b:
                Node("BinOp", b, ("left", () => Expression(b.Left)), ("op", Text(b.Op + "()")), ("right", () => Expression(b.Right)));
                break;
            case BoolOpExpr b:
                Node("BoolOp", b, ("op", Text(b.Op + "()")), ("values", Exprs(b.Values)));
                break;
            case CompareExpr c:
                Node(
                    "Compare",
                    c,
                    ("left", () => Expression(c.Left)),
                    ("ops", () => List(c.Ops, op => _out.Append(op).Append("()"))),
                    ("comparators", Exprs(c.Comparators)));
                break;
            case ConditionalExpr c:
                Node("IfExp", c, ("test", () => Expression(c.Test)), ("body", () => Expression(c.Body)), ("orelse", () => Expression(c.OrElse)));
                break;
            case NamedExpr n:
                Node("NamedExpr", n, ("target", () => Expression(n.Target)), ("value", () => Expression(n.Value)));
                break;
            case CallExpr c:
                Node("Call", c, ("func", () => Expression(c.Func)), ("args", Exprs(c.Args)), ("keywords", () => List(c.Keywords, Keyword)));
                break;
            case LambdaExpr l:
                Node("Lambda", l, ("args", () => Arguments(l.Parameters)), ("body", () => Expression(l.Body)));
                break;
            case YieldExpr y:
                Node("Yield", y, ("value", Optional(y.Value)));
                break;
            case YieldFromExpr y:
                Node("YieldFrom", y, ("value", () => Expression(y.Value)));
                break;
            default:
                throw new ArgumentException($"Unknown expression node {expr.GetType().Name}", nameof(expr));
        }
    }

    private void OptionalExpression(DictItem item)
    {
        if (item.Key is null)
        {
            _out.Append("None");
        }
        else
        {
            Expression(item.Key);
        }
    }

    private void Constant(Expr expr, string repr) => Node("Constant", expr, ("value", Text(repr)));

    private static string UnaryName(UnaryOperator op) => op switch
    {
        UnaryOperator.Invert => "Invert()",
        UnaryOperator.Not => "Not()",
        UnaryOperator.Plus => "UAdd()",
        _ => "USub()",
    };

    private Action Generators(ImmutableArray<Comprehension> generators) => () => List(generators, g => Node(
        "comprehension",
        null,
        ("target", () => Expression(g.Target)),
        ("iter", () => Expression(g.Iter)),
        ("ifs", Exprs(g.Ifs)),
        ("is_async", Text("0"))));

    private void Keyword(Keyword keyword) =>
        Node("keyword", keyword, ("arg", keyword.Name is null ? null : Str(keyword.Name)), ("value", () => Expression(keyword.Value)));

    private void Arguments(ParameterList parameters)
    {
        var positional = parameters.Positional;
        var posOnly = positional.Take(parameters.PositionalOnlyCount).ToImmutableArray();
        var regular = positional.Skip(parameters.PositionalOnlyCount).ToImmutableArray();
        var defaults = positional.Where(p => p.Default is not null).Select(p => p.Default!).ToImmutableArray();
        Node(
            "arguments",
            null,
            ("posonlyargs", () => List(posOnly, Arg)),
            ("args", () => List(regular, Arg)),
            ("vararg", parameters.VarArgs is { } varArgs ? () => Arg(varArgs) : null),
            ("kwonlyargs", () => List(parameters.KeywordOnly, Arg)),
            ("kw_defaults", () => List(parameters.KeywordOnly, p => { if (p.Default is null) { _out.Append("None"); } else { Expression(p.Default); } })),
            ("kwarg", parameters.KwArgs is { } kwArgs ? () => Arg(kwArgs) : null),
            ("defaults", Exprs(defaults)));
    }

    private void Arg(Parameter parameter) =>
        Node("arg", parameter, ("arg", Str(parameter.Name)), ("annotation", Optional(parameter.Annotation)));

    // ---- Statements ---------------------------------------------------------------------

    private void Statement(Stmt stmt)
    {
        switch (stmt)
        {
            case ExprStmt s:
                Node("Expr", s, ("value", () => Expression(s.Value)));
                break;
            case AssignStmt s:
                Node("Assign", s, ("targets", Exprs(s.Targets)), ("value", () => Expression(s.Value)));
                break;
            case AugAssignStmt s:
                Node("AugAssign", s, ("target", () => Expression(s.Target)), ("op", Text(s.Op + "()")), ("value", () => Expression(s.Value)));
                break;
            case AnnAssignStmt s:
                Node(
                    "AnnAssign",
                    s,
                    ("target", () => Expression(s.Target)),
                    ("annotation", () => Expression(s.Annotation)),
                    ("value", Optional(s.Value)),
                    ("simple", Text(s.IsSimple ? "1" : "0")));
                break;
            case DeleteStmt s:
                Node("Delete", s, ("targets", Exprs(s.Targets)));
                break;
            case PassStmt:
                Node("Pass", stmt);
                break;
            case BreakStmt:
                Node("Break", stmt);
                break;
            case ContinueStmt:
                Node("Continue", stmt);
                break;
            case ReturnStmt s:
                Node("Return", s, ("value", Optional(s.Value)));
                break;
            case RaiseStmt s:
                Node("Raise", s, ("exc", Optional(s.Exception)), ("cause", Optional(s.Cause)));
                break;
            case AssertStmt s:
                Node("Assert", s, ("test", () => Expression(s.Test)), ("msg", Optional(s.Message)));
                break;
            case GlobalStmt s:
                Node("Global", s, ("names", () => List(s.Names, n => _out.Append(PythonRepr.Str(n)))));
                break;
            case NonlocalStmt s:
                Node("Nonlocal", s, ("names", () => List(s.Names, n => _out.Append(PythonRepr.Str(n)))));
                break;
            case ImportStmt s:
                Node("Import", s, ("names", () => List(s.Names, Alias)));
                break;
            case ImportFromStmt s:
                Node(
                    "ImportFrom",
                    s,
                    ("module", s.Module is null ? null : Str(s.Module)),
                    ("names", () => List(s.Names, Alias)),
                    ("level", Text(s.Level.ToString(CultureInfo.InvariantCulture))));
                break;
            case IfStmt s:
                Node("If", s, ("test", () => Expression(s.Test)), ("body", Stmts(s.Body)), ("orelse", Stmts(s.OrElse)));
                break;
            case WhileStmt s:
                Node("While", s, ("test", () => Expression(s.Test)), ("body", Stmts(s.Body)), ("orelse", Stmts(s.OrElse)));
                break;
            case ForStmt s:
                Node(
                    "For",
                    s,
                    ("target", () => Expression(s.Target)),
                    ("iter", () => Expression(s.Iter)),
                    ("body", Stmts(s.Body)),
                    ("orelse", Stmts(s.OrElse)));
                break;
            case WithStmt s:
                Node("With", s, ("items", () => List(s.Items, WithItem)), ("body", Stmts(s.Body)));
                break;
            case TryStmt s:
                Node(
                    "Try",
                    s,
                    ("body", Stmts(s.Body)),
                    ("handlers", () => List(s.Handlers, Handler)),
                    ("orelse", Stmts(s.OrElse)),
                    ("finalbody", Stmts(s.FinalBody)));
                break;
            case FunctionDefStmt s:
                Node(
                    "FunctionDef",
                    s,
                    ("name", Str(s.Name)),
                    ("args", () => Arguments(s.Parameters)),
                    ("body", Stmts(s.Body)),
                    ("decorator_list", Exprs(s.Decorators)),
                    ("returns", Optional(s.Returns)),
                    ("type_params", Text("[]")));
                break;
            case ClassDefStmt s:
                Node(
                    "ClassDef",
                    s,
                    ("name", Str(s.Name)),
                    ("bases", Exprs(s.Bases)),
                    ("keywords", () => List(s.Keywords, Keyword)),
                    ("body", Stmts(s.Body)),
                    ("decorator_list", Exprs(s.Decorators)),
                    ("type_params", Text("[]")));
                break;
            default:
                throw new ArgumentException($"Unknown statement node {stmt.GetType().Name}", nameof(stmt));
        }
    }

    private void Alias(ImportAlias alias) =>
        Node("alias", alias, ("name", Str(alias.Name)), ("asname", alias.AsName is null ? null : Str(alias.AsName)));

    private void WithItem(WithItem item) =>
        Node("withitem", null, ("context_expr", () => Expression(item.ContextExpr)), ("optional_vars", Optional(item.OptionalVars)));

    private void Handler(ExceptHandler handler) =>
        Node(
            "ExceptHandler",
            handler,
            ("type", Optional(handler.Type)),
            ("name", handler.Name is null ? null : Str(handler.Name)),
            ("body", Stmts(handler.Body)));
}
