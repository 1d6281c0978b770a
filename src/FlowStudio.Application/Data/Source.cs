namespace FlowStudio.Application.Data;

internal sealed class Source
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required SourceKind Kind { get; init; }

    public string? CredentialId { get; set; }

    public string? TemplateId { get; set; }

    /// <summary>Template parameter values as JSON.</summary>
    public string ParametersJson { get; set; } = "{}";

    /// <summary>The manual configuration as the user entered it (JSON), or null for a template source.</summary>
    public string? ManualJson { get; set; }

    public required string DatasetId { get; init; }

    public ResourceStatus Status { get; set; } = ResourceStatus.Paused;

    /// <summary>For webhook sources: the token callers send in X-Webhook-Token.</summary>
    public string? WebhookToken { get; init; }

    /// <summary>The run schedule (once, every N minutes/hours/days, or cron) as JSON; null runs only when asked.</summary>
    public string? ScheduleJson { get; set; }

    /// <summary>When the scheduler starts the next run of an active source.</summary>
    public DateTime? NextRunAt { get; set; }

    /// <summary>The record field an incremental source remembers (e.g. <c>modifiedTime</c>); null reads everything every run.</summary>
    public string? CursorField { get; set; }

    /// <summary>The incremental cursor (e.g. the latest modifiedTime read) carried from run to run.</summary>
    public string? Cursor { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
