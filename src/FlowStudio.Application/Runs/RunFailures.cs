namespace FlowStudio.Application.Runs;

/// <summary>The records a destination run could not deliver: how many, grouped by the API's error, and the first of them.</summary>
internal sealed record RunFailures(int Count, IReadOnlyList<FailureReason> Reasons, IReadOnlyList<FailedRecord> Records)
{
    public static readonly RunFailures None = new(0, [], []);
}

/// <summary>One reason, how many records failed for it, and the first few of them.</summary>
internal sealed record FailureReason(string? Error, int Records, IReadOnlyList<string> Examples);

/// <summary>An ingest job a run's request started, its final state, and how many records it carried.</summary>
internal sealed record RunJob(string JobId, string State, int Records);

/// <summary>
/// A record that failed: its key and id, failed (tried again later) or dead (failed for good, until Retry failed
/// records), the API's HTTP status and error, and how many runs tried it.
/// </summary>
internal sealed record FailedRecord(long RecordId, string Record, DeliveryStateOutcome Outcome, int? Status, string? Error, int Attempts);
