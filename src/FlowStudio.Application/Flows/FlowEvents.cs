namespace FlowStudio.Application.Flows;

/// <summary>What changed: a run (queued, progressing, finished), a resource (created, updated, activated, paused, deleted) or an alert about a run.</summary>
internal enum FlowChangeKind
{
    Run,
    Source,
    Destination,
    Credential,
    Lookup,
    Alert,
    Transform,
    Sync,
}

/// <summary>One change; <paramref name="ResourceId"/> is the source or destination (or credential, lookup, sync) it concerns; an alert's is its flow's source.</summary>
internal sealed record FlowChange(FlowChangeKind Kind, string ResourceId, string? RunId = null);

/// <summary>
/// The in-process change feed that pushes live updates to open pages: the engine and the services publish, components
/// subscribe and re-read what they show. A subscriber's failure never reaches the publisher.
/// </summary>
internal sealed class FlowEvents(ILogger<FlowEvents> logger)
{
    private readonly Lock _gate = new();
    private Func<FlowChange, Task>[] _subscribers = [];

    public void Publish(FlowChange change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            _ = NotifyAsync(subscriber, change);
        }
    }

    /// <summary>Calls <paramref name="handler"/> for every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<FlowChange, Task> handler)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, handler];
        }

        return new Subscription(this, handler);
    }

    private void Unsubscribe(Func<FlowChange, Task> handler)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != handler)];
        }
    }

    private async Task NotifyAsync(Func<FlowChange, Task> subscriber, FlowChange change)
    {
        try
        {
            await subscriber(change);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A page could not take the change {Change}", change);
        }
    }

    private sealed class Subscription(FlowEvents events, Func<FlowChange, Task> handler) : IDisposable
    {
        public void Dispose() => events.Unsubscribe(handler);
    }
}
