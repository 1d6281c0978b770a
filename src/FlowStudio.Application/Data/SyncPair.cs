namespace FlowStudio.Application.Data;

/// <summary>
/// A ClientSuccess record and the CRM record it is kept in step with, and the mapped values both had after the last sync
/// (<see cref="ValuesJson"/>, by ClientSuccess field): a change is a value that differs from them, so a write the sync
/// made is not seen as a new change.
/// </summary>
internal sealed class SyncPair
{
    public long Id { get; init; }

    public required string SyncId { get; init; }

    public required SyncObject Object { get; init; }

    public required string ClientSuccessId { get; init; }

    public required string CrmId { get; init; }

    public required string ValuesJson { get; set; }

    public DateTime? ClientSuccessModifiedAt { get; set; }

    public DateTime? CrmModifiedAt { get; set; }

    public DateTime SyncedAt { get; set; }
}
