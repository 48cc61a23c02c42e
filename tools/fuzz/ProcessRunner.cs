using System.Diagnostics;

namespace PyHeap.Fuzz;

/// <summary>Each mutant in a fresh <c>pyheap run FILE</c> process: exactly what a user runs.</summary>
public sealed class ProcessRunner(RunSettings settings) : IMutantRunner
{
    public Outcome Run(string file)
    {
        using var process = new Process { StartInfo = ChildProcess.StartInfo(settings.PyHeapPath, settings.RunArguments(file)) };
        var stderr = new BoundedText();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                lock (stderr)
                {
                    stderr.Append(e.Data + "\n");
                }
            }
        };
        // Stdout is read and dropped: a full pipe would stall the child.
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        bool timedOut = !process.WaitForExit(settings.Timeout);
        if (timedOut)
        {
            ChildProcess.Kill(process);
        }
        else
        {
            process.WaitForExit();
        }
        string text;
        lock (stderr)
        {
            text = stderr.ToString();
        }
        return Classifier.Classify(process.ExitCode, text, timedOut);
    }

    public void Dispose()
    {
    }
}
