namespace FlowStudio.Application.Data;

/// <summary>
/// One alert a rule sent (or is sending) about a run, or a test alert (no run). It keeps what was sent, to whom and the
/// rule's event as they were, so the run's page can list it after the rule changed or went.
/// </summary>
internal sealed class Alert
{
    public long Id { get; init; }

    public required string SourceId { get; init; }

    public string? RuleId { get; init; }

    /// <summary>The run it is about; null for a test alert.</summary>
    public string? RunId { get; init; }

    public AlertEvent Event { get; init; }

    public int? Threshold { get; init; }

    public AlertChannel Channel { get; init; }

    /// <summary>The email addresses, or the webhook URL without its query.</summary>
    public required string Recipient { get; init; }

    /// <summary>The alert's content as JSON: the webhook body, and what the email says.</summary>
    public required string PayloadJson { get; init; }

    public AlertStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? SentAt { get; set; }

    /// <summary>When a failed alert is tried again; null when it is not (sent, or out of attempts).</summary>
    public DateTime? NextAttemptAt { get; set; }
}
