namespace FlowStudio.Application.Data;

/// <summary>What a sync run did, per object and side, with its conflicts and per-record errors, as JSON.</summary>
internal sealed class SyncRunReport
{
    public required string RunId { get; init; }

    public required string SyncId { get; init; }

    public required string ReportJson { get; set; }
}
