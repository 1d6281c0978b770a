namespace FlowStudio.Application.Data;

/// <summary>One failed delivery request (or ingest job): its HTTP status, the API's message and the job id; its failed records link to it.</summary>
internal sealed class RequestError
{
    public long Id { get; init; }

    public required string DestinationId { get; init; }

    public string? RunId { get; set; }

    public int? Status { get; init; }

    public required string Message { get; init; }

    public string? JobId { get; init; }

    public DateTime At { get; init; }
}
