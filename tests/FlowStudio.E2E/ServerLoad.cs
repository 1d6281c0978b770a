namespace FlowStudio.E2E;

/// <summary>
/// Keeps the test server (in this process) busy until disposed, at most a minute: threads that keep every core busy, and
/// clients that call its API and the ClientSuccess sandbox on loopback back to back. A browser test then sees the
/// latency of a loaded server: each key's round trip takes longer than the next key.
/// </summary>
internal sealed class ServerLoad : IAsyncDisposable
{
    private const int Clients = 8;
    private static readonly string[] Paths = ["/api/sources", "/api/credentials", "/api/templates", "/sandbox/clientsuccess/v2/client/search?size=100"];

    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(1));
    private readonly Thread[] _spinners;
    private readonly Task[] _clients;
    private int _answered;

    private ServerLoad(FlowStudioServer server)
    {
        var stop = _stop.Token;
        _spinners = Enumerable.Range(0, Environment.ProcessorCount * 2).Select(_ => new Thread(() => Spin(stop)) { IsBackground = true }).ToArray();
        Array.ForEach(_spinners, t => t.Start());
        _clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => CallAsync(server, i, stop))).ToArray();
    }

    /// <summary>The number of calls the server answered so far: a test checks the load was real.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public static ServerLoad Start(FlowStudioServer server) => new(server);

    private static void Spin(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Thread.SpinWait(1000);
        }
    }

    private async Task CallAsync(FlowStudioServer server, int index, CancellationToken stop)
    {
        using var client = server.CreateApiClient();
        client.DefaultRequestHeaders.Add("X-API-Key", "cs-sandbox-key");
        for (var call = index; !stop.IsCancellationRequested; call++)
        {
            try
            {
                using var response = await client.GetAsync(Paths[call % Paths.Length], stop);
                await response.Content.ReadAsByteArrayAsync(stop);
                Interlocked.Increment(ref _answered);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        Array.ForEach(_spinners, t => t.Join());
        _stop.Dispose();
    }
}
