using System.Text;
using PyHeap;

// Python programs write UTF-8 with "\n" line ends whatever the platform, as CPython does on
// Linux; the writers flush when the command ends (and on every line for stderr).
var utf8 = new UTF8Encoding(false);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16) { NewLine = "\n" };
using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { NewLine = "\n", AutoFlush = true };
var io = new CommandIo(Console.In, stdout, stderr, Terminal: !Console.IsOutputRedirected, InputTerminal: !Console.IsInputRedirected);
int code = CommandLine.Dispatch(args, io);
stdout.Flush();
return code;
