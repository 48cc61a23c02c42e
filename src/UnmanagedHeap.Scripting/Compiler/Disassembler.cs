using System.Text;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Compiler;

/// <summary>A listing of a code object in the spirit of CPython's <c>dis</c>: line, index, opcode, argument and what it means.</summary>
public static unsafe class Disassembler
{
    public static string Disassemble(CodeObject code)
    {
        var sb = new StringBuilder();
        int lastLine = -1;
        for (int i = 0; i < code.Code.Length; i++)
        {
            int word = code.Code[i];
            Opcode op = Instruction.OpOf(word);
            int arg = Instruction.ArgOf(word);
            int line = code.Lines[i];
            string lineText = line != lastLine ? line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            lastLine = line;
            sb.Append(lineText.PadLeft(4)).Append(' ').Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4)).Append(' ');
            string name = SnakeCase(op);
            string detail = Detail(code, op, arg);
            if (HasArgument(op))
            {
                sb.Append(name.PadRight(20)).Append(arg.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3));
                if (detail.Length > 0)
                {
                    sb.Append(" (").Append(detail).Append(')');
                }
            }
            else
            {
                sb.Append(name);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static bool HasArgument(Opcode op) => op is not (Opcode.Nop or Opcode.PopTop or Opcode.BinarySubscr or Opcode.StoreSubscr
        or Opcode.GetIter or Opcode.PushNull or Opcode.ReturnValue or Opcode.GetYieldFromIter or Opcode.EndSend);

    private static string Detail(CodeObject code, Opcode op, int arg) => op switch
    {
        Opcode.LoadFast or Opcode.StoreFast or Opcode.LoadDeref or Opcode.StoreDeref => code.VarNames[arg],
        Opcode.LoadFree or Opcode.StoreFree => code.Scope.Free[arg],
        Opcode.LoadGlobal or Opcode.StoreGlobal => PyUnicode.AsString((PyObject*)code.Names[arg]),
        Opcode.LoadAttr or Opcode.LoadMethod or Opcode.StoreAttr => ((AttributeExpr)code.Nodes[arg]).Attr,
        Opcode.LoadConst => ConstRepr((PyObject*)code.Consts[arg]),
        Opcode.BinaryOp => ((BinaryOperator)(arg & 31)).ToString() + ((arg & 32) != 0 ? " in place" : ""),
        Opcode.UnaryOp => ((UnaryOperator)arg).ToString(),
        Opcode.CompareOp => ((CompareOperator)arg).ToString(),
        Opcode.Jump or Opcode.JumpBackward or Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue or Opcode.JumpIfFalseOrPop
            or Opcode.JumpIfTrueOrPop or Opcode.ForIter or Opcode.Send => "to " + arg.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Opcode.YieldValue => arg == 0 ? "" : "in yield from",
        Opcode.MakeGenExpr => ((CodeObject)code.Nodes[arg]).QualName,
        Opcode.BuildList => (arg / 2).ToString(System.Globalization.CultureInfo.InvariantCulture) + " items",
        Opcode.CallKw => string.Join(", ", ((CallExpr)code.Nodes[arg]).Keywords.Select(k => k.Name)),
        Opcode.ExecStatement or Opcode.EvalExpression => "tree: " + code.Fallbacks[arg].Node.GetType().Name,
        _ => "",
    };

    private static string ConstRepr(PyObject* o)
    {
        string type = Objects.TypeRegistry.NameOf(o->ob_type);
        return type switch
        {
            "int" => PyLong.ToDecimalString(o),
            "float" => PyFloat.Repr(PyFloat.Value(o)),
            "str" => "'" + PyUnicode.AsString(o) + "'",
            "NoneType" => "None",
            "bool" => PyLong.Sign(o) == 0 ? "False" : "True",
            _ => type,
        };
    }

    private static string SnakeCase(Opcode op)
    {
        string s = op.ToString();
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (i > 0 && char.IsUpper(s[i]))
            {
                sb.Append('_');
            }
            sb.Append(char.ToUpperInvariant(s[i]));
        }
        return sb.ToString();
    }
}
