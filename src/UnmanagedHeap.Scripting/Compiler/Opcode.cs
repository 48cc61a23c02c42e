namespace UnmanagedHeap.Scripting.Compiler;

/// <summary>
/// The instruction set, modelled on CPython 3.12's where it serves. An instruction is one
/// <c>int</c>: the opcode in the low 8 bits, <see cref="Instruction.StatementStart"/> in bit 8,
/// the argument above (<see cref="Instruction.ArgShift"/>). Jump arguments are absolute
/// instruction indexes.
/// </summary>
public enum Opcode : byte
{
    Nop,
    /// <summary>Drops the top of the stack.</summary>
    PopTop,
    /// <summary>Pushes constant <c>arg</c>.</summary>
    LoadConst,
    /// <summary>Pushes local slot <c>arg</c> (UnboundLocalError when empty).</summary>
    LoadFast,
    StoreFast,
    /// <summary>Local slot <c>arg</c> holds a cell (a local captured by an inner function).</summary>
    LoadDeref,
    StoreDeref,
    /// <summary>Closure cell <c>arg</c> (a variable of an enclosing function).</summary>
    LoadFree,
    StoreFree,
    /// <summary>Global then builtin <c>names[arg]</c>, cached against both dicts' versions.</summary>
    LoadGlobal,
    StoreGlobal,
    /// <summary><c>TOS.attr</c>, <c>arg</c> indexes the attribute node (its site caches the class).</summary>
    LoadAttr,
    /// <summary>The method form of LOAD_ATTR: pushes <c>(function, self)</c> or <c>(NULL, bound)</c>.</summary>
    LoadMethod,
    /// <summary><c>TOS.attr = TOS1</c>.</summary>
    StoreAttr,
    /// <summary><c>TOS1[TOS]</c>.</summary>
    BinarySubscr,
    /// <summary><c>TOS1[TOS] = TOS2</c>.</summary>
    StoreSubscr,
    /// <summary>Binary operator <c>arg &amp; 31</c>, in place when <c>arg &amp; 32</c>.</summary>
    BinaryOp,
    UnaryOp,
    /// <summary>Comparison operator <c>arg</c> (including is, in and their negations).</summary>
    CompareOp,
    Jump,
    /// <summary>A backward jump: loop back-edge, where interrupts and scheduled collections are served.</summary>
    JumpBackward,
    PopJumpIfFalse,
    PopJumpIfTrue,
    /// <summary>Jumps keeping TOS when it is false, else pops it (<c>and</c>).</summary>
    JumpIfFalseOrPop,
    JumpIfTrueOrPop,
    GetIter,
    /// <summary>Pushes the iterator's next item, or pops the iterator and jumps to <c>arg</c>.</summary>
    ForIter,
    /// <summary>Replaces a sequence of exactly <c>arg</c> items by its items, the first on top.</summary>
    UnpackSequence,
    BuildTuple,
    BuildList,
    /// <summary><c>arg</c> key/value pairs, keys evaluated first.</summary>
    BuildMap,
    PushNull,
    /// <summary>Calls with <c>arg</c> positional arguments: stack is <c>[NULL|function, callable|self, args...]</c>.</summary>
    Call,
    /// <summary>As CALL, the last keywords' names from the call node <c>nodes[arg &amp; 0xFFFF]</c>; <c>arg &gt;&gt; 16</c> values in all.</summary>
    CallKw,
    ReturnValue,
    /// <summary>Pushes a copy of the item <c>arg</c> from the top (1 = TOS).</summary>
    Copy,
    /// <summary>Swaps TOS with the item <c>arg</c> from the top.</summary>
    Swap,
    /// <summary>Pops <c>arg</c> (2 or 3) bounds, pushes the slice <c>start:stop[:step]</c> (CPython's BUILD_SLICE).</summary>
    BuildSlice,
    /// <summary>Pops TOS and appends it to the list <c>arg</c> items down (LIST_APPEND of an inlined comprehension).</summary>
    ListAppend,
    /// <summary>Unbinds local slot <c>arg</c>, dropping its value (a comprehension's variable when it ends).</summary>
    ClearFast,
    /// <summary>
    /// Runs statement <c>fallbacks[arg]</c> on the tree-walking interpreter, the frame's locals
    /// lent to it: the transition path for statements the compiler does not handle yet.
    /// </summary>
    ExecStatement,
    /// <summary>Pushes expression <c>fallbacks[arg]</c> evaluated by the tree-walking interpreter.</summary>
    EvalExpression,
    /// <summary>
    /// Suspends the generator frame, handing TOS to the resumer; on resumption the sent value is
    /// pushed (or the exception thrown in is raised here). <c>arg</c> is 0 for <c>yield</c>, and
    /// one past the END_SEND of the enclosing <c>yield from</c> for the yield inside one.
    /// </summary>
    YieldValue,
    /// <summary>iter(TOS) for <c>yield from</c>.</summary>
    GetYieldFromIter,
    /// <summary>
    /// <c>[iter, v]</c>: sends v into iter (next when None); pushes what it yields in v's place,
    /// or jumps to <c>arg</c> with its return value there.
    /// </summary>
    Send,
    /// <summary><c>[iter, result] -> [result]</c>: a <c>yield from</c> has finished.</summary>
    EndSend,
    /// <summary>Pushes the cell of local slot <c>arg &gt;&gt; 1</c>, or of closure item <c>arg &gt;&gt; 1</c> when <c>arg &amp; 1</c> (CPython's LOAD_CLOSURE).</summary>
    LoadClosure,
    /// <summary>
    /// <c>[closure tuple | NULL, iterator] -> [generator]</c>: a generator expression whose code is
    /// <c>nodes[arg]</c>, the first iterable's iterator already made in the enclosing scope.
    /// </summary>
    MakeGenExpr,
}

/// <summary>Packing of instruction words.</summary>
public static class Instruction
{
    public const int StatementStart = 1 << 8;
    public const int ArgShift = 9;

    public static int Make(Opcode op, int arg, bool statementStart) =>
        (byte)op | (statementStart ? StatementStart : 0) | (arg << ArgShift);

    public static Opcode OpOf(int word) => (Opcode)(byte)word;

    public static int ArgOf(int word) => word >> ArgShift;
}
