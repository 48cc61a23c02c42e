using UnmanagedHeap.Scripting.Runtime;
using static UnmanagedHeap.Tests.Scripting.Runtime.ScriptHarness;

namespace UnmanagedHeap.Tests.Scripting.Runtime;

/// <summary>Huge sizes, exhausted heaps and conversions end in Python's own errors, never in a .NET exception or a hang.</summary>
public class LimitsTests
{
    [TestCase("1 << 2**70", "OverflowError too many digits in integer")]
    [TestCase("1 << 2**62", "MemoryError ")]
    [TestCase("2 ** (2**31)", "MemoryError ")]
    [TestCase("10 ** 30 ** 63", "MemoryError ")]
    [TestCase("10 ** 10 ** 9", "MemoryError ")]
    [TestCase("'ab' * 2**62", "OverflowError repeated string is too long")]
    [TestCase("'ab' * 2**61", "MemoryError ")]
    [TestCase("'a' * 2**70", "OverflowError cannot fit 'int' into an index-sized integer")]
    [TestCase("[None] * 2**62", "MemoryError ")]
    [TestCase("[None] * 2**40", "MemoryError ")]
    [TestCase("(1, 2) * 2**62", "MemoryError ")]
    [TestCase("list(range(2**62))", "MemoryError ")]
    public void HugeResultsRaiseWhatCPythonRaises(string expression, string expected)
    {
        var (output, err, exit) = Run($"""
            try:
                x = {expression}
                print("no error")
            except Exception as e:
                print(type(e).__name__, e)
            """, new RunOptions { MaxHeapBytes = 64L << 20 });
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Is.EqualTo(expected + "\n"));
    }

    [Test]
    public void SmallResultsOfTheSameOperationsStillWork()
    {
        var (output, err, _) = Run("""
            print(0 << 2**70, 1 >> 2**70, -1 >> 2**70, 1 ** 2**70, (-1) ** (2**70 + 1), 0 ** 2**70)
            print([1, 2] * 3, (1, 2) * 2, 'ab' * 3, [0] * -1, 'x' * -5 == '')
            l = [1, 2]
            l *= 2
            print(l, (2**100) * (2**100) == 2**200, (10 ** 50) // (10 ** 48))
            """);
        Assert.That(output, Is.EqualTo("0 0 -1 1 -1 0\n[1, 2, 1, 2, 1, 2] (1, 2, 1, 2) ababab [] True\n[1, 2, 1, 2] True 100\n"), err);
    }

    [Test]
    public void TheDefaultRunHasAReserveLimitBelowTheMachinesMemory()
    {
        var heap = new RunOptions().ToHeapOptions();
        Assert.That(heap.ReserveLimitBytes, Is.GreaterThan(0));
        Assert.That(heap.ReserveLimitBytes, Is.LessThanOrEqualTo(Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)));
        Assert.That(new RunOptions { MaxHeapBytes = 1 << 30 }.ToHeapOptions().ReserveLimitBytes, Is.EqualTo(0), "--max-heap is the exact budget then");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void AMemoryErrorWhileBuildingSelfReferencingObjectsLeavesTheHeapUsable(bool debugAlloc)
    {
        var (output, err, exit) = Run("""
            import gc
            class N:
                def __init__(self):
                    self.me = self
                    self.d = {"k": [self]}
            keep = []
            try:
                while True:
                    keep.append(N())
            except MemoryError:
                keep = None
                print("caught")
            print(gc.collect() > 0)
            keep = [N() for i in range(100)]
            print(len(keep), gc.collect())
            """, new RunOptions { MaxHeapBytes = 2_000_000, DebugAlloc = debugAlloc });
        Assert.That(exit, Is.EqualTo(0), err);
        Assert.That(output, Is.EqualTo("caught\nTrue\n100 0\n"));
    }

    [Test]
    public void AnUncaughtMemoryErrorIsReportedAtEveryBudget()
    {
        // The report's strings come from the reserve the runner keeps, whatever was left.
        for (long budget = 400_000; budget < 1_200_000; budget += 77_777)
        {
            var (_, err, exit) = Run("""
                class N:
                    def __init__(self):
                        self.me = self
                keep = []
                def grow():
                    while True:
                        keep.append(N())
                grow()
                """, new RunOptions { MaxHeapBytes = budget });
            Assert.That(exit, Is.EqualTo(1), $"budget {budget}: {err}");
            Assert.That(err, Does.StartWith("Traceback (most recent call last):\n"), $"budget {budget}");
            Assert.That(LastLine(err), Is.EqualTo("MemoryError"), $"budget {budget}");
        }
    }

    [Test]
    public void AMaxHeapBelowTheStartUpSizeNamesTheMinimum()
    {
        var e = Assert.Throws<MaxHeapTooSmallException>(() => Run("print(1)", new RunOptions { MaxHeapBytes = 1000 }));
        Assert.That(e!.Message, Does.Match(@"^--max-heap 1000 is below the \d+ bytes the interpreter needs at start-up$"));
        var (output, err, exit) = Run("print(1)", new RunOptions { MaxHeapBytes = e.MinimumBytes });
        Assert.That((output, exit), Is.EqualTo(("1\n", 0)), err);
    }

    [TestCase("raise SystemExit(2**70)", 255, "OverflowError: Python int too large to convert to C long")]
    [TestCase("raise SystemExit(256 + 3)", 259, "")]
    [TestCase("raise SystemExit(-1)", -1, "")]
    public void SystemExitCodesAreReadAsACLong(string source, int exit, string err)
    {
        var (_, stderr, code) = Run(source);
        Assert.That(code & 0xFF, Is.EqualTo(exit & 0xFF));
        Assert.That(stderr.TrimEnd(), Is.EqualTo(err));
    }

    [Test]
    public void CtypesTakesAddressesModulo2To64AndNeverTruncatesASize()
    {
        var (output, err, _) = Run("""
            import ctypes
            print(ctypes.cast(-1, ctypes.c_void_p).value, ctypes.cast(2**64 - 1, ctypes.c_void_p).value, ctypes.cast(2**64, ctypes.c_void_p).value)
            try:
                ctypes.string_at(id(1), 2**32 + 1)
            except ValueError as e:
                print("ValueError")
            print(len(ctypes.string_at(id(1), 4)))
            """);
        Assert.That(output, Is.EqualTo("18446744073709551615 18446744073709551615 None\nValueError\n4\n"), err);
    }

    [Test]
    public void ExpressionsNestedPastCPythonsCompilerLimitAreARecursionError()
    {
        var (_, err, exit) = Run("x = 1" + string.Concat(Enumerable.Repeat(" + 1", 200_000)) + "\n");
        Assert.That((exit, err), Is.EqualTo((1, "RecursionError: maximum recursion depth exceeded during compilation\n")));
        var (output, _, _) = Run("x = 1" + string.Concat(Enumerable.Repeat(" + 1", 2_000)) + "\nprint(x)\n");
        Assert.That(output, Is.EqualTo("2001\n"));
    }

    [Test]
    public void NoNetExceptionNameReachesAScript()
    {
        var (output, err, _) = Run("""
            for f in [lambda: 1 << 2**70, lambda: 2**(2**31), lambda: [1] * 2**70, lambda: 'a' * 2**70, lambda: range(2**70)]:
                try:
                    f()
                except Exception as e:
                    print(type(e).__name__)
            """);
        Assert.That(output, Does.Not.Contain("SystemError"), err);
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5));
    }
}

/// <summary>Source files are decoded as CPython's tokenizer decodes them.</summary>
public class SourceFileTests
{
    private static (int Exit, string Out, string Err) RunBytes(byte[] source)
    {
        string path = Path.Combine(Path.GetTempPath(), $"src-{Guid.NewGuid():N}.py");
        File.WriteAllBytes(path, source);
        try
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            int exit = ScriptRunner.RunFile(path, new RunOptions(), stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString().Replace(path, "FILE"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void InvalidUtf8IsCPythonsSyntaxError()
    {
        var (exit, _, err) = RunBytes([.. "x = 1\n"u8, 0xFF, 0xFE, .. " = 2\n"u8]);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Is.EqualTo("SyntaxError: Non-UTF-8 code starting with '\\xff' in file FILE on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"));
    }

    [Test]
    public void ANulByteIsCPythonsSyntaxError()
    {
        var (exit, _, err) = RunBytes([.. "x = 1\nprint(\"a"u8, 0, .. "b\")\n"u8]);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Is.EqualTo("  File \"FILE\", line 2\n    print(\"a\nSyntaxError: source code cannot contain null bytes\n"));
    }

    [Test]
    public void ABomAndALatin1DeclarationAreHonoured()
    {
        Assert.That(RunBytes([0xEF, 0xBB, 0xBF, .. "print('bom')\n"u8]).Out, Is.EqualTo("bom\n"));
        var (_, output, err) = RunBytes([.. "# -*- coding: latin-1 -*-\nprint('caf"u8, 0xE9, .. "')\n"u8]);
        Assert.That(output, Is.EqualTo("café\n"), err);
    }

    [Test]
    public void ADirectoryIsRefusedWithErrno21()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var stderr = new StringWriter();
            int exit = ScriptRunner.RunFile(dir, new RunOptions(), new StringWriter(), stderr);
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(stderr.ToString().TrimEnd(), Is.EqualTo($"pyheap run: can't open file '{dir}': [Errno 21] Is a directory"));
        }
        finally
        {
            Directory.Delete(dir);
        }
    }
}
