using UnmanagedHeap.Scripting.Runtime;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>
/// The whole report of an uncaught exception, compared with what CPython 3.12.1 wrote for the
/// same program (recorded with <c>PYENV_VERSION=3.12.1 python3</c>): chained tracebacks with
/// their joining lines, source lines, notes, and repeated-line folding. The programs avoid
/// lines where CPython would draw ^^^ carets, which this interpreter does not print yet.
/// </summary>
[TestFixture]
public class ChainedTracebackTests
{
    private static string RunFromFile(string source, out string path)
    {
        string dir = Path.Combine(Path.GetTempPath(), "pyheap-tb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        path = Path.Combine(dir, "prog.py");
        File.WriteAllText(path, source.ReplaceLineEndings("\n") + "\n");
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        try
        {
            int exit = ScriptRunner.RunFile(path, new RunOptions(), stdout, stderr);
            Assert.That(exit, Is.EqualTo(1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return stderr.ToString();
    }

    private static void AssertReport(string source, string expected)
    {
        string err = RunFromFile(source, out string path);
        Assert.That(err, Is.EqualTo(expected.ReplaceLineEndings("\n").Replace("{path}", path) + "\n"));
    }

    [Test]
    public void CauseThenContextThenNotesPrintAsCPython()
    {
        AssertReport("""
            def parse(text):
                if not text.isdigit():
                    raise ValueError(f"not a number: {text!r}")
                return int(text)

            def load(key):
                try:
                    parse(key)
                except ValueError as e:
                    raise KeyError(key) from e

            def main():
                try:
                    load("x")
                except KeyError:
                    raise RuntimeError("cannot load")

            try:
                main()
            except RuntimeError as e:
                e.add_note("while loading the table")
                raise
            """, """
            Traceback (most recent call last):
              File "{path}", line 8, in load
                parse(key)
              File "{path}", line 3, in parse
                raise ValueError(f"not a number: {text!r}")
            ValueError: not a number: 'x'

            The above exception was the direct cause of the following exception:

            Traceback (most recent call last):
              File "{path}", line 14, in main
                load("x")
              File "{path}", line 10, in load
                raise KeyError(key) from e
            KeyError: 'x'

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "{path}", line 19, in <module>
                main()
              File "{path}", line 16, in main
                raise RuntimeError("cannot load")
            RuntimeError: cannot load
            while loading the table
            """);
    }

    [Test]
    public void ExceptionInFinallyPrintsThePendingOneAsContext()
    {
        AssertReport("""
            def cleanup():
                raise OSError("cleanup failed")

            try:
                raise ValueError("work failed")
            finally:
                cleanup()
            """, """
            Traceback (most recent call last):
              File "{path}", line 5, in <module>
                raise ValueError("work failed")
            ValueError: work failed

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "{path}", line 7, in <module>
                cleanup()
              File "{path}", line 2, in cleanup
                raise OSError("cleanup failed")
            OSError: cleanup failed
            """);
    }

    [Test]
    public void RecursionFoldsRepeatedLines()
    {
        AssertReport("""
            def down(n):
                down(n + 1)

            down(0)
            """, """
            Traceback (most recent call last):
              File "{path}", line 4, in <module>
                down(0)
              File "{path}", line 2, in down
                down(n + 1)
              File "{path}", line 2, in down
                down(n + 1)
              File "{path}", line 2, in down
                down(n + 1)
              [Previous line repeated 996 more times]
            RecursionError: maximum recursion depth exceeded
            """);
    }

    [Test]
    public void ExceptionGroupPrintsItsTree()
    {
        AssertReport("""
            def f():
                raise ValueError("v")
            try:
                f()
            except ValueError as e:
                v = e
            e2 = KeyError("k")
            e2.add_note("key note")
            raise ExceptionGroup("outer", [v, ExceptionGroup("inner", [TypeError("t"), e2]), OSError("o")])
            """, """
              + Exception Group Traceback (most recent call last):
              |   File "{path}", line 9, in <module>
              |     raise ExceptionGroup("outer", [v, ExceptionGroup("inner", [TypeError("t"), e2]), OSError("o")])
              | ExceptionGroup: outer (3 sub-exceptions)
              +-+---------------- 1 ----------------
                | Traceback (most recent call last):
                |   File "{path}", line 4, in <module>
                |     f()
                |   File "{path}", line 2, in f
                |     raise ValueError("v")
                | ValueError: v
                +---------------- 2 ----------------
                | ExceptionGroup: inner (2 sub-exceptions)
                +-+---------------- 1 ----------------
                  | TypeError: t
                  +---------------- 2 ----------------
                  | KeyError: 'k'
                  | key note
                  +------------------------------------
                +---------------- 3 ----------------
                | OSError: o
                +------------------------------------
            """);
    }
}
