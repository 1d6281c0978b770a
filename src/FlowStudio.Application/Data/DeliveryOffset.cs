namespace FlowStudio.Application.Data;

/// <summary>
/// How far a destination has delivered its dataset: every record with an id up to <see cref="RecordId"/> is settled (sent,
/// or listed in <see cref="FailedDelivery"/>). Committed once per group of answers, never before a request is sent, so a
/// crash re-sends at most the requests that were in flight.
/// </summary>
internal sealed class DeliveryOffset
{
    public required string DestinationId { get; init; }

    public long RecordId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
