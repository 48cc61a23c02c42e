using System.Runtime.InteropServices;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// A Ctrl-C waiting to be delivered (CPython's "signal tripped" flag): a signal handler on
/// another thread calls <see cref="Request"/>, the interpreter polls <see cref="Pending"/> at
/// loop back-edges and calls and raises KeyboardInterrupt there, between two operations on
/// the heap, never inside one.
/// </summary>
public sealed class InterruptFlag
{
    private volatile bool _pending;
    private readonly object _promptLock = new();
    private TextWriter? _prompt;
    private string _reprompt = ">>> ";
    private bool _interruptedAtPrompt;

    /// <summary>True from a request until the interpreter takes it.</summary>
    public bool Pending => _pending;

    /// <summary>
    /// Asks for a KeyboardInterrupt. Returns false when the previous request has not been
    /// taken yet (the program is stuck where it does not poll): the caller then lets the
    /// signal end the process, as a second Ctrl-C does in CPython.
    /// </summary>
    public bool Request()
    {
        lock (_promptLock)
        {
            if (_prompt != null)
            {
                // At the REPL's prompt nothing runs: CPython's prompt says KeyboardInterrupt and asks again.
                _interruptedAtPrompt = true;
                _prompt.Write("\nKeyboardInterrupt\n" + _reprompt);
                _prompt.Flush();
                return true;
            }
        }
        if (_pending)
        {
            return false;
        }
        _pending = true;
        return true;
    }

    /// <summary>Takes the pending request (true) or reports there was none.</summary>
    public bool Take()
    {
        if (!_pending)
        {
            return false;
        }
        _pending = false;
        return true;
    }

    /// <summary>
    /// The REPL waits for a line: a Ctrl-C now is answered on <paramref name="output"/> with
    /// KeyboardInterrupt and <paramref name="reprompt"/> (empty when no prompts are shown).
    /// </summary>
    public void EnterPrompt(TextWriter output, string reprompt = ">>> ")
    {
        lock (_promptLock)
        {
            _pending = false; // a Ctrl-C that came just after a statement finished has nothing left to stop
            _interruptedAtPrompt = false;
            _prompt = output;
            _reprompt = reprompt;
        }
    }

    /// <summary>The line arrived; true when a Ctrl-C came while waiting for it.</summary>
    public bool LeavePrompt()
    {
        lock (_promptLock)
        {
            _prompt = null;
            return _interruptedAtPrompt;
        }
    }

    /// <summary>
    /// Delivers SIGINT (Ctrl-C) to this flag until disposed. A second Ctrl-C while the first
    /// is still pending is not cancelled, so it ends the process.
    /// </summary>
    public IDisposable ListenForSigint() =>
        PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = Request());
}
