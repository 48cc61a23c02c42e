using System.Globalization;
using System.Text;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// The string an annotation becomes under <c>from __future__ import annotations</c>: CPython
/// stores <c>ast.unparse</c> of the expression, so spacing is normalized (<c>dict[str,int]</c>
/// becomes <c>'dict[str, int]'</c>). Covers what annotations are made of — names, attributes,
/// subscripts, constants, tuples and lists, calls and binary operators such as <c>|</c>; any
/// other node falls back to its source text.
/// </summary>
public static class AnnotationText
{
    /// <summary>The unparsed text of <paramref name="e"/>; <paramref name="source"/> supplies the fallback.</summary>
    public static string Of(Expr e, SourceText? source)
    {
        var sb = new StringBuilder();
        Write(sb, e, source, 0);
        return sb.ToString();
    }

    // Binding strength as ast.unparse's _Precedence: a child weaker than its context is parenthesized.
    private static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.BitOr => 5,
        BinaryOperator.BitXor => 6,
        BinaryOperator.BitAnd => 7,
        BinaryOperator.LShift or BinaryOperator.RShift => 8,
        BinaryOperator.Add or BinaryOperator.Sub => 9,
        BinaryOperator.Pow => 12,
        _ => 10,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Sub => "-",
        BinaryOperator.Mult => "*",
        BinaryOperator.MatMult => "@",
        BinaryOperator.Div => "/",
        BinaryOperator.Mod => "%",
        BinaryOperator.Pow => "**",
        BinaryOperator.LShift => "<<",
        BinaryOperator.RShift => ">>",
        BinaryOperator.BitOr => "|",
        BinaryOperator.BitXor => "^",
        BinaryOperator.BitAnd => "&",
        _ => "//",
    };

    private static void Write(StringBuilder sb, Expr e, SourceText? source, int context)
    {
        switch (e)
        {
            case NameExpr n:
                sb.Append(n.Id);
                break;
            case AttributeExpr a:
                Write(sb, a.Value, source, 14);
                sb.Append('.').Append(a.Attr);
                break;
            case SubscriptExpr s:
                Write(sb, s.Value, source, 14);
                sb.Append('[');
                if (s.Slice is TupleExpr { Elements.Length: > 0 } sliceTuple)
                {
                    WriteItems(sb, sliceTuple.Elements, source);
                }
                else
                {
                    Write(sb, s.Slice, source, 0);
                }

                sb.Append(']');
                break;
            case TupleExpr t:
                sb.Append('(');
                WriteItems(sb, t.Elements, source);
                sb.Append(t.Elements.Length == 1 ? ",)" : ")");
                break;
            case ListExpr l:
                sb.Append('[');
                WriteItems(sb, l.Elements, source);
                sb.Append(']');
                break;
            case CallExpr c:
                Write(sb, c.Func, source, 14);
                sb.Append('(');
                WriteItems(sb, c.Args, source);
                foreach (var k in c.Keywords)
                {
                    if (sb[^1] != '(')
                    {
                        sb.Append(", ");
                    }

                    sb.Append(k.Name is null ? "**" : k.Name + "=");
                    Write(sb, k.Value, source, 0);
                }

                sb.Append(')');
                break;
            case StarredExpr st:
                sb.Append('*');
                Write(sb, st.Value, source, 14);
                break;
            case BinaryExpr b:
                int own = Precedence(b.Op);
                bool parens = own < context;
                sb.Append(parens ? "(" : "");
                // Left-associative except **: the right operand of a same-strength operator needs parentheses.
                Write(sb, b.Left, source, b.Op == BinaryOperator.Pow ? own + 1 : own);
                sb.Append(' ').Append(Symbol(b.Op)).Append(' ');
                Write(sb, b.Right, source, b.Op == BinaryOperator.Pow ? own : own + 1);
                sb.Append(parens ? ")" : "");
                break;
            case NoneLiteral:
                sb.Append("None");
                break;
            case BoolLiteral bl:
                sb.Append(bl.Value ? "True" : "False");
                break;
            case EllipsisLiteral:
                sb.Append("...");
                break;
            case StrLiteral s:
                sb.Append(PythonRepr.Str(s.Value));
                break;
            case IntLiteral i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatLiteral f:
                sb.Append(PythonRepr.Float(f.Value));
                break;
            default:
                sb.Append(source is null ? "..." : SourceSlice(source, e.Span));
                break;
        }
    }

    private static void WriteItems(StringBuilder sb, IReadOnlyList<Expr> items, SourceText? source)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            Write(sb, items[i], source, 0);
        }
    }

    private static string SourceSlice(SourceText source, SourceSpan span)
    {
        if (span.Line != span.EndLine)
        {
            return source.GetLine(span.Line).Substring(span.Column - 1).Trim();
        }

        string line = source.GetLine(span.Line);
        int start = Math.Clamp(span.Column - 1, 0, line.Length);
        int end = Math.Clamp(span.EndColumn - 1, start, line.Length);
        return line[start..end];
    }
}
