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

    /// <summary>Changes this instance may have missed: every open page reads again (see <see cref="FlowChange.Missed"/>).</summary>
    Missed,
}

/// <summary>One change; <paramref name="ResourceId"/> is the source or destination (or credential, lookup, sync) it concerns; an alert's is its flow's source.</summary>
internal sealed record FlowChange(FlowChangeKind Kind, string ResourceId, string? RunId = null)
{
    /// <summary>
    /// Published when the change feed was cut off from the other instances for a while (its connection to PostgreSQL was
    /// lost): what they changed meanwhile never arrived, so every subscriber reads what it shows again.
    /// </summary>
    public static readonly FlowChange Missed = new(FlowChangeKind.Missed, "");

    /// <summary>Whether a subscriber showing <paramref name="kinds"/> of changes should read again.</summary>
    public bool IsAny(params ReadOnlySpan<FlowChangeKind> kinds) => Kind == FlowChangeKind.Missed || kinds.Contains(Kind);

    /// <summary>Whether a subscriber showing the resource <paramref name="resourceId"/> should read again.</summary>
    public bool IsAbout(string resourceId) => Kind == FlowChangeKind.Missed || ResourceId == resourceId;
}

/// <summary>
/// The change feed that pushes live updates to open pages: the engine and the services publish, components subscribe
/// and re-read what they show. A subscriber's failure never reaches the publisher. With several instances on one
/// database, <see cref="ClusterEvents"/> relays what this instance publishes to the others and theirs to this one.
/// </summary>
internal sealed class FlowEvents(ILogger<FlowEvents> logger)
{
    private readonly Lock _gate = new();
    private Func<FlowChange, Task>[] _subscribers = [];
    private Action<FlowChange>? _relay;

    /// <summary>A change made on this instance: its subscribers hear it, and the relay (if any) passes it on to the other instances.</summary>
    public void Publish(FlowChange change)
    {
        Notify(change);
        Volatile.Read(ref _relay)?.Invoke(change);
    }

    /// <summary>A change another instance made: this instance's subscribers hear it; it is not passed on again.</summary>
    public void PublishRelayed(FlowChange change) => Notify(change);

    /// <summary>
    /// Hands every change published on this instance (never a relayed one) to <paramref name="relay"/>, on the publisher's
    /// thread: it must not block. One relay at a time; disposing the handle removes it.
    /// </summary>
    public IDisposable RelayLocalChanges(Action<FlowChange> relay)
    {
        if (Interlocked.CompareExchange(ref _relay, relay, null) is not null)
        {
            throw new InvalidOperationException("The change feed already has a relay.");
        }

        return new Subscription(() => Interlocked.CompareExchange(ref _relay, null, relay));
    }

    /// <summary>Calls <paramref name="handler"/> for every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<FlowChange, Task> handler)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, handler];
        }

        return new Subscription(() => Unsubscribe(handler));
    }

    private void Unsubscribe(Func<FlowChange, Task> handler)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != handler)];
        }
    }

    private void Notify(FlowChange change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            _ = NotifyAsync(subscriber, change);
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

    private sealed class Subscription(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
