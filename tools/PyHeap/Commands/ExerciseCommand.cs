using System.CommandLine;
using PyHeap.Exercises;

namespace PyHeap;

/// <summary>
/// <c>pyheap exercise list | show N | task N | hint N | check N FILE</c>: guided low-level
/// debugging exercises. Each has a story, a task program with a bug or a question, a hint
/// and an automatic check that runs the learner's program on the heap and says what still
/// fails.
/// </summary>
public static class ExerciseCommand
{
    public static Command Create(CommandIo io)
    {
        var command = new Command("exercise", "Guided debugging exercises on the heap: list them, read one (show), save its program (task), get a hint, and check your fix.");
        command.Add(List(io));
        command.Add(Text("show", "Print the exercise's story and goal.", io, e => e.Story + $"\nStart: pyheap exercise task {e.Number} > ex{e.Number}.py, fix it, then: pyheap exercise check {e.Number} ex{e.Number}.py\n"));
        command.Add(Text("task", "Print the exercise's program, ready to save and fix (pyheap exercise task N > exN.py).", io, e => e.Task));
        command.Add(Text("hint", "Print a hint for the exercise.", io, e => e.Hint));
        command.Add(Check(io));
        command.SetAction((Func<ParseResult, int>)MissingSubcommand);
        return command;
    }

    private static int MissingSubcommand(ParseResult result) =>
        throw new UsageException("a subcommand is required: list, show, task, hint or check (pyheap exercise --help)");

    private static Command List(CommandIo io)
    {
        var command = new Command("list", "One exercise per line: its number and title.");
        command.SetAction(_ =>
        {
            foreach (Exercise e in ExerciseCatalog.All)
            {
                io.Out.WriteLine($"{e.Number}  {e.Title}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Text(string name, string description, CommandIo io, Func<Exercise, string> text)
    {
        var number = Number();
        var command = new Command(name, description) { number };
        command.SetAction(result =>
        {
            io.Out.Write(text(ExerciseCatalog.Find(result.GetValue(number)!)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Check(CommandIo io)
    {
        var number = Number();
        var file = new Argument<string>("FILE.py") { Description = "your program: the task, fixed or answered" };
        var limit = new Option<TimeSpan>("--time-limit")
        {
            Description = "stop the program after this long (10s by default)",
            HelpName = "DURATION",
            DefaultValueFactory = _ => ExerciseCheck.DefaultTimeLimit,
            CustomParser = ValueParsers.Duration("--time-limit"),
        };
        var command = new Command("check", "Run your program on the heap and say what still fails; exit 0 when it passes.") { number, file, limit };
        command.SetAction(result =>
            ExerciseCheck.Run(ExerciseCatalog.Find(result.GetValue(number)!), result.GetValue(file)!, result.GetValue(limit), io));
        return command;
    }

    private static Argument<string> Number() => new("N") { Description = "the exercise's number (pyheap exercise list)" };
}
