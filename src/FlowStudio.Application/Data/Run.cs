namespace FlowStudio.Application.Data;

/// <summary>One execution of a source or a destination.</summary>
internal sealed class Run
{
    public required string Id { get; init; }

    public required string ResourceId { get; init; }

    public required RunKind Kind { get; init; }

    public RunStatus Status { get; set; } = RunStatus.Running;

    public long RecordsRead { get; set; }

    public long RecordsSent { get; set; }

    public long RecordsFailed { get; set; }

    public int Requests { get; set; }

    public string? Error { get; set; }

    /// <summary>
    /// Started by the engine itself (an active destination with records to deliver, a source's schedule) rather than by a
    /// user. Such runs retry failed records only once <c>Engine:FailedRetryDelay</c> has passed since their last try.
    /// </summary>
    public bool Automatic { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The number of the source's or destination's configuration version the run started with.</summary>
    public int? Version { get; init; }
}
