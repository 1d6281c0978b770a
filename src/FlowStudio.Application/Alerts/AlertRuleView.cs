using System.Text.Json.Serialization;

namespace FlowStudio.Application.Alerts;

/// <summary>An alert rule as the API and the screens show it: never its webhook secret, except once right after it is made.</summary>
public sealed record AlertRuleView(
    string Id,
    string SourceId,
    AlertEvent Event,
    int? Threshold,
    AlertChannel Channel,
    IReadOnlyList<string> EmailTo,
    string? WebhookUrl,
    string Condition,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The newest alert the rule sent (a test one included), if any.</summary>
    public AlertView? LastAlert { get; init; }

    /// <summary>The webhook's signing secret: only in the answer that made it (create, a switch to webhook, or a rotation).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WebhookSecret { get; init; }

    /// <summary>Where the rule sends: its email addresses or its webhook URL.</summary>
    public string Recipient => Channel == AlertChannel.Email ? string.Join(", ", EmailTo) : WebhookUrl ?? "";
}
