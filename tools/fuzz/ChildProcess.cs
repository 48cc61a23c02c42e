using System.Diagnostics;

namespace PyHeap.Fuzz;

/// <summary>Starting the children: a .dll through the dotnet host, anything else directly.</summary>
public static class ChildProcess
{
    /// <summary>
    /// The managed heap of a child is capped (4 GB) so that a mutant that makes the
    /// interpreter allocate without bound fails in that child, not on the whole machine.
    /// </summary>
    private const string GcHeapHardLimit = "0x100000000";

    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        ProcessStartInfo info;
        if (program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            info = new ProcessStartInfo(DotnetHost());
            info.ArgumentList.Add(program);
        }
        else
        {
            info = new ProcessStartInfo(program);
        }
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        info.UseShellExecute = false;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.StandardOutputEncoding = System.Text.Encoding.UTF8;
        info.StandardErrorEncoding = System.Text.Encoding.UTF8;
        info.Environment["DOTNET_GCHeapHardLimit"] = GcHeapHardLimit;
        // No crash dumps or telemetry from a thousand short children.
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    /// <summary>The dotnet host: the one running this process when there is one, else dotnet on PATH.</summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is string host && File.Exists(host))
        {
            return host;
        }
        string? self = Environment.ProcessPath;
        if (self != null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        return "dotnet";
    }

    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the time limit and the kill.
        }
        process.WaitForExit();
    }
}
