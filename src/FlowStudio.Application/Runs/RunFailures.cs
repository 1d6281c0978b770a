namespace FlowStudio.Application.Runs;

/// <summary>The records a destination run could not deliver: how many, grouped by the API's error, and the first of them.</summary>
internal sealed record RunFailures(int Count, IReadOnlyList<FailureReason> Reasons, IReadOnlyList<FailedRecord> Records)
{
    public static readonly RunFailures None = new(0, [], []);
}

/// <summary>One error message and how many records failed with it.</summary>
internal sealed record FailureReason(string? Error, int Records);

/// <summary>
/// A record that failed: its key and id, failed (tried again later) or dead (failed for good, until Retry failed
/// records), the API's HTTP status and error, and how many runs tried it.
/// </summary>
internal sealed record FailedRecord(long RecordId, string Record, DeliveryStateOutcome Outcome, int? Status, string? Error, int Attempts);
