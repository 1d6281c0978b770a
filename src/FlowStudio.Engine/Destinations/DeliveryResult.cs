using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Destinations;

/// <summary>What happened to one record.</summary>
public enum DeliveryOutcome
{
    /// <summary>The API accepted the record (2xx, and its item or ingest job did not fail).</summary>
    Sent,

    /// <summary>The request, its ingest job or the record's own item failed, or the record could not be turned into a request.</summary>
    Failed,
}

/// <summary>A record that failed while others of its request did not, with the API's reason for that item.</summary>
/// <param name="RecordId">The host's record id (<see cref="DeliveryRecord.Id"/>).</param>
/// <param name="Reason">The API's message for this item.</param>
public sealed record ItemFailure(long RecordId, string Reason);

/// <summary>An asynchronous ingestion job a request started, followed to its end.</summary>
/// <param name="JobId">The API's job id.</param>
/// <param name="State">Its last state as the API names it (SUCCESS, FAILED, VALIDATION_FAILED, or the last seen when following stopped).</param>
/// <param name="Error">The API's reasons when the job failed, else null.</param>
public sealed record IngestJobOutcome(string JobId, string State, string? Error)
{
    /// <summary>True when the job ended in success.</summary>
    public bool Succeeded => State == "SUCCESS";
}

/// <summary>
/// The result of one payload: the API's final response (null when nothing was sent) and what it means for the payload's
/// records. Either every record shares <see cref="Outcome"/>, or the request succeeded and only <see cref="ItemFailures"/>
/// failed (the API said which items failed).
/// </summary>
/// <param name="Payload">The payload.</param>
/// <param name="Response">The API's final response, or null when nothing was sent.</param>
/// <param name="Outcome">The outcome of the records not listed in <paramref name="ItemFailures"/>.</param>
/// <param name="Error">Why the request failed (the API's message, a transport error, a failed job's reasons, a build error), else null.</param>
/// <param name="Permanent">
/// The failure will not change by sending the same payload again (a 4xx other than 408 and 429, a job that failed validation,
/// a record that cannot be built): it is not retried automatically.
/// </param>
/// <param name="ItemFailures">Records the API reported failed in a request that succeeded (permanent: the API rejected the item).</param>
/// <param name="Job">The ingest job the request started, when it did.</param>
public sealed record DeliveryResult(
    OutboundPayload Payload,
    ApiResponse? Response,
    DeliveryOutcome Outcome,
    string? Error,
    bool Permanent,
    IReadOnlyList<ItemFailure> ItemFailures,
    IngestJobOutcome? Job = null)
{
    /// <summary>True when the request started an ingest job that is not followed to its end yet (see <see cref="DeliveryRunner.StartAsync"/>).</summary>
    public bool FollowsJob => Job is { } job && !IngestJobs.IsFinal(job.State) && job.Error is null;

    /// <summary>HTTP status of the final response; 0 when no response arrived; null when nothing was sent.</summary>
    public int? Status => Response?.StatusCode;

    /// <summary>Records of the payload that failed.</summary>
    public int FailedCount => Outcome == DeliveryOutcome.Failed ? Payload.RecordIds.Count : ItemFailures.Count;

    /// <summary>Records of the payload that were sent.</summary>
    public int SentCount => Payload.RecordIds.Count - FailedCount;
}

/// <summary>The answer to Send Test Data.</summary>
/// <param name="Status">HTTP status; 0 when no response arrived or nothing could be sent.</param>
/// <param name="ResponseBody">The response body as text.</param>
/// <param name="DurationMs">How long the call took.</param>
/// <param name="Error">A transport error, or why the payload cannot be sent; null otherwise.</param>
public sealed record TestDataResult(int Status, string ResponseBody, long DurationMs, string? Error = null);
