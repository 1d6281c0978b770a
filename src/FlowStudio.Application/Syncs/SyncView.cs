namespace FlowStudio.Application.Syncs;

/// <summary>
/// A saved sync. <paramref name="Status"/> is "active" (pulls on its schedule, pushes ClientSuccess's changes) or
/// "paused"; <paramref name="ImportedAt"/> is when the initial import ran (null: not yet).
/// </summary>
public sealed record SyncView(
    string Id,
    string Name,
    string Status,
    string ClientSuccessCredentialId,
    string CrmCredentialId,
    SyncObjectView? Clients,
    SyncObjectView? Contacts,
    string PullSchedule,
    int PushIntervalSeconds,
    bool PropagateDeletes,
    RunSummary? LastRun,
    DateTime? NextPullAt,
    DateTime? ImportedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The sync as a request, to edit and send back.</summary>
    public TwoWaySyncRequest ToRequest() => new(
        Name, ClientSuccessCredentialId, CrmCredentialId, Clients?.ToRequest(), Contacts?.ToRequest(), PullSchedule, PushIntervalSeconds, PropagateDeletes);
}

/// <summary>One object's saved settings, each field with the direction it actually syncs in.</summary>
public sealed record SyncObjectView(string Direction, string FilterMatch, IReadOnlyList<SyncCondition> ImportFilter, IReadOnlyList<SyncFieldView> Fields, string? PullSchedule = null)
{
    public SyncObjectRequest ToRequest() =>
        new(Direction, FilterMatch, ImportFilter, Fields.Select(f => new SyncFieldRequest(f.ClientSuccessField, f.CrmField, f.Direction)).ToList());
}

/// <summary>
/// A saved field mapping: <paramref name="Direction"/> as set (null: the object's), <paramref name="EffectiveDirection"/>
/// the one the sync uses, and <paramref name="Superseded"/> when a PUSH-only or PULL-only object overrides the field's own.
/// </summary>
public sealed record SyncFieldView(string ClientSuccessField, string CrmField, string? Direction, string EffectiveDirection, bool Superseded);
