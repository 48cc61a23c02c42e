using System.Numerics;
using System.Runtime.InteropServices;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Types;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// A tree-walking interpreter whose every value is an object of one <see cref="Heap"/>.
/// Evaluation functions return new references; callers release them. The partial files
/// split it by job: statements, expressions, calls, attributes, operators, text, builtins,
/// methods, iteration, modules.
/// </summary>
public sealed unsafe partial class Interpreter
{
    public Interpreter(Heap heap, TextWriter stdout, TextWriter stderr)
    {
        Heap = heap;
        St = heap.NativeState;
        Out = stdout;
        Err = stderr;
        T = new ScriptTypes(heap);
        IntType.Fill(St);
        FloatType.Fill(St);
        // The slot wrappers of this interpreter's classes find it through the heap's state.
        St->scripting_runtime = GCHandle.ToIntPtr(GCHandle.Alloc(this));
        // A freed (or cleared) class's address must not answer cached lookups: it may be reused.
        heap.Types.Forgotten += _ => InvalidateTypeCache();
        CreateExceptionTypes();
        CreateGeneratorExceptionTypes();
        Builtins = PyDict.New(St);
        RegisterBuiltins();
        PreallocatedMemoryError = NewException(MemoryError, null);
        RestoreReportingReserve();
        ConnectCollector();
    }

    public Heap Heap { get; }
    public HeapState* St { get; }
    public ScriptTypes T { get; }
    public TextWriter Out { get; }
    public TextWriter Err { get; }
    /// <summary>The builtins namespace (a dict).</summary>
    public PyObject* Builtins { get; }
    /// <summary>sys.getrecursionlimit(), kept in the heap's state: nested comparisons count against it too.</summary>
    public int RecursionLimit
    {
        get => St->recursion_limit;
        set => St->recursion_limit = value;
    }

    /// <summary>sys.argv: the script path (or "-c", "-") and the arguments after it, as CPython sets them.</summary>
    public IReadOnlyList<string> Argv { get; set; } = [];

    /// <summary>Address near the top of the interpreter thread's stack (0: unknown).</summary>
    public nint StackBase { get; set; }

    /// <summary>Bytes of stack Python calls may use below <see cref="StackBase"/>.</summary>
    public long StackBudget { get; set; } = long.MaxValue;
    /// <summary>Python frames active (kept in the heap's state, where the comparison protocol adds its own depth).</summary>
    public int Depth
    {
        get => St->eval_depth;
        set => St->eval_depth = value;
    }
    public ExecFrame? Current { get; set; }
    public List<CodeInfo> Codes { get; } = [];
    /// <summary>Exceptions being handled by an except block (borrowed from their handlers), for bare <c>raise</c>.</summary>
    public List<nint> Handling { get; } = [];
    private PyObject* PreallocatedMemoryError { get; }

    /// <summary>Where Ctrl-C requests arrive (null: nothing delivers them).</summary>
    public InterruptFlag? Interrupt { get; init; }

    /// <summary>
    /// Bytes kept free at start-up for reporting an uncaught MemoryError (the traceback's
    /// strings), as CPython keeps a preallocated MemoryError: released when the heap runs
    /// out, so the report can be formatted on it.
    /// </summary>
    public const int ReportingReserveBytes = 64 * 1024;

    private void* _reportingReserve;

    public bool HasReportingReserve => _reportingReserve != null;

    /// <summary>Hands the reserve back to the heap, so formatting a MemoryError's report has room.</summary>
    public void ReleaseReportingReserve()
    {
        if (_reportingReserve != null)
        {
            St->allocator.Release(_reportingReserve);
            _reportingReserve = null;
        }
    }

    /// <summary>Takes the reserve again (after a report, at a prompt); without room it stays released.</summary>
    public void RestoreReportingReserve()
    {
        if (_reportingReserve == null)
        {
            _reportingReserve = St->allocator.Allocate(ReportingReserveBytes);
        }
    }

    /// <summary>
    /// Raises KeyboardInterrupt when a Ctrl-C is pending or the run's time limit has passed:
    /// one volatile read (and, only when a limit is set, a clock read) on the loop back-edges
    /// and calls that poll it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void PollInterrupt()
    {
        if (Interrupt is { Pending: true } || _deadline != 0)
        {
            RaiseInterrupt();
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RaiseInterrupt()
    {
        ThrowIfPastTimeLimit();
        if (Interrupt != null && Interrupt.Take())
        {
            throw new PythonException(NewException(KeyboardInterrupt, null));
        }
    }

    /// <summary>The interpreter that owns a heap state (for slot functions).</summary>
    public static Interpreter Of(HeapState* st) =>
        TryOf(st) ?? throw new InvalidOperationException("no interpreter is attached to this heap");

    /// <summary>The interpreter working on a heap, or null when none is (any more).</summary>
    public static Interpreter? TryOf(HeapState* st)
    {
        nint handle = st->scripting_runtime;
        return handle == 0 ? null : (Interpreter?)GCHandle.FromIntPtr(handle).Target;
    }

    /// <summary>Forgets this interpreter's registration (before its heap is disposed).</summary>
    public void Detach()
    {
        ReleaseReportingReserve();
        nint handle = St->scripting_runtime;
        if (handle != 0)
        {
            St->scripting_runtime = 0;
            GCHandle.FromIntPtr(handle).Free();
        }
    }

    // ---- New references to values ----

    public PyObject* None
    {
        get
        {
            Refcount.Incref(St->none);
            return St->none;
        }
    }

    public PyObject* Bool(bool v)
    {
        PyObject* o = v ? St->true_obj : St->false_obj;
        Refcount.Incref(o);
        return o;
    }

    public PyObject* Int(long v) => PyLong.FromInt64(St, v);
    public PyObject* Int(BigInteger v) => PyLong.FromBigInteger(St, v);
    public PyObject* Float(double v) => PyFloat.FromDouble(St, v);
    public PyObject* Str(string s) => PyUnicode.FromString(St, s);
    /// <summary>
    /// The interned str for a name. Names are the tree's and C# literals, the same string
    /// instances every time, so a cache keyed by reference skips hashing the text.
    /// </summary>
    public PyObject* Intern(string s)
    {
        if (_internByReference.TryGetValue(s, out nint p))
        {
            return (PyObject*)p;
        }
        PyObject* op = Heap.Interned.Intern(s);
        if (_internByReference.Count > 8192)
        {
            _internByReference.Clear();
        }
        _internByReference[s] = (nint)op;
        return op;
    }

    private readonly Dictionary<string, nint> _internByReference = new(ReferenceEqualityComparer.Instance);

    public static PyObject* NewRef(PyObject* o)
    {
        Refcount.Incref(o);
        return o;
    }

    public PyObject* Tuple(ReadOnlySpan<nint> items)
    {
        PyObject* t = PyTuple.Pack(St, items);
        if (items.Length > 0)
        {
            GcList.Track(t);
        }
        return t;
    }

    /// <summary>A tuple that takes over the given references.</summary>
    public PyObject* TupleSteal(List<nint> items) => TupleSteal(CollectionsMarshal.AsSpan(items));

    /// <summary>A tuple that takes over the given references.</summary>
    public PyObject* TupleSteal(ReadOnlySpan<nint> items)
    {
        PyObject* t = PyTuple.NewUninitialized(St, items.Length);
        for (int i = 0; i < items.Length; i++)
        {
            PyTuple.Items(t)[i] = (PyObject*)items[i];
        }
        // CPython tracks every new tuple; the collector untracks those holding only atoms.
        if (items.Length > 0)
        {
            GcList.Track(t);
        }
        return t;
    }

    /// <summary>A list that takes over the given references.</summary>
    public PyObject* ListSteal(List<nint> items) => ListSteal(CollectionsMarshal.AsSpan(items));

    /// <summary>A list that takes over the given references.</summary>
    public PyObject* ListSteal(ReadOnlySpan<nint> items)
    {
        PyObject* l = PyList.New(St, items.Length);
        foreach (nint it in items)
        {
            PyList.Append(l, (PyObject*)it);
            Refcount.Decref((PyObject*)it);
        }
        return l;
    }

    // ---- Type tests ----

    /// <summary>An int, a bool or an instance of a class derived from int (PyLong_Check).</summary>
    public bool IsInt(PyObject* o) => (o->ob_type->tp_flags & TypeFlags.LongSubclass) != 0;
    public bool IsStr(PyObject* o) => o->ob_type == St->type_str;
    public bool IsFloat(PyObject* o) => o->ob_type == St->type_float || o->ob_type->tp_layout == St->type_float;
    // list, dict and set tests accept classes derived from them (PyList_Check and kin):
    // their instances have the built-in's layout. Sites where a class may override the
    // built-in behaviour check Overrides first.
    public bool IsList(PyObject* o) => (o->ob_type->tp_flags & TypeFlags.ListSubclass) != 0;
    public bool IsTuple(PyObject* o) => (o->ob_type->tp_flags & TypeFlags.TupleSubclass) != 0;
    public bool IsDict(PyObject* o) => (o->ob_type->tp_flags & TypeFlags.DictSubclass) != 0;
    public bool IsSet(PyObject* o) => o->ob_type == St->type_set || o->ob_type == St->type_frozenset
        || ((o->ob_type->tp_flags & TypeFlags.HeapType) != 0 && IsSubtype(o->ob_type, St->type_set));
    /// <summary>A type object: an instance of type or of a metaclass (PyType_Check).</summary>
    public bool IsType(PyObject* o) => (o->ob_type->tp_flags & TypeFlags.TypeSubclass) != 0;
    public static bool IsInstanceLayout(PyTypeObject* t) => (t->tp_flags & TypeFlags.ManagedDict) != 0;

    public static bool IsSubtype(PyTypeObject* a, PyTypeObject* b) => TypeMro.IsSubtype(a, b);

    public static string TypeName(PyObject* o) => TypeRegistry.NameOf(o->ob_type);

    public static string NameOfType(PyTypeObject* t) => TypeRegistry.NameOf(t);

    // ---- Exceptions ----

    /// <summary>A new exception instance of <paramref name="type"/> with args (message) or no args.</summary>
    public PyObject* NewException(PyTypeObject* type, string? message)
    {
        PyObject* args;
        if (message is null)
        {
            args = NewRef(St->empty_tuple);
        }
        else
        {
            PyObject* m = Str(message);
            args = Tuple([(nint)m]);
            Refcount.Decref(m);
        }
        PyObject* exc = NewExceptionWithArgs(type, args);
        Refcount.Decref(args);
        return exc;
    }

    public PyObject* NewExceptionWithArgs(PyTypeObject* type, PyObject* args)
    {
        if (IsGroupType(type))
        {
            return NewExceptionGroup(type, args);
        }
        PyObject* exc = PyInstance.New(type);
        PyInstance.SetAttr(exc, Intern("args"), args);
        if (IsSubtype(type, StopIteration))
        {
            // StopIteration.__init__ keeps its first argument as .value (a generator's return value).
            PyInstance.SetAttr(exc, Intern("value"), PyTuple.Size(args) > 0 ? PyTuple.Items(args)[0] : St->none);
        }
        return exc;
    }

    public PythonException Error(PyTypeObject* type, string message) => new(NewException(type, message));

    public PythonException TypeErr(string message) => Error(TypeError, message);
    public PythonException ValueErr(string message) => Error(ValueError, message);

    /// <summary>Converts a C# failure from the heap layer into the Python exception it means.</summary>
    public PythonException Translate(Exception e)
    {
        switch (e)
        {
            case PythonException p:
                return p;
            case OutOfHeapMemoryException or OutOfMemoryException or InsufficientMemoryException:
                Refcount.Incref(PreallocatedMemoryError);
                return new PythonException(PreallocatedMemoryError);
            case OverflowException:
                // A C# conversion or a BigInteger past .NET's 2**31-bit limit: Python's own words.
                return Error(OverflowError, "Python int too large to convert to C ssize_t");
            case Objects.Long.IntStringLimitException limit:
                return ValueErr(limit.Message);
            case UnhashableException u:
                return TypeErr($"unhashable type: '{u.TypeName}'");
            case UnorderableException u:
                return TypeErr(u.Message);
            case ComparisonRecursionException r:
                return Error(RecursionError, r.Message);
            case Inspect.InvalidAddressException a:
                return ValueErr(a.Message);
            case InsufficientExecutionStackException:
                return Error(RecursionError, "maximum recursion depth exceeded");
            default:
                if (Environment.GetEnvironmentVariable("PYHEAP_DEBUG") == "1")
                {
                    Err.WriteLine(e.ToString());
                }
                return Error(SystemError, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public bool ExceptionMatches(PyObject* exc, PyObject* spec)
    {
        if (IsTuple(spec))
        {
            for (nint i = 0; i < PyTuple.Size(spec); i++)
            {
                if (ExceptionMatches(exc, PyTuple.Items(spec)[i]))
                {
                    return true;
                }
            }
            return false;
        }
        if (!IsType(spec) || !IsSubtype((PyTypeObject*)spec, BaseException))
        {
            throw TypeErr("catching classes that do not inherit from BaseException is not allowed");
        }
        return IsExceptionSubtype(exc->ob_type, (PyTypeObject*)spec);
    }

    /// <summary>The args tuple of an exception (borrowed), or null.</summary>
    public PyObject* ExceptionArgs(PyObject* exc)
    {
        PyObject* a = PyInstance.GetAttr(exc, Intern("args"));
        return a != null && IsTuple(a) ? a : null;
    }

    /// <summary>The last traceback line: <c>TypeName: message</c>, or just the type name.</summary>
    public string FormatExceptionLine(PyObject* exc)
    {
        string name = TypeName(exc);
        if (IsSubtype(exc->ob_type, SyntaxError) && IsInstanceLayout(exc->ob_type)
            && PyInstance.GetAttr(exc, Intern("msg")) is var msg && msg != null && IsStr(msg))
        {
            // CPython prints a SyntaxError's location above its line; the line itself is msg only.
            return $"{name}: {PyUnicode.AsString(msg)}";
        }
        string text;
        try
        {
            text = StrOf(exc);
        }
        catch (PythonException)
        {
            text = "<exception str() failed>";
        }
        catch (OutOfHeapMemoryException)
        {
            text = ""; // the type name alone, as CPython prints a MemoryError it cannot describe
        }
        return text.Length == 0 ? name : $"{name}: {text}";
    }
}
