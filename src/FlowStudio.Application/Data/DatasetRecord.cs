namespace FlowStudio.Application.Data;

internal sealed class DatasetRecord
{
    public long Id { get; init; }

    public required string DatasetId { get; init; }

    public required string DataJson { get; init; }

    /// <summary>The record's key when the source names one (the template's key field); a dataset holds one record per key.</summary>
    public string? Key { get; init; }

    /// <summary>The lookup row's key when the source ran once per lookup row.</summary>
    public string? LookupKey { get; init; }

    public DateTime CreatedAt { get; init; }
}
