namespace FlowStudio.Application.Data;

/// <summary>A two-way sync between ClientSuccess and a CRM; its objects' settings are <see cref="SyncObjectConfig"/> JSON.</summary>
internal sealed class Sync
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string ClientSuccessCredentialId { get; set; }

    public required string CrmCredentialId { get; set; }

    /// <summary>Clients ↔ accounts; null: clients are not synced.</summary>
    public string? ClientsJson { get; set; }

    /// <summary>Contacts ↔ contacts; null: contacts are not synced.</summary>
    public string? ContactsJson { get; set; }

    /// <summary>The cron of the pulls from the CRM (UTC).</summary>
    public required string PullCron { get; set; }

    public int PushIntervalSeconds { get; set; }

    public bool PropagateDeletes { get; set; }

    public ResourceStatus Status { get; set; }

    public DateTime? NextPullAt { get; set; }

    public DateTime? NextPushAt { get; set; }

    /// <summary>The next run pulls from the CRM (a run started by the poll of ClientSuccess only pushes).</summary>
    public bool PullRequested { get; set; }

    /// <summary>The newest ClientSuccess modification time the pushes have seen; the next push asks for changes after it.</summary>
    public DateTime? PushCursor { get; set; }

    public DateTime? ImportedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
