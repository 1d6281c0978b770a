using System.Collections.Concurrent;
using System.Threading.Channels;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Runs waiting for the engine, and the cancellation handle of each run in flight. A resource counts as running from
/// the moment its run is queued, so it never gets two runs at once; Pause cancels both queued and running runs.
/// </summary>
internal sealed class RunQueue
{
    private readonly Channel<RunRequest> _channel = Channel.CreateUnbounded<RunRequest>();
    private readonly ConcurrentDictionary<string, RunRequest> _queued = new();
    private readonly ConcurrentDictionary<string, (RunRequest Request, CancellationTokenSource Cancellation)> _inFlight = new();

    private readonly Lock _gate = new();

    public ChannelReader<RunRequest> Reader => _channel.Reader;

    /// <summary>
    /// Holds the resource's place for <paramref name="request"/> unless it already has a run queued or running: that
    /// run's id is then given instead. A held place becomes a queued run with <see cref="Enqueue"/>, or is let go with
    /// <see cref="Release"/> (its run row could not be stored).
    /// </summary>
    public bool TryReserve(RunRequest request, out string activeRunId)
    {
        lock (_gate)
        {
            if (ActiveRunId(request.ResourceId) is { } active)
            {
                activeRunId = active;
                return false;
            }

            _queued[request.RunId] = request;
            activeRunId = request.RunId;
            return true;
        }
    }

    public void Enqueue(RunRequest request) => _channel.Writer.TryWrite(request);

    public void Release(RunRequest request) => _queued.TryRemove(request.RunId, out _);

    /// <summary>Takes a dequeued run in flight; null when it was cancelled while it waited.</summary>
    public CancellationToken? Started(RunRequest request, CancellationToken stopping)
    {
        if (!_queued.TryRemove(request.RunId, out _))
        {
            return null;
        }

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

    public bool IsRunning(string resourceId) => ActiveRunId(resourceId) is not null;

    /// <summary>The run the resource has queued or running, if any.</summary>
    public string? ActiveRunId(string resourceId) =>
        _queued.Values.Concat(_inFlight.Values.Select(e => e.Request)).FirstOrDefault(r => r.ResourceId == resourceId)?.RunId;

    /// <summary>Cancels every queued or running run of the resource; returns how many were cancelled.</summary>
    public int Cancel(string resourceId)
    {
        var cancelled = 0;
        foreach (var (runId, request) in _queued)
        {
            if (request.ResourceId == resourceId && _queued.TryRemove(runId, out _))
            {
                cancelled++;
            }
        }

        foreach (var (request, cts) in _inFlight.Values)
        {
            if (request.ResourceId == resourceId)
            {
                try
                {
                    cts.Cancel();
                    cancelled++;
                }
                catch (ObjectDisposedException)
                {
                    // The run finished between the lookup and the cancel.
                }
            }
        }

        return cancelled;
    }
}
