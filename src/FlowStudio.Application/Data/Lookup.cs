namespace FlowStudio.Application.Data;

/// <summary>A keyed table whose columns can be used as URL macros; its rows are a dataset's records.</summary>
internal sealed class Lookup
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string DatasetId { get; init; }

    public required string KeyColumn { get; set; }

    public DateTime CreatedAt { get; init; }
}
