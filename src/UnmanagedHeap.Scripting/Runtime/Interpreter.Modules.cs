using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;

namespace UnmanagedHeap.Scripting.Runtime;

public sealed unsafe partial class Interpreter
{
    private PyObject* _stdout;
    private PyObject* _stderr;

    private bool IsStderr(PyObject* file) => file == _stderr;

    // ---- Hooks from the collector and weakrefs into Python code ----

    private void ConnectCollector()
    {
        Heap.Gc.DebugOutput = new FlushingWriter(Out, Err);
        Heap.Gc.Unraisable = (context, exception) =>
        {
            Out.Flush();
            Err.WriteLine(context);
            Err.WriteLine("Traceback (most recent call last):");
            if (exception is PythonException p)
            {
                PyObject* v = p.Steal();
                if (v != null)
                {
                    Err.WriteLine(FormatExceptionLine(v));
                    Refcount.Decref(v);
                }
            }
            else
            {
                Err.WriteLine($"{exception.GetType().Name}: {exception.Message}");
            }
        };
        Heap.Gc.CallbackInvoker = (callback, phase, info) =>
        {
            PyObject* p = Str(phase);
            PyObject* d = PyDict.New(St);
            PyObject* g = Int(info.Generation);
            PyObject* c = Int(info.Collected);
            PyObject* u = Int(info.Uncollectable);
            PyDict.SetItem(d, Intern("generation"), g);
            PyDict.SetItem(d, Intern("collected"), c);
            PyDict.SetItem(d, Intern("uncollectable"), u);
            Refcount.Decref(g);
            Refcount.Decref(c);
            Refcount.Decref(u);
            try
            {
                Refcount.Decref(Call(callback.Pointer, [(nint)p, (nint)d], null));
            }
            catch (Exception e) when (e is not PythonException)
            {
                throw Translate(e);
            }
        };
        Heap.Weakrefs.CallableInvoker = (callback, weakref) =>
        {
            PyObject* cb = callback.Pointer;
            if (cb->ob_type == T.Finalize)
            {
                Refcount.Decref(CallFinalize(cb));
                return;
            }
            try
            {
                Refcount.Decref(CallBorrowed(cb, (nint)weakref.Pointer));
            }
            catch (Exception e) when (e is not PythonException)
            {
                throw Translate(e);
            }
        };
    }

    /// <summary>Writes stderr text after flushing stdout, so interleaving matches a terminal.</summary>
    private sealed class FlushingWriter(TextWriter stdout, TextWriter stderr) : TextWriter
    {
        public override System.Text.Encoding Encoding => stderr.Encoding;

        public override void Write(char value)
        {
            stdout.Flush();
            stderr.Write(value);
        }

        public override void Write(string? value)
        {
            stdout.Flush();
            stderr.Write(value);
        }

        public override void WriteLine(string? value)
        {
            stdout.Flush();
            stderr.WriteLine(value);
        }
    }
}
