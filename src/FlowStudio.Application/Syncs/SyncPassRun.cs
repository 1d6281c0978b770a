namespace FlowStudio.Application.Syncs;

/// <summary>One pass of a sync to run: what it did so far stays readable when a call fails midway.</summary>
internal sealed class SyncPassRun(SyncEngine engine, Sync sync, bool write)
{
    private readonly SyncCallCounter _calls = new();

    public SyncReportBuilder Report { get; } = new();

    /// <summary>The push cursor after the pass (unchanged until it completes).</summary>
    public DateTime? PushCursor { get; private set; } = sync.PushCursor;

    public int Requests => _calls.Count;

    /// <summary>Pulls every object (when <paramref name="pull"/>) and pushes.</summary>
    public Task RunAsync(bool pull, CancellationToken cancellationToken) =>
        RunAsync(pull ? new HashSet<SyncObject>(Enum.GetValues<SyncObject>()) : new HashSet<SyncObject>(), cancellationToken);

    /// <summary>Pulls the <paramref name="pulled"/> objects and pushes.</summary>
    public async Task RunAsync(IReadOnlySet<SyncObject> pulled, CancellationToken cancellationToken)
    {
        var (clientSuccess, crm) = await engine.GatewaysAsync(sync, _calls, cancellationToken);
        var pass = engine.Pass(sync, clientSuccess, crm, write, Report);
        await pass.RunAsync(pulled, cancellationToken);
        PushCursor = pass.PushCursor;
    }
}
