namespace FlowStudio.Application.Data;

/// <summary>
/// A record a destination could not deliver. Only failed records have a row: a record sent after a retry loses it.
/// Permanent ones (a 4xx other than 408/429, a failed ingest job, a record that cannot be built, or too many attempts)
/// are not tried again until "Retry failed records".
/// </summary>
internal sealed class FailedDelivery
{
    public required string DestinationId { get; init; }

    public long RecordId { get; init; }

    public int Attempts { get; set; }

    public DateTime NextTryAt { get; set; }

    public bool Permanent { get; set; }

    /// <summary>The failed request's error, shared by all its records.</summary>
    public long? RequestErrorId { get; set; }

    /// <summary>This record's own reason when the API named the items that failed, else null (the request's message applies).</summary>
    public string? Reason { get; set; }

    /// <summary>The run that tried it last.</summary>
    public string? RunId { get; set; }
}
