namespace FlowStudio.Web.Data;

/// <summary>One execution of a source or a destination.</summary>
internal sealed class Run
{
    public required string Id { get; init; }

    public required string ResourceId { get; init; }

    /// <summary>"source" or "destination".</summary>
    public required string Kind { get; init; }

    /// <summary>"running", "succeeded", "failed" or "cancelled".</summary>
    public string Status { get; set; } = "running";

    public long RecordsRead { get; set; }

    public long RecordsSent { get; set; }

    public long RecordsFailed { get; set; }

    public int Requests { get; set; }

    public string? Error { get; set; }

    public DateTime StartedAt { get; init; }

    public DateTime? FinishedAt { get; set; }
}
