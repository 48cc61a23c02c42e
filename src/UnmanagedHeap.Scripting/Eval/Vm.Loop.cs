using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Compiler;
using UnmanagedHeap.Scripting.Runtime;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Eval;

/// <summary>
/// The dispatch loop, like CPython's ceval: one switch over opcodes. A Python-to-Python call
/// pushes a frame in the arena and continues here (no C# recursion); RETURN_VALUE pops back to
/// the caller, and leaves the loop when the frame was entered from C#. A Python exception
/// unwinds the loop's frames entered in this run (each gets its traceback entry), then
/// travels on as a <see cref="PythonException"/>.
/// </summary>
public sealed unsafe partial class Vm
{
    /// <summary>
    /// Runs <paramref name="entry"/> from its saved instruction and stack (a new frame: from the
    /// start) until it returns or, for a generator frame, yields. <paramref name="thrown"/> is
    /// raised at that instruction first (a generator resumed by <c>throw</c>).
    /// </summary>
    private PyObject* Run(VmFrame* entry, PythonException? thrown = null)
    {
        entry->Back = Top;
        Top = entry;
        VmFrame* f = entry;
        CodeObject code = _codes[f->CodeId];
        int[] ops = code.Code;
        nint[] consts = code.Consts;
        nint* locals = f->Locals;
        nint* sp = f->Stack + f->StackDepth;
        int ip = f->Ip;
        Interpreter interp = _interp;
        HeapState* st = _st;
        while (true)
        {
            try
            {
                if (thrown != null)
                {
                    PythonException t = thrown;
                    thrown = null;
                    throw t;
                }
                while (true)
                {
                    int word = ops[ip++];
                    if ((word & Instruction.StatementStart) != 0)
                    {
                        // Where the frame is, for stack captures (tracemalloc, --trace) made
                        // by the allocations of this statement; calls save their own position.
                        f->Ip = ip;
                        if (st->gc_scheduled != 0)
                        {
                            // A statement boundary is a safe point: a collection the allocator scheduled runs here.
                            interp.Heap.RunPendingCollection();
                        }
                    }
                    int arg = word >> Instruction.ArgShift;
                    switch ((Opcode)(byte)word)
                    {
                        case Opcode.Nop:
                            break;
                        case Opcode.PopTop:
                        {
                            nint v = *--sp;
                            Refcount.XDecref((PyObject*)v);
                            break;
                        }
                        case Opcode.LoadConst:
                        {
                            var v = (PyObject*)consts[arg];
                            Refcount.Incref(v);
                            *sp++ = (nint)v;
                            break;
                        }
                        case Opcode.LoadFast:
                        {
                            var v = (PyObject*)locals[arg];
                            if (v == null)
                            {
                                throw interp.EngineUnbound(code.VarNames[arg]);
                            }
                            Refcount.Incref(v);
                            *sp++ = (nint)v;
                            break;
                        }
                        case Opcode.StoreFast:
                        {
                            nint old = locals[arg];
                            locals[arg] = *--sp;
                            Refcount.XDecref((PyObject*)old);
                            break;
                        }
                        case Opcode.LoadDeref:
                        {
                            PyObject* v = ((PyCellObject*)locals[arg])->ob_ref;
                            if (v == null)
                            {
                                throw interp.EngineUnbound(code.VarNames[arg]);
                            }
                            Refcount.Incref(v);
                            *sp++ = (nint)v;
                            break;
                        }
                        case Opcode.StoreDeref:
                        {
                            var v = (PyObject*)(*--sp);
                            // The cell takes the stack's reference.
                            Refcount.Assign(&((PyCellObject*)locals[arg])->ob_ref, v);
                            break;
                        }
                        case Opcode.LoadFree:
                        {
                            PyObject* v = ((PyCellObject*)PyTuple.Items(f->Closure)[arg])->ob_ref;
                            if (v == null)
                            {
                                throw interp.Error(interp.NameError, $"cannot access free variable '{code.Scope.Free[arg]}' where it is not associated with a value in enclosing scope");
                            }
                            Refcount.Incref(v);
                            *sp++ = (nint)v;
                            break;
                        }
                        case Opcode.StoreFree:
                        {
                            var v = (PyObject*)(*--sp);
                            // The cell takes the stack's reference.
                            Refcount.Assign(&((PyCellObject*)PyTuple.Items(f->Closure)[arg])->ob_ref, v);
                            break;
                        }
                        case Opcode.LoadGlobal:
                            *sp++ = (nint)LoadGlobal(f, code, ip - 1, arg);
                            break;
                        case Opcode.StoreGlobal:
                        {
                            var v = (PyObject*)sp[-1];
                            PyDict.SetItem(f->Globals, (PyObject*)code.Names[arg], v);
                            sp--;
                            Refcount.Decref(v);
                            break;
                        }
                        case Opcode.LoadAttr:
                        {
                            var obj = (PyObject*)sp[-1];
                            f->Ip = ip;
                            PyObject* r = interp.EngineGetAttr(obj, (AttributeExpr)code.Nodes[arg]);
                            sp[-1] = (nint)r;
                            Refcount.Decref(obj);
                            break;
                        }
                        case Opcode.LoadMethod:
                            f->Ip = ip;
                            LoadMethod(code, ip - 1, arg, sp);
                            sp++;
                            break;
                        case Opcode.StoreAttr:
                        {
                            var obj = (PyObject*)sp[-1];
                            var v = (PyObject*)sp[-2];
                            f->Ip = ip;
                            interp.EngineSetAttr(obj, (AttributeExpr)code.Nodes[arg], v);
                            sp -= 2;
                            Refcount.Decref(obj);
                            Refcount.Decref(v);
                            break;
                        }
                        case Opcode.BinarySubscr:
                        {
                            var key = (PyObject*)sp[-1];
                            var obj = (PyObject*)sp[-2];
                            PyObject* r;
                            if (obj->ob_type == st->type_list && key->ob_type == st->type_int
                                && PyLong.TryGetInt64(key, out long index)
                                && (ulong)(index < 0 ? index + PyList.Size(obj) : index) < (ulong)PyList.Size(obj))
                            {
                                r = PyList.Items(obj)[index < 0 ? index + PyList.Size(obj) : index];
                                Refcount.Incref(r);
                            }
                            else
                            {
                                f->Ip = ip;
                                r = interp.GetItem(obj, key);
                            }
                            sp--;
                            sp[-1] = (nint)r;
                            Refcount.Decref(key);
                            Refcount.Decref(obj);
                            break;
                        }
                        case Opcode.StoreSubscr:
                        {
                            var key = (PyObject*)sp[-1];
                            var obj = (PyObject*)sp[-2];
                            var v = (PyObject*)sp[-3];
                            f->Ip = ip;
                            interp.SetItem(obj, key, v);
                            sp -= 3;
                            Refcount.Decref(key);
                            Refcount.Decref(obj);
                            Refcount.Decref(v);
                            break;
                        }
                        case Opcode.BinaryOp:
                        {
                            var b = (PyObject*)sp[-1];
                            var a = (PyObject*)sp[-2];
                            PyObject* r = FastBinary(arg & 31, a, b);
                            if (r == null)
                            {
                                f->Ip = ip;
                                r = interp.BinaryOp((BinaryOperator)(arg & 31), a, b, inplace: (arg & 32) != 0);
                            }
                            sp--;
                            sp[-1] = (nint)r;
                            Refcount.Decref(b);
                            Refcount.Decref(a);
                            break;
                        }
                        case Opcode.UnaryOp:
                        {
                            var v = (PyObject*)sp[-1];
                            f->Ip = ip;
                            PyObject* r = interp.UnaryOp((UnaryOperator)arg, v);
                            sp[-1] = (nint)r;
                            Refcount.Decref(v);
                            break;
                        }
                        case Opcode.CompareOp:
                        {
                            var b = (PyObject*)sp[-1];
                            var a = (PyObject*)sp[-2];
                            PyObject* r;
                            if (a->ob_type == st->type_int && b->ob_type == st->type_int
                                && PyLong.TryGetInt64(a, out long x) && PyLong.TryGetInt64(b, out long y) && arg <= (int)CompareOperator.GtE)
                            {
                                bool t = (CompareOperator)arg switch
                                {
                                    CompareOperator.Eq => x == y,
                                    CompareOperator.NotEq => x != y,
                                    CompareOperator.Lt => x < y,
                                    CompareOperator.LtE => x <= y,
                                    CompareOperator.Gt => x > y,
                                    _ => x >= y,
                                };
                                r = t ? st->true_obj : st->false_obj;
                                Refcount.Incref(r);
                            }
                            else
                            {
                                f->Ip = ip;
                                r = interp.CompareOp((CompareOperator)arg, a, b);
                            }
                            sp--;
                            sp[-1] = (nint)r;
                            Refcount.Decref(b);
                            Refcount.Decref(a);
                            break;
                        }
                        case Opcode.Jump:
                            ip = arg;
                            break;
                        case Opcode.JumpBackward:
                            ip = arg;
                            if (st->gc_scheduled != 0)
                            {
                                f->Ip = ip;
                                interp.Heap.RunPendingCollection();
                            }
                            interp.PollInterrupt();
                            break;
                        case Opcode.PopJumpIfFalse:
                        case Opcode.PopJumpIfTrue:
                        {
                            var v = (PyObject*)sp[-1];
                            bool t;
                            if (v == st->true_obj)
                            {
                                t = true;
                            }
                            else if (v == st->false_obj || v == st->none)
                            {
                                t = false;
                            }
                            else
                            {
                                f->Ip = ip;
                                t = interp.IsTrue(v);
                            }
                            sp--;
                            Refcount.Decref(v);
                            if (t == ((Opcode)(byte)word == Opcode.PopJumpIfTrue))
                            {
                                ip = arg;
                            }
                            break;
                        }
                        case Opcode.JumpIfFalseOrPop:
                        case Opcode.JumpIfTrueOrPop:
                        {
                            var v = (PyObject*)sp[-1];
                            f->Ip = ip;
                            bool t = v == st->true_obj || (v != st->false_obj && v != st->none && interp.IsTrue(v));
                            if (t == ((Opcode)(byte)word == Opcode.JumpIfTrueOrPop))
                            {
                                ip = arg;
                            }
                            else
                            {
                                sp--;
                                Refcount.Decref(v);
                            }
                            break;
                        }
                        case Opcode.GetIter:
                        case Opcode.GetYieldFromIter: // iter() of a generator is the generator itself
                        {
                            var v = (PyObject*)sp[-1];
                            f->Ip = ip;
                            PyObject* it = interp.GetIter(v);
                            sp[-1] = (nint)it;
                            Refcount.Decref(v);
                            break;
                        }
                        case Opcode.ForIter:
                        {
                            var it = (PyObject*)sp[-1];
                            f->Ip = ip;
                            if (it->ob_type == _listIterType)
                            {
                                // FOR_ITER_LIST: the next item while the index is in range (exhaustion goes the general way).
                                var li = (PyIterObject*)it;
                                PyObject* seq = li->it_seq;
                                if (seq != null && li->it_index < PyList.Size(seq))
                                {
                                    PyObject* item0 = PyList.Items(seq)[li->it_index++];
                                    Refcount.Incref(item0);
                                    *sp++ = (nint)item0;
                                    break;
                                }
                            }
                            else if (it->ob_type == _rangeIterType)
                            {
                                // FOR_ITER_RANGE: the next number, made straight from the range's bounds.
                                var ri = (PyIterObject*)it;
                                var r = (PyRangeObject*)ri->it_seq;
                                if (r != null && ri->it_index < r->length)
                                {
                                    *sp++ = (nint)interp.Int(r->start + r->step * ri->it_index);
                                    ri->it_index++;
                                    break;
                                }
                            }
                            else if (it->ob_type == _generatorType && TryEnterInline(it, 0, VmFrame.InlineForIterFlag, arg) is var gf && gf != null)
                            {
                                // FOR_ITER_GEN: the generator's frame runs on top of this one, in this loop.
                                f->StackDepth = (int)(sp - f->Stack);
                                gf->Back = f;
                                Top = gf;
                                f = gf;
                                code = _codes[f->CodeId];
                                ops = code.Code;
                                consts = code.Consts;
                                locals = f->Locals;
                                sp = f->Stack + f->StackDepth;
                                ip = f->Ip;
                                break;
                            }
                            PyObject* item = interp.Next(it);
                            if (item != null)
                            {
                                *sp++ = (nint)item;
                            }
                            else
                            {
                                sp--;
                                Refcount.Decref(it);
                                ip = arg;
                            }
                            break;
                        }
                        case Opcode.UnpackSequence:
                            f->Ip = ip;
                            UnpackSequence(sp, arg);
                            sp += arg - 1;
                            break;
                        case Opcode.BuildTuple:
                        {
                            PyObject* t = arg == 0 ? Interpreter.NewRef(st->empty_tuple) : interp.TupleSteal(new ReadOnlySpan<nint>(sp - arg, arg));
                            sp -= arg;
                            *sp++ = (nint)t;
                            break;
                        }
                        case Opcode.BuildList:
                        {
                            int n = arg >> 1;
                            PyObject* l = BuildList(sp - n, n, constant: (arg & 1) != 0);
                            sp -= n;
                            *sp++ = (nint)l;
                            break;
                        }
                        case Opcode.BuildMap:
                        {
                            f->Ip = ip;
                            PyObject* d = BuildMap(sp - 2 * arg, arg);
                            sp -= 2 * arg;
                            *sp++ = (nint)d;
                            break;
                        }
                        case Opcode.PushNull:
                            *sp++ = 0;
                            break;
                        case Opcode.Call:
                        case Opcode.CallKw:
                        {
                            f->Ip = ip;
                            VmFrame* callee = Call(f, ref sp, (Opcode)(byte)word, arg, code);
                            if (callee != null)
                            {
                                // A Python function: continue in its frame.
                                f->StackDepth = (int)(sp - f->Stack);
                                callee->Back = f;
                                Top = callee;
                                f = callee;
                                code = _codes[f->CodeId];
                                ops = code.Code;
                                consts = code.Consts;
                                locals = f->Locals;
                                sp = f->Stack;
                                ip = 0;
                            }
                            break;
                        }
                        case Opcode.ReturnValue:
                        {
                            var r = (PyObject*)(*--sp);
                            if (f->Constructed != null)
                            {
                                r = FinishConstruction(f, r);
                            }
                            Clear(f, sp);
                            bool isEntry = (f->Flags & VmFrame.EntryFlag) != 0;
                            VmFrame* back = f->Back;
                            if (isEntry)
                            {
                                Pop(f);
                                return r;
                            }
                            interp.Depth--;
                            int flags = f->Flags;
                            int returnIp = f->ReturnIp;
                            if ((flags & VmFrame.GeneratorFlag) != 0)
                            {
                                // A generator run inline has finished: no StopIteration is made.
                                Top = back;
                                FinishInline(f);
                            }
                            else
                            {
                                Pop(f);
                            }
                            f = back;
                            code = _codes[f->CodeId];
                            ops = code.Code;
                            consts = code.Consts;
                            locals = f->Locals;
                            sp = f->Stack + f->StackDepth;
                            ip = f->Ip;
                            if ((flags & VmFrame.InlineForIterFlag) != 0)
                            {
                                // The loop is over: drop the return value and the iterator.
                                Refcount.Decref(r);
                                var exhausted = (PyObject*)(*--sp);
                                *sp = 0;
                                Refcount.Decref(exhausted);
                                ip = returnIp;
                                break;
                            }
                            *sp++ = (nint)r;
                            if ((flags & VmFrame.InlineSendFlag) != 0)
                            {
                                ip = returnIp;
                            }
                            break;
                        }
                        case Opcode.Copy:
                        {
                            nint v = sp[-arg];
                            Refcount.Incref((PyObject*)v);
                            *sp++ = v;
                            break;
                        }
                        case Opcode.Swap:
                            (sp[-1], sp[-arg]) = (sp[-arg], sp[-1]);
                            break;
                        case Opcode.BuildSlice:
                        {
                            // The slice takes the bounds' references.
                            PyObject* step = arg == 3 ? (PyObject*)*--sp : Interpreter.NewRef(st->none);
                            var stop = (PyObject*)*--sp;
                            var start = (PyObject*)*--sp;
                            *sp++ = (nint)interp.EngineNewSlice(start, stop, step);
                            break;
                        }
                        case Opcode.ListAppend:
                        {
                            var v = (PyObject*)*--sp;
                            f->Ip = ip;
                            try
                            {
                                PyList.Append((PyObject*)sp[-arg], v);
                            }
                            finally
                            {
                                Refcount.Decref(v);
                            }
                            break;
                        }
                        case Opcode.ClearFast:
                        {
                            nint old = locals[arg];
                            locals[arg] = 0;
                            Refcount.XDecref((PyObject*)old);
                            break;
                        }
                        case Opcode.ExecStatement:
                        {
                            f->Ip = ip;
                            f->StackDepth = (int)(sp - f->Stack);
                            Fallback fb = code.Fallbacks[arg];
                            Profile?.Count(fb.Node, code.File);
                            Flow flow = ExecFallback(f, code, (Stmt)fb.Node, out PyObject* returned);
                            if (flow == Flow.Break)
                            {
                                ip = fb.BreakTarget;
                            }
                            else if (flow == Flow.Continue)
                            {
                                ip = fb.ContinueTarget;
                            }
                            else if (flow == Flow.Return)
                            {
                                // Return through RETURN_VALUE's path: push the value and run a return.
                                *sp++ = (nint)returned;
                                ip = ReturnAt(code);
                            }
                            break;
                        }
                        case Opcode.EvalExpression:
                        {
                            f->Ip = ip;
                            f->StackDepth = (int)(sp - f->Stack);
                            Profile?.Count(code.Fallbacks[arg].Node, code.File);
                            PyObject* v = EvalFallback(f, code, (Expr)code.Fallbacks[arg].Node, code.Lines[ip - 1]);
                            *sp++ = (nint)v;
                            break;
                        }
                        case Opcode.YieldValue:
                        {
                            if ((f->Flags & VmFrame.GeneratorFlag) == 0)
                            {
                                throw interp.Error(interp.SystemError, "yield outside a generator frame");
                            }
                            // Suspend: the frame keeps its stack; the resumer gets the value (our reference).
                            nint v = *--sp;
                            f->Ip = ip;
                            f->StackDepth = (int)(sp - f->Stack);
                            f->Flags |= VmFrame.SuspendedFlag;
                            VmFrame* back = f->Back;
                            Top = back;
                            if (f == entry)
                            {
                                return (PyObject*)v;
                            }
                            // Run inline by a SEND or FOR_ITER: the value is what that instruction produces.
                            LeaveInline(f);
                            f = back;
                            code = _codes[f->CodeId];
                            ops = code.Code;
                            consts = code.Consts;
                            locals = f->Locals;
                            sp = f->Stack + f->StackDepth;
                            ip = f->Ip;
                            *sp++ = v;
                            break;
                        }
                        case Opcode.Send:
                        {
                            f->Ip = ip;
                            // The sent value moves into the step; its slot is empty while the delegate runs.
                            nint sent = sp[-1];
                            sp[-1] = 0;
                            var delegateIt = (PyObject*)sp[-2];
                            if (delegateIt->ob_type == _generatorType && TryEnterInline(delegateIt, sent, VmFrame.InlineSendFlag, arg) is var gf && gf != null)
                            {
                                // SEND_GEN: the delegate's frame runs on top of this one; its yield or return lands in the empty slot.
                                sp--;
                                f->StackDepth = (int)(sp - f->Stack);
                                gf->Back = f;
                                Top = gf;
                                f = gf;
                                code = _codes[f->CodeId];
                                ops = code.Code;
                                consts = code.Consts;
                                locals = f->Locals;
                                sp = f->Stack + f->StackDepth;
                                ip = f->Ip;
                                break;
                            }
                            nint yielded = interp.DelegateStep(sp[-2], sent, null, out nint result);
                            if (yielded != 0)
                            {
                                sp[-1] = yielded;
                            }
                            else
                            {
                                sp[-1] = result;
                                ip = arg;
                            }
                            break;
                        }
                        case Opcode.LoadClosure:
                        {
                            nint cell = (arg & 1) != 0 ? (nint)PyTuple.Items(f->Closure)[arg >> 1] : locals[arg >> 1];
                            Refcount.Incref((PyObject*)cell);
                            *sp++ = cell;
                            break;
                        }
                        case Opcode.MakeGenExpr:
                        {
                            // The iterator and closure move into the generator's frame.
                            nint it = sp[-1];
                            nint closure = sp[-2];
                            sp -= 2;
                            sp[0] = 0;
                            sp[1] = 0;
                            *sp++ = (nint)MakeExpressionGenerator((CodeObject)code.Nodes[arg], f, it, closure);
                            break;
                        }
                        case Opcode.EndSend:
                        {
                            nint it = sp[-2];
                            sp[-2] = sp[-1];
                            sp--;
                            Refcount.Decref((PyObject*)it);
                            break;
                        }
                        default:
                            throw interp.Error(interp.SystemError, $"bad opcode {(byte)word}");
                    }
                }
            }
            catch (Exception raw)
            {
                PythonException e = raw as PythonException ?? interp.Translate(raw);
                // No handlers in bytecode yet: every frame of this run unwinds, innermost first.
                while (true)
                {
                    int line = LineOf(f, f == Top ? ip : f->Ip);
                    if ((f->Flags & VmFrame.EntryFlag) != 0)
                    {
                        // The C# caller records this frame's traceback entry from its tree-walker frame.
                        if (f->Shadow >= 0)
                        {
                            _shadows[f->Shadow]!.Line = line;
                        }
                        Clear(f, sp);
                        Pop(f);
                        if (ReferenceEquals(e, raw))
                        {
                            throw;
                        }
                        throw e;
                    }
                    if ((f->Flags & VmFrame.GeneratorFlag) != 0)
                    {
                        e = GeneratorRaised(e);
                    }
                    e.AddFrame(code.File, line, code.Name);
                    Clear(f, sp);
                    VmFrame* back = f->Back;
                    interp.Depth--;
                    if ((f->Flags & VmFrame.GeneratorFlag) != 0)
                    {
                        // A generator run inline ends with the exception, which goes on in its resumer.
                        Top = back;
                        FinishInline(f);
                    }
                    else
                    {
                        Pop(f);
                    }
                    f = back;
                    code = _codes[f->CodeId];
                    ops = code.Code;
                    consts = code.Consts;
                    locals = f->Locals;
                    sp = f->Stack + f->StackDepth;
                    ip = f->Ip;
                }
            }
        }
    }

    /// <summary>The code's final RETURN_VALUE (every code object ends with one).</summary>
    private static int ReturnAt(CodeObject code) => code.Code.Length - 1;
}
