using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Compiler;

/// <summary>
/// List comprehensions inlined into the enclosing function, as CPython 3.12 does (PEP 709):
/// no function object, no frame, the loop runs in this code with the list and the iterators
/// on the value stack. The comprehension's variables live in slots of their own past the
/// scope's, so they never leak into or clobber the function's names, and they are cleared
/// when the comprehension ends (CPython restores the outer binding there; nothing may keep
/// the last item alive longer than CPython would).
/// </summary>
public sealed unsafe partial class BytecodeCompiler
{
    /// <summary>Names bound by the comprehensions being compiled, innermost last, with their slots.</summary>
    private readonly List<Dictionary<string, int>> _comprehensionNames = [];

    /// <summary>Slot names past the scope's (comprehension variables), by slot minus the scope's count.</summary>
    private readonly List<string> _extraSlots = [];

    /// <summary>Extra slots now holding a running comprehension's variables (the rest are free for reuse).</summary>
    private int _extraSlotsInUse;

    /// <summary>The slot of <paramref name="name"/> when a comprehension being compiled binds it.</summary>
    private bool TryComprehensionSlot(string name, out int slot)
    {
        for (int i = _comprehensionNames.Count - 1; i >= 0; i--)
        {
            if (_comprehensionNames[i].TryGetValue(name, out slot))
            {
                return true;
            }
        }
        slot = -1;
        return false;
    }

    /// <summary>
    /// Compiles <paramref name="lc"/> inline when all of it compiles: a fallback inside would
    /// have to see the comprehension's variables by name in the tree-walker's frame, so then
    /// everything emitted is taken back and the whole comprehension falls back instead.
    /// </summary>
    private bool TryInlineListComprehension(ListCompExpr lc)
    {
        if (_isModule || !lc.Generators.All(g => IsSimpleTarget(g.Target)) || NestedScopeFinder.Contains(lc))
        {
            return false;
        }
        int codeMark = _code.Count;
        int depthMark = _depth;
        bool startMark = _statementStart;
        int fallbackMark = _fallbacks.Count;
        int slotsMark = _extraSlotsInUse;

        Expression(lc.Generators[0].Iter);
        Emit(Opcode.GetIter, 0, 0);
        Emit(Opcode.BuildList, 0, 1);
        Emit(Opcode.Swap, 2, 0);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Comprehension g in lc.Generators)
        {
            BindTargetNames(g.Target, names);
        }
        _comprehensionNames.Add(names);
        ComprehensionLevel(lc, 0);
        _comprehensionNames.RemoveAt(_comprehensionNames.Count - 1);
        foreach (int slot in names.Values)
        {
            Emit(Opcode.ClearFast, slot, 0);
        }
        _extraSlotsInUse = slotsMark;

        if (_fallbacks.Count == fallbackMark)
        {
            return true;
        }
        _code.RemoveRange(codeMark, _code.Count - codeMark);
        _lines.RemoveRange(codeMark, _lines.Count - codeMark);
        _fallbacks.RemoveRange(fallbackMark, _fallbacks.Count - fallbackMark);
        _depth = depthMark;
        _statementStart = startMark;
        return false;
    }

    private void BindTargetNames(Expr target, Dictionary<string, int> names)
    {
        switch (target)
        {
            case NameExpr n when !names.ContainsKey(n.Id):
                names[n.Id] = ExtraSlot(n.Id);
                return;
            case TupleExpr t:
                foreach (Expr e in t.Elements)
                {
                    BindTargetNames(e, names);
                }
                return;
            case ListExpr l:
                foreach (Expr e in l.Elements)
                {
                    BindTargetNames(e, names);
                }
                return;
        }
    }

    /// <summary>A free extra slot, named for the disassembly and for errors.</summary>
    private int ExtraSlot(string name)
    {
        if (_extraSlotsInUse == _extraSlots.Count)
        {
            _extraSlots.Add(name);
        }
        else
        {
            _extraSlots[_extraSlotsInUse] = name;
        }
        // Past the scope's slots and the code's own hidden ones (a generator expression's iterator).
        return _scope.Slots.Count + _extraLocals + _extraSlotsInUse++;
    }

    /// <summary>
    /// One <c>for</c> clause, its <c>if</c>s, and what is inside it. The stack holds the list
    /// and one iterator per open clause, so LIST_APPEND finds the list below them.
    /// </summary>
    private void ComprehensionLevel(ListCompExpr lc, int level)
    {
        Comprehension g = lc.Generators[level];
        int top = Here;
        int forIter = Emit(Opcode.ForIter, 0, 1);
        Store(g.Target);
        foreach (Expr test in g.Ifs)
        {
            Expression(test);
            Emit(Opcode.PopJumpIfFalse, top, -1);
        }
        if (level + 1 < lc.Generators.Length)
        {
            Expression(lc.Generators[level + 1].Iter);
            Emit(Opcode.GetIter, 0, 0);
            ComprehensionLevel(lc, level + 1);
        }
        else
        {
            Expression(lc.Element);
            Emit(Opcode.ListAppend, lc.Generators.Length + 1, -1);
        }
        Emit(Opcode.JumpBackward, top, 0);
        // Exhausted: FOR_ITER has popped this clause's iterator.
        _depth--;
        Patch(forIter, Here);
    }

    /// <summary>
    /// Finds a scope nested in a comprehension (lambda, generator expression, set or dict
    /// comprehension) or a yield: a nested scope that captures a comprehension variable needs
    /// it in a cell of this frame, which the extra slots are not, so such a comprehension is
    /// left to the tree-walker whole.
    /// </summary>
    private sealed class NestedScopeFinder : SyntaxWalker
    {
        private bool _found;

        public static bool Contains(ListCompExpr lc)
        {
            var finder = new NestedScopeFinder();
            finder.Walk(lc.Element);
            foreach (Comprehension g in lc.Generators)
            {
                finder.Walk(g.Target);
                finder.Walk(g.Iter);
                finder.Walk(g.Ifs);
            }
            return finder._found;
        }

        public override bool VisitLambda(LambdaExpr node) => _found = true;

        public override bool VisitGenerator(GeneratorExpr node) => _found = true;

        public override bool VisitSetComp(SetCompExpr node) => _found = true;

        public override bool VisitDictComp(DictCompExpr node) => _found = true;

        public override bool VisitYield(YieldExpr node) => _found = true;

        public override bool VisitYieldFrom(YieldFromExpr node) => _found = true;
    }
}
