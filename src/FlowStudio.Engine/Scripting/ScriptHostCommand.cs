using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// How to start a worker: <c>dotnet exec FlowStudio.ScriptHost.dll</c> (the dll and its runtimeconfig.json are copied
/// next to every app that references the ScriptHost project) with the running dotnet host, under <c>nice</c> on Linux,
/// with a managed heap hard limit, workstation GC and no dynamic PGO.
/// </summary>
internal sealed record ScriptHostCommand(string FileName, IReadOnlyList<string> Arguments, string HostDll)
{
    public const string HostDllName = "FlowStudio.ScriptHost.dll";
    private const string Nice = "/usr/bin/nice";

    /// <exception cref="InvalidOperationException">The ScriptHost files are not where they should be.</exception>
    public static ScriptHostCommand Create(ScriptOptions options)
    {
        var dll = Path.GetFullPath(options.WorkerPath ?? Path.Combine(AppContext.BaseDirectory, HostDllName));
        var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        if (!File.Exists(dll) || !File.Exists(runtimeConfig))
        {
            throw new InvalidOperationException(
                $"The script worker {dll} (with {Path.GetFileName(runtimeConfig)}) was not found: the app must reference " +
                "the FlowStudio.ScriptHost project, or Scripts:WorkerPath must name the dll.");
        }

        var arguments = new List<string> { DotnetHost(), "exec", dll, JsonSerializer.Serialize(options) };
        if (OperatingSystem.IsLinux() && options.WorkerNiceness > 0 && File.Exists(Nice))
        {
            arguments.InsertRange(0, ["-n", options.WorkerNiceness.ToString(CultureInfo.InvariantCulture)]);
            return new ScriptHostCommand(Nice, arguments, dll);
        }

        return new ScriptHostCommand(arguments[0], arguments[1..], dll);
    }

    public ProcessStartInfo StartInfo(ScriptOptions options)
    {
        var start = new ProcessStartInfo(FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
        };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + options.WorkerMemoryLimit.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_STARTUP_HOOKS"] = null;
        return start;
    }

    /// <summary>The dotnet host running this process, else the one this runtime was installed with, else the PATH's.</summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self).Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, name);
        return File.Exists(candidate) ? candidate : name;
    }
}
