using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Coroutines (<c>async def</c>): the generator machinery under another type. The body runs
/// on <see cref="GeneratorExecutor"/>, each <c>await</c> being a <c>yield from</c> into the
/// awaitable; the object is a <c>coroutine</c>, driven by <c>send</c>/<c>throw</c>/<c>close</c>
/// and not iterable. One dropped before it ever ran warns on stderr as CPython's
/// <c>_PyErr_WarnUnawaitedCoroutine</c> does.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyTypeObject* _coroutineType;

    private PyTypeObject* CoroutineType
    {
        get
        {
            if (_coroutineType == null)
            {
                var slots = new TypeSlots { Dealloc = &GeneratorDealloc, Traverse = &GeneratorTraverse, Clear = &GeneratorClear, Finalize = &GeneratorFinalize };
                _coroutineType = Heap.Types.Create("coroutine", sizeof(PyGenObject), 0, TypeFlags.HaveGc, slots, St->type_object);
                _coroutineType->tp_weaklistoffset = sizeof(PyGenObject) - sizeof(nint);
                RegisterCoroutineMethods(_coroutineType);
            }
            return _coroutineType;
        }
    }

    public bool IsCoroutine(PyObject* o) => _coroutineType != null && o->ob_type == _coroutineType;

    /// <summary>A generator proper: iterable, unlike a coroutine that shares its machinery.</summary>
    public bool IsIterableGenerator(PyObject* o) => _generatorType != null && o->ob_type == _generatorType;

    private void RegisterCoroutineMethods(PyTypeObject* t)
    {
        Method(t, "send", (self, a, _) =>
        {
            Arity("send", a, 1, 1);
            return GeneratorSend(self, A(a, 0));
        });
        Method(t, "throw", (self, a, _) => GeneratorThrow(self, a));
        Method(t, "close", (self, a, _) =>
        {
            Arity("close", a, 0, 0);
            CloseGenerator(self);
            return None;
        });
        // CPython returns a coroutine_wrapper iterator; `await` never calls this (it delegates to
        // the coroutine itself), so the coroutine stands in for its wrapper.
        Method(t, "__await__", (self, a, _) =>
        {
            Arity("__await__", a, 0, 0);
            return NewRef(self);
        });
    }

    /// <summary>
    /// What <c>await value</c> delegates to (consumes <paramref name="value"/>): a coroutine itself,
    /// else the iterator its type's <c>__await__</c> returns.
    /// </summary>
    internal nint AwaitableAndRelease(nint value)
    {
        var v = (PyObject*)value;
        try
        {
            if (IsCoroutine(v))
            {
                return (nint)NewRef(v);
            }
            PyObject* method = IsIterableGenerator(v) ? null : UserSpecial(v, "__await__");
            if (method == null)
            {
                throw TypeErr($"object {TypeName(v)} can't be used in 'await' expression");
            }
            PyObject* it = Call(method, [(nint)NewRef(v)], null);
            if (IsCoroutine(it) || !(IsIterableGenerator(it) || T.IsIter(it->ob_type) || IsNativeIterator(it->ob_type) || UserSpecial(it, "__next__") != null))
            {
                string kind = TypeName(it);
                Refcount.Decref(it);
                throw TypeErr(IsCoroutine(it) ? "__await__() returned a coroutine" : $"__await__() returned non-iterator of type '{kind}'");
            }
            return (nint)it;
        }
        finally
        {
            Refcount.Decref(v);
        }
    }

    /// <summary>The RuntimeWarning for a coroutine collected before it ever ran, where the program is when that happens.</summary>
    private void WarnNeverAwaited(GeneratorState state)
    {
        (string? file, int line) = CurrentLocation();
        Out.Flush();
        if (file is not null)
        {
            Err.WriteLine($"{file}:{line}: RuntimeWarning: coroutine '{state.QualName}' was never awaited");
            string source = SourceLines.Get(file, line).Trim();
            if (source.Length > 0)
            {
                Err.WriteLine("  " + source);
            }
        }
        else
        {
            Err.WriteLine($"RuntimeWarning: coroutine '{state.QualName}' was never awaited");
        }
        Err.WriteLine("RuntimeWarning: Enable tracemalloc to get the object allocation traceback");
    }
}
