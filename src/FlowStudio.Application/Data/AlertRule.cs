namespace FlowStudio.Application.Data;

/// <summary>Who to tell, and how, when a flow's runs show <see cref="Event"/>. A flow's rules belong to its source.</summary>
internal sealed class AlertRule
{
    public required string Id { get; init; }

    public required string SourceId { get; init; }

    public AlertEvent Event { get; set; }

    /// <summary>For <see cref="AlertEvent.FailedRecords"/>: the alert fires when a run's failed records exceed it.</summary>
    public int? Threshold { get; set; }

    public AlertChannel Channel { get; set; }

    /// <summary>For email: the recipients' addresses, comma-separated.</summary>
    public string? EmailTo { get; set; }

    public string? WebhookUrl { get; set; }

    /// <summary>For webhooks: the signing secret, encrypted with ASP.NET Core Data Protection.</summary>
    public string? ProtectedWebhookSecret { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
