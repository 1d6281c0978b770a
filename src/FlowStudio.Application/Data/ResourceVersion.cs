namespace FlowStudio.Application.Data;

/// <summary>
/// One saved configuration of a source or destination: the request that stores it again (never a secret: credentials
/// are referenced by id, a webhook source's token is not part of it), numbered 1, 2, … per resource.
/// </summary>
internal sealed class ResourceVersion
{
    public long Id { get; init; }

    public required string ResourceId { get; init; }

    public required int Number { get; init; }

    public DateTime At { get; init; }

    /// <summary>Who saved it: the user's email, or "system" for a version made from a configuration saved before versions existed.</summary>
    public required string Author { get; init; }

    public required string ConfigJson { get; init; }

    /// <summary>The version this one restored, when it was made by a restore.</summary>
    public int? RestoredFrom { get; init; }
}
