namespace FlowStudio.Application.Data;

/// <summary>
/// Where one dataset record stands with one destination. Written as in flight (committed) before its request is sent and
/// updated after the answer, so a crash re-sends at most the batch that was in flight.
/// </summary>
internal sealed class DeliveryState
{
    public required string DestinationId { get; init; }

    public long RecordId { get; init; }

    public required DeliveryStateOutcome Outcome { get; set; }

    public int Attempts { get; set; }

    public int? Status { get; set; }

    public string? Error { get; set; }

    public string? RunId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
