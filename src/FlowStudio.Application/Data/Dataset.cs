namespace FlowStudio.Application.Data;

/// <summary>What a source produces (Nexla's Nexset): records with a detected schema.</summary>
internal sealed class Dataset
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? SourceId { get; set; }

    /// <summary>Detected schema, <c>[{name, type}]</c>, as JSON.</summary>
    public string SchemaJson { get; set; } = "[]";

    public long RecordCount { get; set; }

    public DateTime CreatedAt { get; init; }
}
