using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FlowStudio.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Bench;

/// <summary>The sandbox the benchmark sends to: on Kestrel in this process (default), or as a child process so its memory is measured apart.</summary>
internal sealed class SandboxPeer : IAsyncDisposable
{
    private readonly WebApplication? _app;
    private readonly Process? _process;

    private SandboxPeer(Uri root, WebApplication? app, Process? process)
    {
        Root = root;
        _app = app;
        _process = process;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; }

    public Uri ClariBaseUrl => new(Root, "/sandbox/clari");

    /// <summary>The child process's peak working set, or null when the sandbox runs in this process.</summary>
    public long? ChildPeakWorkingSet
    {
        get
        {
            if (_process is null)
            {
                return null;
            }

            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public static async Task<SandboxPeer> StartAsync(bool childProcess)
    {
        if (childProcess)
        {
            return await StartProcessAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSandbox();
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SandboxPeer(new Uri(address.TrimEnd('/') + "/"), app, null);
    }

    private static async Task<SandboxPeer> StartProcessAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "FlowStudio.Sandbox.dll");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var root = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { BaseAddress = root };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await probe.GetAsync("sandbox/_state");
                if (response.IsSuccessStatusCode)
                {
                    return new SandboxPeer(root, null, process);
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The sandbox process did not start ({dll}).");
            }

            await Task.Delay(100);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
