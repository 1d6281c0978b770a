using System.Collections.Concurrent;

namespace FlowStudio.Application.Runs;

/// <summary>
/// The runs (and slices of split delivery runs) this instance is executing, each with its cancellation handle: Pause and
/// Delete cancel them here at once, and <see cref="RunCancellationWatcher"/> cancels those another instance asked to cancel.
/// </summary>
internal sealed class RunsInFlight
{
    private readonly ConcurrentDictionary<string, (RunRequest Request, CancellationTokenSource Cancellation)> _inFlight = new();

    /// <summary>The ids of the runs executing here (whole, or some of their slices).</summary>
    public IReadOnlyCollection<string> RunIds => [.. _inFlight.Values.Select(e => e.Request.RunId).Distinct()];

    /// <summary>
    /// Takes the run (or its slice <paramref name="slice"/>) in flight; its token is cancelled by <see cref="Cancel"/>,
    /// <see cref="CancelRun"/> or when <paramref name="stopping"/> is.
    /// </summary>
    public CancellationToken Started(RunRequest request, CancellationToken stopping, int? slice = null)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _inFlight[Key(request, slice)] = (request, cts);
        return cts.Token;
    }

    public void Finished(RunRequest request, int? slice = null)
    {
        if (_inFlight.TryRemove(Key(request, slice), out var entry))
        {
            entry.Cancellation.Dispose();
        }
    }

    /// <summary>Cancels the resource's runs and slices executing here; returns how many were cancelled.</summary>
    public int Cancel(string resourceId) =>
        _inFlight.Values.Where(e => e.Request.ResourceId == resourceId).Count(e => TryCancel(e.Cancellation));

    /// <summary>Cancels the run <paramref name="runId"/> and its slices where they execute here.</summary>
    public bool CancelRun(string runId) => _inFlight.Values.Where(e => e.Request.RunId == runId).Count(e => TryCancel(e.Cancellation)) > 0;

    private static string Key(RunRequest request, int? slice) => slice is { } number ? $"{request.RunId}/{number}" : request.RunId;

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
