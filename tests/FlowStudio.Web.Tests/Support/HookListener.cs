using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Web.Tests.Support;

/// <summary>
/// An HTTP endpoint on loopback that records every POST it gets (headers and raw body) and answers 200, or the statuses
/// given with <see cref="Answer"/> for a path, in order, while they last.
/// </summary>
internal sealed class HookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _answers = new();

    private HookListener(WebApplication app) => _app = app;

    public ConcurrentQueue<HookCall> Received { get; } = new();

    /// <summary>The next calls to <paramref name="path"/> get these statuses, in order.</summary>
    public void Answer(string path, params int[] statuses)
    {
        var queue = _answers.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public int Port => new Uri(_app.Urls.First()).Port;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public static async Task<HookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new HookListener(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            listener.Received.Enqueue(new HookCall(context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            return Results.StatusCode(listener._answers.TryGetValue(context.Request.Path, out var answers) && answers.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        return listener;
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> calls to <paramref name="path"/> arrived; returns them.</summary>
    public async Task<List<HookCall>> WaitForAsync(string path, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var calls = Received.Where(c => c.Path == path).ToList();
            if (calls.Count >= count)
            {
                return calls;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{calls.Count} of {count} calls to {path} arrived");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One POST the listener got.</summary>
internal sealed record HookCall(string Path, IReadOnlyDictionary<string, string> Headers, string Body);
