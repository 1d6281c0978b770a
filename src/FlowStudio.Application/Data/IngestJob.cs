namespace FlowStudio.Application.Data;

/// <summary>An asynchronous ingestion job (Clari bulk ingest) a delivery request started, followed to its final state.</summary>
internal sealed class IngestJob
{
    public long Id { get; init; }

    public required string DestinationId { get; init; }

    public required string RunId { get; init; }

    public required string JobId { get; init; }

    public required string State { get; init; }

    public int Records { get; init; }

    public DateTime At { get; init; }
}
