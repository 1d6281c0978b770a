namespace FlowStudio.Application.Alerts;

/// <summary>One alert sent (or being sent) as the run's page and <c>GET /api/runs/{id}/alerts</c> show it.</summary>
public sealed record AlertView(
    long Id,
    string? RuleId,
    string? RunId,
    AlertEvent Event,
    int? Threshold,
    string Rule,
    AlertChannel Channel,
    string Recipient,
    AlertStatus Status,
    int Attempts,
    string? Error,
    DateTime CreatedAt,
    DateTime? SentAt,
    DateTime? NextAttemptAt)
{
    /// <summary>Sent with "Send test alert", about no run.</summary>
    public bool Test => RunId is null;

    internal static AlertView From(Alert alert) => new(
        alert.Id, alert.RuleId, alert.RunId, alert.Event, alert.Threshold, AlertWords.Condition(alert.Event, alert.Threshold), alert.Channel,
        alert.Recipient, alert.Status, alert.Attempts, alert.Error, alert.CreatedAt, alert.SentAt, alert.NextAttemptAt);
}
