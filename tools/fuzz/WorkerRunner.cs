using System.Diagnostics;
using System.Text;

namespace PyHeap.Fuzz;

/// <summary>
/// Runs mutants in one long-lived worker child (<c>pyheap-fuzz worker</c>), which runs each
/// through the same ScriptRunner as <c>pyheap run</c>: the runtime's start-up and the JIT
/// are paid once instead of once per mutant. The worker handles one mutant at a time, so
/// when it dies the mutant it was running is the one that killed it; a dead or timed-out
/// worker is replaced before the next mutant.
/// </summary>
public sealed class WorkerRunner(RunSettings settings, string workerPath) : IMutantRunner
{
    private Process? _worker;
    private readonly BoundedText _workerStderr = new();

    public Outcome Run(string file)
    {
        Process worker = EnsureWorker();
        lock (_workerStderr)
        {
            _workerStderr.Clear();
        }
        worker.StandardInput.WriteLine(file);
        worker.StandardInput.Flush();
        Task<string?> reply = worker.StandardOutput.ReadLineAsync();
        if (!reply.Wait(settings.Timeout))
        {
            Stop();
            return Classifier.Classify(-1, WorkerStderr(), timedOut: true);
        }
        string? line = reply.Result;
        if (line == null || !line.StartsWith(WorkerMain.DonePrefix, StringComparison.Ordinal))
        {
            // The worker died in this mutant (or wrote garbage, which is no better).
            worker.WaitForExit();
            int code = worker.ExitCode;
            string text = WorkerStderr();
            worker.Dispose();
            _worker = null;
            return Classifier.Classify(code, (line ?? "") + text, timedOut: false);
        }
        string[] parts = line.Split(' ', 3);
        int exit = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        string stderr = parts.Length > 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[2])) : "";
        return Classifier.Classify(exit, stderr + WorkerStderr(), timedOut: false);
    }

    private string WorkerStderr()
    {
        lock (_workerStderr)
        {
            return _workerStderr.ToString();
        }
    }

    private Process EnsureWorker()
    {
        if (_worker is { HasExited: false })
        {
            return _worker;
        }
        _worker?.Dispose();
        var args = new List<string> { "worker" };
        args.AddRange(settings.PassThrough());
        var process = new Process { StartInfo = ChildProcess.StartInfo(workerPath, args) };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                lock (_workerStderr)
                {
                    _workerStderr.Append(e.Data + "\n");
                }
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        string? ready = process.StandardOutput.ReadLine();
        if (ready != WorkerMain.Ready)
        {
            process.WaitForExit();
            throw new InvalidOperationException($"the fuzz worker did not start ({ready ?? "no output"}): {WorkerStderr()}");
        }
        _worker = process;
        return process;
    }

    private void Stop()
    {
        if (_worker != null)
        {
            ChildProcess.Kill(_worker);
            _worker.Dispose();
            _worker = null;
        }
    }

    public void Dispose()
    {
        if (_worker is { HasExited: false })
        {
            // Closing stdin ends the worker's loop; kill it only if it does not go.
            _worker.StandardInput.Close();
            if (!_worker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                ChildProcess.Kill(_worker);
            }
        }
        _worker?.Dispose();
        _worker = null;
    }
}
