namespace UnmanagedHeap.Objects;

/// <summary>
/// Interned strs (sys.intern, attribute names): one immortal str per distinct text, marked
/// interned in its own state bits. The table is an index from .NET text to those native
/// objects, so C# callers can name attributes without allocating strs each time.
/// </summary>
public sealed unsafe class InternTable(HeapState* state)
{
    private readonly Dictionary<string, nint> _byText = new(StringComparer.Ordinal);

    public int Count => _byText.Count;

    /// <summary>The interned str for <paramref name="text"/> (immortal, so no reference needs dropping).</summary>
    public PyObject* Intern(string text)
    {
        if (_byText.TryGetValue(text, out nint existing))
        {
            return (PyObject*)existing;
        }
        PyObject* op = PyUnicode.FromString(state, text);
        if (!PyUnicode.IsInterned(op))
        {
            if (Refcount.IsImmortal(op))
            {
                // A cached one-character or empty str: already shared, mark it.
                PyUnicode.MarkInterned(op);
            }
            else
            {
                Refcount.MakeImmortal(op);
                PyUnicode.MarkInterned(op);
            }
        }
        _byText[text] = (nint)op;
        return op;
    }

    /// <summary>sys.intern: the interned equal of <paramref name="op"/> (a new reference).</summary>
    public PyObject* Intern(PyObject* op)
    {
        if (PyUnicode.IsInterned(op))
        {
            return op;
        }
        string text = PyUnicode.AsString(op);
        if (_byText.TryGetValue(text, out nint existing))
        {
            return (PyObject*)existing;
        }
        Refcount.MakeImmortal(op);
        PyUnicode.MarkInterned(op);
        _byText[text] = (nint)op;
        return op;
    }
}
