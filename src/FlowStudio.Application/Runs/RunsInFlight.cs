using System.Collections.Concurrent;

namespace FlowStudio.Application.Runs;

/// <summary>
/// The runs this instance is executing, each with its cancellation handle: Pause and Delete cancel them here at once,
/// and <see cref="RunCancellationWatcher"/> cancels those another instance asked to cancel.
/// </summary>
internal sealed class RunsInFlight
{
    private readonly ConcurrentDictionary<string, (RunRequest Request, CancellationTokenSource Cancellation)> _inFlight = new();

    /// <summary>The ids of the runs executing here.</summary>
    public ICollection<string> RunIds => _inFlight.Keys;

    /// <summary>Takes the run in flight; its token is cancelled by <see cref="Cancel"/> or when <paramref name="stopping"/> is.</summary>
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

    /// <summary>Cancels the resource's runs executing here; returns how many were cancelled.</summary>
    public int Cancel(string resourceId) =>
        _inFlight.Values.Where(e => e.Request.ResourceId == resourceId).Count(e => TryCancel(e.Cancellation));

    /// <summary>Cancels the run <paramref name="runId"/> when it executes here.</summary>
    public bool CancelRun(string runId) => _inFlight.TryGetValue(runId, out var entry) && TryCancel(entry.Cancellation);

    private static bool TryCancel(CancellationTokenSource cancellation)
    {
        try
        {
            cancellation.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            // The run finished between the lookup and the cancel.
            return false;
        }
    }
}
