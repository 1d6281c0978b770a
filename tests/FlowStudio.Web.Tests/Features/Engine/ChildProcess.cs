using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FlowStudio.Web.Tests.Features.Engine;

/// <summary>
/// A built FlowStudio program (the app or the standalone sandbox) running as its own process on a loopback port, so a test
/// can kill it outright. Disposing kills it (and its children) if it is still running.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process, Uri root)
    {
        _process = process;
        Root = root;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Root { get; }

    /// <summary>The last lines the program wrote, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts <c>dotnet {assembly} --urls http://127.0.0.1:{port}</c> and waits (bounded) until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<ChildProcess> StartAsync(string assembly, string readyPath, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var dll = Locate(assembly);
        var root = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", root.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}."), root);
        using var probe = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await probe.GetAsync(readyPath);
                if (response.IsSuccessStatusCode)
                {
                    return child;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (child._process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(90))
            {
                var output = child.Output;
                await child.DisposeAsync();
                throw new InvalidOperationException($"{assembly} did not come up on {root}:{Environment.NewLine}{output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The build copies the referenced programs (FlowStudio.Web, FlowStudio.Sandbox) and their runtimeconfig next to the tests.
    private static string Locate(string assembly)
    {
        var here = Path.Combine(AppContext.BaseDirectory, assembly);
        if (File.Exists(here) && File.Exists(Path.ChangeExtension(here, ".runtimeconfig.json")))
        {
            return here;
        }

        throw new FileNotFoundException($"{assembly} (with its runtimeconfig.json) is not next to the test assembly in {AppContext.BaseDirectory}.");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }
}
