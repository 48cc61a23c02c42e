using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// What CPython's <c>sys.displayhook</c> does for an expression statement at the prompt:
    /// None shows nothing; any other value has <c>builtins._</c> set to None while its repr
    /// runs (a <c>__repr__</c> may look at <c>_</c>), is written to stdout with a newline, and
    /// then becomes <c>builtins._</c>. Consumes <paramref name="value"/> (a new reference),
    /// which is held until the end, so a <c>__repr__</c> that drops other references to it
    /// cannot free it.
    /// </summary>
    internal void DisplayValue(PyObject* value)
    {
        try
        {
            if (value == None)
            {
                return;
            }
            PyObject* underscore = Intern("_");
            PyDict.SetItem(Builtins, underscore, None);
            string text = Repr(value);
            Out.Write(text);
            Out.Write('\n');
            PyDict.SetItem(Builtins, underscore, value);
        }
        finally
        {
            Refcount.Decref(value);
        }
    }
}
