namespace FlowStudio.Application.Data;

/// <summary>A personal API key: it acts as its user. Only the SHA-256 hash of the key is stored.</summary>
internal sealed class ApiKey
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string Name { get; init; }

    /// <summary>The key's first characters, shown in lists so a user can tell keys apart, and used to find a key.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole key, lowercase hex.</summary>
    public required string Hash { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? LastUsedAt { get; set; }
}
