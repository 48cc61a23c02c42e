using System.Diagnostics;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>Ctrl-C (SIGINT) sent to a real <c>pyheap</c> process, as a terminal sends it.</summary>
[NonParallelizable]
public partial class SigintTests
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    private const int SIGINT = 2;

    /// <summary>Starts pyheap, waits for "ready" on its stderr (unbuffered), sends SIGINT <paramref name="signals"/> times.</summary>
    private static (int Exit, string Out, string Err) Interrupt(string command, string source, string? stdin, int signals)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sigint-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source);
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "pyheap"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(command);
        if (command == "run")
        {
            info.ArgumentList.Add(path);
        }
        try
        {
            using var p = Process.Start(info)!;
            var err = new System.Text.StringBuilder();
            using var ready = new ManualResetEventSlim();
            p.ErrorDataReceived += (_, e) =>
            {
                lock (err)
                {
                    err.Append(e.Data).Append('\n');
                }
                if (e.Data?.Contains("ready") == true)
                {
                    ready.Set();
                }
            };
            p.BeginErrorReadLine();
            Task<string> output = p.StandardOutput.ReadToEndAsync();
            if (stdin != null)
            {
                p.StandardInput.Write(stdin);
                p.StandardInput.Flush();
            }
            Assert.That(ready.Wait(TimeSpan.FromSeconds(120)), "the program never said ready");
            Thread.Sleep(300);
            for (int i = 0; i < signals; i++)
            {
                Assert.That(kill(p.Id, SIGINT), Is.EqualTo(0));
                Thread.Sleep(200);
            }
            if (stdin != null)
            {
                p.StandardInput.Write("print('after', 6 * 7)\n");
                p.StandardInput.Close();
            }
            Assert.That(p.WaitForExit(TimeSpan.FromSeconds(120)), "pyheap did not end after SIGINT");
            p.WaitForExit();
            lock (err)
            {
                return (p.ExitCode, output.Result, err.ToString());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void CtrlCRaisesKeyboardInterruptWithATracebackAndExit130()
    {
        var (exit, _, err) = Interrupt("run", """
            import sys
            def spin():
                print("ready", file=sys.stderr)
                while True:
                    pass
            spin()
            """, null, 1);
        Assert.That(exit, Is.EqualTo(130), err);
        Assert.That(err, Does.Contain("Traceback (most recent call last):\n"));
        Assert.That(err, Does.Contain(", in spin\n"));
        Assert.That(err.TrimEnd(), Does.EndWith("\nKeyboardInterrupt"));
    }

    [Test]
    public void AScriptCanCatchKeyboardInterrupt()
    {
        var (exit, output, err) = Interrupt("run", """
            import sys
            try:
                print("ready", file=sys.stderr)
                while True:
                    pass
            except KeyboardInterrupt:
                print("caught")
            """, null, 1);
        Assert.That((exit, output), Is.EqualTo((0, "caught\n")), err);
    }

    [Test]
    public void TheReplSurvivesCtrlCInARunningStatement()
    {
        var (exit, output, err) = Interrupt("repl", "", "import sys\nprint('ready', file=sys.stderr)\nwhile True:\n    pass\n\n", 1);
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(err, Does.Contain("KeyboardInterrupt"));
        Assert.That(output, Does.Contain("after 42"));
    }
}
