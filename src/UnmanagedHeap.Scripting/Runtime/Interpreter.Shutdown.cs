using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// Interpreter shutdown for <c>__main__</c>, as CPython's _PyModule_ClearDict does it: names
    /// starting with one underscore are set to None first, then all the others, in dict order,
    /// so <c>__del__</c> methods of objects only the globals kept alive run now, in that order.
    /// A final collection handles what cycles remain.
    /// </summary>
    public void ClearModuleDict(PyObject* dict)
    {
        try
        {
            for (int pass = 0; pass < 2; pass++)
            {
                var keys = new List<nint>();
                nint pos = 0;
                while (PyDict.Next(dict, ref pos, out PyObject* k, out PyObject* v))
                {
                    if (!IsStr(k) || v == St->none)
                    {
                        continue;
                    }
                    string name = PyUnicode.AsString(k);
                    bool underscore = name.StartsWith('_') && !name.StartsWith("__", StringComparison.Ordinal);
                    if ((pass == 0) == underscore && name != "__builtins__")
                    {
                        keys.Add((nint)NewRef(k));
                    }
                }
                foreach (nint k in keys)
                {
                    try
                    {
                        PyDict.SetItem(dict, (PyObject*)k, St->none);
                    }
                    catch (PythonException e)
                    {
                        ReportUnraisable(e, "Exception ignored during interpreter shutdown");
                    }
                    finally
                    {
                        Refcount.Decref((PyObject*)k);
                    }
                }
            }
            Heap.Gc.Collect();
        }
        catch (Exception e) when (e is not PythonException)
        {
            // Shutdown must not fail the run; the heap is freed wholesale next.
            Err.WriteLine($"pyheap: error during shutdown: {e.Message}");
        }
    }
}
