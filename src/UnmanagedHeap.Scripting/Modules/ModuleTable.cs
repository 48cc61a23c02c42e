using UnmanagedHeap.Objects;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>Builds the native part of a module: a new module object with its functions and values.</summary>
internal unsafe delegate PyObject* NativeModuleFactory(Interpreter interpreter);

/// <summary>
/// One importable module: a native factory, Python source embedded in this assembly
/// (<c>Modules/Python/NAME.py</c>), or both — then the source runs in the module's namespace
/// after the factory has filled it, and can use the native names.
/// </summary>
internal sealed record ModuleEntry(string Name, NativeModuleFactory? Native, string? PythonSource);

public sealed unsafe partial class Interpreter
{
    /// <summary>
    /// Every module <c>import</c> can find, one row each. To add a module, add one line:
    /// <c>Native("name", i => i.CreateNameModule())</c>, <c>Python("name")</c> for
    /// <c>Modules/Python/name.py</c>, or <c>Native("name", ..., python: "name")</c> for both.
    /// </summary>
    private static readonly Dictionary<string, ModuleEntry> ModuleTable = BuildModuleTable(
    [
        Native("sys", i => i.CreateSysModule()),
        Native("gc", i => i.CreateGcModule()),
        Native("ctypes", i => i.CreateCtypesModule()),
        Native("weakref", i => i.CreateWeakrefModule(), python: "weakref"),
        Native("math", i => i.CreateMathModule()),
        Native("heapdebug", i => i.CreateHeapdebugModule()),
        Native("random", i => i.CreateRandomModule()),
        Native("itertools", i => i.CreateItertoolsModule()),
        Native("tracemalloc", i => i.CreateTracemallocModule(), python: "tracemalloc"),
        Python("__future__"),
    ]);

    private static ModuleEntry Native(string name, NativeModuleFactory factory, string? python = null) => new(name, factory, python);

    private static ModuleEntry Python(string name) => new(name, null, name);

    private static Dictionary<string, ModuleEntry> BuildModuleTable(ModuleEntry[] entries)
    {
        var table = new Dictionary<string, ModuleEntry>(StringComparer.Ordinal);
        foreach (ModuleEntry e in entries)
        {
            table.Add(e.Name, e);
        }
        return table;
    }

    /// <summary>The names <c>import</c> can find, sorted (for help text and tests).</summary>
    public static IReadOnlyList<string> ModuleNames => [.. ModuleTable.Keys.Order(StringComparer.Ordinal)];
}
