namespace FlowStudio.Application.Data;

/// <summary>One change: who (a user, maybe through one of their API keys) did what to which resource, and when. Never a secret.</summary>
internal sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTime At { get; init; }

    /// <summary>The acting user's id; null for the host itself (first-start seeding).</summary>
    public string? UserId { get; init; }

    /// <summary>The acting user's email as it was then (kept after the user is removed), or "system".</summary>
    public required string Actor { get; init; }

    /// <summary>The API key the change came through, by id and name; null when the user was signed in.</summary>
    public string? ApiKeyId { get; init; }

    public string? ApiKeyName { get; init; }

    public AuditAction Action { get; init; }

    public AuditResource Resource { get; init; }

    public string? ResourceId { get; init; }
}
