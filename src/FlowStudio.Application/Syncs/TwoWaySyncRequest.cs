namespace FlowStudio.Application.Syncs;

/// <summary>
/// A two-way sync between ClientSuccess and a CRM as the API and the editor send it. <paramref name="Clients"/> pairs
/// ClientSuccess clients with CRM accounts, <paramref name="Contacts"/> contacts with contacts; a null object is not
/// synced. <paramref name="PullSchedule"/> is the cron of the pulls from the CRM (the sync frequency; blank: hourly),
/// <paramref name="PushIntervalSeconds"/> how often ClientSuccess is asked for its changes (blank: 60).
/// </summary>
public sealed record TwoWaySyncRequest(
    string? Name,
    string? ClientSuccessCredentialId,
    string? CrmCredentialId,
    SyncObjectRequest? Clients,
    SyncObjectRequest? Contacts,
    string? PullSchedule,
    int? PushIntervalSeconds,
    bool? PropagateDeletes);

/// <summary>
/// One object's settings: its direction (<c>push</c>, <c>pull</c> or <c>push-and-pull</c>, the default), whether a CRM
/// record is imported when <c>any</c> (the default) or <c>all</c> of the import filter's conditions hold (no condition:
/// every record), the field mappings, the CRM ID mapping included, and the object's own poll schedule (a cron of its pulls
/// from the CRM; blank: the sync's).
/// </summary>
public sealed record SyncObjectRequest(
    string? Direction, string? FilterMatch, IReadOnlyList<SyncCondition?>? ImportFilter, IReadOnlyList<SyncFieldRequest?>? Fields, string? PullSchedule = null);

/// <summary>An import-filter condition on a CRM field: <c>equals</c>, <c>not_equal</c>, <c>starts_with</c> or <c>in</c> (comma-separated values).</summary>
public sealed record SyncCondition(string? Field, string? Operator, string? Value);

/// <summary>
/// A field mapping; <paramref name="Direction"/> is <c>push</c> (ClientSuccess to CRM), <c>pull</c> (CRM to ClientSuccess)
/// or <c>push-and-pull</c>, blank for the object's. A PUSH-only or PULL-only object supersedes it.
/// </summary>
public sealed record SyncFieldRequest(string? ClientSuccessField, string? CrmField, string? Direction);
