using System.Collections.Concurrent;
using System.Threading.Channels;

namespace FlowStudio.Web.Features.Runs;

/// <summary>Runs waiting for the engine, and the cancellation handle of each run in flight (Pause cancels them).</summary>
internal sealed class RunQueue
{
    private readonly Channel<RunRequest> _channel = Channel.CreateUnbounded<RunRequest>();
    private readonly ConcurrentDictionary<string, (RunRequest Request, CancellationTokenSource Cancellation)> _inFlight = new();

    public ChannelReader<RunRequest> Reader => _channel.Reader;

    public void Enqueue(RunRequest request) => _channel.Writer.TryWrite(request);

    public CancellationToken Started(RunRequest request, CancellationToken stopping)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _inFlight[request.RunId] = (request, cts);
        return cts.Token;
    }

    public void Finished(RunRequest request)
    {
        if (_inFlight.TryRemove(request.RunId, out var entry))
        {
            entry.Cancellation.Dispose();
        }
    }

    public bool IsRunning(string resourceId) => _inFlight.Values.Any(e => e.Request.ResourceId == resourceId);

    /// <summary>Cancels every run in flight for the resource; returns how many were cancelled.</summary>
    public int Cancel(string resourceId)
    {
        var cancelled = 0;
        foreach (var (request, cts) in _inFlight.Values)
        {
            if (request.ResourceId == resourceId)
            {
                cts.Cancel();
                cancelled++;
            }
        }

        return cancelled;
    }
}
