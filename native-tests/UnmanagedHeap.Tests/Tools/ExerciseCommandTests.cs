using NUnit.Framework;
using PyHeap.Exercises;

namespace UnmanagedHeap.Tests.Tools;

/// <summary>
/// <c>pyheap exercise</c> through the command line, in-process: every reference solution
/// passes its check, every unfixed task fails it with the explanation the heap gives, wrong
/// answers and programs that loop, raise or do not parse get plain verdicts, and bad input
/// is a one-line usage error.
/// </summary>
[TestFixture]
public sealed class ExerciseCommandTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("pyheap-exercise-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<int> Numbers() => ExerciseCatalog.All.Select(e => e.Number);

    private string Save(string source)
    {
        string path = Path.Combine(_dir, $"program{Directory.GetFiles(_dir).Length}.py");
        File.WriteAllText(path, source);
        return path;
    }

    private (int Code, string Out, string Err) Check(int number, string source, params string[] more) =>
        CommandHarness.Run(["exercise", "check", number.ToString(System.Globalization.CultureInfo.InvariantCulture), Save(source), .. more]);

    [Test]
    public void ListPrintsOneLinePerExerciseStartingWithItsNumber()
    {
        var (code, output, err) = CommandHarness.Run("exercise", "list");
        Assert.That((code, err), Is.EqualTo((0, "")));
        string[] lines = CommandHarness.Lines(output);
        Assert.That(lines, Has.Length.GreaterThanOrEqualTo(8));
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.That(lines[i], Does.StartWith($"{i + 1}  "));
        }
        Assert.That(lines[0], Does.Contain("leaking cycle"));
        Assert.That(lines[7], Does.Contain("tuple"));
    }

    [TestCaseSource(nameof(Numbers))]
    public void ShowPrintsTheStoryAndGoal(int number)
    {
        var (code, output, _) = CommandHarness.Run("exercise", "show", $"{number}");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.StartWith($"# {number}. "));
        Assert.That(output, Does.Contain("Goal"));
        Assert.That(output, Does.Contain($"pyheap exercise check {number} ex{number}.py"));
    }

    [TestCaseSource(nameof(Numbers))]
    public void TaskAndHintPrintTheirFiles(int number)
    {
        Exercise exercise = ExerciseCatalog.All[number - 1];
        var task = CommandHarness.Run("exercise", "task", $"{number}");
        var hint = CommandHarness.Run("exercise", "hint", $"{number}");
        Assert.That((task.Code, hint.Code), Is.EqualTo((0, 0)));
        Assert.That(task.Out, Is.EqualTo(exercise.Task));
        Assert.That(task.Out, Does.StartWith($"# Exercise {number}: "));
        Assert.That(hint.Out, Is.EqualTo(exercise.Hint).And.Not.Empty);
        Assert.That(exercise.Solution, Is.Not.EqualTo(exercise.Task));
    }

    [TestCaseSource(nameof(Numbers))]
    public void TheReferenceSolutionPasses(int number)
    {
        var (code, output, err) = Check(number, ExerciseCatalog.All[number - 1].Solution);
        Assert.That(output, Does.Contain($"PASS: exercise {number} is solved."));
        Assert.That((code, err), Is.EqualTo((0, "")));
    }

    [TestCase(1, @"9 Node objects are still alive after the requests were handled, with the collector off, and nothing the program can reach holds them: they keep each other alive in a reference cycle: Node at 0x[0-9a-f]+ -> \.children -> list at 0x[0-9a-f]+ -> \[0\] -> Node at 0x[0-9a-f]+ -> \.parent -> Node at 0x")]
    [TestCase(2, "SAME is still None: replace it with your answer")]
    [TestCase(3, "the debug hooks caught a use after free: the program read the block at 0x[0-9a-f]+ after the Config in it was freed")]
    [TestCase(4, @"2 Session objects are still alive after serve\(\) returned for every user; the chain holding the first one is: global 'bus' of module __main__ -> \.handlers -> list at 0x[0-9a-f]+ -> \[0\] -> Session at 0x")]
    [TestCase(5, @"3 Node objects are still alive after render\(\) returned, with the collector off, and nothing the program can reach holds them: they keep each other alive in a reference cycle")]
    [TestCase(6, "REFCOUNT is still None")]
    [TestCase(7, "ALIVE_AFTER_DEL is still None")]
    [TestCase(8, "HOLDER_AFTER is still None")]
    public void TheUnfixedTaskFailsWithTheExplanation(int number, string explanation)
    {
        var (code, output, err) = Check(number, ExerciseCatalog.All[number - 1].Task);
        Assert.That((code, err), Is.EqualTo((1, "")));
        Assert.That(output, Does.Contain($"NOT YET: exercise {number} still fails:"));
        Assert.That(output, Does.Match(explanation));
    }

    [Test]
    public void WithoutTheDebugHooksTheUseAfterFreeReadsAnotherObjectSilently()
    {
        // The story of exercise 3: the freed Config's block is given to the next Config, so
        // the raw handle reads the "cache" one; only the debug hooks make the read fail.
        var (code, output, _) = CommandHarness.Run("run", Save(ExerciseCatalog.All[2].Task));
        Assert.That((code, output), Is.EqualTo((0, "db timeout: 5\n")));
    }

    [TestCase(2, "SAME = second == first", "SAME = False", "SAME = False is not what happened: on this heap the second Token was given exactly the first one's address")]
    [TestCase(2, "WHY = \"b\"", "WHY = \"a\"", "WHY = a is not what happened")]
    [TestCase(6, "REFCOUNT = 3", "REFCOUNT = 2", "REFCOUNT = 2 is not what happened: read the number on the ob_refcnt line")]
    [TestCase(6, "ITEMS_OFFSET = 24", "ITEMS_OFFSET = 16", "ITEMS_OFFSET = 16 is not what happened")]
    [TestCase(7, "DEL_CALLS = 1", "DEL_CALLS = 2", "DEL_CALLS = 2 is not what happened: the program counted 1 call of __del__")]
    [TestCase(8, "AFTER = False", "AFTER = True", "AFTER = True is not what happened: gc.is_tracked(pair) said False after the collection")]
    public void AWrongAnswerIsComparedWithWhatTheHeapDid(int number, string right, string wrong, string explanation)
    {
        string solution = ExerciseCatalog.All[number - 1].Solution;
        Assert.That(solution, Does.Contain(right));
        var (code, output, _) = Check(number, solution.Replace(right, wrong, StringComparison.Ordinal));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain(explanation));
    }

    [Test]
    public void LeavingTheCycleToTheCollectorDoesNotPass()
    {
        var (code, output, _) = Check(1, ExerciseCatalog.All[0].Task + "gc.collect()\n");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("the cycle collector had to reclaim 18 objects: handle_request still makes garbage"));
        Assert.That(output, Does.Not.Contain("Node objects are still alive"));
    }

    [Test]
    public void AProgramThatStopsDoingItsJobDoesNotPass()
    {
        var (code, output, _) = Check(4, "print('nothing')\n");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("the program no longer prints 'served 2 users'"));
    }

    [Test]
    public void AnEndlessLoopIsStoppedByTheTimeLimit()
    {
        var (code, output, err) = Check(1, "n = 0\nwhile True:\n    try:\n        n += 1\n    except Exception:\n        pass\n", "--time-limit", "1s");
        Assert.That((code, err), Is.EqualTo((1, "")));
        Assert.That(output, Does.Contain("your program was stopped after 1 s: it ran too long (an endless loop?)"));
    }

    [Test]
    public void AnUncaughtExceptionIsReportedAsTheProgramsNotOurs()
    {
        var (code, output, err) = Check(2, "def f():\n    raise ValueError('boom')\nf()\n");
        Assert.That((code, err), Is.EqualTo((1, "")));
        Assert.That(output, Does.Contain("  | ValueError: boom"));
        Assert.That(output, Does.Contain("your program stopped with an uncaught exception: ValueError: boom (its traceback is above)"));
        Assert.That(output, Does.Not.Contain("internal error").And.Not.Contain(" at PyHeap"));
    }

    [Test]
    public void ASyntaxErrorIsReported()
    {
        var (code, output, _) = Check(5, "def f(:\n");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("Python could not run your program: SyntaxError: invalid syntax"));
    }

    [TestCase("show", "0")]
    [TestCase("task", "9")]
    [TestCase("hint", "two")]
    [TestCase("check", "-1")]
    public void ABadNumberIsAUsageError(string verb, string number)
    {
        string[] args = verb == "check" ? ["exercise", verb, number, Save("pass\n")] : ["exercise", verb, number];
        var (code, output, err) = CommandHarness.Run(args);
        Assert.That((code, output), Is.EqualTo((2, "")));
        Assert.That(CommandHarness.Lines(err), Is.EqualTo(new[] { $"pyheap exercise {verb}: no exercise '{number}': the exercises are numbered 1 to 8 (pyheap exercise list)" }));
    }

    [Test]
    public void AMissingFileIsAUsageError()
    {
        string path = Path.Combine(_dir, "absent.py");
        var (code, output, err) = CommandHarness.Run("exercise", "check", "1", path);
        Assert.That((code, output), Is.EqualTo((2, "")));
        Assert.That(CommandHarness.Lines(err), Is.EqualTo(new[] { $"pyheap exercise check: can't open file '{path}': no such file" }));
    }

    [TestCase("exercise")]
    [TestCase("exercise", "check", "1")]
    [TestCase("exercise", "show")]
    public void AMissingArgumentIsAUsageError(params string[] args)
    {
        var (code, _, err) = CommandHarness.Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(CommandHarness.Lines(err), Has.Length.EqualTo(1));
        Assert.That(err, Does.StartWith("pyheap exercise"));
    }
}
