using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Destinations;

/// <summary>What happened to one record.</summary>
public enum DeliveryOutcome
{
    /// <summary>The API accepted the request that carried the record (2xx).</summary>
    Sent,

    /// <summary>The request failed after retries, or the record could not be turned into a request.</summary>
    Failed,
}

/// <summary>The outcome of one record.</summary>
/// <param name="RecordId">The host's record id (<see cref="DeliveryRecord.Id"/>).</param>
/// <param name="Outcome">Sent or Failed.</param>
/// <param name="Status">The final HTTP status; 0 when no response arrived; null when nothing was sent.</param>
/// <param name="Error">Why it failed (the API's error message, a transport error, or a build error), else null.</param>
/// <param name="Attempts">HTTP attempts made for the request that carried the record (0 when nothing was sent).</param>
public sealed record RecordOutcome(long RecordId, DeliveryOutcome Outcome, int? Status, string? Error, int Attempts);

/// <summary>
/// The result of one payload: the request, the API's final response (null when nothing was sent), and every
/// record's outcome. With the destination's response webhook on, the host forwards <see cref="Response"/>.
/// </summary>
public sealed record DeliveryResult(OutboundPayload Payload, ApiResponse? Response, IReadOnlyList<RecordOutcome> Records)
{
    /// <summary>HTTP attempts made (0 when nothing was sent).</summary>
    public int Attempts => Response?.Attempts ?? 0;

    /// <summary>True when every record of the payload was sent.</summary>
    public bool Succeeded => Records.All(r => r.Outcome == DeliveryOutcome.Sent);

    /// <summary>How many records had <paramref name="outcome"/>.</summary>
    public int Count(DeliveryOutcome outcome) => Records is SharedOutcome shared
        ? (shared.Outcome == outcome ? shared.Count : 0)
        : Records.Count(r => r.Outcome == outcome);
}

/// <summary>
/// The outcomes of records that went in one request and so share one outcome: each <see cref="RecordOutcome"/> is
/// made when it is read, so a delivery does not allocate one per record it only counts.
/// </summary>
internal sealed class SharedOutcome(IReadOnlyList<long> recordIds, DeliveryOutcome outcome, int? status, string? error, int attempts)
    : IReadOnlyList<RecordOutcome>
{
    public DeliveryOutcome Outcome => outcome;

    public int Count => recordIds.Count;

    public RecordOutcome this[int index] => new(recordIds[index], outcome, status, error, attempts);

    public IEnumerator<RecordOutcome> GetEnumerator()
    {
        for (var i = 0; i < recordIds.Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Receives each payload's result as soon as it is known, so the host can persist per-record outcomes.</summary>
public interface IDeliveryObserver
{
    /// <summary>Called once per payload, never concurrently for one run.</summary>
    ValueTask OnResultAsync(DeliveryResult result, CancellationToken cancellationToken);
}

/// <summary>Totals of one delivery run.</summary>
/// <param name="Requests">Requests sent.</param>
/// <param name="RecordsSent">Records the API accepted.</param>
/// <param name="RecordsFailed">Records that failed.</param>
/// <param name="Duration">Wall time of the run.</param>
public sealed record DeliverySummary(int Requests, int RecordsSent, int RecordsFailed, TimeSpan Duration)
{
    /// <summary>Records handled per second.</summary>
    public double RecordsPerSecond => Duration > TimeSpan.Zero ? (RecordsSent + RecordsFailed) / Duration.TotalSeconds : 0;
}

/// <summary>The answer to Send Test Data.</summary>
/// <param name="Status">HTTP status; 0 when no response arrived or nothing could be sent.</param>
/// <param name="ResponseBody">The response body as text.</param>
/// <param name="DurationMs">How long the call took.</param>
/// <param name="Error">A transport error, or why the payload cannot be sent; null otherwise.</param>
public sealed record TestDataResult(int Status, string ResponseBody, long DurationMs, string? Error = null);

/// <summary>Options of one delivery run.</summary>
public sealed record DeliveryRunOptions
{
    /// <summary>Sequential delivery, one request at a time.</summary>
    public static readonly DeliveryRunOptions Default = new();

    /// <summary>Requests in flight at once, 1 to 32. Default 1, the conservative pace vendors ask for.</summary>
    public int MaxConcurrency { get; init; } = 1;
}
